#pragma once

// One TCP connection to a peer speaking the BitTorrent peer wire (BEP 3 + BEP 6 + BEP 10): the
// handshakes, the four choke/interest flags, the peer's availability, the requests in both
// directions, timeouts and keep-alives. It enforces the protocol (a violation closes the
// connection with the reason) but decides nothing about pieces: the swarm that owns it chooses
// what to request and whether to serve, through the calls and signals below.

#include "peer/BlockRequests.h"
#include "peer/ExtensionHandshake.h"
#include "peer/Handshake.h"
#include "peer/PeerWireDecoder.h"
#include "peer/TcpPathSample.h"

#include <QBitArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <map>

class QTcpSocket;

namespace opendo::peer {

// What we tell peers about ourselves.
struct LocalIdentity
{
    QByteArray peerId;      // 20 bytes
    QString client;         // BEP 10 "v", e.g. "OpenDO 0.4"
    quint16 listenPort = 0; // BEP 10 "p"; 0 = not listening
    // Extensions we accept, name → the id we want to receive them under (BEP 10 "m").
    std::map<QByteArray, quint8> extensions;
};

// Geometry of the content a connection is about, so every index, offset and length the peer
// sends can be checked.
struct PieceGeometry
{
    quint32 pieceCount = 0;
    qint64 pieceLength = 0;
    qint64 fileSize = 0;
    qint64 pieceSize(quint32 index) const;
};

struct PeerConnectionSettings
{
    int handshakeTimeoutMs = 10'000;  // from TCP connect to both handshakes done
    int idleTimeoutMs = 120'000;      // nothing at all received (keep-alives count)
    int keepAliveIntervalMs = 60'000; // we send one when we sent nothing for this long
    int maxRequestsFromPeer = 500;    // advertised as "reqq"; more outstanding = violation
    qint64 sendBufferLowWatermark = 256 * 1024; // sendBufferDrained fires below this
};

class PeerConnection : public QObject
{
    Q_OBJECT
public:
    enum class Direction
    {
        Outgoing,
        Incoming
    };

    // Outgoing: connects to address:port (from bindAddress when it is not null) and sends our
    // handshake for infoHash as soon as TCP is up.
    PeerConnection(QHostAddress address, quint16 port, QHostAddress bindAddress,
                   QByteArray infoHash, PieceGeometry geometry, LocalIdentity identity,
                   PeerConnectionSettings settings = {}, QObject* parent = nullptr);
    // Incoming: takes ownership of an accepted socket and waits for the peer's handshake, then
    // emits handshakeReceived; the owner must answer with acceptIncoming() or close().
    PeerConnection(QTcpSocket* socket, LocalIdentity identity, PeerConnectionSettings settings = {},
                   QObject* parent = nullptr);
    ~PeerConnection() override;

    // Incoming only, from a slot connected to handshakeReceived: we serve this content. Sends
    // our handshake (same info hash as the peer's) and continues with the message stream.
    void acceptIncoming(PieceGeometry geometry);

    // Closes once; emits closed(reason, violation) and deletes itself later. Safe to call again.
    void close(const QString& reason, bool violation = false);

    // --- after ready() ---
    // Our availability, sent once right after ready(): have all / have none when the Fast
    // extension was negotiated and it applies, otherwise a bitfield (nothing for an empty one
    // without Fast, as BEP 3 allows).
    void sendAvailability(const QBitArray& have);
    void sendHave(quint32 index);
    void setChoking(bool choking);       // choke / unchoke the peer
    void setInterested(bool interested); // interested / not interested
    // Our requests. request() refuses (returns false) what the peer cannot serve: not ready,
    // peer choking us (unless it allowed the piece fast), piece not in the peer's availability,
    // invalid range, or a duplicate.
    bool request(const BlockRequest& block);
    void cancel(const BlockRequest& block);
    // Serving the peer's requests (see blockRequested). sendBlock only sends when the request
    // is still outstanding (not cancelled meanwhile); returns whether it sent.
    bool sendBlock(quint32 index, quint32 begin, const QByteArray& data);
    void rejectRequest(const BlockRequest& block); // BEP 6 reject; a no-op without Fast
    // BEP 6 allowed fast: tells the peer it may request those pieces of its allowed-fast set
    // (allowedFastSet()) that `verified` has, even while we choke it; each piece once. Call again
    // whenever a piece is verified. Only with Fast; the owner calls it only for peers it would
    // serve at all.
    void offerAllowedFast(const QBitArray& verified);
    // Rejects every request of the peer still queued, allowed-fast ones included: for when the
    // owner may no longer serve this peer at all (gates closed, membership in doubt).
    void rejectAllPeerRequests();
    // Sends an extension message by name, if the peer announced it in its "m" dictionary.
    bool sendExtended(const QByteArray& name, const QByteArray& payload);

    // --- state ---
    Direction direction() const { return m_direction; }
    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    QString endpoint() const; // "127.0.0.2:7680" / "[::1]:7680"
    bool isReady() const { return m_ready; }
    bool isClosed() const { return m_closed; }
    const QByteArray& infoHash() const { return m_infoHash; }
    const QByteArray& remotePeerId() const { return m_remote.peerId; }
    QString clientName() const; // "v" from BEP 10, else guessed from the peer id, else ""
    bool fastExtension() const { return m_fast; }
    bool extensionProtocol() const { return m_extended; }
    const ExtensionHandshake& remoteExtensions() const { return m_remoteExtensions; }
    // Our swarm-key challenge on this connection (sent in our extended handshake).
    const QByteArray& localNonce() const { return m_localNonce; }

    bool amChoking() const { return m_amChoking; }
    bool amInterested() const { return m_amInterested; }
    bool peerChoking() const { return m_peerChoking; }
    bool peerInterested() const { return m_peerInterested; }
    const QBitArray& peerHas() const { return m_peerHas; }
    int peerPieceCount() const { return m_peerPieceCount; }
    bool peerIsSeed() const;
    // The peer's BEP 6 allowed-fast set (empty without Fast or for IPv6 peers), and the pieces of
    // it we announced: requests for those are passed on even while we choke the peer.
    const QList<quint32>& allowedFastSet() const { return m_allowedFastSet; }
    bool allowedFastSent(quint32 index) const;
    // Pieces the peer announced with allowed fast: request() takes them while it chokes us.
    bool peerAllowsFast(quint32 index) const;
    int peerAllowedFastCount() const { return m_peerAllowedFastCount; }

    int outstandingRequests() const { return m_ourRequests.size(); }
    bool hasOutstanding(const BlockRequest& block) const { return m_ourRequests.contains(block); }
    int queuedPeerRequests() const { return m_peerRequests.size(); }
    qint64 bytesToWrite() const;
    // The kernel's view of the connection's path (RTTs, bytes acked and queued); nullopt when
    // it has none (not connected, not Linux).
    std::optional<TcpPathSample> pathSample() const;

    qint64 payloadReceived() const { return m_payloadReceived; } // piece bytes, all requested
    qint64 payloadSent() const { return m_payloadSent; }
    qint64 connectedMs() const; // since TCP connected; 0 before
    bool wasConnected() const { return m_connectedAt.isValid(); }

Q_SIGNALS:
    // Incoming: the peer's handshake arrived; answer with acceptIncoming() or close().
    void handshakeReceived(const QByteArray& infoHash, const QByteArray& peerId);
    // Both handshakes exchanged; send availability now.
    void ready();
    void extensionHandshakeReceived();
    void availabilityReceived(); // bitfield, have all or have none
    void haveReceived(quint32 index);
    void allowedFastReceived(quint32 index); // a piece we may request while the peer chokes us
    void peerChokeChanged(bool choking);     // choking = the peer chokes us
    void peerInterestChanged(bool interested);
    // A block we requested. Only blocks that match an outstanding request are delivered.
    void blockReceived(quint32 index, quint32 begin, const QByteArray& data);
    // One of our requests will not be served: BEP 6 reject, or dropped by a choke (BEP 3).
    void requestDropped(const BlockRequest& block);
    // The peer wants a block. Range and index are already checked; whether we have the piece
    // and want to serve is the owner's call (sendBlock or rejectRequest).
    void blockRequested(const BlockRequest& block);
    void requestCancelled(const BlockRequest& block);
    void extendedMessageReceived(const QByteArray& name, const QByteArray& payload);
    void sendBufferDrained();
    // Exactly once. `violation`: the peer broke the protocol (bad framing, oversize message,
    // unrequested data, too many requests, …) rather than simply going away.
    void closed(const QString& reason, bool violation);

private:
    void setUpSocket();
    void startConnecting(const QHostAddress& bindAddress);
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onSocketError();
    void onHeartbeat();
    void processInput();
    void handleHandshake();
    void handleMessage(const PeerMessage& message);
    void handleAvailability(const PeerMessage& message);
    void handlePeerRequest(const BlockRequest& block);
    void handlePeerCancel(const BlockRequest& block);
    void handlePiece(const PeerMessage& message);
    void handleReject(const BlockRequest& block);
    void handleAllowedFast(quint32 index);
    void handleExtended(const PeerMessage& message);
    void sendHandshake();
    void becomeReady();
    void send(const PeerMessage& message);
    void write(const QByteArray& frame);
    void dropAllOurRequests();
    void rejectAll(const std::deque<BlockRequest>& requests);
    bool validRange(quint32 index, quint32 begin, quint32 length) const;

    QTcpSocket* m_socket = nullptr;
    Direction m_direction;
    QHostAddress m_address;
    quint16 m_port = 0;
    QByteArray m_infoHash;
    PieceGeometry m_geometry;
    LocalIdentity m_identity;
    PeerConnectionSettings m_settings;
    PeerWireDecoder m_decoder;
    QByteArray m_localNonce;
    QByteArray m_readChunk; // reused for every socket read
    Handshake m_remote;
    ExtensionHandshake m_remoteExtensions;
    bool m_handshakeSent = false;
    bool m_handshakeReceived = false;
    bool m_awaitingAccept = false;
    bool m_ready = false;
    bool m_closed = false;
    bool m_processing = false; // inside processInput(), which signals can re-enter
    bool m_availabilitySent = false;
    bool m_aboveLowWatermark = false; // sendBufferDrained is due once below it again
    bool m_fast = false;
    bool m_extended = false;
    bool m_amChoking = true;
    bool m_amInterested = false;
    bool m_peerChoking = true;
    bool m_peerInterested = false;
    QBitArray m_peerHas;
    int m_peerPieceCount = 0;
    QList<quint32> m_allowedFastSet; // what BEP 6 lets this peer fetch while choked
    QBitArray m_allowedFastSent;     // the part of it we announced
    QBitArray m_peerAllowedFast;     // what the peer lets us fetch while it chokes us
    int m_peerAllowedFastCount = 0;
    OutgoingRequests m_ourRequests;
    IncomingRequests m_peerRequests;
    qint64 m_payloadReceived = 0;
    qint64 m_payloadSent = 0;
    QElapsedTimer m_startedAt; // the handshake timeout covers connecting too
    QElapsedTimer m_connectedAt;
    QElapsedTimer m_lastReceived;
    QElapsedTimer m_lastSent;
    QTimer m_heartbeat;
};

} // namespace opendo::peer
