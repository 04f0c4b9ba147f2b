// Who may dial in: a real PeerHub on loopback and raw peers from chosen loopback addresses. In
// LAN mode without a discovery service only the configured peers are admitted; with
// DORestrictPeerSelectionBy = 1 a peer outside our subnet is refused even when it knows the
// content. A refused peer never gets our handshake, so it learns nothing about what we hold.

#include "core/peer/HubFixture.h"
#include "core/peer/PeerWireHarness.h"
#include "log/LogBuffer.h"

#include <QLoggingCategory>
#include <QTest>

using namespace opendo;
using namespace opendo::peer;
using namespace opendo::test::peerwire;

namespace {

// The hub says why it closed an incoming connection at debug level (opendo.peer); the agent's
// own log ring keeps it.
QString logText()
{
    QStringList lines;
    for (const log::LogRecord& r : log::LogBuffer::since(0))
        lines << r.message;
    return lines.join(u'\n');
}

// A raw peer from `from` that sends its handshake for the hub's content. Each has its own peer
// id: the hub keeps one connection per peer id.
struct Caller
{
    QTcpSocket socket;
    std::optional<RawPeer> raw;

    bool dial(const HubFixture& hub, const QString& from)
    {
        if (!socket.bind(QHostAddress(from)))
            return false;
        socket.connectToHost(QHostAddress::LocalHost, hub.hub->listenPort());
        if (!socket.waitForConnected(kWait))
            return false;
        raw.emplace(&socket, kHubPieces);
        static int callers = 0;
        const QByteArray peerId =
            QByteArray("-XX0001-") + QByteArray::number(++callers).rightJustified(12, '0');
        raw->sendHandshake(true, true, hub.swarm->infoHash(), peerId);
        return true;
    }
    bool answered() { return raw && !raw->handshakes().isEmpty(); }
    bool hungUp() const { return socket.state() == QAbstractSocket::UnconnectedState; }
};

} // namespace

class PeerAdmissionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void lanModeWithoutDiscoveryTakesOnlyConfiguredPeers();
    void lanModeRestrictedToSubnetRefusesOutsiders();
    void restrictionToLocalPeersRefusesOthers();
    void vpnPausesAllButLocallyFoundPeers();
    void vpnComingUpEndsPeerConnections();
    void internetModeTakesAnyone();
};

void PeerAdmissionTest::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("opendo.peer.debug=true"));
    log::LogBuffer::install();
}

void PeerAdmissionTest::lanModeWithoutDiscoveryTakesOnlyConfiguredPeers()
{
    HubFixture f;
    f.downloadMode = QStringLiteral("1");
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // Port 9 (discard) has no listener here: the hub's own dial-out to it fails at once.
    f.hub->setStaticPeers({{QHostAddress(QStringLiteral("127.0.0.8")), 9}});

    Caller configured;
    QVERIFY(configured.dial(f, QStringLiteral("127.0.0.8")));
    QTRY_VERIFY_WITH_TIMEOUT(configured.answered(), kWait);

    Caller stranger;
    QVERIFY(stranger.dial(f, QStringLiteral("127.0.0.9")));
    QTRY_VERIFY_WITH_TIMEOUT(stranger.hungUp(), kWait);
    QVERIFY(!stranger.answered());
    QVERIFY2(logText().contains("without a discovery service, download mode 1 accepts only the "
                                "configured peers"),
             qPrintable(logText()));
    QVERIFY(!configured.hungUp());
}

void PeerAdmissionTest::lanModeRestrictedToSubnetRefusesOutsiders()
{
    HubFixture f;
    f.downloadMode = QStringLiteral("1");
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    f.hub->setDiscoveryActive(true);
    // All of 127/8 is one subnet on lo; a /29 stands in for a site's subnet.
    f.hub->setSubnetRestriction(QHostAddress(QStringLiteral("127.0.0.0")), 29);

    Caller neighbour;
    QVERIFY(neighbour.dial(f, QStringLiteral("127.0.0.6")));
    QTRY_VERIFY_WITH_TIMEOUT(neighbour.answered(), kWait);

    Caller outsider;
    QVERIFY(outsider.dial(f, QStringLiteral("127.0.0.9")));
    QTRY_VERIFY_WITH_TIMEOUT(outsider.hungUp(), kWait);
    QVERIFY(!outsider.answered());
    QVERIFY2(logText().contains("not admitted: 127.0.0.9 is outside our subnet 127.0.0.0/29 "
                                "(DORestrictPeerSelectionBy = 1)"),
             qPrintable(logText()));

    // Lifting the restriction admits the same address.
    f.hub->setSubnetRestriction(QHostAddress(), -1);
    Caller again;
    QVERIFY(again.dial(f, QStringLiteral("127.0.0.9")));
    QTRY_VERIFY_WITH_TIMEOUT(again.answered(), kWait);
}

void PeerAdmissionTest::restrictionToLocalPeersRefusesOthers()
{
    HubFixture f;
    f.downloadMode = QStringLiteral("2");
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    f.hub->setDiscoveryActive(true);
    // What local discovery (DNS-SD) found: only 127.0.0.6.
    f.hub->setLocalPeerRestriction(
        [](const QHostAddress& a) { return a.isEqual(QHostAddress(QStringLiteral("127.0.0.6"))); });

    Caller found;
    QVERIFY(found.dial(f, QStringLiteral("127.0.0.6")));
    QTRY_VERIFY_WITH_TIMEOUT(found.answered(), kWait);

    Caller unseen;
    QVERIFY(unseen.dial(f, QStringLiteral("127.0.0.7")));
    QTRY_VERIFY_WITH_TIMEOUT(unseen.hungUp(), kWait);
    QVERIFY(!unseen.answered());
    QVERIFY2(logText().contains("not admitted: 127.0.0.7 was not found by local peer discovery "
                                "(DNS-SD) on this network (DORestrictPeerSelectionBy = 2)"),
             qPrintable(logText()));

    // Lifting the restriction admits the same address.
    f.hub->setLocalPeerRestriction({});
    Caller again;
    QVERIFY(again.dial(f, QStringLiteral("127.0.0.7")));
    QTRY_VERIFY_WITH_TIMEOUT(again.answered(), kWait);
}

void PeerAdmissionTest::vpnPausesAllButLocallyFoundPeers()
{
    HubFixture f;
    f.downloadMode = QStringLiteral("2");
    // The loopback interface is up everywhere: naming it a VPN keyword puts this device "on a
    // VPN" for real, through the same interface probe the agent uses.
    f.extraPolicies = {{QStringLiteral("DOVpnKeywords"), QStringLiteral("lo")},
                       {QStringLiteral("DORestrictPeerSelectionBy"), QStringLiteral("2")}};
    f.requireUploads = false;
    // Local discovery found 127.0.0.6.
    const auto foundLocally = [](const QHostAddress& a) {
        return a.isEqual(QHostAddress(QStringLiteral("127.0.0.6")));
    };
    f.localPeers = foundLocally;
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    f.hub->setDiscoveryActive(true);
    // Without the restriction to local peers the VPN gate stops all peering.
    f.hub->setLocalPeerRestriction({});
    QVERIFY(!f.hub->peeringAllowed());
    QVERIFY(!f.hub->uploadAllowed());
    f.hub->setLocalPeerRestriction(foundLocally);
    // 127.0.0.8 is a configured peer: never subject to the local restriction, but subject to
    // the VPN gate like every class but local-discovery peers.
    f.hub->setStaticPeers({{QHostAddress(QStringLiteral("127.0.0.8")), 9}});
    QVERIFY(f.hub->peeringAllowed());
    QVERIFY(f.hub->uploadAllowed());
    QVERIFY(f.hub->peeringAllowedWith(transfer::SourceClass::LinkLocalPeer));
    QVERIFY(f.hub->uploadAllowedTo(transfer::SourceClass::LinkLocalPeer));
    QVERIFY(!f.hub->peeringAllowedWith(transfer::SourceClass::GroupPeer));
    QVERIFY(!f.hub->uploadAllowedTo(transfer::SourceClass::LanPeer));

    Caller found;
    QVERIFY(found.dial(f, QStringLiteral("127.0.0.6")));
    QTRY_VERIFY_WITH_TIMEOUT(found.answered(), kWait);
    const QList<transfer::PeerSnapshot> peers = f.hub->peers();
    QCOMPARE(peers.size(), 1);
    QCOMPARE(peers.first().sourceClass, transfer::SourceClass::LinkLocalPeer);

    Caller configured;
    QVERIFY(configured.dial(f, QStringLiteral("127.0.0.8")));
    QTRY_VERIFY_WITH_TIMEOUT(configured.hungUp(), kWait);
    QVERIFY(!configured.answered());
    QVERIFY2(logText().contains("not admitted: Peering pauses while a VPN is connected (lo), "
                                "except with peers found by local peer discovery"),
             qPrintable(logText()));

    // The restriction is lifted (DORestrictPeerSelectionBy changed): the found peer becomes
    // the group peer the service says it is, which the VPN gate holds back, so it is let go.
    f.hub->setLocalPeerRestriction({});
    f.hub->setDiscoveredPeers(
        f.swarm->contentId(),
        {{{QHostAddress(QStringLiteral("127.0.0.6")), 7680}, transfer::SourceClass::GroupPeer}});
    QTRY_VERIFY_WITH_TIMEOUT(found.hungUp(), kWait);
    QVERIFY(f.hub->peers().isEmpty());
}

void PeerAdmissionTest::vpnComingUpEndsPeerConnections()
{
    HubFixture f; // Internet mode
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Caller peer;
    QVERIFY(peer.dial(f, QStringLiteral("127.0.0.9")));
    QTRY_VERIFY_WITH_TIMEOUT(peer.answered(), kWait);
    QCOMPARE(f.hub->peers().size(), 1);

    // A VPN comes up (lo matches the keyword): the connection ends, it does not just choke.
    f.extraPolicies = {{QStringLiteral("DOVpnKeywords"), QStringLiteral("lo")}};
    f.applyPolicies();
    QVERIFY(!f.hub->peeringAllowed());
    QTRY_VERIFY_WITH_TIMEOUT(peer.hungUp(), kWait);
    QVERIFY(f.hub->peers().isEmpty());
    QVERIFY2(logText().contains("peering paused: Peering pauses while a VPN is connected (lo)."),
             qPrintable(logText()));
}

void PeerAdmissionTest::internetModeTakesAnyone()
{
    HubFixture f; // mode 3, no discovery service
    const QString error = f.open(QBitArray(kHubPieces, true), {});
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Caller anyone;
    QVERIFY(anyone.dial(f, QStringLiteral("127.0.0.9")));
    QTRY_VERIFY_WITH_TIMEOUT(anyone.answered(), kWait);
}

QTEST_GUILESS_MAIN(PeerAdmissionTest)
#include "test_peer_admission.moc"
