// The swarm registry's matching: who is told about whom in every download mode, under which
// address and relation, and which swarm key each asker gets.

#include "core/discovery/SwarmRegistryFixtures.h"
#include "discovery/server/SwarmKeys.h"
#include "discovery/server/SwarmRegistry.h"

#include <QElapsedTimer>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>
#include <map>
#include <random>
#include <set>

using namespace opendo::discovery;
using namespace opendo::discovery::testing;

class SwarmRegistryModesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void swarmKeys();
    void lanMode();
    void lanModeRestrictedToSubnet();
    void groupMode();
    void groupModeRestrictedToSubnet();
    void internetMode();
    void standardClientsAreInternetPeers();
    void nonSharingModes();
    void modeTwoWithoutGroupFails();
    void neverSelf();
    void numWantCap();
    void ipv4BeforeIpv6();
    void localAddressFallbacks();
    void keysPerScope();
};

void SwarmRegistryModesTest::swarmKeys()
{
    const SwarmKeys keys(kSecret);
    const QByteArray key = keys.keyFor(hashOf(1), QStringLiteral("lan:203.0.113.7"));
    QCOMPARE(key.size(), kSwarmKeySize);
    // Cross-checked against Qt's independent HMAC implementation.
    QCOMPARE(key, QMessageAuthenticationCode::hash(hashOf(1) + '\0' + "lan:203.0.113.7", kSecret,
                                                   QCryptographicHash::Sha256));
    QCOMPARE(keys.keyFor(hashOf(1), QStringLiteral("lan:203.0.113.7")), key);
    QVERIFY(keys.keyFor(hashOf(2), QStringLiteral("lan:203.0.113.7")) != key);
    QVERIFY(keys.keyFor(hashOf(1), QStringLiteral("lan:203.0.113.8")) != key);
    QVERIFY(SwarmKeys(QByteArray(32, 't')).keyFor(hashOf(1), QStringLiteral("lan:203.0.113.7")) !=
            key);
    QCOMPARE(keys.secret(), kSecret);

    const QByteArray a = SwarmKeys::generateSecret();
    const QByteArray b = SwarmKeys::generateSecret();
    QCOMPARE(a.size(), 32);
    QVERIFY(a != b);

    QCOMPARE(lanScope(ip("203.0.113.7")), QStringLiteral("lan:203.0.113.7"));
    QCOMPARE(lanScope(ip("2001:db8::1")), QStringLiteral("lan:2001:db8::1"));
    QCOMPARE(groupScope(QStringLiteral("{G}")), QStringLiteral("group:{G}"));
}

void SwarmRegistryModesTest::lanMode()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    // NAT 1 is 203.0.113.1, NAT 2 is 198.51.100.2.
    announce(registry, client(2, 1, "203.0.113.1", "192.168.1.2"));
    announce(registry, client(3, 3, "203.0.113.1", "192.168.1.3"));
    announce(registry, client(4, 1, "198.51.100.2", "10.0.0.4"));
    announce(registry, client(5, 3, "198.51.100.2", "10.0.0.5"));
    Client grouped = client(6, 2, "203.0.113.1", "192.168.1.6");
    grouped.group = QStringLiteral("G");
    announce(registry, grouped);
    Client standard = client(7, 3, "203.0.113.1");
    standard.opendo = false;
    announce(registry, standard);

    const AnnounceResponse r = announce(registry, client(1, 1, "203.0.113.1", "192.168.1.1"));
    QVERIFY(r.failureReason.isEmpty());
    QCOMPARE(idsOf(r), (std::set<int>{2, 3, 7}));
    const auto peers = byClient(r);
    QCOMPARE(peers.at(2).address, ip("192.168.1.2"));
    QCOMPARE(peers.at(3).address, ip("192.168.1.3"));
    QCOMPARE(peers.at(7).address, ip("203.0.113.1")); // no local address: the one seen
    for (const auto& [id, peer] : peers)
        QCOMPARE(peer.relation, PeerRelation::Lan);
    QCOMPARE(r.appliedMode, 1);
    QVERIFY(r.hasOpendo);
    QCOMPARE(r.publicAddress, ip("203.0.113.1"));
    QCOMPARE(r.intervalSeconds, 60);
    QCOMPARE(r.minIntervalSeconds, 10);
    QCOMPARE(r.complete, 0);
    QCOMPARE(r.incomplete, 7);

    // The other NAT's mode-1 peer sees only its own NAT.
    QCOMPARE(idsOf(announce(registry, client(4, 1, "198.51.100.2", "10.0.0.4"))),
             (std::set<int>{5}));
}

void SwarmRegistryModesTest::lanModeRestrictedToSubnet()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    announce(registry, client(2, 1, "203.0.113.1", "192.168.1.2"));
    announce(registry, client(3, 3, "203.0.113.1", "192.168.2.3"));
    announce(registry, client(4, 1, "203.0.113.1", "192.168.1.200"));
    announce(registry, client(5, 1, "198.51.100.2", "192.168.1.5")); // same subnet, other NAT

    Client asker = client(1, 1, "203.0.113.1", "192.168.1.1");
    asker.subnetBase = ip("192.168.1.0");
    asker.subnetPrefix = 24;
    QCOMPARE(idsOf(announce(registry, asker)), (std::set<int>{2, 3, 4}));
    asker.restrict = true;
    QCOMPARE(idsOf(announce(registry, asker)), (std::set<int>{2, 4}));
    asker.subnetBase = ip("192.168.2.0");
    QCOMPARE(idsOf(announce(registry, asker)), (std::set<int>{3}));
}

void SwarmRegistryModesTest::groupMode()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    const auto member = [](int id, const char* seen, const char* local, const char* group) {
        Client c = client(id, 2, seen, local);
        c.group = QString::fromLatin1(group);
        return c;
    };
    announce(registry, member(2, "198.51.100.2", "10.0.0.2", "G"));
    announce(registry, member(3, "203.0.113.1", "192.168.1.3", "G"));
    announce(registry, member(4, "198.51.100.2", "10.0.0.4", "H"));
    announce(registry, member(5, "203.0.113.1", "192.168.1.5", "H"));
    announce(registry, client(6, 1, "203.0.113.1", "192.168.1.6"));
    announce(registry, client(7, 3, "198.51.100.2", "10.0.0.7"));

    const AnnounceResponse r = announce(registry, member(1, "203.0.113.1", "192.168.1.1", "G"));
    QCOMPARE(idsOf(r), (std::set<int>{2, 3}));
    // Same NAT first, under its local address; the other NAT's member under the address seen.
    QCOMPARE(r.peers[0], (AnnouncedPeer{ip("192.168.1.3"), quint16(10003), PeerRelation::Lan}));
    QCOMPARE(r.peers[1], (AnnouncedPeer{ip("198.51.100.2"), quint16(10002), PeerRelation::Group}));
    QCOMPARE(r.scope, QStringLiteral("group:G"));
    QCOMPARE(r.swarmKey, keys.keyFor(hashOf(1), QStringLiteral("group:G")));

    // Mode-1 and mode-3 askers never see group members.
    QCOMPARE(idsOf(announce(registry, client(6, 1, "203.0.113.1", "192.168.1.6"))),
             std::set<int>{});
    QCOMPARE(idsOf(announce(registry, client(7, 3, "198.51.100.2", "10.0.0.7"))), std::set<int>{});
}

void SwarmRegistryModesTest::groupModeRestrictedToSubnet()
{
    // DORestrictPeerSelectionBy 1 applies to mode 2 as well: same group AND same subnet.
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    const auto member = [](int id, const char* seen, const char* local, const char* group) {
        Client c = client(id, 2, seen, local);
        c.group = QString::fromLatin1(group);
        return c;
    };
    // NAT 203.0.113.1: 2 and 3 in group G on the asker's subnet, 4 in G on another subnet,
    // 5 in group H on the subnet, 6 in mode 1 on the subnet.
    announce(registry, member(2, "203.0.113.1", "192.168.1.2", "G"));
    announce(registry, member(3, "203.0.113.1", "192.168.1.3", "G"));
    announce(registry, member(4, "203.0.113.1", "192.168.2.4", "G"));
    announce(registry, member(5, "203.0.113.1", "192.168.1.5", "H"));
    announce(registry, client(6, 1, "203.0.113.1", "192.168.1.6"));
    // Other NATs: 7 in G whose private address happens to fall in the asker's subnet range (it is
    // still another network), 8 in G reached without NAT from inside the subnet.
    announce(registry, member(7, "198.51.100.2", "192.168.1.7", "G"));
    announce(registry, member(8, "192.168.1.8", "192.168.1.8", "G"));

    Client asker = member(1, "203.0.113.1", "192.168.1.1", "G");
    asker.subnetBase = ip("192.168.1.0");
    asker.subnetPrefix = 24;
    QCOMPARE(idsOf(announce(registry, asker)), (std::set<int>{2, 3, 4, 7, 8})); // no restriction
    asker.restrict = true;
    const AnnounceResponse r = announce(registry, asker);
    QCOMPARE(idsOf(r), (std::set<int>{2, 3, 8}));
    const auto peers = byClient(r);
    QCOMPARE(peers.at(2), (AnnouncedPeer{ip("192.168.1.2"), 10002, PeerRelation::Lan}));
    QCOMPARE(peers.at(8), (AnnouncedPeer{ip("192.168.1.8"), 10008, PeerRelation::Group}));
    // The key stays the group's: the restriction narrows who is offered, not the scope.
    QCOMPARE(r.scope, QStringLiteral("group:G"));
    asker.subnetBase = ip("192.168.2.0");
    QCOMPARE(idsOf(announce(registry, asker)), (std::set<int>{4}));

    // Mode 3 is not narrowed by it.
    Client internet = client(9, 3, "203.0.113.1", "192.168.1.9");
    announce(registry, client(10, 3, "198.51.100.2", "10.0.0.10"));
    internet.subnetBase = ip("192.168.1.0");
    internet.subnetPrefix = 24;
    internet.restrict = true;
    QCOMPARE(idsOf(announce(registry, internet)), (std::set<int>{6, 10}));
}

void SwarmRegistryModesTest::internetMode()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    announce(registry, client(2, 3, "198.51.100.2", "10.0.0.2"));
    announce(registry, client(3, 3, "203.0.113.1", "192.168.1.3"));
    announce(registry, client(4, 1, "203.0.113.1", "192.168.1.4"));
    announce(registry, client(5, 1, "198.51.100.2", "10.0.0.5"));
    Client grouped = client(6, 2, "203.0.113.1", "192.168.1.6");
    grouped.group = QStringLiteral("G");
    announce(registry, grouped);
    announce(registry, client(8, 3, "2001:db8::8"));

    const AnnounceResponse r = announce(registry, client(1, 3, "203.0.113.1", "192.168.1.1"));
    QCOMPARE(idsOf(r), (std::set<int>{2, 3, 4, 8}));
    const auto peers = byClient(r);
    QCOMPARE(peers.at(2), (AnnouncedPeer{ip("198.51.100.2"), 10002, PeerRelation::Internet}));
    QCOMPARE(peers.at(3), (AnnouncedPeer{ip("192.168.1.3"), 10003, PeerRelation::Lan}));
    QCOMPARE(peers.at(4), (AnnouncedPeer{ip("192.168.1.4"), 10004, PeerRelation::Lan}));
    QCOMPARE(peers.at(8), (AnnouncedPeer{ip("2001:db8::8"), 10008, PeerRelation::Internet}));
    // Same-NAT peers come first (within the IPv4 block).
    QCOMPARE(r.peers[0].relation, PeerRelation::Lan);
    QCOMPARE(r.peers[1].relation, PeerRelation::Lan);
    QCOMPARE(r.peers[2].relation, PeerRelation::Internet);
    QCOMPARE(r.peers[3].address, ip("2001:db8::8"));
    QCOMPARE(r.scope, QStringLiteral("lan:203.0.113.1"));
}

void SwarmRegistryModesTest::standardClientsAreInternetPeers()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    Client standard = client(2, 3, "198.51.100.2");
    standard.opendo = false;
    const AnnounceResponse first = announce(registry, standard);
    QVERIFY(!first.hasOpendo);
    QVERIFY(first.swarmKey.isEmpty());
    QVERIFY(first.scope.isEmpty());
    QCOMPARE(idsOf(announce(registry, client(1, 3, "203.0.113.1"))), (std::set<int>{2}));
    QCOMPARE(idsOf(announce(registry, standard)), (std::set<int>{1}));
}

void SwarmRegistryModesTest::nonSharingModes()
{
    for (const int mode : {0, 99, 100}) {
        const SwarmKeys keys(kSecret);
        SwarmRegistry registry(keys, options());
        announce(registry, client(2, 3, "203.0.113.1", "192.168.1.2"));
        announce(registry, client(3, 1, "203.0.113.1", "192.168.1.3"));

        const AnnounceResponse r = announce(registry, client(1, mode, "203.0.113.1"));
        QVERIFY(r.peers.empty());
        QVERIFY(r.failureReason.isEmpty());
        QVERIFY(r.hasOpendo);
        QCOMPARE(r.appliedMode, mode);
        QCOMPARE(r.publicAddress, ip("203.0.113.1"));
        QVERIFY(r.swarmKey.isEmpty());
        QCOMPARE(r.incomplete, 2);
        QCOMPARE(registry.peerCount(), 2);
        QCOMPARE(idsOf(announce(registry, client(2, 3, "203.0.113.1"))), (std::set<int>{3}));

        // A registered peer that switches to a non-sharing mode disappears.
        announce(registry, client(3, mode, "203.0.113.1", "192.168.1.3"));
        QCOMPARE(registry.peerCount(), 1);
        QCOMPARE(idsOf(announce(registry, client(2, 3, "203.0.113.1"))), std::set<int>{});
        announce(registry, client(2, mode, "203.0.113.1"));
        QCOMPARE(registry.peerCount(), 0);
        QCOMPARE(registry.swarmCount(), 0);
    }
}

void SwarmRegistryModesTest::modeTwoWithoutGroupFails()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    const AnnounceResponse r = announce(registry, client(1, 2, "203.0.113.1"));
    QCOMPARE(r.failureReason, QStringLiteral("do_mode 2 (Group) needs do_group"));
    QVERIFY(r.peers.empty());
    QCOMPARE(registry.peerCount(), 0);
}

void SwarmRegistryModesTest::neverSelf()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    for (int i = 0; i < 5; ++i)
        QVERIFY(announce(registry, client(1, 3, "203.0.113.1")).peers.empty());
    Client grouped = client(1, 2, "203.0.113.1");
    grouped.group = QStringLiteral("G");
    QVERIFY(announce(registry, grouped).peers.empty());
    QVERIFY(announce(registry, client(1, 1, "203.0.113.1")).peers.empty());
    QCOMPARE(registry.peerCount(), 1);

    announce(registry, client(2, 3, "203.0.113.1"));
    for (int i = 0; i < 20; ++i)
        QCOMPARE(idsOf(announce(registry, client(1, 3, "203.0.113.1"))), (std::set<int>{2}));
}

void SwarmRegistryModesTest::numWantCap()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options(50));
    for (int i = 2; i < 300; ++i)
        announce(registry, client(i, 3, i % 3 ? "198.51.100.2" : "203.0.113.1"));

    Client asker = client(1, 3, "203.0.113.1");
    for (const auto& [want, expected] :
         {std::pair{30, 30}, std::pair{200, 50}, std::pair{0, 0}, std::pair{1, 1}}) {
        asker.numWant = want;
        const AnnounceResponse r = announce(registry, asker);
        QCOMPARE(int(r.peers.size()), expected);
        QCOMPARE(int(idsOf(r).size()), expected); // no duplicates
        QVERIFY(!idsOf(r).count(1));
    }
    // All 99 same-NAT peers outrank the others: a full answer is all Lan.
    asker.numWant = 50;
    for (const AnnouncedPeer& peer : announce(registry, asker).peers)
        QCOMPARE(peer.relation, PeerRelation::Lan);

    // Answers are sampled, not always the same slice of the swarm.
    std::set<int> seen;
    for (int i = 0; i < 20; ++i) {
        const std::set<int> ids = idsOf(announce(registry, asker));
        seen.insert(ids.begin(), ids.end());
    }
    QVERIFY2(seen.size() > 80, qPrintable(QString::number(seen.size())));
}

void SwarmRegistryModesTest::ipv4BeforeIpv6()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    announce(registry, client(2, 3, "2001:db8::2"));
    announce(registry, client(3, 3, "198.51.100.3"));
    announce(registry, client(4, 3, "2001:db8::4"));
    announce(registry, client(5, 3, "::ffff:198.51.100.5")); // a dual-stack listener's form
    const AnnounceResponse r = announce(registry, client(1, 3, "203.0.113.1"));
    QCOMPARE(r.peers.size(), size_t(4));
    QCOMPARE(r.peers[0].address.protocol(), QAbstractSocket::IPv4Protocol);
    QCOMPARE(r.peers[1].address.protocol(), QAbstractSocket::IPv4Protocol);
    QCOMPARE(r.peers[2].address.protocol(), QAbstractSocket::IPv6Protocol);
    QCOMPARE(r.peers[3].address.protocol(), QAbstractSocket::IPv6Protocol);
    QCOMPARE(byClient(r).at(5).address, ip("198.51.100.5"));
}

void SwarmRegistryModesTest::localAddressFallbacks()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    // do_local wins over "ip", which wins over the address seen.
    Client both = client(2, 1, "203.0.113.1", "192.168.1.2");
    AnnounceRequest request = both.request();
    request.reportedAddress = ip("192.168.1.99");
    registry.announce(request, both.seen, both.publicAddress, 1000);
    Client reported = client(3, 1, "203.0.113.1");
    request = reported.request();
    request.reportedAddress = ip("192.168.1.3");
    registry.announce(request, reported.seen, reported.publicAddress, 1000);
    announce(registry, client(4, 1, "203.0.113.1"));

    const auto peers = byClient(announce(registry, client(1, 1, "203.0.113.1")));
    QCOMPARE(peers.at(2).address, ip("192.168.1.2"));
    QCOMPARE(peers.at(3).address, ip("192.168.1.3"));
    QCOMPARE(peers.at(4).address, ip("203.0.113.1"));

    // Behind a mapped NAT (lab: loopback addresses standing for one public address), LAN peers
    // are reached at their local address; another NAT's mode-3 asker gets the address seen.
    announce(registry, client(5, 3, "127.0.0.5", "127.0.0.5", "203.0.113.9"));
    announce(registry, client(6, 3, "127.0.0.6", "127.0.0.60", "203.0.113.9"));
    const auto lab =
        byClient(announce(registry, client(7, 3, "127.0.0.7", nullptr, "198.51.100.1")));
    QCOMPARE(lab.at(6), (AnnouncedPeer{ip("127.0.0.6"), 10006, PeerRelation::Internet}));
    const auto sameLab =
        byClient(announce(registry, client(8, 3, "127.0.0.8", nullptr, "203.0.113.9")));
    QCOMPARE(sameLab.at(6), (AnnouncedPeer{ip("127.0.0.60"), 10006, PeerRelation::Lan}));
}

void SwarmRegistryModesTest::keysPerScope()
{
    const SwarmKeys keys(kSecret);
    SwarmRegistry registry(keys, options());
    const AnnounceResponse a = announce(registry, client(1, 1, "203.0.113.1"));
    const AnnounceResponse b = announce(registry, client(2, 1, "203.0.113.1"));
    const AnnounceResponse c = announce(registry, client(3, 3, "203.0.113.1"));
    const AnnounceResponse d = announce(registry, client(4, 1, "198.51.100.2"));
    Client other = client(5, 1, "203.0.113.1");
    other.infoHash = hashOf(2);
    const AnnounceResponse e = announce(registry, other);
    Client g1 = client(6, 2, "203.0.113.1");
    g1.group = QStringLiteral("G");
    Client g2 = client(7, 2, "198.51.100.2");
    g2.group = QStringLiteral("G");
    Client h = client(8, 2, "203.0.113.1");
    h.group = QStringLiteral("H");
    const AnnounceResponse rg1 = announce(registry, g1);
    const AnnounceResponse rg2 = announce(registry, g2);
    const AnnounceResponse rh = announce(registry, h);

    QCOMPARE(a.swarmKey.size(), kSwarmKeySize);
    QCOMPARE(a.swarmKey, b.swarmKey);
    QCOMPARE(a.swarmKey, c.swarmKey); // a mode-3 device can prove LAN membership
    QCOMPARE(a.scope, QStringLiteral("lan:203.0.113.1"));
    QCOMPARE(a.swarmKey, keys.keyFor(hashOf(1), a.scope));
    QVERIFY(d.swarmKey != a.swarmKey);
    QVERIFY(e.swarmKey != a.swarmKey);
    QCOMPARE(e.scope, a.scope);
    QCOMPARE(rg1.swarmKey, rg2.swarmKey);
    QCOMPARE(rg1.scope, QStringLiteral("group:G"));
    QVERIFY(rg1.swarmKey != rh.swarmKey);
    QVERIFY(rg1.swarmKey != a.swarmKey);
}

QTEST_GUILESS_MAIN(SwarmRegistryModesTest)
#include "test_swarm_registry_modes.moc"
