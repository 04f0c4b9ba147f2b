// PeerConnection over real TCP on 127.0.0.1: two connections talking to each other for the
// normal protocol, and a hand-driven raw socket for what a well-behaved peer never sends
// (violations, a peer without the Fast extension, silence).

#include "peer/PeerConnection.h"
#include "support/FreePort.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>
#include <memory>
#include <optional>

using namespace opendo::peer;

namespace {

constexpr quint32 kPieces = 10;                        // 2 bitfield bytes, 6 spare bits
constexpr qint64 kPieceLength = 32768;                 // two blocks
constexpr qint64 kFileSize = 9 * kPieceLength + 20000; // the last piece is shorter
constexpr quint32 kLastPieceSize = 20000;
const QByteArray kInfoHash(20, '\x5a');
constexpr int kWait = 5000;

PieceGeometry geometry()
{
    return {kPieces, kPieceLength, kFileSize};
}

LocalIdentity identity(const QByteArray& peerIdPrefix, const QString& client)
{
    LocalIdentity id;
    id.peerId = peerIdPrefix.leftJustified(20, 'x');
    id.client = client;
    id.listenPort = 7680;
    id.extensions = {{QByteArray(kSwarmKeyExtensionName), 3}};
    return id;
}

QByteArray u32(quint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

QByteArray frame(quint8 id, const QByteArray& payload = {})
{
    return u32(quint32(payload.size() + 1)) + char(id) + payload;
}

QByteArray blockRef(quint32 index, quint32 begin, quint32 length)
{
    return u32(index) + u32(begin) + u32(length);
}

// Content bytes that differ per piece and offset, so a block delivered at the wrong place shows.
QByteArray blockBytes(quint32 index, quint32 begin, quint32 length)
{
    QByteArray out(length, Qt::Uninitialized);
    for (quint32 i = 0; i < length; ++i)
        out[i] = char((index * 131 + begin + i) % 251);
    return out;
}

QBitArray bits(std::initializer_list<int> set)
{
    QBitArray out(kPieces);
    for (int i : set)
        out.setBit(i);
    return out;
}

PeerConnectionSettings quickSettings()
{
    PeerConnectionSettings s;
    s.handshakeTimeoutMs = kWait;
    return s;
}

// The far end of a connection, written and read frame by frame.
class RawPeer
{
public:
    explicit RawPeer(QTcpSocket* socket) : m_socket(socket), m_decoder(limits()) {}

    static PeerWireLimits limits()
    {
        PeerWireLimits l;
        l.pieceCount = kPieces;
        return l;
    }

    QTcpSocket* socket() const { return m_socket; }
    void send(const QByteArray& bytes) { m_socket->write(bytes); }
    void sendHandshake(bool fast, bool extensions, const QByteArray& infoHash = kInfoHash,
                       const QByteArray& peerId = QByteArray("-XX0001-rawrawrawraw"))
    {
        send(encodeHandshake(Handshake::make(infoHash, peerId, fast, extensions)));
    }

    // Decodes whatever arrived so far.
    void pump()
    {
        if (m_socket->bytesAvailable() > 0)
            m_decoder.feed(m_socket->readAll());
        for (;;) {
            PeerMessage m;
            const PeerWireDecoder::Status status = m_decoder.next(m);
            if (status == PeerWireDecoder::Status::Handshake)
                m_handshakes << m_decoder.handshake();
            else if (status == PeerWireDecoder::Status::Message)
                m_messages << m;
            else
                break;
        }
    }
    const QList<Handshake>& handshakes()
    {
        pump();
        return m_handshakes;
    }
    const QList<PeerMessage>& messages()
    {
        pump();
        return m_messages;
    }
    int count(MessageType type)
    {
        pump();
        return int(std::count_if(m_messages.begin(), m_messages.end(),
                                 [type](const PeerMessage& m) { return m.type == type; }));
    }
    bool decoderFailed() const { return m_decoder.failed(); }

private:
    QTcpSocket* m_socket;
    PeerWireDecoder m_decoder;
    QList<Handshake> m_handshakes;
    QList<PeerMessage> m_messages;
};

// Our outgoing connection to a raw peer listening on 127.0.0.1.
struct ToRaw
{
    QTcpServer server;
    QPointer<PeerConnection> connection;
    std::unique_ptr<QSignalSpy> closed;
    std::optional<RawPeer> raw;

    ~ToRaw() { delete connection.data(); }

    // Up to the raw peer's handshake; ready() follows unless the test sends a wrong one.
    bool open(const PeerConnectionSettings& settings = quickSettings(),
              const QHostAddress& bindAddress = {})
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        connection = new PeerConnection(
            QHostAddress::LocalHost, server.serverPort(), bindAddress, kInfoHash, geometry(),
            identity("-OD0100-A", QStringLiteral("OpenDO A")), settings);
        closed = std::make_unique<QSignalSpy>(connection.data(), &PeerConnection::closed);
        if (!QTest::qWaitFor([&] { return server.hasPendingConnections(); }, kWait))
            return false;
        raw.emplace(server.nextPendingConnection());
        return QTest::qWaitFor([&] { return raw->handshakes().size() == 1; }, kWait);
    }

    bool openReady(bool fast, bool extensions,
                   const PeerConnectionSettings& settings = quickSettings())
    {
        if (!open(settings))
            return false;
        raw->sendHandshake(fast, extensions);
        return QTest::qWaitFor([&] { return connection && connection->isReady(); }, kWait);
    }

    QString closeReason() const
    {
        return closed->isEmpty() ? QString() : closed->at(0).at(0).toString();
    }
    bool closedAsViolation() const { return !closed->isEmpty() && closed->at(0).at(1).toBool(); }
};

// Two PeerConnections: `out` dials, `in` is accepted by the server.
struct Pair
{
    QTcpServer server;
    QPointer<PeerConnection> out;
    QPointer<PeerConnection> in;
    QByteArray seenInfoHash;
    QByteArray seenPeerId;

    ~Pair()
    {
        delete out.data();
        delete in.data();
    }

    bool open(const PeerConnectionSettings& outSettings = quickSettings(),
              const PeerConnectionSettings& inSettings = quickSettings())
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, inSettings] {
            in = new PeerConnection(server.nextPendingConnection(),
                                    identity("-OD0100-B", QStringLiteral("OpenDO B")), inSettings);
            QObject::connect(in, &PeerConnection::handshakeReceived, in,
                             [this](const QByteArray& infoHash, const QByteArray& peerId) {
                                 seenInfoHash = infoHash;
                                 seenPeerId = peerId;
                                 in->acceptIncoming(geometry());
                             });
        });
        out = new PeerConnection(QHostAddress::LocalHost, server.serverPort(), {}, kInfoHash,
                                 geometry(), identity("-OD0100-A", QStringLiteral("OpenDO A")),
                                 outSettings);
        return QTest::qWaitFor(
            [&] {
                return out && in && out->isReady() && in->isReady() &&
                       !out->remoteExtensions().client.isEmpty() &&
                       !in->remoteExtensions().client.isEmpty();
            },
            kWait);
    }

    // `in` serves everything to `out`, which is interested and unchoked.
    bool openServing()
    {
        if (!open())
            return false;
        in->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        out->sendAvailability(QBitArray(kPieces));
        out->setInterested(true);
        if (!QTest::qWaitFor([&] { return in->peerInterested() && out->peerIsSeed(); }, kWait))
            return false;
        in->setChoking(false);
        return QTest::qWaitFor([&] { return !out->peerChoking(); }, kWait);
    }
};

} // namespace

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
    void chokeAndInterest();
    void requestServedExactly();
    void requestRefusals();
    void cancelRejectAndChokeWithFast();
    void lateAnswersToCancelledRequestsAreIgnored();
    void chokeWithoutFastDropsRequests();
    void peerRequestsWhileChoked_data();
    void peerRequestsWhileChoked();
    void unknownMessagesAreSkipped();
    void violations_data();
    void violations();
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

void PeerConnectionTest::chokeAndInterest()
{
    Pair p;
    QVERIFY(p.open());
    QSignalSpy interest(p.in.data(), &PeerConnection::peerInterestChanged);
    QSignalSpy choke(p.out.data(), &PeerConnection::peerChokeChanged);

    p.out->setInterested(true);
    p.out->setInterested(true); // no second message
    QVERIFY(p.out->amInterested());
    QTRY_COMPARE_WITH_TIMEOUT(interest.size(), 1, kWait);
    QCOMPARE(interest.at(0).at(0).toBool(), true);
    QVERIFY(p.in->peerInterested());

    p.in->setChoking(false);
    QVERIFY(!p.in->amChoking());
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 1, kWait);
    QCOMPARE(choke.at(0).at(0).toBool(), false);
    QVERIFY(!p.out->peerChoking());

    p.in->setChoking(true);
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 2, kWait);
    QCOMPARE(choke.at(1).at(0).toBool(), true);

    p.out->setInterested(false);
    QTRY_COMPARE_WITH_TIMEOUT(interest.size(), 2, kWait);
    QCOMPARE(interest.at(1).at(0).toBool(), false);
    QVERIFY(!p.in->peerInterested());
}

void PeerConnectionTest::requestServedExactly()
{
    PeerConnectionSettings serving = quickSettings();
    serving.sendBufferLowWatermark = 32 * 1024;
    Pair p;
    QVERIFY(p.open(quickSettings(), serving));
    p.in->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    p.out->setInterested(true);
    QTRY_VERIFY_WITH_TIMEOUT(p.in->peerInterested() && p.out->peerIsSeed(), kWait);
    p.in->setChoking(false);
    QTRY_VERIFY_WITH_TIMEOUT(!p.out->peerChoking(), kWait);

    QSignalSpy drained(p.in.data(), &PeerConnection::sendBufferDrained);
    QList<BlockRequest> served;
    connect(p.in, &PeerConnection::blockRequested, this, [&](const BlockRequest& b) {
        served << b;
        QVERIFY(p.in->sendBlock(b.index, b.begin, blockBytes(b.index, b.begin, b.length)));
        QVERIFY(!p.in->sendBlock(b.index, b.begin, blockBytes(b.index, b.begin, b.length)));
    });
    QMap<QPair<quint32, quint32>, QByteArray> received;
    connect(p.out, &PeerConnection::blockReceived, this,
            [&](quint32 index, quint32 begin, const QByteArray& data) {
                received.insert({index, begin}, data);
            });

    QList<BlockRequest> requested;
    for (quint32 piece = 0; piece < kPieces; ++piece) {
        const quint32 size = quint32(geometry().pieceSize(piece));
        for (quint32 begin = 0; begin < size; begin += kMaxBlockLength)
            requested << BlockRequest{piece, begin, qMin(kMaxBlockLength, size - begin)};
    }
    for (const BlockRequest& b : std::as_const(requested))
        QVERIFY(p.out->request(b));
    QCOMPARE(p.out->outstandingRequests(), int(requested.size()));
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), requested.size(), kWait);
    QCOMPARE(served, requested);
    for (const BlockRequest& b : std::as_const(requested))
        QCOMPARE(received.value({b.index, b.begin}), blockBytes(b.index, b.begin, b.length));
    QCOMPARE(p.out->outstandingRequests(), 0);
    QCOMPARE(p.in->queuedPeerRequests(), 0);
    QCOMPARE(p.out->payloadReceived(), kFileSize);
    QCOMPARE(p.in->payloadSent(), kFileSize);
    QTRY_VERIFY_WITH_TIMEOUT(drained.size() >= 1, kWait);
    QVERIFY(p.in->bytesToWrite() < serving.sendBufferLowWatermark);
}

void PeerConnectionTest::requestRefusals()
{
    Pair p;
    QVERIFY(p.open());
    QSignalSpy availability(p.out.data(), &PeerConnection::availabilityReceived);
    p.in->sendAvailability(bits({0, 1, 2}));
    QTRY_COMPARE_WITH_TIMEOUT(availability.size(), 1, kWait);
    QCOMPARE(p.out->peerPieceCount(), 3);

    QVERIFY(!p.out->request({0, 0, kMaxBlockLength})); // choked
    p.out->setInterested(true);
    QTRY_VERIFY_WITH_TIMEOUT(p.in->peerInterested(), kWait);
    p.in->setChoking(false);
    QTRY_VERIFY_WITH_TIMEOUT(!p.out->peerChoking(), kWait);

    QVERIFY(!p.out->request({3, 0, kMaxBlockLength}));     // the peer lacks piece 3
    QVERIFY(!p.out->request({10, 0, 1}));                  // no such piece
    QVERIFY(!p.out->request({0, 0, kMaxBlockLength + 1})); // larger than a block
    QVERIFY(!p.out->request({0, 0, 0}));
    QVERIFY(!p.out->request({0, quint32(kPieceLength) - 100, 200})); // past the piece end
    QVERIFY(!p.out->request({0, 0xFFFFFFF0, 100}));                  // offset overflow
    QCOMPARE(p.out->outstandingRequests(), 0);

    const BlockRequest b{0, 0, kMaxBlockLength};
    QVERIFY(p.out->request(b));
    QVERIFY(!p.out->request(b)); // duplicate
    QVERIFY(p.out->hasOutstanding(b));
    QCOMPARE(p.out->outstandingRequests(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(p.in->queuedPeerRequests(), 1, kWait);
}

void PeerConnectionTest::cancelRejectAndChokeWithFast()
{
    Pair p;
    QVERIFY(p.openServing());
    QSignalSpy requested(p.in.data(), &PeerConnection::blockRequested);
    QSignalSpy cancelled(p.in.data(), &PeerConnection::requestCancelled);
    QSignalSpy dropped(p.out.data(), &PeerConnection::requestDropped);
    QSignalSpy blocks(p.out.data(), &PeerConnection::blockReceived);

    // Cancel: the server forgets the request and answers it with a reject (BEP 6), which the
    // requester takes silently.
    const BlockRequest first{0, 0, kMaxBlockLength};
    QVERIFY(p.out->request(first));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWait);
    p.out->cancel(first);
    QCOMPARE(p.out->outstandingRequests(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(cancelled.size(), 1, kWait);
    QCOMPARE(cancelled.at(0).at(0).value<BlockRequest>(), first);
    QVERIFY(!p.in->sendBlock(0, 0, blockBytes(0, 0, kMaxBlockLength)));
    QCOMPARE(p.in->queuedPeerRequests(), 0);

    // Reject by the owner.
    const BlockRequest second{1, 0, kMaxBlockLength};
    QVERIFY(p.out->request(second));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 2, kWait);
    p.in->rejectRequest(second);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 1, kWait);
    QCOMPARE(dropped.at(0).at(0).value<BlockRequest>(), second);
    QCOMPARE(p.out->outstandingRequests(), 0);

    // Choke with Fast: the queued requests are rejected one by one.
    const BlockRequest third{2, 0, kMaxBlockLength};
    const BlockRequest fourth{2, kMaxBlockLength, kMaxBlockLength};
    QVERIFY(p.out->request(third));
    QVERIFY(p.out->request(fourth));
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 4, kWait);
    p.in->setChoking(true);
    QCOMPARE(p.in->queuedPeerRequests(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 3, kWait);
    QCOMPARE(dropped.at(1).at(0).value<BlockRequest>(), third);
    QCOMPARE(dropped.at(2).at(0).value<BlockRequest>(), fourth);
    QVERIFY(p.out->peerChoking());
    QVERIFY(!p.out->request({3, 0, kMaxBlockLength}));
    QCOMPARE(blocks.size(), 0);
    QVERIFY(!p.out->isClosed());
    QVERIFY(!p.in->isClosed());
}

void PeerConnectionTest::lateAnswersToCancelledRequestsAreIgnored()
{
    ToRaw t;
    QVERIFY(t.openReady(true, false));
    t.raw->send(frame(0x0E) + frame(1)); // have all, unchoke
    QTRY_VERIFY_WITH_TIMEOUT(!t.connection->peerChoking() && t.connection->peerIsSeed(), kWait);
    QSignalSpy blocks(t.connection.data(), &PeerConnection::blockReceived);
    QSignalSpy dropped(t.connection.data(), &PeerConnection::requestDropped);
    QSignalSpy choke(t.connection.data(), &PeerConnection::peerChokeChanged);

    const BlockRequest a{4, 0, kMaxBlockLength};
    const BlockRequest b{4, kMaxBlockLength, kMaxBlockLength};
    QVERIFY(t.connection->request(a));
    QVERIFY(t.connection->request(b));
    t.connection->cancel(a);
    t.connection->cancel(b);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Cancel), 2, kWait);
    // The peer had already answered both before it saw the cancels.
    t.raw->send(frame(7, u32(4) + u32(0) + blockBytes(4, 0, kMaxBlockLength)));
    t.raw->send(frame(0x10, blockRef(4, kMaxBlockLength, kMaxBlockLength)));
    t.raw->send(frame(0)); // a choke, to know the others were processed
    QTRY_COMPARE_WITH_TIMEOUT(choke.size(), 1, kWait);
    QVERIFY(!t.connection->isClosed());
    QCOMPARE(blocks.size(), 0);
    QCOMPARE(dropped.size(), 0);
    QCOMPARE(t.connection->payloadReceived(), 0);

    // A second copy is not excused: the peer now sends data nobody asked for.
    t.raw->send(frame(7, u32(4) + u32(0) + blockBytes(4, 0, kMaxBlockLength)));
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY(t.closedAsViolation());
}

void PeerConnectionTest::chokeWithoutFastDropsRequests()
{
    ToRaw t;
    QVERIFY(t.openReady(false, false));
    QVERIFY(!t.connection->fastExtension());
    t.raw->send(frame(5, QByteArray("\xFF\xC0", 2)) + frame(1));
    QTRY_VERIFY_WITH_TIMEOUT(!t.connection->peerChoking() && t.connection->peerIsSeed(), kWait);
    QSignalSpy dropped(t.connection.data(), &PeerConnection::requestDropped);
    bool chokingWhenDropped = false;
    connect(t.connection, &PeerConnection::requestDropped, this,
            [&] { chokingWhenDropped = t.connection->peerChoking(); });

    const BlockRequest a{9, 0, kMaxBlockLength};
    const BlockRequest b{9, kMaxBlockLength, kLastPieceSize - kMaxBlockLength};
    QVERIFY(t.connection->request(a));
    QVERIFY(t.connection->request(b));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Request), 2, kWait);
    t.raw->send(frame(0));
    QTRY_COMPARE_WITH_TIMEOUT(dropped.size(), 2, kWait);
    QCOMPARE(dropped.at(0).at(0).value<BlockRequest>(), a);
    QCOMPARE(dropped.at(1).at(0).value<BlockRequest>(), b);
    QVERIFY(chokingWhenDropped); // owners tell a choke from a reject by this
    QCOMPARE(t.connection->outstandingRequests(), 0);
    QVERIFY(t.connection->peerChoking());
    QVERIFY(!t.connection->request(a));
}

void PeerConnectionTest::peerRequestsWhileChoked_data()
{
    QTest::addColumn<bool>("fast");
    QTest::addRow("fast: rejected") << true;
    QTest::addRow("no fast: ignored") << false;
}

void PeerConnectionTest::peerRequestsWhileChoked()
{
    QFETCH(bool, fast);
    ToRaw t;
    QVERIFY(t.openReady(fast, false));
    QSignalSpy requested(t.connection.data(), &PeerConnection::blockRequested);
    t.connection->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    const QByteArray request = frame(6, blockRef(9, kMaxBlockLength, 100));
    t.raw->send(request);
    if (fast) {
        QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::RejectRequest), 1, kWait);
    } else {
        t.raw->send(frame(2)); // interested, to know the request was processed
        QTRY_VERIFY_WITH_TIMEOUT(t.connection->peerInterested(), kWait);
    }
    QCOMPARE(requested.size(), 0);
    QCOMPARE(t.connection->queuedPeerRequests(), 0);

    t.connection->setChoking(false);
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Unchoke), 1, kWait);
    t.raw->send(request);
    QTRY_COMPARE_WITH_TIMEOUT(requested.size(), 1, kWait);
    QCOMPARE(t.connection->queuedPeerRequests(), 1);
    const QByteArray data = blockBytes(9, kMaxBlockLength, 100);
    QVERIFY(!t.connection->sendBlock(9, kMaxBlockLength, data.left(99))); // wrong length
    QVERIFY(t.connection->sendBlock(9, kMaxBlockLength, data));
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Piece), 1, kWait);
    QCOMPARE(t.raw->messages().last(), PeerMessage::piece(9, kMaxBlockLength, data));
    QCOMPARE(t.connection->payloadSent(), 100);
    QVERIFY(!t.connection->isClosed());
}

void PeerConnectionTest::unknownMessagesAreSkipped()
{
    ToRaw t;
    QVERIFY(t.openReady(true, true));
    QSignalSpy haves(t.connection.data(), &PeerConnection::haveReceived);
    QSignalSpy extended(t.connection.data(), &PeerConnection::extendedMessageReceived);
    // What libtorrent may send besides BEP 3/6/10: BEP 52 hash request/hashes/reject, a DHT
    // port, and extended messages for extensions we never announced.
    t.raw->send(frame(0x0E));
    t.raw->send(frame(21, blockRef(1, 2, 3) + u32(4) + u32(5)));
    t.raw->send(frame(22, QByteArray(100000, 'h')));
    t.raw->send(frame(23, blockRef(1, 2, 3)));
    t.raw->send(frame(9, QByteArray("\x1E\x00", 2)));
    t.raw->send(frame(20, QByteArray("\x02", 1) + "d5:addedi0ee"));
    t.raw->send(frame(0x0D, u32(2)) + frame(0x11, u32(3))); // suggest, allowed fast
    t.raw->send(frame(20, QByteArray("\x03", 1) + "ours"));
    t.raw->send(frame(4, u32(7)));
    QTRY_COMPARE_WITH_TIMEOUT(extended.size(), 1, kWait);
    QCOMPARE(extended.at(0).at(1).toByteArray(), QByteArray("ours"));
    QVERIFY(!t.connection->isClosed());
    QCOMPARE(haves.size(), 0); // have for a piece the peer already announced
    QVERIFY(t.connection->peerIsSeed());
}

void PeerConnectionTest::violations_data()
{
    QTest::addColumn<bool>("fast");
    QTest::addColumn<bool>("extensions");
    QTest::addColumn<bool>("unchoke");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("mention");

    QTest::addRow("unrequested piece")
        << true << false << false << frame(7, u32(0) + u32(0) + "abc") << "did not request";
    QTest::addRow("oversize piece")
        << true << false << false << u32(9 + 16384 + 1) + char(7) << "exceeds the 16393-byte limit";
    QTest::addRow("oversize extended")
        << true << true << false << u32(2 * 1024 * 1024) + char(20) << "exceeds";
    QTest::addRow("oversize unknown message")
        << true << false << false << u32(64 * 1024 * 1024) + char(42) << "unknown message id 42";
    QTest::addRow("too many requests")
        << true << false << true
        << frame(6, blockRef(0, 0, 16384)) + frame(6, blockRef(0, 16384, 16384)) +
               frame(6, blockRef(1, 0, 16384))
        << "more than 2 requests";
    QTest::addRow("request for piece 10")
        << true << false << true << frame(6, blockRef(10, 0, 16384)) << "names piece 10";
    QTest::addRow("request past the last piece")
        << true << false << true << frame(6, blockRef(9, 16384, 16384)) << "which has 20000 bytes";
    QTest::addRow("request while choked past the piece")
        << false << false << false << frame(6, blockRef(0, 32768, 1)) << "which has 32768 bytes";
    QTest::addRow("request of 16385 bytes")
        << true << false << true << frame(6, blockRef(0, 0, 16385)) << "16385 bytes";
    QTest::addRow("bitfield too short") << true << false << false << frame(5, QByteArray(1, '\xFF'))
                                        << "has length 2; it must be 3";
    QTest::addRow("bitfield too long")
        << false << false << false << frame(5, QByteArray(3, '\0')) << "has length 4; it must be 3";
    QTest::addRow("bitfield spare bits")
        << true << false << false << frame(5, QByteArray("\xFF\xC1", 2)) << "spare bits";
    QTest::addRow("bitfield after have")
        << true << false << false << frame(4, u32(1)) + frame(5, QByteArray(2, '\0'))
        << "may only come first";
    QTest::addRow("reject of nothing")
        << true << false << false << frame(0x10, blockRef(0, 0, 16384)) << "did not make";
    QTest::addRow("have all without Fast")
        << false << false << false << frame(0x0E) << "Fast extension";
    QTest::addRow("extended without BEP 10")
        << true << false << false << frame(20, QByteArray(1, '\0') + "de") << "extension protocol";
    QTest::addRow("malformed extension handshake")
        << true << true << false << frame(20, QByteArray(1, '\0') + "d1:mi3ee")
        << "Invalid extension handshake";
    QTest::addRow("choke with a payload")
        << true << false << false << frame(0, "x") << "(choke) has length 2";
}

void PeerConnectionTest::violations()
{
    QFETCH(bool, fast);
    QFETCH(bool, extensions);
    QFETCH(bool, unchoke);
    QFETCH(QByteArray, input);
    QFETCH(QString, mention);

    PeerConnectionSettings settings = quickSettings();
    settings.maxRequestsFromPeer = 2;
    ToRaw t;
    QVERIFY(t.openReady(fast, extensions, settings));
    t.connection->sendAvailability(bits({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
    if (unchoke) {
        t.connection->setChoking(false);
        QTRY_COMPARE_WITH_TIMEOUT(t.raw->count(MessageType::Unchoke), 1, kWait);
    }
    t.raw->send(input);
    QTRY_COMPARE_WITH_TIMEOUT(t.closed->size(), 1, kWait);
    QVERIFY2(t.closeReason().contains(mention),
             qPrintable(t.closeReason() + QStringLiteral(" / expected: ") + mention));
    QVERIFY(t.closedAsViolation());
    QVERIFY(!t.connection || t.connection->isClosed());
    QTRY_COMPARE_WITH_TIMEOUT(t.raw->socket()->state(), QAbstractSocket::UnconnectedState, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(t.connection.isNull(), kWait); // deleted itself
    QCOMPARE(t.closed->size(), 1);
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
