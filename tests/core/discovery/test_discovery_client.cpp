// The agent's side of discovery: DiscoveryClient against a real DiscoveryServer on loopback:
// states, peers, backoff across an outage, swarm keys per (NAT-mapped) public address, metainfo
// lookups and the cache servers the service assigns. (Its HTTP transport:
// test_bound_http_client.)

#include "content/MetainfoWriter.h"
#include "discovery/DiscoveryClient.h"
#include "discovery/server/DiscoveryServer.h"
#include "support/CannedHttpServer.h"
#include "support/FreePort.h"
#include "support/TestFiles.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <memory>
#include <optional>

using namespace opendo::discovery;
using opendo::test::CannedHttpServer;

namespace opendo::discovery {
char* toString(DiscoveryState state)
{
    return qstrdup(discoveryStateKey(state).toUtf8().constData());
}
} // namespace opendo::discovery

namespace {

constexpr int kWait = 10'000;

const QHostAddress kLo1(QStringLiteral("127.0.0.1"));
const QHostAddress kLo2(QStringLiteral("127.0.0.2"));
const QHostAddress kLo3(QStringLiteral("127.0.0.3"));
const QHostAddress kLo4(QStringLiteral("127.0.0.4"));

// A small file turned into a torrent with `webSeed` as its origin.
QByteArray makeTorrent(const QTemporaryDir& dir, const QUrl& webSeed)
{
    return opendo::test::makeWebSeedTorrent(dir.filePath(QStringLiteral("payload.bin")), 100'000,
                                            4242, webSeed);
}

QByteArray peerIdOf(char tag)
{
    return QByteArray("-OD0100-").leftJustified(19, 'p') + tag;
}

// One agent's discovery client and what it reported.
struct Agent
{
    DiscoveryClient client;
    QList<DiscoveryState> states; // distinct consecutive states
    QList<QPair<QString, AnnounceResponse>> offers;

    Agent(char tag, quint16 port, const QHostAddress& local, int mode)
    {
        client.setRequestTimeoutMs(3000);
        client.setIdentity({peerIdOf(tag), port, local});
        AnnounceScope scope;
        scope.mode = mode;
        client.setScope(scope, {});
        QObject::connect(&client, &DiscoveryClient::statusChanged, &client, [this] {
            const DiscoveryState s = client.status().state;
            if (states.isEmpty() || states.last() != s)
                states << s;
        });
        QObject::connect(&client, &DiscoveryClient::peersOffered, &client,
                         [this](const QString& contentId, const AnnounceResponse& reply) {
                             offers << qMakePair(contentId, reply);
                         });
    }
    std::optional<AnnounceResponse> lastOffer() const
    {
        if (offers.isEmpty())
            return std::nullopt;
        return offers.last().second;
    }
    bool offered(const QHostAddress& address, quint16 port) const
    {
        if (offers.isEmpty())
            return false;
        for (const AnnouncedPeer& p : offers.last().second.peers) {
            if (p.address.isEqual(address) && p.port == port)
                return true;
        }
        return false;
    }
};

TrackedContent content(const QString& id, char hashFill)
{
    TrackedContent c;
    c.contentId = id;
    c.infoHash = QByteArray(20, hashFill);
    c.left = 5000;
    return c;
}

std::unique_ptr<DiscoveryServer> startServer(quint16 port = 0, NatMap natMap = {},
                                             QList<CacheHostAssignment> cacheHosts = {})
{
    DiscoveryServerOptions options;
    options.address = kLo1;
    options.port = port;
    options.intervalSeconds = 1;
    options.natMap = std::move(natMap);
    options.cacheHosts = std::move(cacheHosts);
    auto server = std::make_unique<DiscoveryServer>(std::move(options));
    QString error;
    if (!server->start(&error)) {
        qWarning() << "discovery server did not start:" << error;
        return nullptr;
    }
    return server;
}

} // namespace

class DiscoveryClientTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notConfigured();
    void reachableAfterTracking();
    void healthProbeWithoutContent();
    void peersOfferedBetweenAgents();
    void outageAndRecovery();
    void swarmKeysPerPublicAddress();
    void refusalKeepsReachable();
    void unbindableLocalAddress();
    void lookupMetainfo();
    void cacheHostsFromTheService();
    void malformedCacheHostsAreIgnored();
};

// --- DiscoveryClient --------------------------------------------------------------------------

void DiscoveryClientTest::notConfigured()
{
    DiscoveryClient client;
    QCOMPARE(client.status().state, DiscoveryState::NotConfigured);
    QVERIFY(!client.unreachable());
    client.setTracked({content("c1", 'a')});
    QCOMPARE(client.status().state, DiscoveryState::NotConfigured);
    QCOMPARE(client.status().announcedContents, 0);
    int calls = 0;
    MetainfoLookup lookup;
    lookup.found = true;
    client.lookupMetainfo(QUrl("http://origin.example/file.bin"), [&](MetainfoLookup r) {
        ++calls;
        lookup = std::move(r);
    });
    QCOMPARE(calls, 1);
    QVERIFY(!lookup.found);
    QVERIFY(lookup.error.isEmpty());
}

void DiscoveryClientTest::reachableAfterTracking()
{
    auto server = startServer();
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 3);
    QCOMPARE(a.client.status().state, DiscoveryState::NotConfigured);
    a.client.setTracked({content("c1", 'a')});
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    QCOMPARE(a.client.status().state, DiscoveryState::Contacting);
    QCOMPARE(a.client.serviceUrl(), QUrl(server->baseUrl()));
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Reachable, kWait);
    QCOMPARE(a.states,
             (QList<DiscoveryState>{DiscoveryState::Contacting, DiscoveryState::Reachable}));
    QTRY_VERIFY_WITH_TIMEOUT(!a.offers.isEmpty(), kWait);
    QCOMPARE(a.offers.first().first, QString("c1"));
    const AnnounceResponse first = a.offers.first().second;
    QVERIFY(first.failureReason.isEmpty());
    QVERIFY(first.peers.empty());
    QCOMPARE(first.intervalSeconds, 1);
    QVERIFY(first.hasOpendo);
    QCOMPARE(first.appliedMode, 3);
    QCOMPARE(first.publicAddress, kLo2);
    const DiscoveryStatus s = a.client.status();
    QCOMPARE(s.serviceUrl, server->baseUrl());
    QCOMPARE(s.publicAddress, QString("127.0.0.2"));
    QCOMPARE(s.announcedContents, 1);
    QCOMPARE(s.consecutiveFailures, 0);
    QCOMPARE(s.retryInSeconds, 0);
    QVERIFY(s.lastContact.isValid());
    QVERIFY(s.lastError.isEmpty());
    QCOMPARE(server->registry().peerCount(), 1);
    // The interval (1 s) brings the next announce.
    QTRY_VERIFY_WITH_TIMEOUT(a.offers.size() >= 2, kWait);

    // Untracking sends "stopped": the server forgets the peer.
    a.client.setTracked({});
    QTRY_COMPARE_WITH_TIMEOUT(server->registry().peerCount(), 0, kWait);
    QCOMPARE(a.client.status().announcedContents, 0);

    // No service: back to NotConfigured.
    a.client.setServiceUrl(QUrl());
    QCOMPARE(a.client.status().state, DiscoveryState::NotConfigured);
}

void DiscoveryClientTest::healthProbeWithoutContent()
{
    auto server = startServer();
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 3);
    a.client.setServiceUrl(QUrl(server->baseUrl() + "/")); // a trailing slash is fine
    QCOMPARE(a.client.status().state, DiscoveryState::Contacting);
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Reachable, kWait);
    QVERIFY(a.offers.isEmpty());
    QCOMPARE(server->registry().peerCount(), 0);
}

void DiscoveryClientTest::peersOfferedBetweenAgents()
{
    auto server = startServer();
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 3);
    Agent b('b', 7002, kLo3, 3);
    a.client.setTracked({content("shared", 's')});
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    QTRY_COMPARE_WITH_TIMEOUT(server->registry().peerCount(), 1, kWait);
    b.client.setTracked({content("shared", 's')});
    b.client.setServiceUrl(QUrl(server->baseUrl()));
    // b meets a in its first answer; a meets b at its next interval.
    QTRY_VERIFY_WITH_TIMEOUT(b.offered(kLo2, 7001), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(a.offered(kLo3, 7002), kWait);
    const AnnounceResponse toA = *a.lastOffer();
    QCOMPARE(toA.peers.size(), size_t(1));
    QCOMPARE(toA.peers.front(), (AnnouncedPeer{kLo3, 7002, PeerRelation::Internet}));
    QCOMPARE(toA.incomplete, 2);
    QCOMPARE(a.offers.last().first, QString("shared"));
    const AnnounceResponse toB = *b.lastOffer();
    QCOMPARE(toB.peers.size(), size_t(1));
    QCOMPARE(toB.peers.front(), (AnnouncedPeer{kLo2, 7001, PeerRelation::Internet}));
    QCOMPARE(b.client.status().publicAddress, QString("127.0.0.3"));
    QCOMPARE(server->registry().peerCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().peersOffered, 1, kWait);
    // Another content is another swarm: nobody there yet.
    b.client.setTracked({content("shared", 's'), content("other", 'o')});
    QTRY_VERIFY_WITH_TIMEOUT(
        std::any_of(b.offers.begin(), b.offers.end(),
                    [](const auto& offer) { return offer.first == QString("other"); }),
        kWait);
    for (const auto& offer : std::as_const(b.offers)) {
        if (offer.first == QString("other"))
            QVERIFY(offer.second.peers.empty());
    }
}

void DiscoveryClientTest::outageAndRecovery()
{
    auto server = startServer();
    QVERIFY(server);
    const quint16 port = server->port();
    const QString baseUrl = server->baseUrl();
    QList<DiscoveryStatus> unreachableSeen;
    Agent a('a', 7001, kLo2, 3);
    QObject::connect(&a.client, &DiscoveryClient::statusChanged, &a.client, [&] {
        if (a.client.status().state == DiscoveryState::Unreachable)
            unreachableSeen << a.client.status();
    });
    a.client.setTracked({content("c1", 'a')});
    a.client.setServiceUrl(QUrl(baseUrl));
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Reachable, kWait);
    const int offersBefore = int(a.offers.size());

    server.reset(); // the service goes away
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Unreachable, kWait);
    QVERIFY(a.client.unreachable());
    QCOMPARE(unreachableSeen.size(), 1);
    DiscoveryStatus s = unreachableSeen.first();
    QCOMPARE(s.consecutiveFailures, 1);
    QCOMPARE(s.retryInSeconds, 1);
    QVERIFY2(s.lastError.contains(baseUrl + "/announce"), qPrintable(s.lastError));
    QVERIFY(s.lastAttempt.isValid());
    // The retries back off: 1 s, then 2 s.
    QTRY_VERIFY_WITH_TIMEOUT(a.client.status().consecutiveFailures >= 2, kWait);
    s = a.client.status();
    QCOMPARE(s.state, DiscoveryState::Unreachable);
    QCOMPARE(s.consecutiveFailures, 2);
    QCOMPARE(s.retryInSeconds, 2);
    QCOMPARE(int(a.offers.size()), offersBefore);

    // The service comes back on the same port: found again within the backoff.
    server = startServer(port);
    QVERIFY(server);
    QCOMPARE(server->baseUrl(), baseUrl);
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Reachable, 20'000);
    s = a.client.status();
    QCOMPARE(s.consecutiveFailures, 0);
    QCOMPARE(s.retryInSeconds, 0);
    QVERIFY(!s.lastError.isEmpty()); // kept for context
    QCOMPARE(a.states.mid(a.states.size() - 3),
             (QList<DiscoveryState>{DiscoveryState::Reachable, DiscoveryState::Unreachable,
                                    DiscoveryState::Reachable}));
    // The restarted (empty) service learns about us again.
    QTRY_COMPARE_WITH_TIMEOUT(server->registry().peerCount(), 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(int(a.offers.size()) > offersBefore, kWait);
}

void DiscoveryClientTest::swarmKeysPerPublicAddress()
{
    NatMap nat;
    QString error;
    QVERIFY2(nat.addRule("127.0.0.2-127.0.0.3=203.0.113.1", &error), qPrintable(error));
    QVERIFY2(nat.addRule("127.0.0.4=203.0.113.2", &error), qPrintable(error));
    auto server = startServer(0, nat);
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 1);
    Agent b('b', 7002, kLo3, 1);
    Agent c('c', 7003, kLo4, 1);
    for (Agent* agent : {&a, &b, &c}) {
        agent->client.setTracked({content("lan", 'L')});
        agent->client.setServiceUrl(QUrl(server->baseUrl()));
    }
    QTRY_VERIFY_WITH_TIMEOUT(a.lastOffer() && b.lastOffer() && c.lastOffer(), kWait);
    const AnnounceResponse ra = *a.lastOffer();
    const AnnounceResponse rb = *b.lastOffer();
    const AnnounceResponse rc = *c.lastOffer();
    for (const AnnounceResponse* r : {&ra, &rb, &rc}) {
        QVERIFY(r->hasOpendo);
        QCOMPARE(r->appliedMode, 1);
        QCOMPARE(r->swarmKey.size(), qsizetype(kSwarmKeySize));
    }
    QCOMPARE(ra.publicAddress, QHostAddress(QStringLiteral("203.0.113.1")));
    QCOMPARE(rb.publicAddress, QHostAddress(QStringLiteral("203.0.113.1")));
    QCOMPARE(rc.publicAddress, QHostAddress(QStringLiteral("203.0.113.2")));
    QCOMPARE(ra.scope, QString("lan:203.0.113.1"));
    QCOMPARE(rc.scope, QString("lan:203.0.113.2"));
    QCOMPARE(ra.swarmKey, rb.swarmKey); // behind one NAT: one key
    QVERIFY(ra.swarmKey != rc.swarmKey);
    QCOMPARE(a.client.status().publicAddress, QString("203.0.113.1"));
    // Same NAT peers meet as LAN peers at their local addresses; the other NAT is never
    // offered in mode 1.
    QTRY_VERIFY_WITH_TIMEOUT(a.offered(kLo3, 7002) && b.offered(kLo2, 7001), kWait);
    QCOMPARE(a.lastOffer()->peers.front().relation, PeerRelation::Lan);
    QCOMPARE(a.lastOffer()->peers.size(), size_t(1));
    QTRY_VERIFY_WITH_TIMEOUT(c.offers.size() >= 2, kWait);
    for (const auto& offer : std::as_const(c.offers))
        QVERIFY(offer.second.peers.empty());
    // Another content behind the same NAT gets another key.
    a.client.setTracked({content("lan", 'L'), content("lan2", 'M')});
    const auto isLan2 = [](const auto& offer) { return offer.first == QString("lan2"); };
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(a.offers.begin(), a.offers.end(), isLan2), kWait);
    const AnnounceResponse lan2 = std::find_if(a.offers.begin(), a.offers.end(), isLan2)->second;
    QCOMPARE(lan2.swarmKey.size(), qsizetype(kSwarmKeySize));
    QVERIFY(lan2.swarmKey != ra.swarmKey);
    QCOMPARE(lan2.scope, ra.scope);
}

void DiscoveryClientTest::refusalKeepsReachable()
{
    auto server = startServer();
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 2); // group mode without a group id
    a.client.setTracked({content("c1", 'a')});
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().refusal,
                              QString("do_mode 2 (Group) needs do_group"), kWait);
    QCOMPARE(a.client.status().state, DiscoveryState::Reachable);
    QVERIFY(a.offers.isEmpty());
    QCOMPARE(a.client.status().announcedContents, 0);
    // With a group the refusal clears and the announce goes through.
    AnnounceScope scope;
    scope.mode = 2;
    scope.groupId = "5f0c2a1e-7b7d-4c1e-9a54-1f2e3d4c5b6a";
    a.client.setScope(scope, "DOGroupId");
    QTRY_VERIFY_WITH_TIMEOUT(!a.offers.isEmpty(), kWait);
    QCOMPARE(a.client.status().refusal, QString());
    QCOMPARE(a.offers.last().second.scope, QString("group:" + scope.groupId));
    QCOMPARE(a.offers.last().second.swarmKey.size(), qsizetype(kSwarmKeySize));
    QCOMPARE(a.client.status().groupId, scope.groupId);
    QCOMPARE(a.client.status().groupIdSource, QString("DOGroupId"));
}

void DiscoveryClientTest::unbindableLocalAddress()
{
    // The address the agent listens on went away (DHCP renewal, interface down): announces
    // fail, asynchronously like every other failure, and the service counts as unreachable.
    auto server = startServer();
    QVERIFY(server);
    Agent a('a', 7001, QHostAddress(QStringLiteral("192.0.2.77")), 3);
    a.client.setTracked({content("c1", 'a')});
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    QCOMPARE(a.client.status().state, DiscoveryState::Contacting);
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Unreachable, kWait);
    QVERIFY2(a.client.status().lastError.contains(server->baseUrl() + "/announce"),
             qPrintable(a.client.status().lastError));
    QCOMPARE(server->registry().peerCount(), 0);
}

void DiscoveryClientTest::lookupMetainfo()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QUrl origin("http://origin.example/updates/pkg%20v2.bin");
    const QByteArray torrent = makeTorrent(dir, origin);
    QVERIFY(!torrent.isEmpty());
    auto server = startServer();
    QVERIFY(server);
    const PublishResult published = server->publish(torrent);
    QVERIFY2(published.ok, qPrintable(published.error));

    Agent a('a', 7001, kLo2, 3);
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    int calls = 0;
    MetainfoLookup found;
    a.client.lookupMetainfo(origin, [&](MetainfoLookup r) {
        ++calls;
        found = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 1, kWait);
    QVERIFY2(found.found, qPrintable(found.error));
    QCOMPARE(found.torrent, torrent);
    QVERIFY(found.error.isEmpty());
    QCOMPARE(a.client.status().state, DiscoveryState::Reachable);

    MetainfoLookup missing;
    missing.found = true;
    a.client.lookupMetainfo(QUrl("http://origin.example/updates/other.bin"), [&](MetainfoLookup r) {
        ++calls;
        missing = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 2, kWait);
    QVERIFY(!missing.found);
    QVERIFY(missing.torrent.isEmpty());
    QVERIFY2(missing.error.isEmpty(), qPrintable(missing.error)); // simply not published
    QCOMPARE(a.client.status().state, DiscoveryState::Reachable);

    // With the service gone: an error, and the client knows it is unreachable.
    server.reset();
    MetainfoLookup failed;
    failed.found = true;
    a.client.lookupMetainfo(origin, [&](MetainfoLookup r) {
        ++calls;
        failed = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(calls, 3, kWait);
    QVERIFY(!failed.found);
    QVERIFY(!failed.error.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Unreachable, kWait);
}

void DiscoveryClientTest::cacheHostsFromTheService()
{
    // One rule for another subnet, one for the loopback devices: this client gets the second,
    // also while it has content to announce (announces decide the state then).
    auto server = startServer(0, {},
                              {*parseCacheHostAssignment("10.9.0.0/16=elsewhere", nullptr),
                               *parseCacheHostAssignment("127.0.0.0/8=mcc1:8080,mcc2", nullptr)});
    QVERIFY(server);
    Agent a('a', 7001, kLo2, 1);
    QSignalSpy changed(&a.client, &DiscoveryClient::cacheHostsChanged);
    a.client.setTracked({content("c", 'c')});
    a.client.setServiceUrl(QUrl(server->baseUrl()));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kWait);
    QCOMPARE(a.client.status().cacheHosts, (QStringList{"mcc1:8080", "mcc2"}));
    QCOMPARE(a.client.cacheHosts().size(), 2);
    QCOMPARE(a.client.cacheHosts().first().port, quint16(8080));
    // Another service names its own: the old assignment goes at once.
    a.client.setServiceUrl(QUrl());
    QCOMPARE(changed.size(), 2);
    QVERIFY(a.client.cacheHosts().isEmpty());
}

void DiscoveryClientTest::malformedCacheHostsAreIgnored()
{
    CannedHttpServer canned;
    const QByteArray body = R"({"status":"ok","cacheHosts":["mcc1","http://evil/"]})";
    canned.response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body;
    QVERIFY(canned.listen());
    Agent a('a', 7001, kLo2, 1);
    QSignalSpy changed(&a.client, &DiscoveryClient::cacheHostsChanged);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("ignoring its cache servers: \"http://evil/\""));
    a.client.setServiceUrl(canned.url(QString()));
    QTRY_COMPARE_WITH_TIMEOUT(a.client.status().state, DiscoveryState::Reachable, kWait);
    QVERIFY(a.client.cacheHosts().isEmpty()); // none of the list, not half of it
    QCOMPARE(changed.size(), 0);
}

QTEST_GUILESS_MAIN(DiscoveryClientTest)
#include "test_discovery_client.moc"
