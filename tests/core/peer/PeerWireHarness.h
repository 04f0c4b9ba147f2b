#pragma once

// Shared pieces of the PeerConnection tests: a small content geometry, frame builders, a raw
// socket that plays a hand-driven peer, and a pair of connected PeerConnections.

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

namespace opendo::test::peerwire {

using namespace opendo::peer;

constexpr quint32 kPieces = 10;                        // 2 bitfield bytes, 6 spare bits
constexpr qint64 kPieceLength = 32768;                 // two blocks
constexpr qint64 kFileSize = 9 * kPieceLength + 20000; // the last piece is shorter
constexpr quint32 kLastPieceSize = 20000;
inline const QByteArray kInfoHash(20, '\x5a');
constexpr int kWait = 5000;

inline PieceGeometry geometry()
{
    return {kPieces, kPieceLength, kFileSize};
}

inline LocalIdentity identity(const QByteArray& peerIdPrefix, const QString& client)
{
    LocalIdentity id;
    id.peerId = peerIdPrefix.leftJustified(20, 'x');
    id.client = client;
    id.listenPort = 7680;
    id.extensions = {{QByteArray(kSwarmKeyExtensionName), 3}};
    return id;
}

inline QByteArray u32(quint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

inline QByteArray frame(quint8 id, const QByteArray& payload = {})
{
    return u32(quint32(payload.size() + 1)) + char(id) + payload;
}

inline QByteArray blockRef(quint32 index, quint32 begin, quint32 length)
{
    return u32(index) + u32(begin) + u32(length);
}

// Content bytes that differ per piece and offset, so a block delivered at the wrong place shows.
inline QByteArray blockBytes(quint32 index, quint32 begin, quint32 length)
{
    QByteArray out(length, Qt::Uninitialized);
    for (quint32 i = 0; i < length; ++i)
        out[i] = char((index * 131 + begin + i) % 251);
    return out;
}

inline QBitArray bits(std::initializer_list<int> set)
{
    QBitArray out(kPieces);
    for (int i : set)
        out.setBit(i);
    return out;
}

inline PeerConnectionSettings quickSettings()
{
    PeerConnectionSettings s;
    s.handshakeTimeoutMs = kWait;
    return s;
}

// The far end of a connection, written and read frame by frame.
class RawPeer
{
public:
    explicit RawPeer(QTcpSocket* socket, quint32 pieceCount = kPieces)
        : m_socket(socket), m_decoder(limits(pieceCount))
    {}

    static PeerWireLimits limits(quint32 pieceCount = kPieces)
    {
        PeerWireLimits l;
        l.pieceCount = pieceCount;
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
    // The messages that arrived since the last call.
    QList<PeerMessage> take()
    {
        pump();
        const QList<PeerMessage> fresh = m_messages.mid(m_taken);
        m_taken = m_messages.size();
        return fresh;
    }
    QList<quint32> indexesOf(MessageType type)
    {
        QList<quint32> out;
        for (const PeerMessage& m : messages()) {
            if (m.type == type)
                out << m.index;
        }
        return out;
    }
    bool decoderFailed() const { return m_decoder.failed(); }

private:
    QTcpSocket* m_socket;
    PeerWireDecoder m_decoder;
    QList<Handshake> m_handshakes;
    QList<PeerMessage> m_messages;
    qsizetype m_taken = 0;
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

} // namespace opendo::test::peerwire
