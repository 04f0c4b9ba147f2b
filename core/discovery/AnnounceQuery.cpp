// The announce query: what a client sends and the server's strict reading of it.

#include "content/Decimal.h"
#include "discovery/AnnounceProtocol.h"

#include <algorithm>
#include <array>

namespace opendo::discovery {

namespace {

constexpr qsizetype kHashSize = 20;
constexpr qsizetype kMaxKeySize = 64;

QString latin1(QByteArrayView bytes)
{
    return QString::fromLatin1(bytes.data(), bytes.size());
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// '+' stays a plus: the hashes are binary, and a client that means a space or a literal plus
// must say %20 or %2B, so there is no guessing which form-encoding convention it followed.
std::optional<QByteArray> percentDecode(QByteArrayView in)
{
    QByteArray out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char c = in[i];
        if (c != '%') {
            out += c;
            continue;
        }
        if (i + 2 >= in.size())
            return std::nullopt;
        const int hi = hexValue(in[i + 1]);
        const int lo = hexValue(in[i + 2]);
        if (hi < 0 || lo < 0)
            return std::nullopt;
        out += char((hi << 4) | lo);
        i += 2;
    }
    return out;
}

QHostAddress maskAddress(const QHostAddress& address, int prefix)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 mask = prefix == 0 ? 0 : ~quint32(0) << (32 - prefix);
        return QHostAddress(address.toIPv4Address() & mask);
    }
    Q_IPV6ADDR bytes = address.toIPv6Address();
    for (int i = 0; i < 16; ++i) {
        const int bits = std::clamp(prefix - i * 8, 0, 8);
        bytes[i] &= quint8(bits == 0 ? 0 : 0xff << (8 - bits));
    }
    return QHostAddress(bytes);
}

struct QueryField
{
    const char* name;
    QByteArray value;
    bool present = false;
};

enum Field
{
    InfoHash,
    PeerId,
    Port,
    Uploaded,
    Downloaded,
    Left,
    Event,
    Compact,
    NumWant,
    Key,
    Ip,
    Ipv6,
    DoV,
    DoMode,
    DoGroup,
    DoSubnet,
    DoRestrict,
    DoLocal,
    FieldCount
};

constexpr std::array<const char*, FieldCount> kFieldNames = {
    "info_hash", "peer_id", "port",     "uploaded",  "downloaded",  "left",
    "event",     "compact", "numwant",  "key",       "ip",          "ipv6",
    "do_v",      "do_mode", "do_group", "do_subnet", "do_restrict", "do_local"};

int fieldIndex(QByteArrayView name)
{
    for (int i = 0; i < FieldCount; ++i) {
        if (name == QByteArrayView(kFieldNames[size_t(i)]))
            return i;
    }
    return -1;
}

AnnounceParseResult failed(QString error)
{
    AnnounceParseResult result;
    result.error = std::move(error);
    return result;
}

QString numberError(const char* key, qint64 low, qint64 high)
{
    return QStringLiteral("%1 must be a decimal number from %2 to %3")
        .arg(QLatin1String(key))
        .arg(low)
        .arg(high);
}

} // namespace

QHostAddress parseAnnounceAddress(const QByteArray& text)
{
    // QHostAddress also takes forms such as "127.1" or a scope suffix; only plain dotted-quad and
    // RFC 4291 text count here, so that every accepted value prints back the same way.
    if (text.isEmpty() || text.size() > 64 || text.contains('%'))
        return {};
    QHostAddress address;
    if (!address.setAddress(QString::fromLatin1(text)))
        return {};
    if (address.protocol() == QAbstractSocket::IPv4Protocol && text.count('.') != 3)
        return {};
    if (address.protocol() != QAbstractSocket::IPv4Protocol &&
        address.protocol() != QAbstractSocket::IPv6Protocol)
        return {};
    return address;
}

AnnounceParseResult parseAnnounceQuery(QByteArrayView query)
{
    if (query.size() > kMaxAnnounceQuerySize)
        return failed(QStringLiteral("query is longer than %1 bytes").arg(kMaxAnnounceQuerySize));

    std::array<std::optional<QByteArray>, FieldCount> values;
    qsizetype start = 0;
    while (start <= query.size()) {
        qsizetype end = query.indexOf('&', start);
        if (end < 0)
            end = query.size();
        const QByteArrayView pair = query.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue; // "a=1&&b=2" and a trailing '&' are harmless
        const qsizetype eq = pair.indexOf('=');
        const QByteArrayView rawName = eq < 0 ? pair : pair.first(eq);
        const QByteArrayView rawValue = eq < 0 ? QByteArrayView() : pair.sliced(eq + 1);
        const std::optional<QByteArray> name = percentDecode(rawName);
        if (!name)
            return failed(QStringLiteral("bad percent-encoding in key \"%1\"")
                              .arg(latin1(rawName.first(std::min<qsizetype>(rawName.size(), 32)))));
        const int index = fieldIndex(*name);
        if (index < 0)
            continue;
        const char* key = kFieldNames[size_t(index)];
        if (values[size_t(index)])
            return failed(QStringLiteral("duplicate key %1").arg(QLatin1String(key)));
        std::optional<QByteArray> value = percentDecode(rawValue);
        if (!value)
            return failed(QStringLiteral("bad percent-encoding in %1").arg(QLatin1String(key)));
        values[size_t(index)] = std::move(value);
    }

    AnnounceRequest r;
    const auto value = [&values](Field field) -> const std::optional<QByteArray>& {
        return values[size_t(field)];
    };
    const auto number = [&](Field field, qint64 low, qint64 high,
                            qint64* out) -> std::optional<QString> {
        const std::optional<qint64> n = content::parseUnsignedDecimal(*value(field));
        if (!n || *n < low || *n > high)
            return numberError(kFieldNames[size_t(field)], low, high);
        *out = *n;
        return std::nullopt;
    };
    constexpr qint64 kMaxCount = 999999999999999999; // 18 digits

    for (const Field field : {InfoHash, PeerId, Port}) {
        if (!value(field))
            return failed(QStringLiteral("missing %1").arg(QLatin1String(kFieldNames[field])));
    }
    for (const Field field : {InfoHash, PeerId}) {
        if (value(field)->size() != kHashSize)
            return failed(QStringLiteral("%1 must be 20 bytes (got %2)")
                              .arg(QLatin1String(kFieldNames[field]))
                              .arg(value(field)->size()));
    }
    r.infoHash = *value(InfoHash);
    r.peerId = *value(PeerId);

    qint64 n = 0;
    if (auto error = number(Port, 1, 65535, &n))
        return failed(*error);
    r.port = quint16(n);
    if (value(Uploaded)) {
        if (auto error = number(Uploaded, 0, kMaxCount, &r.uploaded))
            return failed(*error);
    }
    if (value(Downloaded)) {
        if (auto error = number(Downloaded, 0, kMaxCount, &r.downloaded))
            return failed(*error);
    }
    if (value(Left)) {
        if (auto error = number(Left, 0, kMaxCount, &r.left))
            return failed(*error);
    }
    if (value(Event)) {
        const QByteArray& e = *value(Event);
        if (e.isEmpty() || e == "empty")
            r.event = AnnounceEvent::None;
        else if (e == "started")
            r.event = AnnounceEvent::Started;
        else if (e == "completed")
            r.event = AnnounceEvent::Completed;
        else if (e == "stopped")
            r.event = AnnounceEvent::Stopped;
        else
            return failed(QStringLiteral("event must be started, completed, stopped or empty"));
    }
    if (value(Compact)) {
        if (auto error = number(Compact, 0, 1, &n))
            return failed(*error);
        r.compact = n == 1;
    }
    if (value(NumWant)) {
        if (auto error = number(NumWant, 0, kMaxCount, &n))
            return failed(*error);
        r.numWant = int(std::min<qint64>(n, kMaxNumWant));
    }
    if (value(Key)) {
        if (value(Key)->size() > kMaxKeySize)
            return failed(QStringLiteral("key must be at most %1 bytes").arg(kMaxKeySize));
        r.key = *value(Key);
    }
    // BEP 7 allows a DNS name in "ip"; the value is only a hint for the local address, so a name
    // (which the server would not resolve) is ignored rather than refused.
    if (value(Ip))
        r.reportedAddress = parseAnnounceAddress(*value(Ip));
    if (r.reportedAddress.isNull() && value(Ipv6)) {
        const QHostAddress v6 = parseAnnounceAddress(*value(Ipv6));
        if (v6.protocol() == QAbstractSocket::IPv6Protocol)
            r.reportedAddress = v6;
    }

    if (value(DoV)) {
        if (*value(DoV) != "1")
            return failed(QStringLiteral("do_v must be 1"));
        r.opendo = true;
    }
    if (value(DoMode)) {
        if (auto error = number(DoMode, 0, 100, &n))
            return failed(*error);
        if (n != 0 && n != 1 && n != 2 && n != 3 && n != 99 && n != 100)
            return failed(QStringLiteral("do_mode must be 0, 1, 2, 3, 99 or 100"));
        r.downloadMode = int(n);
    }
    if (value(DoGroup)) {
        const QByteArray& raw = *value(DoGroup);
        const QString group = QString::fromUtf8(raw);
        if (group.toUtf8() != raw)
            return failed(QStringLiteral("do_group must be UTF-8"));
        if (group.size() > kMaxGroupIdLength)
            return failed(
                QStringLiteral("do_group must be at most %1 characters").arg(kMaxGroupIdLength));
        for (const QChar c : group) {
            if (!c.isPrint() && !c.isSurrogate())
                return failed(QStringLiteral("do_group must be printable characters"));
        }
        r.groupId = group;
    }
    if (value(DoSubnet)) {
        const QByteArray& text = *value(DoSubnet);
        const qsizetype slash = text.indexOf('/');
        const QHostAddress base =
            slash < 0 ? QHostAddress() : parseAnnounceAddress(text.first(slash));
        const qint64 prefix =
            slash < 0 ? -1
                      : content::parseUnsignedDecimal(QByteArrayView(text).sliced(slash + 1))
                            .value_or(-1);
        const int maxPrefix = base.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128;
        if (base.isNull() || prefix < 0 || prefix > maxPrefix)
            return failed(QStringLiteral("do_subnet must be ADDRESS/PREFIX with a prefix from 0 "
                                         "to 32 (IPv4) or 128 (IPv6)"));
        r.subnetPrefix = int(prefix);
        r.subnetBase = maskAddress(base, r.subnetPrefix);
    }
    if (value(DoRestrict)) {
        if (auto error = number(DoRestrict, 0, 1, &n))
            return failed(*error);
        r.restrictToSubnet = n == 1;
        if (r.restrictToSubnet && r.subnetPrefix < 0)
            return failed(QStringLiteral("do_restrict=1 needs do_subnet"));
    }
    if (value(DoLocal)) {
        r.localAddress = parseAnnounceAddress(*value(DoLocal));
        if (r.localAddress.isNull())
            return failed(QStringLiteral("do_local must be an IPv4 or IPv6 address"));
    }

    AnnounceParseResult result;
    result.ok = true;
    result.request = std::move(r);
    return result;
}

QByteArray encodeAnnounceQuery(const AnnounceRequest& request)
{
    QByteArray out;
    out.reserve(256);
    const auto add = [&out](const char* key, const QByteArray& value) {
        if (!out.isEmpty())
            out += '&';
        out += key;
        out += '=';
        out += value.toPercentEncoding();
    };
    const auto addNumber = [&add](const char* key, qint64 value) {
        add(key, QByteArray::number(value));
    };
    add("info_hash", request.infoHash);
    add("peer_id", request.peerId);
    addNumber("port", request.port);
    addNumber("uploaded", std::max<qint64>(0, request.uploaded));
    addNumber("downloaded", std::max<qint64>(0, request.downloaded));
    addNumber("left", std::max<qint64>(0, request.left));
    switch (request.event) {
    case AnnounceEvent::None:
        break;
    case AnnounceEvent::Started:
        add("event", "started");
        break;
    case AnnounceEvent::Completed:
        add("event", "completed");
        break;
    case AnnounceEvent::Stopped:
        add("event", "stopped");
        break;
    }
    addNumber("compact", request.compact ? 1 : 0);
    addNumber("numwant", std::clamp(request.numWant, 0, kMaxNumWant));
    if (!request.key.isEmpty())
        add("key", request.key);
    if (request.reportedAddress.protocol() == QAbstractSocket::IPv4Protocol)
        add("ip", request.reportedAddress.toString().toLatin1());
    else if (request.reportedAddress.protocol() == QAbstractSocket::IPv6Protocol)
        add("ipv6", request.reportedAddress.toString().toLatin1());

    // The extension keys are written whenever they differ from what a standard client implies,
    // so that every request the parser accepts encodes back to an equal request.
    if (request.opendo)
        add("do_v", "1");
    if (request.opendo || request.downloadMode != 3)
        addNumber("do_mode", request.downloadMode);
    if (!request.groupId.isEmpty())
        add("do_group", request.groupId.toUtf8());
    if (!request.subnetBase.isNull() && request.subnetPrefix >= 0)
        add("do_subnet", request.subnetBase.toString().toLatin1() + '/' +
                             QByteArray::number(request.subnetPrefix));
    if (request.restrictToSubnet)
        add("do_restrict", "1");
    if (!request.localAddress.isNull())
        add("do_local", request.localAddress.toString().toLatin1());
    return out;
}

} // namespace opendo::discovery
