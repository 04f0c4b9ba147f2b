// Local peer discovery over real multicast DNS on the loopback interface: agents on 127.0.0.x
// find each other, hear goodbyes, answer late queries, and ignore agents on another port and
// hostile datagrams. Each test uses its own free UDP port instead of 5353, so a system
// responder or a parallel test never hears these agents.

#include "discovery/local/LocalPeerDiscovery.h"
#include "support/CacheServerAnnouncer.h"
#include "support/FreePort.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>
#include <memory>

using namespace opendo::discovery::local;
using opendo::test::freeUdpPort;

namespace {

constexpr int kWait = 5000;

LocalDiscoveryConfig agentAt(const char* address, quint16 peerPort, quint16 mdnsPort, bool search,
                             char idFill)
{
    LocalDiscoveryConfig c;
    c.advertise = true;
    c.search = search;
    c.port = mdnsPort;
    c.listenAddress = QHostAddress(QString::fromLatin1(address));
    c.advert.peerId = QByteArray(20, idFill);
    c.advert.port = peerPort;
    return c;
}

bool finds(const LocalPeerDiscovery& d, const char* address, quint16 port)
{
    for (const LocalPeer& p : d.peers()) {
        if (p.address == QHostAddress(QString::fromLatin1(address)) && p.port == port)
            return true;
    }
    return false;
}

} // namespace

class LocalPeerDiscoveryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void agentsFindEachOther();
    void goodbyeRemovesThePeerAtOnce();
    void lateSearcherIsAnswered();
    void knownPeersDoNotAnswerAgain();
    void anotherPortIsAnotherNetwork();
    void groupTagTravels();
    void hostileDatagramsAreIgnored();
    void statusSaysWhatItDoes();
    void takenPortIsRetried();
    void announcedCacheServerIsFound();

private:
    quint16 m_port = 0;
};

void LocalPeerDiscoveryTest::init()
{
    m_port = freeUdpPort();
    QVERIFY(m_port != 0);
}

void LocalPeerDiscoveryTest::agentsFindEachOther()
{
    LocalPeerDiscovery a, b, c;
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    b.configure(agentAt("127.0.0.3", 7002, m_port, true, 'b'));
    c.configure(agentAt("127.0.0.4", 7003, m_port, false, 'c')); // answers, does not ask
    QVERIFY2(a.status().error.isEmpty(), qPrintable(a.status().error));
    QTRY_VERIFY_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002) && finds(a, "127.0.0.4", 7003), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(finds(b, "127.0.0.2", 7001) && finds(b, "127.0.0.4", 7003), kWait);
    QCOMPARE(a.peers().size(), 2); // never itself
    QVERIFY(a.hasPeerAt(QHostAddress(QStringLiteral("127.0.0.3"))));
    QVERIFY(c.peers().isEmpty()); // it does not search, so it keeps no table
}

void LocalPeerDiscoveryTest::goodbyeRemovesThePeerAtOnce()
{
    LocalPeerDiscovery a;
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    auto b = std::make_unique<LocalPeerDiscovery>();
    b->configure(agentAt("127.0.0.3", 7002, m_port, false, 'b'));
    QTRY_VERIFY_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002), kWait);
    QSignalSpy changed(&a, &LocalPeerDiscovery::peersChanged);
    b.reset(); // an agent that stops says goodbye; the TTL (120 s) is not waited for
    QTRY_VERIFY_WITH_TIMEOUT(a.peers().isEmpty(), 3000);
    QVERIFY(changed.count() >= 1);
}

void LocalPeerDiscoveryTest::lateSearcherIsAnswered()
{
    LocalPeerDiscovery b;
    b.configure(agentAt("127.0.0.3", 7002, m_port, false, 'b'));
    QTest::qWait(1500); // b's own announcements are over before a listens
    LocalPeerDiscovery a;
    QElapsedTimer clock;
    clock.start();
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    QTRY_VERIFY_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002), kWait);
    // The first query is answered after the responder's 20–120 ms delay.
    qInfo("found the peer %lld ms after starting to search", clock.elapsed());
}

void LocalPeerDiscoveryTest::knownPeersDoNotAnswerAgain()
{
    LocalPeerDiscovery b;
    b.configure(agentAt("127.0.0.3", 7002, m_port, false, 'b'));
    QTest::qWait(1500); // b's own announcements are over
    // A plain socket in the group hears every response on the port.
    QUdpSocket listener;
    QVERIFY(listener.bind(QHostAddress::AnyIPv4, m_port,
                          QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint));
    const QNetworkInterface lo = QNetworkInterface::interfaceFromName(QStringLiteral("lo"));
    const QHostAddress group(QStringLiteral("224.0.0.251"));
    QVERIFY(listener.joinMulticastGroup(group, lo));
    const DnsName instanceOfB = instanceName(QByteArray(20, 'b'));
    int answersFromB = 0;
    connect(&listener, &QUdpSocket::readyRead, this, [&] {
        while (listener.hasPendingDatagrams()) {
            const auto m = parseDnsMessage(listener.receiveDatagram().data());
            if (!m || !m->response)
                continue;
            for (const DnsRecord& r : m->answers)
                answersFromB += r.type == DnsType::Ptr && sameDnsName(r.target, instanceOfB);
        }
    });
    QUdpSocket asker;
    QVERIFY(asker.bind(QHostAddress(QStringLiteral("127.0.0.9")), 0));
    asker.setMulticastInterface(lo);

    // An asker that lists b with its full TTL left hears nothing from b …
    asker.writeDatagram(serializeDnsMessage(serviceQuery(
                            {instancePointer(QByteArray(20, 'b'), kAdvertTtlSeconds)})),
                        group, m_port);
    QTest::qWait(1300); // longer than b's answer delay and its once-a-second limit
    QCOMPARE(answersFromB, 0);
    // … and one that does not know b is answered.
    asker.writeDatagram(serializeDnsMessage(serviceQuery()), group, m_port);
    QTRY_VERIFY_WITH_TIMEOUT(answersFromB > 0, kWait);
}

void LocalPeerDiscoveryTest::anotherPortIsAnotherNetwork()
{
    const quint16 otherPort = freeUdpPort();
    QVERIFY(otherPort != 0 && otherPort != m_port);
    LocalPeerDiscovery a, b, elsewhere;
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    elsewhere.configure(agentAt("127.0.0.5", 7005, otherPort, true, 'e'));
    b.configure(agentAt("127.0.0.3", 7002, m_port, true, 'b'));
    QTRY_VERIFY_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002), kWait);
    QTest::qWait(1200); // the second round of announcements and queries has passed too
    QVERIFY(!finds(a, "127.0.0.5", 7005));
    QVERIFY(elsewhere.peers().isEmpty());
}

void LocalPeerDiscoveryTest::groupTagTravels()
{
    LocalPeerDiscovery a, b;
    LocalDiscoveryConfig bc = agentAt("127.0.0.3", 7002, m_port, false, 'b');
    bc.advert.groupTag = groupTagOf(QStringLiteral("5f0a7c3e-1111-4a4a-9b9b-0123456789ab"));
    b.configure(bc);
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    QTRY_VERIFY_WITH_TIMEOUT(!a.peers().isEmpty(), kWait);
    QCOMPARE(a.peers().first().groupTag, bc.advert.groupTag);
}

void LocalPeerDiscoveryTest::hostileDatagramsAreIgnored()
{
    LocalPeerDiscovery a;
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    QUdpSocket attacker;
    QVERIFY(attacker.bind(QHostAddress(QStringLiteral("127.0.0.9")), 0));
    attacker.setMulticastInterface(QNetworkInterface::interfaceFromName(QStringLiteral("lo")));
    const QHostAddress group(QStringLiteral("224.0.0.251"));
    // Garbage, a truncated response, an oversize datagram and a flood of invented agents.
    attacker.writeDatagram(QByteArray("\x00\x00\x84\x00\xff\xff", 6), group, m_port);
    QByteArray real = serializeDnsMessage(advertisement(
        {QByteArray(20, 'z'), QHostAddress(QStringLiteral("127.0.0.9")), 1, {}}, 120));
    attacker.writeDatagram(real.left(real.size() - 3), group, m_port);
    attacker.writeDatagram(QByteArray(9500, '\0'), group, m_port);
    for (int i = 0; i < 1200; ++i) {
        const QByteArray id = QByteArray::number(i).rightJustified(20, 'f');
        attacker.writeDatagram(serializeDnsMessage(advertisement(
                                   {id, QHostAddress(0x0A000000u + quint32(i)), 7680, {}}, 120)),
                               group, m_port);
    }
    LocalPeerDiscovery b;
    b.configure(agentAt("127.0.0.3", 7002, m_port, false, 'b'));
    QTRY_VERIFY2_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002),
                              qPrintable(QStringLiteral("%1 peers").arg(a.peers().size())), kWait);
    QVERIFY(a.peers().size() <= LocalPeerTable::kMaxEntries);
    QVERIFY(!finds(a, "127.0.0.9", 1)); // the truncated one never counted
}

void LocalPeerDiscoveryTest::statusSaysWhatItDoes()
{
    LocalPeerDiscovery a;
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    const LocalDiscoveryStatus s = a.status();
    QVERIFY(s.advertising);
    QVERIFY(s.restricting);
    QCOMPARE(s.port, m_port);
    QCOMPARE(s.interfaces, QStringList{QStringLiteral("lo")});
    QVERIFY(s.error.isEmpty());

    LocalDiscoveryConfig off;
    a.configure(off);
    QVERIFY(!a.status().advertising);
    QVERIFY(!a.status().restricting);

    // An address no interface carries cannot take part, and says so.
    LocalPeerDiscovery nowhere;
    nowhere.configure(agentAt("198.51.100.77", 7001, m_port, true, 'n'));
    QVERIFY(!nowhere.status().advertising);
    QVERIFY2(nowhere.status().error.contains(QStringLiteral("198.51.100.77")),
             qPrintable(nowhere.status().error));
}

void LocalPeerDiscoveryTest::takenPortIsRetried()
{
    // A program that holds the port without sharing it keeps local discovery out...
    auto squatter = std::make_unique<QUdpSocket>();
    QVERIFY(squatter->bind(QHostAddress::AnyIPv4, m_port, QUdpSocket::DontShareAddress));
    LocalPeerDiscovery a;
    a.setRetryIntervalMs(200);
    a.configure(agentAt("127.0.0.2", 7001, m_port, true, 'a'));
    QVERIFY2(a.status().error.contains(QString("cannot listen on UDP port %1").arg(m_port)),
             qPrintable(a.status().error));
    QVERIFY(!a.status().advertising);
    // ...until it lets go: the next attempt takes the port, without a reconfiguration.
    squatter.reset();
    QTRY_VERIFY_WITH_TIMEOUT(a.status().advertising, kWait);
    QVERIFY(a.status().error.isEmpty());
    LocalPeerDiscovery b;
    b.configure(agentAt("127.0.0.3", 7002, m_port, false, 'b'));
    QTRY_VERIFY_WITH_TIMEOUT(finds(a, "127.0.0.3", 7002), kWait);
}

// With no cache server configured the agent asks the link for one; a responder (Avahi in real
// life) answers the query, and the server is listed with its instance name.
void LocalPeerDiscoveryTest::announcedCacheServerIsFound()
{
    opendo::test::CacheServerAnnouncer announcer(m_port, "Branch cache", QHostAddress("127.0.0.9"),
                                                 8080);
    announcer.start();
    QTest::qWait(200); // the responder has joined the group
    // Peers only: its queries do not ask for cache servers, so nothing answers them.
    LocalPeerDiscovery peersOnly;
    peersOnly.configure(agentAt("127.0.0.3", 7002, m_port, true, 'b'));
    QTest::qWait(1500);
    QCOMPARE(announcer.queriesAnswered(), 0);
    QVERIFY(peersOnly.cacheServers().isEmpty());

    LocalPeerDiscovery d;
    LocalDiscoveryConfig c = agentAt("127.0.0.2", 7001, m_port, false, 'a');
    c.advertise = false; // download mode 0: no peering, but cache servers are still wanted
    c.browseCacheServers = true;
    QSignalSpy changed(&d, &LocalPeerDiscovery::cacheServersChanged);
    d.configure(c);
    QTRY_VERIFY_WITH_TIMEOUT(d.cacheServers().size() == 1, kWait);
    QCOMPARE(d.cacheServers().first().name, QString("Branch cache"));
    QCOMPARE(d.cacheServers().first().address, QHostAddress("127.0.0.9"));
    QCOMPARE(d.cacheServers().first().port, quint16(8080));
    QVERIFY(changed.count() >= 1);
    QVERIFY(announcer.queriesAnswered() >= 1);
    const LocalDiscoveryStatus status = d.status();
    QVERIFY(status.browsingCacheServers);
    QCOMPARE(status.cacheServers, QStringList{"127.0.0.9:8080 (Branch cache)"});
    QVERIFY(status.error.isEmpty());
    QVERIFY(peersOnly.cacheServers().isEmpty()); // heard the answer, but was not asking

    // Browsing switched off (a cache server gets configured): the list goes.
    c.browseCacheServers = false;
    d.configure(c);
    QVERIFY(d.cacheServers().isEmpty());
}

QTEST_GUILESS_MAIN(LocalPeerDiscoveryTest)
#include "test_local_peer_discovery.moc"
