// PeerConnection over real TCP on 127.0.0.1: handshakes, availability, timeouts and closing.
// Requests, choking and protocol violations are in test_peer_requests.cpp.

#include "core/peer/PeerWireHarness.h"

using namespace opendo::peer;
using namespace opendo::test::peerwire;

class PeerConnectionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pieceGeometry();
    void handshakeBothWays();
    void outgoingBindsToTheGivenAddress();
    void wrongInfoHashClosesOutgoing();
    void incomingWaitsForTheOwner();
    void incomingRefusedByTheOwner();
    void clientNameFromPeerId();
    void extensionMessagesByName();
    void availabilityBetweenPeers_data();
    void availabilityBetweenPeers();
    void availabilityOnTheWire_data();
    void availabilityOnTheWire();
    void keepAliveAndIdleTimeout();
    void handshakeTimeout();
    void connectionRefused();
    void closeSignalsOnce();
};

void PeerConnectionTest::pieceGeometry()
{
    const PieceGeometry g = geometry();
    QCOMPARE(g.pieceSize(0), kPieceLength);
    QCOMPARE(g.pieceSize(8), kPieceLength);
    QCOMPARE(g.pieceSize(9), qint64(kLastPieceSize));
    QCOMPARE(g.pieceSize(10), 0);
    QCOMPARE(g.pieceSize(0xFFFFFFFF), 0);
    QCOMPARE((PieceGeometry{4, 100, 400}.pieceSize(3)), 100); // a file of whole pieces
    QCOMPARE(PieceGeometry{}.pieceSize(0), 0);
}

void PeerConnectionTest::handshakeBothWays()
{
    Pair p;
    QVERIFY(p.open());
    QCOMPARE(p.out->direction(), PeerConnection::Direction::Outgoing);
    QCOMPARE(p.in->direction(), PeerConnection::Direction::Incoming);
    QCOMPARE(p.seenInfoHash, kInfoHash);
    QCOMPARE(p.seenPeerId, QByteArray("-OD0100-A").leftJustified(20, 'x'));
    QCOMPARE(p.in->infoHash(), kInfoHash);
    QCOMPARE(p.out->remotePeerId(), QByteArray("-OD0100-B").leftJustified(20, 'x'));
    QCOMPARE(p.in->remotePeerId(), QByteArray("-OD0100-A").leftJustified(20, 'x'));
    for (PeerConnection* c : {p.out.data(), p.in.data()}) {
        QVERIFY(c->fastExtension());
        QVERIFY(c->extensionProtocol());
        QVERIFY(c->amChoking());
        QVERIFY(c->peerChoking());
        QVERIFY(!c->amInterested());
        QVERIFY(!c->peerInterested());
        QCOMPARE(c->peerHas().size(), qsizetype(kPieces));
        QCOMPARE(c->peerPieceCount(), 0);
        QVERIFY(!c->isClosed());
        QVERIFY(c->connectedMs() >= 0);
    }
    QCOMPARE(p.out->endpoint(), QStringLiteral("127.0.0.1:%1").arg(p.server.serverPort()));
    QCOMPARE(p.in->address(), QHostAddress(QHostAddress::LocalHost));
    QVERIFY(p.in->endpoint().startsWith(QStringLiteral("127.0.0.1:")));
}

void PeerConnectionTest::outgoingBindsToTheGivenAddress()
{
    ToRaw t;
    QVERIFY(t.open(quickSettings(), QHostAddress(QStringLiteral("127.0.0.2"))));
    QCOMPARE(t.raw->socket()->peerAddress(), QHostAddress(QStringLiteral("127.0.0.2")));
    t.raw->sendHandshake(true, true);
    QTRY_VERIFY_WITH_TIMEOUT(t.connection->isReady(), kWait);
}

void PeerConnectionTest::wrongInfoHashClosesOutgoing()
{
    ToRaw t;
    QVERIFY(t.open());
    QSignalSpy ready(t.connection.data(), &PeerConnection::ready);
    t.raw->sendHandshake(true, true, QByteArray(20, '\x01'));
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY2(t.closeReason().contains(QStringLiteral("0101010101")), qPrintable(t.closeReason()));
    QVERIFY(!t.closedAsViolation());
    QCOMPARE(ready.size(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->socket()->state(), QAbstractSocket::UnconnectedState, kWait);
}

void PeerConnectionTest::incomingWaitsForTheOwner()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QPointer<PeerConnection> connection;
    QByteArray seenInfoHash;
    int availability = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        connection =
            new PeerConnection(server.nextPendingConnection(),
                               identity("-OD0100-B", QStringLiteral("OpenDO B")), quickSettings());
        connect(connection, &PeerConnection::availabilityReceived, this, [&] { ++availability; });
        connect(connection, &PeerConnection::handshakeReceived, this,
                [&](const QByteArray& infoHash, const QByteArray&) {
                    seenInfoHash = infoHash;
                    // The owner looks the content up asynchronously; meanwhile the peer's
                    // messages must wait, not be decoded against an unknown geometry.
                    QTimer::singleShot(150, connection,
                                       [&] { connection->acceptIncoming(geometry()); });
                });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(kWait));
    RawPeer raw(&client);
    // BEP 3 lets the initiator go on right after its handshake.
    raw.sendHandshake(true, false);
    raw.send(frame(0x0E) + frame(2));
    QTRY_COMPARE_WITH_TIMEOUT(seenInfoHash, kInfoHash, kWait);
    QVERIFY(!connection->isReady());
    QCOMPARE(availability, 0);
    QVERIFY(raw.handshakes().isEmpty()); // we answer only once the owner accepts
    QTRY_VERIFY_WITH_TIMEOUT(connection && connection->isReady(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(availability, 1, kWait);
    QVERIFY(connection->peerIsSeed());
    QTRY_VERIFY_WITH_TIMEOUT(connection->peerInterested(), kWait);
    QTRY_COMPARE_WITH_TIMEOUT(raw.handshakes().size(), 1, kWait);
    QCOMPARE(raw.handshakes().first().infoHash, kInfoHash);
    QCOMPARE(raw.handshakes().first().peerId, QByteArray("-OD0100-B").leftJustified(20, 'x'));
    QVERIFY(raw.handshakes().first().supportsFastExtension());
    QVERIFY(connection->fastExtension());
    QVERIFY(!connection->extensionProtocol()); // the raw peer did not offer it
    delete connection.data();
}

void PeerConnectionTest::incomingRefusedByTheOwner()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QPointer<PeerConnection> connection;
    QString reason;
    int closedCount = 0;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        connection =
            new PeerConnection(server.nextPendingConnection(),
                               identity("-OD0100-B", QStringLiteral("OpenDO B")), quickSettings());
        connect(connection, &PeerConnection::closed, this, [&](const QString& r, bool violation) {
            reason = r;
            ++closedCount;
            QVERIFY(!violation);
        });
        connect(connection, &PeerConnection::handshakeReceived, this,
                [&] { connection->close(QStringLiteral("not offered here")); });
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(kWait));
    RawPeer raw(&client);
    raw.sendHandshake(true, true, QByteArray(20, '\x33'));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kWait);
    QCOMPARE(closedCount, 1);
    QCOMPARE(reason, QStringLiteral("not offered here"));
    QVERIFY(raw.handshakes().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(connection.isNull(), kWait); // deleted itself
}

void PeerConnectionTest::clientNameFromPeerId()
{
    ToRaw t;
    QVERIFY(t.open());
    t.raw->sendHandshake(true, false, kInfoHash, QByteArray("-LT2080-abcdefghijkl"));
    QTRY_VERIFY_WITH_TIMEOUT(t.connection->isReady(), kWait);
    QCOMPARE(t.connection->clientName(), QStringLiteral("libtorrent 2.0.8.0"));

    ToRaw other;
    QVERIFY(other.open());
    other.raw->sendHandshake(true, false, kInfoHash, QByteArray(20, '\x07'));
    QTRY_VERIFY_WITH_TIMEOUT(other.connection->isReady(), kWait);
    QCOMPARE(other.connection->clientName(), QString());
}

void PeerConnectionTest::extensionMessagesByName()
{
    Pair p;
    QVERIFY(p.open());
    QCOMPARE(p.out->clientName(), QStringLiteral("OpenDO B"));
    QCOMPARE(p.in->clientName(), QStringLiteral("OpenDO A"));
    const ExtensionHandshake& theirs = p.out->remoteExtensions();
    QCOMPARE(theirs.listenPort, std::optional<quint16>(7680));
    QCOMPARE(theirs.requestQueue, std::optional<quint32>(500));
    QCOMPARE(theirs.idOf(kSwarmKeyExtensionName), std::optional<quint8>(3));

    QSignalSpy received(p.in.data(), &PeerConnection::extendedMessageReceived);
    QVERIFY(p.out->sendExtended(kSwarmKeyExtensionName, "proof bytes"));
    QVERIFY(!p.out->sendExtended("ut_pex", "x")); // not announced by the peer
    QVERIFY(received.wait(kWait));
    QCOMPARE(received.size(), 1);
    QCOMPARE(received.at(0).at(0).toByteArray(), QByteArray(kSwarmKeyExtensionName));
    QCOMPARE(received.at(0).at(1).toByteArray(), QByteArray("proof bytes"));
}

void PeerConnectionTest::availabilityBetweenPeers_data()
{
    QTest::addColumn<QBitArray>("have");
    QTest::addRow("have all") << bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    QTest::addRow("have none") << bits({});
    QTest::addRow("bitfield") << bits({0, 3, 9});
}

void PeerConnectionTest::availabilityBetweenPeers()
{
    QFETCH(QBitArray, have);
    Pair p;
    QVERIFY(p.open());
    QSignalSpy availability(p.out.data(), &PeerConnection::availabilityReceived);
    QSignalSpy haves(p.out.data(), &PeerConnection::haveReceived);
    p.in->sendAvailability(have);
    p.out->sendAvailability(have);
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, kWait);
    QCOMPARE(p.out->peerHas(), have);
    QCOMPARE(p.out->peerPieceCount(), int(have.count(true)));
    QCOMPARE(p.out->peerIsSeed(), have.count(true) == kPieces);
    QTRY_COMPARE_WITH_TIMEOUT(p.in->peerHas(), have, kWait);

    if (have.count(true) < kPieces) {
        quint32 index = 0;
        while (have.testBit(index))
            ++index;
        p.in->sendHave(index);
        p.in->sendHave(index); // a repeat changes nothing
        QTRY_COMPARE_WITH_TIMEOUT(haves.size(), 1, kWait);
        QCOMPARE(haves.at(0).at(0).value<quint32>(), index);
        QVERIFY(p.out->peerHas().testBit(index));
        QCOMPARE(p.out->peerPieceCount(), int(have.count(true)) + 1);
    }
    QVERIFY(!p.out->isClosed());
    QVERIFY(!p.in->isClosed());
}

void PeerConnectionTest::availabilityOnTheWire_data()
{
    QTest::addColumn<bool>("fast");
    QTest::addColumn<QBitArray>("have");
    QTest::addColumn<int>("expectedType"); // first message; Interested = nothing was sent
    QTest::addColumn<QByteArray>("payload");

    const QBitArray all = bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9});
    QTest::addRow("fast, all") << true << all << int(MessageType::HaveAll) << QByteArray();
    QTest::addRow("fast, none") << true << bits({}) << int(MessageType::HaveNone) << QByteArray();
    QTest::addRow("fast, some") << true << bits({0, 8, 9}) << int(MessageType::Bitfield)
                                << QByteArray("\x80\xC0", 2);
    QTest::addRow("no fast, all") << false << all << int(MessageType::Bitfield)
                                  << QByteArray("\xFF\xC0", 2);
    QTest::addRow("no fast, none")
        << false << bits({}) << int(MessageType::Interested) << QByteArray();
}

void PeerConnectionTest::availabilityOnTheWire()
{
    QFETCH(bool, fast);
    QFETCH(QBitArray, have);
    QFETCH(int, expectedType);
    QFETCH(QByteArray, payload);

    ToRaw t;
    QVERIFY(t.openReady(fast, false));
    QCOMPARE(t.connection->fastExtension(), fast);
    t.connection->sendAvailability(have);
    t.connection->sendAvailability(have); // only once
    t.connection->setInterested(true);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Interested), 1, kWait);
    const QList<PeerMessage>& got = t.raw->messages();
    QCOMPARE(int(got.first().type), expectedType);
    QCOMPARE(got.first().payload, payload);
    QCOMPARE(got.size(), expectedType == int(MessageType::Interested) ? 1 : 2);
}

void PeerConnectionTest::keepAliveAndIdleTimeout()
{
    PeerConnectionSettings settings = quickSettings();
    settings.keepAliveIntervalMs = 150;
    settings.idleTimeoutMs = 2000;
    ToRaw t;
    QVERIFY(t.openReady(false, false, settings));
    // The raw peer stays silent: we keep the connection alive, and then give up on it.
    QTRY_VERIFY_WITH_TIMEOUT(t.raw->count(MessageType::KeepAlive) >= 2, kWait);
    QVERIFY(t.closed->isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY2(t.closeReason().contains(QStringLiteral("nothing received")),
             qPrintable(t.closeReason()));
    QVERIFY(!t.closedAsViolation());
}

void PeerConnectionTest::handshakeTimeout()
{
    PeerConnectionSettings settings = quickSettings();
    settings.handshakeTimeoutMs = 300;

    // Outgoing: the peer accepts the TCP connection and never answers.
    ToRaw t;
    QVERIFY(t.open(settings));
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QCOMPARE(t.closeReason(), QStringLiteral("timed out during handshake"));
    QVERIFY(!t.closedAsViolation());

    // Incoming: the client connects and never sends its handshake.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    QPointer<PeerConnection> incoming;
    std::unique_ptr<QSignalSpy> closed;
    connect(&server, &QTcpServer::newConnection, this, [&] {
        incoming = new PeerConnection(server.nextPendingConnection(),
                                      identity("-OD0100-B", QStringLiteral("B")), settings);
        closed = std::make_unique<QSignalSpy>(incoming.data(), &PeerConnection::closed);
    });
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(kWait));
    QTRY_VERIFY_WITH_TIMEOUT(closed && closed->size() == 1, kWait);
    QCOMPARE(closed->at(0).at(0).toString(), QStringLiteral("timed out during handshake"));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kWait);
}

void PeerConnectionTest::connectionRefused()
{
    const quint16 port = opendo::test::freePort();
    QPointer<PeerConnection> c =
        new PeerConnection(QHostAddress::LocalHost, port, {}, kInfoHash, geometry(),
                           identity("-OD0100-A", QStringLiteral("A")), quickSettings());
    QSignalSpy closed(c.data(), &PeerConnection::closed);
    QVERIFY(closed.wait(kWait));
    QCOMPARE(closed.at(0).at(0).toString(), QStringLiteral("connection refused"));
    QCOMPARE(closed.at(0).at(1).toBool(), false);
    QVERIFY(!c || c->isClosed());
    QTRY_VERIFY_WITH_TIMEOUT(c.isNull(), kWait);
    QCOMPARE(closed.size(), 1);
}

void PeerConnectionTest::closeSignalsOnce()
{
    Pair p;
    QVERIFY(p.open());
    QSignalSpy outClosed(p.out.data(), &PeerConnection::closed);
    QSignalSpy inClosed(p.in.data(), &PeerConnection::closed);
    p.out->close(QStringLiteral("bye"));
    p.out->close(QStringLiteral("again"));
    QCOMPARE(outClosed.size(), 1);
    QCOMPARE(outClosed.at(0).at(0).toString(), QStringLiteral("bye"));
    QVERIFY(p.out->isClosed());
    QVERIFY(!p.out->request({0, 0, 1}));
    QVERIFY(!p.out->sendExtended(kSwarmKeyExtensionName, "x"));
    QTRY_COMPARE_WITH_TIMEOUT(inClosed.size(), 1, kWait);
    QCOMPARE(inClosed.at(0).at(0).toString(), QStringLiteral("peer closed the connection"));
    QCOMPARE(inClosed.at(0).at(1).toBool(), false);
    QTRY_VERIFY_WITH_TIMEOUT(p.out.isNull() && p.in.isNull(), kWait);
}

QTEST_GUILESS_MAIN(PeerConnectionTest)
#include "test_peer_connection.moc"
