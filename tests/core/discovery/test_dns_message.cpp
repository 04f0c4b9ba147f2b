// The mDNS / DNS-SD message codec: messages round-trip, names are compressed, hand-built
// compressed packets read as they should, and every kind of malformed datagram is refused with
// a reason that names the offending byte.

#include "discovery/local/DnsMessage.h"

#include <QTest>
#include <QtEndian>

using namespace opendo::discovery::local;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(DnsMessage)

namespace {

QByteArray be16(quint16 value)
{
    QByteArray bytes(2, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray be32(quint32 value)
{
    QByteArray bytes(4, '\0');
    qToBigEndian(value, bytes.data());
    return bytes;
}

QByteArray header(quint16 flags, quint16 questions, quint16 answers = 0, quint16 authorities = 0,
                  quint16 additionals = 0)
{
    return be16(0x1234) + be16(flags) + be16(questions) + be16(answers) + be16(authorities) +
           be16(additionals);
}

// A name without compression, root label included.
QByteArray wire(const char* dotted)
{
    QByteArray bytes;
    for (const QByteArray& label : dnsName(QString::fromUtf8(dotted)))
        bytes += char(label.size()) + label;
    return bytes + '\0';
}

QByteArray question(const QByteArray& name, quint16 type = DnsType::Ptr)
{
    return name + be16(type) + be16(kDnsClassIn);
}

QByteArray record(const QByteArray& name, quint16 type, const QByteArray& rdata,
                  quint16 cls = kDnsClassIn)
{
    return name + be16(type) + be16(cls) + be32(120) + be16(quint16(rdata.size())) + rdata;
}

constexpr quint16 kResponseFlags = 0x8400; // QR and AA

DnsRecord ptrRecord(const char* owner, const char* target)
{
    DnsRecord r;
    r.name = dnsName(QString::fromUtf8(owner));
    r.type = DnsType::Ptr;
    r.ttl = 4500;
    r.target = dnsName(QString::fromUtf8(target));
    return r;
}

DnsRecord srvRecord(const char* owner, const char* host, quint16 port)
{
    DnsRecord r;
    r.name = dnsName(QString::fromUtf8(owner));
    r.type = DnsType::Srv;
    r.cacheFlush = true;
    r.ttl = 120;
    r.priority = 0;
    r.weight = 0;
    r.port = port;
    r.target = dnsName(QString::fromUtf8(host));
    return r;
}

DnsRecord txtRecord(const char* owner, QList<QByteArray> strings)
{
    DnsRecord r;
    r.name = dnsName(QString::fromUtf8(owner));
    r.type = DnsType::Txt;
    r.cacheFlush = true;
    r.ttl = 4500;
    r.txt = std::move(strings);
    return r;
}

DnsRecord addressRecord(const char* owner, const char* address)
{
    DnsRecord r;
    r.name = dnsName(QString::fromUtf8(owner));
    r.address = QHostAddress(QString::fromUtf8(address));
    r.type = r.address.protocol() == QAbstractSocket::IPv4Protocol ? DnsType::A : DnsType::Aaaa;
    r.cacheFlush = true;
    r.ttl = 120;
    return r;
}

// What a peer answers to a browse for _opendo._tcp: the instance name has a dot in it.
DnsMessage serviceResponse()
{
    DnsMessage m;
    m.response = true;
    m.authoritative = true;
    m.answers = {ptrRecord("_opendo._tcp.local", "Peer\\. A._opendo._tcp.local")};
    m.additionals = {srvRecord("Peer\\. A._opendo._tcp.local", "host.local", 7680),
                     txtRecord("Peer\\. A._opendo._tcp.local", {"v=1", "id=abc", ""}),
                     addressRecord("host.local", "192.168.1.23"),
                     addressRecord("host.local", "fe80::1:2")};
    return m;
}

std::optional<DnsMessage> parsed(const QByteArray& datagram)
{
    QString error;
    std::optional<DnsMessage> message = parseDnsMessage(datagram, &error);
    if (!message)
        qWarning() << "refused:" << error;
    return message;
}

} // namespace

class TestDnsMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void compressionShortensRepeatedSuffixes();
    void handBuiltCompressedResponse();
    void headerBits();
    void emptyTxt();
    void acceptedLimits_data();
    void acceptedLimits();
    void malformed_data();
    void malformed();
    void sameNameIgnoresAsciiCase();
    void nameText();
};

void TestDnsMessage::roundTrip_data()
{
    QTest::addColumn<DnsMessage>("message");

    DnsMessage query;
    query.id = 0;
    DnsQuestion browse{dnsName(u"_opendo._tcp.local"_s), DnsType::Ptr, kDnsClassIn, true};
    DnsQuestion host{dnsName(u"host.local"_s), DnsType::Aaaa, kDnsClassIn, false};
    query.questions = {browse, host};
    query.answers = {ptrRecord("_opendo._tcp.local", "Known._opendo._tcp.local")}; // known answer
    QTest::addRow("query") << query;

    QTest::addRow("service response") << serviceResponse();

    DnsMessage probe;
    probe.id = 0x4711;
    probe.questions = {{dnsName(u"Peer A._opendo._tcp.local"_s), DnsType::Any, kDnsClassIn, true}};
    probe.authorities = {srvRecord("Peer A._opendo._tcp.local", "Host.Local", 1)};
    QTest::addRow("probe with authority") << probe;

    DnsMessage unknown;
    unknown.response = true;
    DnsRecord hinfo;
    hinfo.name = dnsName(u"host.local"_s);
    hinfo.type = 13; // HINFO: kept as raw rdata
    hinfo.ttl = 0xfffffff0;
    hinfo.rdata = "\x03x86\x05Linux"_ba;
    DnsRecord chaos; // A in another class: its layout is not IN's, so it stays raw too
    chaos.name = dnsName(u"version.bind"_s);
    chaos.type = DnsType::A;
    chaos.cls = 3;
    chaos.rdata = "\x00\x01\x02"_ba;
    DnsRecord nsec; // NSEC with a compressible-looking name inside: not touched
    nsec.name = dnsName(u"host.local"_s);
    nsec.type = 47;
    nsec.rdata = wire("host.local") + "\x00\x01\x40"_ba;
    unknown.answers = {hinfo, chaos, nsec};
    QTest::addRow("unknown types") << unknown;

    DnsMessage utf8;
    utf8.response = true;
    utf8.answers = {ptrRecord("_opendo._tcp.local", "Büro-PC (2)._opendo._tcp.local"),
                    txtRecord("Büro-PC (2)._opendo._tcp.local", {QByteArray(255, 't')})};
    QTest::addRow("utf-8 and a 255-byte string") << utf8;
}

void TestDnsMessage::roundTrip()
{
    QFETCH(DnsMessage, message);
    const QByteArray bytes = serializeDnsMessage(message);
    QString error;
    const std::optional<DnsMessage> back = parseDnsMessage(bytes, &error);
    QVERIFY2(back, qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(back->id, message.id);
    QCOMPARE(back->questions.size(), message.questions.size());
    QCOMPARE(back->answers.size(), message.answers.size());
    QCOMPARE(back->authorities.size(), message.authorities.size());
    QCOMPARE(back->additionals.size(), message.additionals.size());
    for (qsizetype i = 0; i < message.answers.size(); ++i) {
        QCOMPARE(dnsNameText(back->answers[i].name), dnsNameText(message.answers[i].name));
        QCOMPARE(dnsNameText(back->answers[i].target), dnsNameText(message.answers[i].target));
        QCOMPARE(back->answers[i].rdata, message.answers[i].rdata);
        QVERIFY(back->answers[i] == message.answers[i]);
    }
    QVERIFY(*back == message);
    // And the bytes are stable: a second pass writes the very same datagram.
    QCOMPARE(serializeDnsMessage(*back), bytes);
}

void TestDnsMessage::compressionShortensRepeatedSuffixes()
{
    DnsMessage m;
    m.response = true;
    m.answers = {ptrRecord("_opendo._tcp.local", "Peer A._opendo._tcp.local"),
                 srvRecord("Peer A._opendo._tcp.local", "host.local", 7680),
                 txtRecord("Peer A._opendo._tcp.local", {"v=1"}),
                 addressRecord("host.local", "192.168.1.23")};
    const QByteArray bytes = serializeDnsMessage(m);
    // Header 12; PTR 20 + 10 + 9 (label, pointer); SRV 2 + 10 + 6 + 7 (label, pointer into the
    // service name); TXT 2 + 10 + 4; A 2 (pointer into the SRV rdata) + 10 + 4. Without
    // compression it would be 191.
    QCOMPARE(bytes.size(), 108);
    QCOMPARE(bytes.count("\x07_opendo\x04_tcp\x05local"_ba), 1);
    QCOMPARE(bytes.count("\x06Peer A"_ba), 1);
    QCOMPARE(bytes.count("\x05local"_ba), 1);
    QCOMPARE(bytes.count("\x04host"_ba), 1);
    const std::optional<DnsMessage> back = parsed(bytes);
    QVERIFY(back);
    QVERIFY(*back == m);

    // Compression is exact: a suffix differing in case only is spelled out again.
    DnsMessage cased;
    cased.questions = {{dnsName(u"a.local"_s), DnsType::A}, {dnsName(u"b.LOCAL"_s), DnsType::A}};
    const QByteArray casedBytes = serializeDnsMessage(cased);
    QCOMPARE(casedBytes.count("\x05LOCAL"_ba), 1);
    QVERIFY(*parsed(casedBytes) == cased);
}

void TestDnsMessage::handBuiltCompressedResponse()
{
    // 12: _opendo._tcp.local PTR -> "peer" + pointer to 12 (rdata at 42)
    // 49: pointer to 42 (peer._opendo._tcp.local) SRV, cache flush; target "host" + pointer to
    //     25 ("local" inside the first name), at 67
    // 74: pointer to 67 (host.local, inside the SRV rdata) A 192.168.1.23
    const QByteArray ptrRdata = "\x04peer\xc0\x0c"_ba;
    const QByteArray srvRdata = be16(0) + be16(5) + be16(7680) + "\x04host\xc0\x19"_ba;
    const QByteArray datagram = header(kResponseFlags, 0, 2, 0, 1) +
                                record(wire("_opendo._tcp.local"), DnsType::Ptr, ptrRdata) +
                                record("\xc0\x2a"_ba, DnsType::Srv, srvRdata, 0x8001) +
                                record("\xc0\x43"_ba, DnsType::A, "\xc0\xa8\x01\x17"_ba);
    QCOMPARE(datagram.size(), 90);

    const std::optional<DnsMessage> m = parsed(datagram);
    QVERIFY(m);
    QCOMPARE(m->id, quint16(0x1234));
    QVERIFY(m->response);
    QVERIFY(m->authoritative);
    QCOMPARE(m->answers.size(), 2);
    QCOMPARE(m->additionals.size(), 1);
    const DnsName instance{"peer", "_opendo", "_tcp", "local"};
    QCOMPARE(m->answers[0].name, (DnsName{"_opendo", "_tcp", "local"}));
    QCOMPARE(m->answers[0].type, DnsType::Ptr);
    QVERIFY(!m->answers[0].cacheFlush);
    QCOMPARE(m->answers[0].ttl, quint32(120));
    QCOMPARE(m->answers[0].target, instance);
    QCOMPARE(m->answers[1].name, instance);
    QCOMPARE(m->answers[1].type, DnsType::Srv);
    QCOMPARE(m->answers[1].cls, kDnsClassIn);
    QVERIFY(m->answers[1].cacheFlush);
    QCOMPARE(m->answers[1].weight, quint16(5));
    QCOMPARE(m->answers[1].port, quint16(7680));
    QCOMPARE(m->answers[1].target, (DnsName{"host", "local"}));
    QCOMPARE(m->additionals[0].name, (DnsName{"host", "local"}));
    QCOMPARE(m->additionals[0].address, QHostAddress(u"192.168.1.23"_s));
}

void TestDnsMessage::headerBits()
{
    DnsMessage query;
    query.id = 0xbeef;
    query.questions = {{dnsName(u"_opendo._tcp.local"_s), DnsType::Ptr, kDnsClassIn, true}};
    const QByteArray bytes = serializeDnsMessage(query);
    QCOMPARE(bytes.left(12), "\xbe\xef\x00\x00\x00\x01\x00\x00\x00\x00\x00\x00"_ba);
    QVERIFY(bytes.endsWith("\x00\x00\x0c\x80\x01"_ba)); // QU bit on top of class IN

    // Bits without a field (here TC, RD, RA) are read past, not refused.
    const QByteArray flagged = header(0x8780, 1) + question(wire("host.local"));
    const std::optional<DnsMessage> m = parsed(flagged);
    QVERIFY(m);
    QVERIFY(m->response);
    QVERIFY(m->authoritative);
    QVERIFY(!m->questions[0].unicastResponse);
    QCOMPARE(serializeDnsMessage(*m).mid(2, 2), "\x84\x00"_ba);
}

void TestDnsMessage::emptyTxt()
{
    DnsMessage m;
    m.response = true;
    m.answers = {txtRecord("x.local", {})};
    const QByteArray bytes = serializeDnsMessage(m);
    QVERIFY(bytes.endsWith("\x00\x01\x00"_ba)); // rdlength 1, one empty string
    QVERIFY(*parsed(bytes) == m);

    const QByteArray noRdata = header(kResponseFlags, 0, 1) + record(wire("x.local"), 16, {});
    QVERIFY(parsed(noRdata)->answers[0].txt.isEmpty());
    const QByteArray twoEmpty =
        header(kResponseFlags, 0, 1) + record(wire("x.local"), 16, "\x00\x00"_ba);
    QCOMPARE(parsed(twoEmpty)->answers[0].txt, (QList<QByteArray>{"", ""}));
}

void TestDnsMessage::acceptedLimits_data()
{
    QTest::addColumn<QByteArray>("datagram");

    const QByteArray label63 = '\x3f' + QByteArray(63, 'a');
    QTest::addRow("name of 255 bytes")
        << header(0, 1) +
               question(label63 + label63 + label63 + '\x3d' + QByteArray(61, 'b') + '\0');

    QByteArray chain = header(0, 33) + question(wire("a"));
    for (int i = 0; i < 32; ++i) // each name points at the one before: the last takes 32 jumps
        chain += question(i == 0 ? "\xc0\x0c"_ba : "\xc0"_ba + char(19 + 6 * (i - 1)));
    QTest::addRow("32 pointers") << chain;

    QByteArray many = header(0, 64);
    for (int i = 0; i < 64; ++i)
        many += question(wire("local"));
    QTest::addRow("64 questions") << many;

    QTest::addRow("9000 bytes") << header(kResponseFlags, 0, 1) +
                                       record(wire("host.local"), 99, QByteArray(8966, 'r'));
    QTest::addRow("empty question name") << header(0, 1) + question(wire(""), DnsType::Any);
    QTest::addRow("other class, odd A")
        << header(kResponseFlags, 0, 1) + record(wire("h.local"), DnsType::A, "12345"_ba, 3);
}

void TestDnsMessage::acceptedLimits()
{
    QFETCH(QByteArray, datagram);
    QString error;
    const std::optional<DnsMessage> m = parseDnsMessage(datagram, &error);
    QVERIFY2(m, qPrintable(error));
    QVERIFY(*parsed(serializeDnsMessage(*m)) == *m);
}

void TestDnsMessage::malformed_data()
{
    QTest::addColumn<QByteArray>("datagram");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("reason");

    const QByteArray query = header(0, 1) + question(wire("_opendo._tcp.local"));
    const QByteArray one = header(kResponseFlags, 0, 1);
    const QByteArray host = wire("host.local"); // 12 bytes: rdata starts at 34
    const QByteArray tc = be16(DnsType::Ptr) + be16(kDnsClassIn);

    QTest::addRow("empty") << QByteArray() << 0 << "header truncated";
    QTest::addRow("truncated header") << query.left(7) << 7 << "header truncated";
    QTest::addRow("truncated name")
        << header(0, 1) + "\x07_opendo\x04_tc"_ba << 20 << "name truncated";
    QTest::addRow("name without root") << header(0, 1) + "\x05local"_ba << 18 << "name truncated";
    QTest::addRow("label of 64 bytes")
        << header(0, 1) + '\x40' + QByteArray(64, 'a') + '\0' + tc << 12 << "longer than 63 bytes";
    const QByteArray label63 = '\x3f' + QByteArray(63, 'a');
    QTest::addRow("name over 255 bytes")
        << header(0, 1) + label63 + label63 + label63 + label63 + '\0' + tc << 204
        << "name longer than 255";
    QTest::addRow("forward pointer")
        << header(0, 1) + "\xc0\x12"_ba + tc << 12 << "pointer not pointing back";
    QTest::addRow("self pointer") << header(0, 1) + "\xc0\x0c"_ba + tc << 12
                                  << "pointer not pointing back";
    QTest::addRow("loop to own start")
        << header(0, 2) + question(wire("a")) + "\x01"_ba + "b\xc0\x13"_ba + tc << 21
        << "pointer not pointing back";
    QTest::addRow("pointer into header")
        << header(0, 1) + "\xc0\x04"_ba + tc << 12 << "pointer not pointing back";
    QByteArray chain = header(0, 34) + question(wire("a"));
    for (int i = 0; i < 33; ++i)
        chain += question(i == 0 ? "\xc0\x0c"_ba : "\xc0"_ba + char(19 + 6 * (i - 1)));
    QTest::addRow("33 pointers") << chain << 19 << "more than 32 compression pointers";
    QTest::addRow("label type 0x40") << header(0, 1) + "\x41\x00"_ba + tc << 12 << "reserved type";
    QTest::addRow("label type 0x80") << header(0, 1) + "\x80\x01"_ba + tc << 12 << "reserved type";
    QTest::addRow("truncated question")
        << header(0, 1) + wire("local") + "\x00\x0c\x00"_ba << 19 << "question or record truncated";
    QTest::addRow("truncated record")
        << one + wire("local") + QByteArray(9, '\0') << 19 << "question or record truncated";
    QTest::addRow("rdlength past end")
        << one + host + be16(DnsType::A) + be16(1) + be32(1) + be16(10) + be32(1) << 32
        << "running past the message";
    QTest::addRow("A rdlength 5") << one + record(host, DnsType::A, "12345"_ba) << 34
                                  << "wrong length";
    QTest::addRow("AAAA rdlength 4")
        << one + record(host, DnsType::Aaaa, "1234"_ba) << 34 << "wrong length";
    QTest::addRow("SRV rdata of 4")
        << one + record(host, DnsType::Srv, "1234"_ba) << 34 << "wrong length";
    QTest::addRow("SRV without target")
        << one + record(host, DnsType::Srv, "123456"_ba) << 40 << "name truncated";
    QTest::addRow("PTR name past rdata")
        << one + record(host, DnsType::Ptr, "\x04pe"_ba) + "er\x00"_ba << 34 << "name truncated";
    QTest::addRow("PTR bytes after name")
        << one + record(host, DnsType::Ptr, wire("x.local") + '\0') << 43 << "wrong length";
    QTest::addRow("TXT string past rdata")
        << header(kResponseFlags, 0, 2) + record(host, DnsType::Txt, "\x03"_ba + "abc\x05xy"_ba) +
               record(host, DnsType::A, "1234"_ba)
        << 38 << "TXT string";
    QTest::addRow("fewer records than counted")
        << header(kResponseFlags, 0, 2) + record(host, DnsType::A, "1234"_ba) << 38
        << "name truncated";
    QTest::addRow("trailing byte") << query + '\0' << 36 << "after the last record";
    QByteArray many = header(0, 65);
    for (int i = 0; i < 65; ++i)
        many += question(wire("local"));
    QTest::addRow("65 questions") << many << 4 << "more than 64 entries";
    QTest::addRow("65 additionals")
        << header(kResponseFlags, 0, 0, 0, 65) << 10 << "more than 64 entries";
    QTest::addRow("opcode 1") << header(0x0800, 1) + question(wire("local")) << 2 << "opcode";
    QTest::addRow("opcode 5") << header(0x2800, 1) + question(wire("local")) << 2 << "opcode";
    QTest::addRow("rcode 3") << header(0x8403, 0) << 3 << "response code";
    QTest::addRow("oversize datagram")
        << one + record(wire("host.local"), 99, QByteArray(8967, 'r')) << 9000
        << "longer than 9000 bytes";
}

void TestDnsMessage::malformed()
{
    QFETCH(QByteArray, datagram);
    QFETCH(int, offset);
    QFETCH(QString, reason);
    QString error;
    QVERIFY(!parseDnsMessage(datagram, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(reason), qPrintable(error));
    QVERIFY2(error.endsWith(u"at byte %1"_s.arg(offset)), qPrintable(error));
    QVERIFY(!error.contains(QLatin1Char('\n')));
    QVERIFY(!parseDnsMessage(datagram)); // no error string wanted: still refused
}

void TestDnsMessage::sameNameIgnoresAsciiCase()
{
    QVERIFY(sameDnsName({"_OpenDO", "_TCP", "Local"}, {"_opendo", "_tcp", "local"}));
    QVERIFY(sameDnsName({}, {}));
    QVERIFY(!sameDnsName({"_opendo", "_tcp", "local"}, {"_opendo", "_tcp"}));
    QVERIFY(!sameDnsName({"_opendo", "_udp", "local"}, {"_opendo", "_tcp", "local"}));
    QVERIFY(!sameDnsName({"a.b", "local"}, {"a", "b", "local"}));
    // Only ASCII folds: Latin-1 'Ä' and 'ä' (and so UTF-8 lead bytes) stay different.
    QVERIFY(!sameDnsName({"\xc4"_ba}, {"\xe4"_ba}));
    QVERIFY(!sameDnsName({"@"}, {"`"}));
}

void TestDnsMessage::nameText()
{
    QCOMPARE(dnsNameText({"My.Peer", "_opendo", "_tcp", "local"}),
             u"My\\.Peer._opendo._tcp.local"_s);
    QCOMPARE(dnsNameText({"a\\b", "local"}), u"a\\\\b.local"_s);
    QCOMPARE(dnsNameText({}), QString());
    QCOMPARE(dnsNameText({"B\xc3\xbcro", "local"}), u"Büro.local"_s);

    QCOMPARE(dnsName(u"My\\.Peer._opendo._tcp.local"_s),
             (DnsName{"My.Peer", "_opendo", "_tcp", "local"}));
    QCOMPARE(dnsName(u"a\\\\b.local."_s), (DnsName{"a\\b", "local"}));
    QCOMPARE(dnsName(u"Büro.local"_s), (DnsName{"B\xc3\xbcro", "local"}));
    QCOMPARE(dnsName(QString()), DnsName());
    const DnsName odd{"a.b\\c", "d"};
    QCOMPARE(dnsName(dnsNameText(odd)), odd);
}

QTEST_GUILESS_MAIN(TestDnsMessage)
#include "test_dns_message.moc"
