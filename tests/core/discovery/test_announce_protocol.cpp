// The announce wire: queries round-trip and every kind of bad query is refused with a message
// naming the key; responses carry compact and dict peers, the "opendo" dictionary and failure
// reasons, and what standard trackers send is understood.

#include "content/Bencode.h"
#include "discovery/AnnounceProtocol.h"

#include <QTest>

using namespace opendo::discovery;
using opendo::content::BencodeValue;
using opendo::content::encodeBencode;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(AnnounceRequest)

namespace {

QByteArray hashOf(char first)
{
    QByteArray hash(20, '\0');
    for (int i = 0; i < 20; ++i)
        hash[i] = char(first + i);
    return hash;
}

AnnounceRequest standardRequest()
{
    AnnounceRequest r;
    r.infoHash = hashOf('\x10');
    r.peerId = QByteArray("-OD0100-") + QByteArray("abcdefghijkl");
    r.port = 6881;
    r.left = 1000;
    return r;
}

// A query with the three required keys, and whatever else the test adds.
QByteArray baseQuery()
{
    return "info_hash=" + hashOf('A').toPercentEncoding() +
           "&peer_id=" + QByteArray(20, 'p').toPercentEncoding() + "&port=6881";
}

AnnounceRequest parsed(const QByteArray& query)
{
    const AnnounceParseResult result = parseAnnounceQuery(query);
    if (!result.ok)
        qWarning() << "refused:" << result.error;
    return result.request;
}

BencodeValue str(const QByteArray& bytes)
{
    return BencodeValue(bytes);
}

BencodeValue num(qint64 n)
{
    return BencodeValue(n);
}

} // namespace

class AnnounceProtocolTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queryRoundTrip_data();
    void queryRoundTrip();
    void binaryHashesArePercentEncoded();
    void queryDefaultsAndNormalisation();
    void queryErrors_data();
    void queryErrors();
    void responseRoundTrip_data();
    void responseRoundTrip();
    void compactPeerBytes();
    void dictPeers();
    void ipv4MappedPeersBecomeIpv4();
    void classesMustMatchPeers();
    void failureReason();
    void opentrackerResponse();
    void malformedResponses_data();
    void malformedResponses();
    void relationCodes();
};

void AnnounceProtocolTest::queryRoundTrip_data()
{
    QTest::addColumn<AnnounceRequest>("request");

    AnnounceRequest r = standardRequest();
    QTest::addRow("standard") << r;

    r.event = AnnounceEvent::Started;
    r.uploaded = 123456789012345;
    r.downloaded = 42;
    r.left = 0;
    r.compact = false;
    r.numWant = 0;
    r.key = QByteArray("\x00\xff k&=%", 7);
    r.reportedAddress = QHostAddress(QStringLiteral("10.1.2.3"));
    QTest::addRow("every standard key") << r;

    AnnounceRequest lan = standardRequest();
    lan.opendo = true;
    lan.downloadMode = 1;
    lan.subnetBase = QHostAddress(QStringLiteral("192.168.7.0"));
    lan.subnetPrefix = 24;
    lan.restrictToSubnet = true;
    lan.localAddress = QHostAddress(QStringLiteral("192.168.7.23"));
    lan.event = AnnounceEvent::Completed;
    QTest::addRow("opendo lan restricted") << lan;

    AnnounceRequest group = standardRequest();
    group.opendo = true;
    group.downloadMode = 2;
    group.groupId = QStringLiteral("{5A2C7B3E-1D4F-4E0A-9C11-3A5B7C9D1E2F} Ärger & co=1%");
    group.event = AnnounceEvent::Stopped;
    QTest::addRow("opendo group") << group;

    AnnounceRequest v6 = standardRequest();
    v6.opendo = true;
    v6.downloadMode = 3;
    v6.reportedAddress = QHostAddress(QStringLiteral("2001:db8::7"));
    v6.subnetBase = QHostAddress(QStringLiteral("2001:db8:1::"));
    v6.subnetPrefix = 48;
    v6.localAddress = QHostAddress(QStringLiteral("fd00::1"));
    QTest::addRow("opendo ipv6") << v6;

    for (const int mode : {0, 99, 100}) {
        AnnounceRequest m = standardRequest();
        m.opendo = true;
        m.downloadMode = mode;
        QTest::addRow("mode %d", mode) << m;
    }
    AnnounceRequest emptyGroup = standardRequest();
    emptyGroup.opendo = true;
    emptyGroup.downloadMode = 2;
    QTest::addRow("mode 2 without group") << emptyGroup;
}

void AnnounceProtocolTest::queryRoundTrip()
{
    QFETCH(AnnounceRequest, request);
    const QByteArray query = encodeAnnounceQuery(request);
    QVERIFY(query.size() <= kMaxAnnounceQuerySize);
    const AnnounceParseResult result = parseAnnounceQuery(query);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QCOMPARE(result.request.infoHash, request.infoHash);
    QCOMPARE(result.request.groupId, request.groupId);
    QCOMPARE(result.request.subnetBase, request.subnetBase);
    QVERIFY(result.request == request);
}

void AnnounceProtocolTest::binaryHashesArePercentEncoded()
{
    AnnounceRequest r = standardRequest();
    r.infoHash = QByteArray("\x00\x01\xff\xfe%&=+ Az09-._~\x7f\x80\x0a", 20);
    QCOMPARE(r.infoHash.size(), 20);
    const QByteArray query = encodeAnnounceQuery(r);
    QVERIFY(query.startsWith("info_hash=%00%01%FF%FE%25%26%3D%2B%20Az09-._~%7F%80%0A&"));
    QCOMPARE(parsed(query).infoHash, r.infoHash);

    // Lower-case hex is as good as upper-case; '+' is a literal plus, not a space.
    const QByteArray lower =
        "info_hash=%ff%fe" + QByteArray(18, '+') + "&peer_id=" + QByteArray(20, 'x') + "&port=1";
    QCOMPARE(parsed(lower).infoHash, QByteArray("\xff\xfe", 2) + QByteArray(18, '+'));
}

void AnnounceProtocolTest::queryDefaultsAndNormalisation()
{
    const AnnounceRequest minimal = parsed(baseQuery());
    QCOMPARE(minimal.port, quint16(6881));
    QCOMPARE(minimal.numWant, kDefaultNumWant);
    QVERIFY(minimal.compact);
    QCOMPARE(minimal.event, AnnounceEvent::None);
    QCOMPARE(minimal.downloadMode, 3);
    QVERIFY(!minimal.opendo);
    QVERIFY(minimal.subnetBase.isNull());
    QCOMPARE(minimal.subnetPrefix, -1);
    QVERIFY(minimal.reportedAddress.isNull());

    QCOMPARE(parsed(baseQuery() + "&numwant=500").numWant, kMaxNumWant);
    QCOMPARE(parsed(baseQuery() + "&numwant=999999999999999999").numWant, kMaxNumWant);
    QCOMPARE(parsed(baseQuery() + "&event=empty").event, AnnounceEvent::None);
    QCOMPARE(parsed(baseQuery() + "&event=").event, AnnounceEvent::None);
    QCOMPARE(parsed(baseQuery() + "&left=999999999999999999").left, 999999999999999999);

    // Unknown keys, empty pairs and a trailing '&' are harmless.
    const AnnounceParseResult tolerant =
        parseAnnounceQuery(baseQuery() + "&supportcrypto=1&&no_peer_id=1&corrupt=0&");
    QVERIFY2(tolerant.ok, qPrintable(tolerant.error));

    // The subnet base is stored masked, for both families.
    const AnnounceRequest v4 = parsed(baseQuery() + "&do_subnet=192.168.1.77%2F20");
    QCOMPARE(v4.subnetBase, QHostAddress(QStringLiteral("192.168.0.0")));
    QCOMPARE(v4.subnetPrefix, 20);
    const AnnounceRequest v6 = parsed(baseQuery() + "&do_subnet=2001:db8:abcd:12ff::1/52");
    QCOMPARE(v6.subnetBase, QHostAddress(QStringLiteral("2001:db8:abcd:1000::")));
    const AnnounceRequest all = parsed(baseQuery() + "&do_subnet=10.9.8.7/0&do_restrict=1");
    QCOMPARE(all.subnetBase, QHostAddress(QStringLiteral("0.0.0.0")));
    QVERIFY(all.restrictToSubnet);

    // Mode 2 without a group is the registry's to refuse, with a reason the client can show.
    const AnnounceParseResult group = parseAnnounceQuery(baseQuery() + "&do_v=1&do_mode=2");
    QVERIFY2(group.ok, qPrintable(group.error));
    QCOMPARE(group.request.downloadMode, 2);

    // BEP 7 lets "ip" be a DNS name; it is only a hint, so it is dropped, not refused.
    QVERIFY(parsed(baseQuery() + "&ip=host.example").reportedAddress.isNull());
    QCOMPARE(parsed(baseQuery() + "&ipv6=2001:db8::9").reportedAddress,
             QHostAddress(QStringLiteral("2001:db8::9")));
    QCOMPARE(parsed(baseQuery() + "&ip=10.0.0.1&ipv6=2001:db8::9").reportedAddress,
             QHostAddress(QStringLiteral("10.0.0.1")));
}

void AnnounceProtocolTest::queryErrors_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QString>("error");

    const QByteArray hash = hashOf('A').toPercentEncoding();
    const QByteArray id = QByteArray(20, 'p');
    const QByteArray base = baseQuery();
    QTest::addRow("missing info_hash") << ("peer_id=" + id + "&port=1") << "missing info_hash";
    QTest::addRow("missing peer_id") << ("info_hash=" + hash + "&port=1") << "missing peer_id";
    QTest::addRow("missing port") << ("info_hash=" + hash + "&peer_id=" + id) << "missing port";
    QTest::addRow("short hash") << ("info_hash=" + QByteArray(19, 'h') + "&peer_id=" + id +
                                    "&port=1")
                                << "info_hash must be 20 bytes (got 19)";
    QTest::addRow("long peer id") << ("info_hash=" + hash + "&peer_id=" + QByteArray(21, 'p') +
                                      "&port=1")
                                  << "peer_id must be 20 bytes (got 21)";
    QTest::addRow("duplicate") << (base + "&port=6882") << "duplicate key port";
    QTest::addRow("duplicate encoded name") << (base + "&%70ort=1") << "duplicate key port";
    QTest::addRow("bad hex") << (base + "&key=%G1") << "bad percent-encoding in key";
    QTest::addRow("cut percent") << (base + "&key=ab%4") << "bad percent-encoding in key";
    QTest::addRow("lone percent") << (base + "&do_group=%") << "bad percent-encoding in do_group";
    QTest::addRow("port 0") << ("info_hash=" + hash + "&peer_id=" + id + "&port=0")
                            << "port must be a decimal number from 1 to 65535";
    QTest::addRow("port too big") << ("info_hash=" + hash + "&peer_id=" + id + "&port=65536")
                                  << "port must be";
    QTest::addRow("port signed") << ("info_hash=" + hash + "&peer_id=" + id + "&port=%2B1")
                                 << "port must be";
    QTest::addRow("port empty") << ("info_hash=" + hash + "&peer_id=" + id + "&port=")
                                << "port must be";
    QTest::addRow("negative left") << (base + "&left=-1") << "left must be";
    QTest::addRow("19 digits") << (base + "&uploaded=1000000000000000000") << "uploaded must be";
    QTest::addRow("hex number") << (base + "&downloaded=0x10") << "downloaded must be";
    QTest::addRow("spaces") << (base + "&numwant=%2010") << "numwant must be";
    QTest::addRow("event") << (base + "&event=paused") << "event must be";
    QTest::addRow("compact 2") << (base + "&compact=2") << "compact must be";
    QTest::addRow("long key") << (base + "&key=" + QByteArray(65, 'k'))
                              << "key must be at most 64 bytes";
    QTest::addRow("do_v 2") << (base + "&do_v=2") << "do_v must be 1";
    QTest::addRow("do_mode 4") << (base + "&do_mode=4") << "do_mode must be";
    QTest::addRow("do_mode 101") << (base + "&do_mode=101") << "do_mode must be";
    QTest::addRow("long group") << (base + "&do_group=" + QByteArray(kMaxGroupIdLength + 1, 'g'))
                                << "do_group must be at most 128 characters";
    QTest::addRow("control in group") << (base + "&do_group=a%0Ab") << "do_group must be printable";
    QTest::addRow("group not utf8") << (base + "&do_group=%C3%28") << "do_group must be UTF-8";
    QTest::addRow("subnet without prefix") << (base + "&do_subnet=10.0.0.0") << "do_subnet must be";
    QTest::addRow("subnet prefix 33") << (base + "&do_subnet=10.0.0.0/33") << "do_subnet must be";
    QTest::addRow("subnet prefix 129") << (base + "&do_subnet=::/129") << "do_subnet must be";
    QTest::addRow("subnet netmask")
        << (base + "&do_subnet=10.0.0.0/255.0.0.0") << "do_subnet must be";
    QTest::addRow("subnet name") << (base + "&do_subnet=lan/24") << "do_subnet must be";
    QTest::addRow("subnet short v4") << (base + "&do_subnet=10.1/16") << "do_subnet must be";
    QTest::addRow("restrict without subnet")
        << (base + "&do_restrict=1") << "do_restrict=1 needs do_subnet";
    QTest::addRow("restrict 2") << (base + "&do_restrict=2&do_subnet=10.0.0.0/8")
                                << "do_restrict must be";
    QTest::addRow("bad local") << (base + "&do_local=lan-host") << "do_local must be";
    QTest::addRow("scoped local") << (base + "&do_local=fe80::1%25eth0") << "do_local must be";
    QTest::addRow("too long") << (base + "&x=" + QByteArray(kMaxAnnounceQuerySize, 'x'))
                              << "query is longer than 4096 bytes";
}

void AnnounceProtocolTest::queryErrors()
{
    QFETCH(QByteArray, query);
    QFETCH(QString, error);
    const AnnounceParseResult result = parseAnnounceQuery(query);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    QVERIFY(!result.error.contains(QLatin1Char('\n')));
}

void AnnounceProtocolTest::responseRoundTrip_data()
{
    QTest::addColumn<bool>("compact");
    QTest::addColumn<bool>("withOpendo");
    QTest::addRow("compact, opendo") << true << true;
    QTest::addRow("compact, standard") << true << false;
    QTest::addRow("dicts, opendo") << false << true;
    QTest::addRow("dicts, standard") << false << false;
}

void AnnounceProtocolTest::responseRoundTrip()
{
    QFETCH(bool, compact);
    QFETCH(bool, withOpendo);

    AnnounceResponse response;
    response.intervalSeconds = 60;
    response.minIntervalSeconds = 10;
    response.complete = 4;
    response.incomplete = 7;
    response.warningMessage = QStringLiteral("busy");
    // Given out of wire order: IPv4 must come first on the wire and in the result.
    response.peers = {
        {QHostAddress(QStringLiteral("2001:db8::1")), 7000, PeerRelation::Group},
        {QHostAddress(QStringLiteral("192.168.1.20")), 6881, PeerRelation::Lan},
        {QHostAddress(QStringLiteral("198.51.100.9")), 65535, PeerRelation::Internet},
    };
    response.hasOpendo = withOpendo;
    if (withOpendo) {
        response.appliedMode = 2;
        response.publicAddress = QHostAddress(QStringLiteral("203.0.113.7"));
        response.swarmKey = QByteArray(kSwarmKeySize, '\x5a');
        response.scope = QStringLiteral("group:{G}");
    }
    const AnnounceResponseParseResult result =
        parseAnnounceResponse(encodeAnnounceResponse(response, compact, withOpendo));
    QVERIFY2(result.ok, qPrintable(result.error));

    AnnounceResponse expected = response;
    expected.peers = {response.peers[1], response.peers[2], response.peers[0]};
    if (!withOpendo) {
        for (AnnouncedPeer& peer : expected.peers)
            peer.relation = PeerRelation::Internet; // no classes without the dictionary
    }
    QCOMPARE(result.response.peers.size(), expected.peers.size());
    for (size_t i = 0; i < expected.peers.size(); ++i) {
        QCOMPARE(result.response.peers[i].address, expected.peers[i].address);
        QCOMPARE(result.response.peers[i].port, expected.peers[i].port);
        QCOMPARE(result.response.peers[i].relation, expected.peers[i].relation);
    }
    QCOMPARE(result.response.swarmKey, expected.swarmKey);
    QCOMPARE(result.response.publicAddress, expected.publicAddress);
    QVERIFY(result.response == expected);
}

void AnnounceProtocolTest::compactPeerBytes()
{
    QCOMPARE(encodeCompactPeer(QHostAddress(QStringLiteral("203.0.113.7")), 0x1ae1),
             QByteArray("\xcb\x00\x71\x07\x1a\xe1", 6));
    QCOMPARE(encodeCompactPeer(QHostAddress(QStringLiteral("::ffff:10.0.0.1")), 80),
             QByteArray("\x0a\x00\x00\x01\x00\x50", 6));
    const QByteArray v6 = encodeCompactPeer(QHostAddress(QStringLiteral("2001:db8::1")), 443);
    QCOMPARE(v6.size(), 18);
    QCOMPARE(v6.left(4), QByteArray("\x20\x01\x0d\xb8", 4));
    QCOMPARE(v6.mid(15), QByteArray("\x01\x01\xbb", 3));
    QVERIFY(encodeCompactPeer(QHostAddress(), 1).isEmpty());

    AnnounceResponse response;
    response.intervalSeconds = 30;
    response.peers = {{QHostAddress(QStringLiteral("10.0.0.1")), 80, PeerRelation::Lan},
                      {QHostAddress(QStringLiteral("2001:db8::1")), 443, PeerRelation::Internet}};
    response.appliedMode = 3;
    const QByteArray body = encodeAnnounceResponse(response, true, true);
    QVERIFY(body.contains("5:peers6:\x0a\x00\x00\x01\x00\x50"_ba));
    QVERIFY(body.contains("6:peers618:"));
    QVERIFY(body.contains("7:classes2:li"));
    // No "opendo" dictionary for standard clients.
    QVERIFY(!encodeAnnounceResponse(response, true, false).contains("opendo"));
}

void AnnounceProtocolTest::dictPeers()
{
    BencodeValue peers = BencodeValue::list();
    const auto peer = [](const QByteArray& ip, qint64 port, bool withId) {
        BencodeValue entry = BencodeValue::dict();
        entry.insert("ip", str(ip));
        entry.insert("port", num(port));
        if (withId)
            entry.insert("peer id", str(QByteArray(20, 'q')));
        return entry;
    };
    peers.append(peer("198.51.100.4", 51413, true));
    peers.append(peer("2001:db8::5", 6881, false));
    peers.append(peer("tracker.example", 6881, true)); // a name: not dialled
    peers.append(peer("198.51.100.5", 0, false));      // port 0: dropped
    BencodeValue dict = BencodeValue::dict();
    dict.insert("interval", num(120));
    dict.insert("peers", std::move(peers));
    BencodeValue opendo = BencodeValue::dict();
    opendo.insert("mode", num(3));
    opendo.insert("classes", str("ligi"));
    dict.insert("opendo", std::move(opendo));

    const AnnounceResponseParseResult result = parseAnnounceResponse(encodeBencode(dict));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.response.peers.size(), size_t(2));
    QCOMPARE(result.response.peers[0], (AnnouncedPeer{QHostAddress(QStringLiteral("198.51.100.4")),
                                                      51413, PeerRelation::Lan}));
    QCOMPARE(result.response.peers[1].address, QHostAddress(QStringLiteral("2001:db8::5")));
    QCOMPARE(result.response.peers[1].relation, PeerRelation::Internet);

    // A port out of range is not a peer list this client understands.
    BencodeValue bad = BencodeValue::dict();
    BencodeValue badPeers = BencodeValue::list();
    badPeers.append(peer("198.51.100.4", 65536, false));
    bad.insert("interval", num(1));
    bad.insert("peers", std::move(badPeers));
    QVERIFY(!parseAnnounceResponse(encodeBencode(bad)).ok);
}

void AnnounceProtocolTest::ipv4MappedPeersBecomeIpv4()
{
    BencodeValue dict = BencodeValue::dict();
    dict.insert("interval", num(60));
    dict.insert("peers6", str(QByteArray(10, '\0') + "\xff\xff\xc0\x00\x02\x09\x00\x50"_ba +
                              QByteArray(15, '\0') + "\x01\x00\x51"_ba));
    const AnnounceResponseParseResult result = parseAnnounceResponse(encodeBencode(dict));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.response.peers.size(), size_t(2));
    QCOMPARE(result.response.peers[0].address.protocol(), QAbstractSocket::IPv4Protocol);
    QCOMPARE(result.response.peers[0].address, QHostAddress(QStringLiteral("192.0.2.9")));
    QCOMPARE(result.response.peers[0].port, quint16(80));
    QCOMPARE(result.response.peers[1].address, QHostAddress(QStringLiteral("::1")));
}

void AnnounceProtocolTest::classesMustMatchPeers()
{
    AnnounceResponse response;
    response.intervalSeconds = 60;
    response.peers = {{QHostAddress(QStringLiteral("10.0.0.1")), 80, PeerRelation::Lan},
                      {QHostAddress(QStringLiteral("10.0.0.2")), 80, PeerRelation::Group}};
    response.hasOpendo = true;
    QByteArray body = encodeAnnounceResponse(response, true, true);
    QVERIFY(parseAnnounceResponse(body).ok);

    QVERIFY(body.replace("7:classes2:lg", "7:classes1:l").contains("1:l"));
    AnnounceResponseParseResult result = parseAnnounceResponse(body);
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("1 peer classes for 2 peers")),
             qPrintable(result.error));

    body = encodeAnnounceResponse(response, true, true).replace("2:lg", "2:lx");
    QVERIFY(!parseAnnounceResponse(body).ok);
    // Without the dictionary there is nothing to match: every peer is an Internet peer.
    result = parseAnnounceResponse(encodeAnnounceResponse(response, true, false));
    QVERIFY(result.ok);
    QCOMPARE(result.response.peers[1].relation, PeerRelation::Internet);
}

void AnnounceProtocolTest::failureReason()
{
    const QByteArray body =
        encodeAnnounceFailure(QStringLiteral("do_mode 2 (Group) needs do_group"));
    QCOMPARE(body, QByteArray("d14:failure reason32:do_mode 2 (Group) needs do_groupe"));
    const AnnounceResponseParseResult result = parseAnnounceResponse(body);
    QVERIFY(result.ok);
    QCOMPARE(result.response.failureReason, QStringLiteral("do_mode 2 (Group) needs do_group"));

    AnnounceResponse failed;
    failed.failureReason = QStringLiteral("nope");
    failed.peers = {{QHostAddress(QStringLiteral("10.0.0.1")), 80, PeerRelation::Lan}};
    QCOMPARE(encodeAnnounceResponse(failed, true, true),
             encodeAnnounceFailure(QStringLiteral("nope")));

    // A failure with other keys (some trackers add "retry in") is still a failure.
    QVERIFY(
        parseAnnounceResponse("d14:failure reason3:bad8:retry in5:nevere").response.failureReason ==
        QStringLiteral("bad"));
    QVERIFY(!parseAnnounceResponse("d14:failure reasoni1ee").ok);
}

void AnnounceProtocolTest::opentrackerResponse()
{
    // Shaped like opentracker's answer: no "opendo", counters, "downloaded", compact peers.
    const QByteArray body = "d8:completei3e10:downloadedi12e10:incompletei5e8:intervali1800e"
                            "12:min intervali900e5:peers12:\xcb\x00\x71\x07\x1a\xe1"
                            "\x0a\x00\x00\x02\x1a\xe2"
                            "6:peers618:\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01\x1a\xe1"
                            "e"_ba;
    const AnnounceResponseParseResult result = parseAnnounceResponse(body);
    QVERIFY2(result.ok, qPrintable(result.error));
    const AnnounceResponse& r = result.response;
    QCOMPARE(r.intervalSeconds, 1800);
    QCOMPARE(r.minIntervalSeconds, 900);
    QCOMPARE(r.complete, 3);
    QCOMPARE(r.incomplete, 5);
    QVERIFY(!r.hasOpendo);
    QCOMPARE(r.peers.size(), size_t(3));
    QCOMPARE(r.peers[0], (AnnouncedPeer{QHostAddress(QStringLiteral("203.0.113.7")), 6881,
                                        PeerRelation::Internet}));
    QCOMPARE(r.peers[1].port, quint16(6882));
    QCOMPARE(r.peers[2].address, QHostAddress(QStringLiteral("2001:db8::1")));
    // Empty peers and no counters at all: an empty swarm.
    const AnnounceResponseParseResult empty = parseAnnounceResponse("d8:intervali60e5:peers0:e");
    QVERIFY(empty.ok);
    QVERIFY(empty.response.peers.empty());
}

void AnnounceProtocolTest::malformedResponses_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("html") << QByteArray("<html>502</html>");
    QTest::addRow("not canonical") << QByteArray("d5:peers0:8:intervali60ee");
    QTest::addRow("list") << QByteArray("li1ee");
    QTest::addRow("no interval") << QByteArray("d5:peers0:e");
    QTest::addRow("negative interval") << QByteArray("d8:intervali-1e5:peers0:e");
    QTest::addRow("huge complete") << QByteArray("d8:completei9999999999e8:intervali1e5:peers0:e");
    QTest::addRow("string interval") << QByteArray("d8:interval2:605:peers0:e");
    QTest::addRow("peers 7 bytes") << QByteArray("d8:intervali1e5:peers7:1234567e");
    QTest::addRow("peers6 6 bytes") << QByteArray("d8:intervali1e6:peers66:123456e");
    QTest::addRow("peers int") << QByteArray("d8:intervali1e5:peersi1ee");
    QTest::addRow("peer not dict") << QByteArray("d8:intervali1e5:peersli1eee");
    QTest::addRow("opendo not dict") << QByteArray("d8:intervali1e6:opendoi1e5:peers0:e");
    QTest::addRow("mode 4") << QByteArray("d8:intervali1e6:opendod7:classes0:4:modei4ee5:peers0:e");
    QTest::addRow("no mode") << QByteArray("d8:intervali1e6:opendod7:classes0:e5:peers0:e");
    QTest::addRow("short key") << QByteArray(
        "d8:intervali1e6:opendod7:classes0:4:modei1e9:swarm key3:abce5:peers0:e");
    QTest::addRow("bad public ip")
        << QByteArray("d8:intervali1e6:opendod7:classes0:4:modei1e9:public ip4:nameee5:peers0:e");
    QTest::addRow("classes without peers")
        << QByteArray("d8:intervali1e6:opendod7:classes1:l4:modei1ee5:peers0:e");
    QTest::addRow("peers without classes")
        << "d8:intervali1e6:opendod4:modei1ee5:peers6:\x0a\x00\x00\x01\x00\x50"
           "e"_ba;
}

void AnnounceProtocolTest::malformedResponses()
{
    QFETCH(QByteArray, body);
    const AnnounceResponseParseResult result = parseAnnounceResponse(body);
    QVERIFY(!result.ok);
    QVERIFY(!result.error.isEmpty());
}

void AnnounceProtocolTest::relationCodes()
{
    for (const PeerRelation relation :
         {PeerRelation::Lan, PeerRelation::Group, PeerRelation::Internet})
        QVERIFY(relationFromCode(relationCode(relation)) == relation);
    QCOMPARE(relationCode(PeerRelation::Lan), 'l');
    QCOMPARE(relationCode(PeerRelation::Group), 'g');
    QCOMPARE(relationCode(PeerRelation::Internet), 'i');
    QVERIFY(!relationFromCode('L'));
    QVERIFY(!relationFromCode('\0'));
}

QTEST_GUILESS_MAIN(AnnounceProtocolTest)
#include "test_announce_protocol.moc"
