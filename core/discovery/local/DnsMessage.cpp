// The DNS message codec: a strict reader for datagrams from the LAN and a compressing writer.

#include "discovery/local/DnsMessage.h"

#include <QCoreApplication>
#include <QHash>
#include <QtEndian>
#include <algorithm>
#include <array>

namespace opendo::discovery::local {

namespace {

constexpr qsizetype kHeaderSize = 12;
constexpr qsizetype kQuestionFixedSize = 4; // type, class
constexpr qsizetype kRecordFixedSize = 10;  // type, class, ttl, rdlength
constexpr qsizetype kSrvFixedSize = 6;      // priority, weight, port
constexpr qsizetype kMaxNameWireSize = 255;
constexpr qsizetype kMaxPointerTarget = 0x3fff;
constexpr int kMaxPointerJumps = 32;
constexpr quint16 kClassTopBit = 0x8000;
constexpr quint8 kPointerBits = 0xc0;

// Each reason ends with the byte offset, so a log line points straight into a packet capture.
const char* const kErrTooLong =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS message longer than 9000 bytes at byte %1");
const char* const kErrHeader = QT_TRANSLATE_NOOP("DnsMessage", "DNS header truncated at byte %1");
const char* const kErrOpcode =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS message with an opcode other than QUERY at byte %1");
const char* const kErrRcode =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS message with a non-zero response code at byte %1");
const char* const kErrCount =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS section with more than 64 entries at byte %1");
const char* const kErrNameCut = QT_TRANSLATE_NOOP("DnsMessage", "DNS name truncated at byte %1");
const char* const kErrLabelType = QT_TRANSLATE_NOOP(
    "DnsMessage", "DNS label longer than 63 bytes or of a reserved type at byte %1");
const char* const kErrNameLong =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS name longer than 255 bytes at byte %1");
const char* const kErrPointer = QT_TRANSLATE_NOOP(
    "DnsMessage", "DNS compression pointer not pointing back to an earlier name at byte %1");
const char* const kErrJumps =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS name with more than 32 compression pointers at byte %1");
const char* const kErrEntryCut =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS question or record truncated at byte %1");
const char* const kErrRdataPastEnd =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS record data running past the message at byte %1");
const char* const kErrRdataSize =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS record data of the wrong length for its type at byte %1");
const char* const kErrTxt =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS TXT string running past its record data at byte %1");
const char* const kErrTrailing =
    QT_TRANSLATE_NOOP("DnsMessage", "DNS message with bytes after the last record at byte %1");

bool asciiEqual(const QByteArray& a, const QByteArray& b)
{
    // Only A-Z fold: DNS leaves every other byte, UTF-8 included, compared as is.
    const auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + ('a' - 'A')) : c; };
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(),
                      [&](char x, char y) { return fold(x) == fold(y); });
}

class DnsReader
{
public:
    explicit DnsReader(const QByteArray& data) : m_data(data) {}

    bool message(DnsMessage& out);
    const QString& error() const { return m_error; }

private:
    bool fail(const char* reason, qsizetype at)
    {
        m_error = QCoreApplication::translate("DnsMessage", reason).arg(at);
        return false;
    }
    quint8 byteAt(qsizetype at) const { return quint8(m_data[at]); }
    template <typename T> T read()
    {
        m_pos += qsizetype(sizeof(T));
        return qFromBigEndian<T>(m_data.constData() + m_pos - qsizetype(sizeof(T)));
    }
    QByteArray take(qsizetype size)
    {
        m_pos += size;
        return m_data.sliced(m_pos - size, size);
    }
    bool name(DnsName& out, qsizetype limit);
    bool entry(DnsName& owner, quint16& type, quint16& cls, bool& classFlag, qsizetype fixedSize);
    bool record(DnsRecord& out);
    bool rdata(DnsRecord& out, qsizetype end);

    const QByteArray& m_data;
    qsizetype m_pos = 0;
    QString m_error;
};

// Reads labels up to `limit` (the end of the rdata for names inside it). A pointer must land in
// front of the run of labels that led to it, so every jump goes further back and no chain can
// loop; the jump limit only bounds the work of long honest chains.
bool DnsReader::name(DnsName& out, qsizetype limit)
{
    qsizetype at = m_pos;
    qsizetype runStart = m_pos;
    qsizetype resume = -1; // after the first pointer, where the enclosing structure continues
    qsizetype wireSize = 1;
    int jumps = 0;
    for (;;) {
        if (at >= limit)
            return fail(kErrNameCut, at);
        const quint8 length = byteAt(at);
        if (length == 0)
            break;
        if ((length & kPointerBits) == kPointerBits) {
            if (limit - at < 2)
                return fail(kErrNameCut, at);
            const qsizetype target = ((length & ~kPointerBits) << 8) | byteAt(at + 1);
            if (target < kHeaderSize || target >= runStart)
                return fail(kErrPointer, at);
            if (++jumps > kMaxPointerJumps)
                return fail(kErrJumps, at);
            if (resume < 0)
                resume = at + 2;
            at = runStart = target;
            limit = m_data.size();
            continue;
        }
        if (length & kPointerBits)
            return fail(kErrLabelType, at);
        wireSize += 1 + length;
        if (wireSize > kMaxNameWireSize)
            return fail(kErrNameLong, at);
        if (limit - at - 1 < length)
            return fail(kErrNameCut, at);
        out.append(m_data.sliced(at + 1, length));
        at += 1 + length;
    }
    m_pos = resume < 0 ? at + 1 : resume;
    return true;
}

// The owner name, type and class that start a question or a record, with the flag mDNS keeps
// in the top bit of the class; `fixedSize` bytes must follow the name.
bool DnsReader::entry(DnsName& owner, quint16& type, quint16& cls, bool& classFlag,
                      qsizetype fixedSize)
{
    if (!name(owner, m_data.size()))
        return false;
    if (m_data.size() - m_pos < fixedSize)
        return fail(kErrEntryCut, m_pos);
    type = read<quint16>();
    cls = read<quint16>();
    classFlag = cls & kClassTopBit;
    cls &= ~kClassTopBit;
    return true;
}

bool DnsReader::record(DnsRecord& out)
{
    if (!entry(out.name, out.type, out.cls, out.cacheFlush, kRecordFixedSize))
        return false;
    out.ttl = read<quint32>();
    const quint16 length = read<quint16>();
    if (m_data.size() - m_pos < length)
        return fail(kErrRdataPastEnd, m_pos - 2);
    const qsizetype end = m_pos + length;
    if (!rdata(out, end))
        return false;
    if (m_pos != end)
        return fail(kErrRdataSize, m_pos);
    return true;
}

bool DnsReader::rdata(DnsRecord& out, qsizetype end)
{
    const qsizetype start = m_pos;
    const qsizetype length = end - start;
    // The layout of A and AAAA rdata is defined per class; mDNS only ever uses IN.
    if (out.cls != kDnsClassIn) {
        out.rdata = take(length);
        return true;
    }
    switch (out.type) {
    case DnsType::A:
        if (length != 4)
            return fail(kErrRdataSize, start);
        out.address = QHostAddress(read<quint32>());
        return true;
    case DnsType::Aaaa:
        if (length != 16)
            return fail(kErrRdataSize, start);
        out.address = QHostAddress(reinterpret_cast<const quint8*>(take(16).constData()));
        return true;
    case DnsType::Ptr:
        return name(out.target, end);
    case DnsType::Srv:
        if (length < kSrvFixedSize)
            return fail(kErrRdataSize, start);
        out.priority = read<quint16>();
        out.weight = read<quint16>();
        out.port = read<quint16>();
        return name(out.target, end);
    case DnsType::Txt:
        while (m_pos < end) {
            const qsizetype size = byteAt(m_pos);
            if (end - m_pos - 1 < size)
                return fail(kErrTxt, m_pos);
            ++m_pos;
            out.txt.append(take(size));
        }
        // RFC 6763 §6.1: a lone empty string is how an empty TXT record has to be sent.
        if (out.txt.size() == 1 && out.txt.first().isEmpty())
            out.txt.clear();
        return true;
    default:
        out.rdata = take(length);
        return true;
    }
}

bool DnsReader::message(DnsMessage& out)
{
    if (m_data.size() > kMaxDnsMessageSize)
        return fail(kErrTooLong, kMaxDnsMessageSize);
    if (m_data.size() < kHeaderSize)
        return fail(kErrHeader, m_data.size());
    out.id = read<quint16>();
    const quint16 flags = read<quint16>();
    if ((flags >> 11) & 0xf)
        return fail(kErrOpcode, 2);
    if (flags & 0xf)
        return fail(kErrRcode, 3);
    out.response = flags & 0x8000;
    out.authoritative = flags & 0x0400;
    std::array<quint16, 4> counts{};
    for (quint16& count : counts) {
        if ((count = read<quint16>()) > kMaxDnsSectionEntries)
            return fail(kErrCount, m_pos - 2);
    }
    out.questions.resize(counts[0]);
    for (DnsQuestion& q : out.questions) {
        if (!entry(q.name, q.type, q.cls, q.unicastResponse, kQuestionFixedSize))
            return false;
    }
    const std::array<QList<DnsRecord>*, 3> sections{&out.answers, &out.authorities,
                                                    &out.additionals};
    for (size_t i = 0; i < sections.size(); ++i) {
        sections[i]->resize(counts[i + 1]);
        for (DnsRecord& rr : *sections[i]) {
            if (!record(rr))
                return false;
        }
    }
    if (m_pos != m_data.size())
        return fail(kErrTrailing, m_pos);
    return true;
}

class DnsWriter
{
public:
    QByteArray out;

    template <typename T> void put(T value)
    {
        out.resize(out.size() + qsizetype(sizeof(T)));
        qToBigEndian(value, out.data() + out.size() - qsizetype(sizeof(T)));
    }
    void name(const DnsName& name);
    void entry(const DnsName& owner, quint16 type, quint16 cls, bool classFlag)
    {
        name(owner);
        put<quint16>(type);
        put<quint16>((cls & ~kClassTopBit) | (classFlag ? kClassTopBit : 0));
    }
    void record(const DnsRecord& rr);

private:
    void rdata(const DnsRecord& rr);

    // The exact wire bytes of every suffix written so far, to where it starts. Exact, not
    // case-folded: a pointer to "Local" would turn a later "local" into "Local".
    QHash<QByteArray, quint16> m_suffixes;
};

void DnsWriter::name(const DnsName& name)
{
    for (qsizetype i = 0; i < name.size(); ++i) {
        QByteArray suffix;
        for (qsizetype j = i; j < name.size(); ++j)
            suffix += char(name[j].size()) + name[j];
        if (const auto found = m_suffixes.constFind(suffix); found != m_suffixes.cend()) {
            put<quint16>(quint16(kPointerBits << 8) | *found);
            return;
        }
        if (out.size() <= kMaxPointerTarget)
            m_suffixes.insert(suffix, quint16(out.size()));
        put<quint8>(quint8(name[i].size()));
        out += name[i];
    }
    put<quint8>(0);
}

void DnsWriter::record(const DnsRecord& rr)
{
    entry(rr.name, rr.type, rr.cls, rr.cacheFlush);
    put<quint32>(rr.ttl);
    const qsizetype lengthAt = out.size();
    put<quint16>(0);
    rdata(rr);
    qToBigEndian(quint16(out.size() - lengthAt - 2), out.data() + lengthAt);
}

void DnsWriter::rdata(const DnsRecord& rr)
{
    if (rr.cls != kDnsClassIn) {
        out += rr.rdata;
        return;
    }
    switch (rr.type) {
    case DnsType::A:
        put<quint32>(rr.address.toIPv4Address());
        return;
    case DnsType::Aaaa: {
        const Q_IPV6ADDR bytes = rr.address.toIPv6Address();
        out.append(reinterpret_cast<const char*>(bytes.c), sizeof bytes.c);
        return;
    }
    case DnsType::Srv:
        put<quint16>(rr.priority);
        put<quint16>(rr.weight);
        put<quint16>(rr.port);
        [[fallthrough]];
    case DnsType::Ptr:
        name(rr.target);
        return;
    case DnsType::Txt:
        if (rr.txt.isEmpty())
            put<quint8>(0);
        for (const QByteArray& string : rr.txt) {
            put<quint8>(quint8(string.size()));
            out += string;
        }
        return;
    default:
        out += rr.rdata;
        return;
    }
}

} // namespace

DnsName dnsName(const QString& dotted)
{
    DnsName labels;
    QByteArray label;
    const QByteArray bytes = dotted.toUtf8();
    for (qsizetype i = 0; i <= bytes.size(); ++i) {
        if (i == bytes.size() || bytes[i] == '.') {
            if (!label.isEmpty())
                labels.append(label);
            label.clear();
        } else {
            if (bytes[i] == '\\' && i + 1 < bytes.size())
                ++i;
            label += bytes[i];
        }
    }
    return labels;
}

QString dnsNameText(const DnsName& name)
{
    using namespace Qt::StringLiterals;
    QStringList labels;
    for (const QByteArray& label : name)
        labels.append(QString::fromUtf8(label).replace(u'\\', u"\\\\"_s).replace(u'.', u"\\."_s));
    return labels.join(u'.');
}

bool sameDnsName(const DnsName& a, const DnsName& b)
{
    return std::equal(a.cbegin(), a.cend(), b.cbegin(), b.cend(), asciiEqual);
}

std::optional<DnsMessage> parseDnsMessage(const QByteArray& datagram, QString* error)
{
    DnsReader reader(datagram);
    DnsMessage message;
    if (reader.message(message))
        return message;
    if (error)
        *error = reader.error();
    return std::nullopt;
}

QByteArray serializeDnsMessage(const DnsMessage& message)
{
    DnsWriter writer;
    writer.put<quint16>(message.id);
    writer.put<quint16>((message.response ? 0x8000 : 0) | (message.authoritative ? 0x0400 : 0));
    const std::array<const QList<DnsRecord>*, 3> sections{&message.answers, &message.authorities,
                                                          &message.additionals};
    writer.put<quint16>(quint16(message.questions.size()));
    for (const QList<DnsRecord>* section : sections)
        writer.put<quint16>(quint16(section->size()));
    for (const DnsQuestion& q : message.questions)
        writer.entry(q.name, q.type, q.cls, q.unicastResponse);
    for (const QList<DnsRecord>* section : sections) {
        for (const DnsRecord& rr : *section)
            writer.record(rr);
    }
    return writer.out;
}

DnsRecord dnsRecord(const DnsName& name, quint16 type, quint32 ttl)
{
    DnsRecord r;
    r.name = name;
    r.type = type;
    r.ttl = ttl;
    return r;
}

} // namespace opendo::discovery::local
