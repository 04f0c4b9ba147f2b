// One peer wire connection: handshakes, flags, availability, requests both ways and timeouts.

#include "peer/PeerConnection.h"

#include "peer/AllowedFastSet.h"
#include "peer/PeerClientName.h"
#include "peer/PlainAddress.h"
#include "peer/SwarmKeyProof.h"
#include "peer/WireBitfield.h"

#include <QScopedValueRollback>
#include <QSignalBlocker>
#include <QTcpSocket>
#include <QtEndian>
#include <algorithm>
#include <cstring>
#include <utility>

namespace opendo::peer {

namespace {

// Until the owner accepts an incoming connection the peer may already stream messages (BEP 3
// lets the initiator go on right after its handshake); this much waits in the socket and then
// TCP pushes back, instead of everything landing in our memory.
constexpr qint64 kReadBufferBeforeAccept = 64 * 1024;
// Read and decode at most this much at a time (about four full blocks).
constexpr qsizetype kReadChunk = 64 * 1024;
constexpr int kLongestHeartbeatMs = 5000;
constexpr int kShortestHeartbeatMs = 10;

PeerWireLimits limitsFor(quint32 pieceCount)
{
    PeerWireLimits limits;
    limits.pieceCount = pieceCount;
    return limits;
}

} // namespace

qint64 PieceGeometry::pieceSize(quint32 index) const
{
    if (index >= pieceCount || pieceLength <= 0)
        return 0;
    const qint64 start = qint64(index) * pieceLength;
    if (start >= fileSize)
        return 0;
    return qMin(pieceLength, fileSize - start);
}

PeerConnection::PeerConnection(QHostAddress address, quint16 port, QHostAddress bindAddress,
                               QByteArray infoHash, PieceGeometry geometry, LocalIdentity identity,
                               PeerConnectionSettings settings, QObject* parent)
    : QObject(parent), m_socket(new QTcpSocket(this)), m_direction(Direction::Outgoing),
      m_address(std::move(address)), m_port(port), m_infoHash(std::move(infoHash)),
      m_geometry(geometry), m_identity(std::move(identity)), m_settings(settings),
      m_decoder(limitsFor(geometry.pieceCount))
{
    m_startedAt.start();
    setUpSocket();
    // Qt may report a refused connection (or a bad bind address) from inside connectToHost();
    // starting from the event loop lets the owner connect to closed() first.
    QMetaObject::invokeMethod(
        this, [this, bindAddress] { startConnecting(bindAddress); }, Qt::QueuedConnection);
}

PeerConnection::PeerConnection(QTcpSocket* socket, LocalIdentity identity,
                               PeerConnectionSettings settings, QObject* parent)
    : QObject(parent), m_socket(socket), m_direction(Direction::Incoming),
      m_address(plainAddress(socket->peerAddress())), m_port(socket->peerPort()),
      m_identity(std::move(identity)), m_settings(settings), m_decoder(limitsFor(0))
{
    m_startedAt.start();
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadBufferBeforeAccept);
    setUpSocket();
    m_connectedAt.start();
    m_lastReceived.start();
    m_lastSent.start();
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    // Bytes may have arrived before we took over (readyRead is not repeated for them), and the
    // peer may even be gone already; both are handled once the owner has connected its slots.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket->state() != QAbstractSocket::ConnectedState)
                onSocketError();
            else
                onReadyRead();
        },
        Qt::QueuedConnection);
}

PeerConnection::~PeerConnection()
{
    // The socket is our child and dies after us; none of its last signals may reach us.
    if (m_socket)
        m_socket->disconnect(this);
}

void PeerConnection::setUpSocket()
{
    m_localNonce = makeSwarmNonce();
    connect(m_socket, &QTcpSocket::connected, this, &PeerConnection::onConnected);
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &PeerConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &PeerConnection::onSocketError);
    connect(m_socket, &QTcpSocket::disconnected, this, &PeerConnection::onSocketError);

    const int candidates[] = {m_settings.handshakeTimeoutMs, m_settings.idleTimeoutMs,
                              m_settings.keepAliveIntervalMs};
    int shortest = kLongestHeartbeatMs * 4;
    for (const int ms : candidates) {
        if (ms > 0)
            shortest = qMin(shortest, ms);
    }
    // A quarter of the shortest period keeps every timeout within 25 % of its setting.
    m_heartbeat.setInterval(qBound(kShortestHeartbeatMs, shortest / 4, kLongestHeartbeatMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &PeerConnection::onHeartbeat);
    m_heartbeat.start();
}

void PeerConnection::startConnecting(const QHostAddress& bindAddress)
{
    if (m_closed)
        return;
    // Several agents on one machine (127.0.0.x) are told apart by their source address.
    if (!bindAddress.isNull()) {
        bool bound = false;
        {
            // A failed bind reports a generic socket error; the reason below says more.
            const QSignalBlocker quiet(m_socket);
            bound = m_socket->bind(bindAddress);
        }
        if (!bound) {
            close(tr("cannot use local address %1: %2")
                      .arg(bindAddress.toString(), m_socket->errorString()));
            return;
        }
    }
    m_socket->connectToHost(m_address, m_port);
}

void PeerConnection::acceptIncoming(PieceGeometry geometry)
{
    if (m_closed || m_direction != Direction::Incoming || !m_awaitingAccept)
        return;
    m_awaitingAccept = false;
    m_geometry = geometry;
    m_infoHash = m_remote.infoHash;
    m_decoder.setPieceCount(geometry.pieceCount);
    m_socket->setReadBufferSize(0);
    sendHandshake();
    becomeReady();
    // What the peer sent meanwhile is decoded from the event loop, after the owner has wired
    // up the signals it is about to produce (acceptIncoming is often called before that).
    if (!m_closed)
        QMetaObject::invokeMethod(this, &PeerConnection::onReadyRead, Qt::QueuedConnection);
}

void PeerConnection::close(const QString& reason, bool violation)
{
    if (m_closed)
        return;
    m_closed = true;
    m_heartbeat.stop();
    m_socket->disconnect(this);
    m_socket->abort();
    Q_EMIT closed(reason, violation);
    deleteLater();
}

// --- outgoing messages -----------------------------------------------------------------------

void PeerConnection::sendHandshake()
{
    // We always offer both extensions; what applies is what the peer offers too.
    const Handshake ours = Handshake::make(m_infoHash, m_identity.peerId, true, true);
    write(encodeHandshake(ours));
    m_handshakeSent = true;
}

void PeerConnection::send(const PeerMessage& message)
{
    write(encodeMessage(message));
}

void PeerConnection::write(const QByteArray& frame)
{
    if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(frame);
    m_lastSent.restart();
    if (m_socket->bytesToWrite() >= m_settings.sendBufferLowWatermark)
        m_aboveLowWatermark = true;
}

void PeerConnection::sendAvailability(const QBitArray& have)
{
    if (!m_ready || m_closed || m_availabilitySent)
        return;
    m_availabilitySent = true;
    const quint32 pieces = m_geometry.pieceCount;
    QBitArray bits = have;
    bits.resize(qsizetype(pieces));
    const qsizetype count = bits.count(true);
    if (m_fast && pieces > 0 && count == qsizetype(pieces))
        send(PeerMessage::simple(MessageType::HaveAll));
    else if (m_fast && count == 0)
        send(PeerMessage::simple(MessageType::HaveNone));
    else if (count > 0)
        send(PeerMessage::bitfield(toWireBitfield(bits, pieces)));
}

void PeerConnection::sendHave(quint32 index)
{
    if (m_ready && !m_closed && index < m_geometry.pieceCount)
        send(PeerMessage::have(index));
}

void PeerConnection::setChoking(bool choking)
{
    if (!m_ready || m_closed || choking == m_amChoking)
        return;
    m_amChoking = choking;
    send(PeerMessage::simple(choking ? MessageType::Choke : MessageType::Unchoke));
    if (!choking)
        return;
    // BEP 3: a choke discards the peer's requests. BEP 6 makes that explicit with a reject for
    // each, so the peer need not guess which ones are gone; requests for pieces we allowed fast
    // stay, as we promised to serve those while choking.
    rejectAll(m_peerRequests.takeAllBut([this](quint32 index) { return allowedFastSent(index); }));
}

void PeerConnection::setInterested(bool interested)
{
    if (!m_ready || m_closed || interested == m_amInterested)
        return;
    m_amInterested = interested;
    send(PeerMessage::simple(interested ? MessageType::Interested : MessageType::NotInterested));
}

bool PeerConnection::request(const BlockRequest& block)
{
    if (!m_ready || m_closed || (m_peerChoking && !peerAllowsFast(block.index)))
        return false;
    if (qsizetype(block.index) >= m_peerHas.size() || !m_peerHas.testBit(block.index))
        return false;
    if (!validRange(block.index, block.begin, block.length) || hasOutstanding(block))
        return false;
    m_ourRequests.add(block);
    send(PeerMessage::request(block.index, block.begin, block.length));
    return true;
}

void PeerConnection::cancel(const BlockRequest& block)
{
    if (m_closed || !m_ourRequests.cancel(block))
        return;
    send(PeerMessage::cancel(block.index, block.begin, block.length));
}

bool PeerConnection::sendBlock(quint32 index, quint32 begin, const QByteArray& data)
{
    if (!m_ready || m_closed)
        return false;
    if (!m_peerRequests.remove(BlockRequest{index, begin, quint32(data.size())}))
        return false;
    // Built by hand rather than through encodeMessage: one copy of the block per frame, and a
    // frame this size is handed to the socket's buffer without another.
    constexpr qsizetype header = 13;
    QByteArray frame(header + data.size(), Qt::Uninitialized);
    qToBigEndian(quint32(9 + data.size()), frame.data());
    frame[4] = char(MessageId::Piece);
    qToBigEndian(index, frame.data() + 5);
    qToBigEndian(begin, frame.data() + 9);
    std::memcpy(frame.data() + header, data.constData(), size_t(data.size()));
    write(frame);
    m_payloadSent += data.size();
    return true;
}

void PeerConnection::rejectRequest(const BlockRequest& block)
{
    // Served, cancelled or rejected already: a second answer would confuse the peer. Without
    // Fast there is nothing to tell the peer, but the request must stop counting against its
    // queue limit.
    if (!m_ready || m_closed || !m_peerRequests.remove(block))
        return;
    if (m_fast)
        send(PeerMessage::rejectRequest(block.index, block.begin, block.length));
}

void PeerConnection::offerAllowedFast(const QBitArray& verified)
{
    if (!m_ready || m_closed || !m_fast)
        return;
    for (const quint32 index : std::as_const(m_allowedFastSet)) {
        if (qsizetype(index) < verified.size() && verified.testBit(index) &&
            !m_allowedFastSent.testBit(index)) {
            m_allowedFastSent.setBit(index);
            send(PeerMessage::allowedFast(index));
        }
    }
}

void PeerConnection::rejectAllPeerRequests()
{
    if (!m_ready || m_closed)
        return;
    rejectAll(m_peerRequests.takeAll());
}

void PeerConnection::rejectAll(const std::deque<BlockRequest>& requests)
{
    if (!m_fast)
        return;
    for (const BlockRequest& b : requests)
        send(PeerMessage::rejectRequest(b.index, b.begin, b.length));
}

bool PeerConnection::sendExtended(const QByteArray& name, const QByteArray& payload)
{
    if (!m_ready || m_closed || !m_extended)
        return false;
    const std::optional<quint8> id = m_remoteExtensions.idOf(name);
    if (!id)
        return false;
    send(PeerMessage::extended(*id, payload));
    return true;
}

// --- state -----------------------------------------------------------------------------------

QString PeerConnection::endpoint() const
{
    if (m_address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(m_address.toString()).arg(m_port);
    return QStringLiteral("%1:%2").arg(m_address.toString()).arg(m_port);
}

QString PeerConnection::clientName() const
{
    if (!m_remoteExtensions.client.isEmpty())
        return m_remoteExtensions.client;
    return clientNameFromPeerId(m_remote.peerId);
}

bool PeerConnection::peerIsSeed() const
{
    return m_geometry.pieceCount > 0 && quint32(m_peerPieceCount) == m_geometry.pieceCount;
}

bool PeerConnection::allowedFastSent(quint32 index) const
{
    return qsizetype(index) < m_allowedFastSent.size() && m_allowedFastSent.testBit(index);
}

bool PeerConnection::peerAllowsFast(quint32 index) const
{
    return qsizetype(index) < m_peerAllowedFast.size() && m_peerAllowedFast.testBit(index);
}

std::optional<TcpPathSample> PeerConnection::pathSample() const
{
    if (m_closed || m_socket->state() != QAbstractSocket::ConnectedState)
        return std::nullopt;
    return sampleTcpPath(m_socket->socketDescriptor());
}

qint64 PeerConnection::bytesToWrite() const
{
    return m_socket->bytesToWrite();
}

qint64 PeerConnection::connectedMs() const
{
    return m_connectedAt.isValid() ? m_connectedAt.elapsed() : 0;
}

bool PeerConnection::validRange(quint32 index, quint32 begin, quint32 length) const
{
    return index < m_geometry.pieceCount && length > 0 && length <= kMaxBlockLength &&
           qint64(begin) + qint64(length) <= m_geometry.pieceSize(index);
}

// --- socket ----------------------------------------------------------------------------------

void PeerConnection::onConnected()
{
    m_connectedAt.start();
    m_lastReceived.start();
    m_lastSent.start();
    // Requests, haves and choke changes are small and latency-bound; blocks fill segments anyway.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    sendHandshake();
}

void PeerConnection::onReadyRead()
{
    // While the owner decides about an incoming peer its bytes stay in the (bounded) socket
    // buffer. Otherwise everything available is decoded, one moderate chunk at a time: a
    // reused chunk keeps a fast stream from allocating (and faulting in) megabytes per read.
    while (!m_closed && !m_awaitingAccept && m_socket->bytesAvailable() > 0) {
        if (m_readChunk.size() != kReadChunk)
            m_readChunk.resize(kReadChunk);
        const qint64 read = m_socket->read(m_readChunk.data(), kReadChunk);
        if (read <= 0)
            break;
        m_lastReceived.restart();
        m_decoder.feed(QByteArrayView(m_readChunk.constData(), read));
        processInput();
    }
    processInput();
}

void PeerConnection::onBytesWritten()
{
    if (m_closed || !m_aboveLowWatermark ||
        m_socket->bytesToWrite() >= m_settings.sendBufferLowWatermark)
        return;
    m_aboveLowWatermark = false;
    Q_EMIT sendBufferDrained();
}

void PeerConnection::onSocketError()
{
    if (m_closed)
        return;
    // Whatever the peer sent before it went away still counts (a last block, a have).
    if (m_socket->bytesAvailable() > 0)
        onReadyRead();
    if (m_closed)
        return;
    QString reason;
    switch (m_socket->error()) {
    case QAbstractSocket::ConnectionRefusedError:
        reason = tr("connection refused");
        break;
    case QAbstractSocket::RemoteHostClosedError:
    case QAbstractSocket::UnknownSocketError: // disconnected() without an error
        reason = tr("peer closed the connection");
        break;
    case QAbstractSocket::HostNotFoundError:
        reason = tr("host not found");
        break;
    case QAbstractSocket::SocketTimeoutError:
        reason = tr("connection timed out");
        break;
    case QAbstractSocket::NetworkError:
        reason = tr("network error: %1").arg(m_socket->errorString());
        break;
    default:
        reason = tr("connection error: %1").arg(m_socket->errorString());
        break;
    }
    close(reason);
}

void PeerConnection::onHeartbeat()
{
    if (m_closed)
        return;
    if (!m_ready) {
        if (m_settings.handshakeTimeoutMs > 0 &&
            m_startedAt.hasExpired(m_settings.handshakeTimeoutMs))
            close(m_connectedAt.isValid() ? tr("timed out during handshake")
                                          : tr("timed out while connecting"));
        return;
    }
    if (m_settings.idleTimeoutMs > 0 && m_lastReceived.hasExpired(m_settings.idleTimeoutMs)) {
        close(tr("nothing received for %1 s").arg(m_lastReceived.elapsed() / 1000));
        return;
    }
    if (m_settings.keepAliveIntervalMs > 0 && m_lastSent.hasExpired(m_settings.keepAliveIntervalMs))
        send(PeerMessage::keepAlive());
}

// --- incoming messages -----------------------------------------------------------------------

void PeerConnection::processInput()
{
    // A slot of one of our signals may cause another read (an error handler, say); the loop
    // already running picks up whatever is left.
    if (m_processing)
        return;
    const QScopedValueRollback<bool> guard(m_processing, true);
    PeerMessage message;
    while (!m_closed && !m_awaitingAccept) {
        switch (m_decoder.next(message)) {
        case PeerWireDecoder::Status::NeedMore:
            return;
        case PeerWireDecoder::Status::Failed:
            close(m_decoder.error(), true);
            return;
        case PeerWireDecoder::Status::Handshake:
            handleHandshake();
            break;
        case PeerWireDecoder::Status::Message:
            handleMessage(message);
            break;
        }
    }
}

void PeerConnection::handleHandshake()
{
    m_remote = m_decoder.handshake();
    m_handshakeReceived = true;
    if (m_direction == Direction::Incoming) {
        m_awaitingAccept = true;
        Q_EMIT handshakeReceived(m_remote.infoHash, m_remote.peerId);
        return;
    }
    if (m_remote.infoHash != m_infoHash) {
        close(tr("peer answered for other content (%1)")
                  .arg(QString::fromLatin1(m_remote.infoHash.toHex())));
        return;
    }
    becomeReady();
}

void PeerConnection::becomeReady()
{
    m_fast = m_remote.supportsFastExtension();
    m_extended = m_remote.supportsExtensionProtocol();
    m_decoder.setNegotiatedExtensions(m_fast, m_extended);
    m_peerHas = QBitArray(qsizetype(m_geometry.pieceCount));
    m_peerPieceCount = 0;
    // Computed once: the set depends only on the peer's address and the content.
    m_allowedFastSet =
        m_fast ? allowedFastSetFor(m_address, m_infoHash, m_geometry.pieceCount) : QList<quint32>{};
    m_allowedFastSent = QBitArray(qsizetype(m_geometry.pieceCount));
    m_peerAllowedFast = QBitArray(qsizetype(m_geometry.pieceCount));
    m_peerAllowedFastCount = 0;
    m_ready = true;
    if (m_extended) {
        ExtensionHandshake ours;
        ours.messages = m_identity.extensions;
        ours.client = m_identity.client;
        if (m_identity.extensions.count(QByteArray(kSwarmKeyExtensionName)))
            ours.swarmNonce = m_localNonce;
        if (m_identity.listenPort != 0)
            ours.listenPort = m_identity.listenPort;
        if (m_settings.maxRequestsFromPeer > 0)
            ours.requestQueue = quint32(m_settings.maxRequestsFromPeer);
        send(PeerMessage::extended(kExtendedHandshakeId, encodeExtensionHandshake(ours)));
    }
    Q_EMIT ready();
}

void PeerConnection::handleMessage(const PeerMessage& message)
{
    switch (message.type) {
    case MessageType::KeepAlive:
    case MessageType::Port:    // DHT, which we do not run
    case MessageType::Suggest: // advice we may ignore (BEP 6)
        break;
    case MessageType::AllowedFast:
        handleAllowedFast(message.index);
        break;
    case MessageType::Choke:
        if (m_peerChoking)
            break;
        m_peerChoking = true;
        // BEP 3: a choke silently discards our requests. With Fast they stay until the peer
        // rejects or serves each (BEP 6), so nothing is dropped here.
        if (!m_fast)
            dropAllOurRequests();
        if (!m_closed)
            Q_EMIT peerChokeChanged(true);
        break;
    case MessageType::Unchoke:
        if (!m_peerChoking)
            break;
        m_peerChoking = false;
        Q_EMIT peerChokeChanged(false);
        break;
    case MessageType::Interested:
    case MessageType::NotInterested: {
        const bool interested = message.type == MessageType::Interested;
        if (interested == m_peerInterested)
            break;
        m_peerInterested = interested;
        Q_EMIT peerInterestChanged(interested);
        break;
    }
    case MessageType::Have:
        if (m_peerHas.testBit(message.index))
            break;
        m_peerHas.setBit(message.index);
        ++m_peerPieceCount;
        Q_EMIT haveReceived(message.index);
        break;
    case MessageType::Bitfield:
    case MessageType::HaveAll:
    case MessageType::HaveNone:
        handleAvailability(message);
        break;
    case MessageType::Request:
        handlePeerRequest({message.index, message.begin, message.length});
        break;
    case MessageType::Cancel:
        handlePeerCancel({message.index, message.begin, message.length});
        break;
    case MessageType::Piece:
        handlePiece(message);
        break;
    case MessageType::RejectRequest:
        handleReject({message.index, message.begin, message.length});
        break;
    case MessageType::Extended:
        handleExtended(message);
        break;
    }
}

void PeerConnection::handleAvailability(const PeerMessage& message)
{
    // The decoder has checked the size, the spare bits and that this opens the stream.
    const qsizetype pieces = qsizetype(m_geometry.pieceCount);
    if (message.type == MessageType::Bitfield)
        m_peerHas = fromWireBitfield(message.payload, m_geometry.pieceCount);
    else
        m_peerHas.fill(message.type == MessageType::HaveAll, pieces);
    m_peerPieceCount = int(m_peerHas.count(true));
    Q_EMIT availabilityReceived();
}

void PeerConnection::handlePeerRequest(const BlockRequest& block)
{
    if (!validRange(block.index, block.begin, block.length)) {
        close(tr("peer requested %1 bytes at offset %2 of piece %3, which has %4 bytes")
                  .arg(block.length)
                  .arg(block.begin)
                  .arg(block.index)
                  .arg(m_geometry.pieceSize(block.index)),
              true);
        return;
    }
    if (m_amChoking && !allowedFastSent(block.index)) {
        // It may have been sent before our choke arrived: not a violation, just not served.
        if (m_fast)
            send(PeerMessage::rejectRequest(block.index, block.begin, block.length));
        return;
    }
    if (m_peerRequests.contains(block))
        return; // one answer serves both
    if (m_settings.maxRequestsFromPeer > 0 &&
        m_peerRequests.size() >= m_settings.maxRequestsFromPeer) {
        close(tr("peer has more than %1 requests outstanding").arg(m_settings.maxRequestsFromPeer),
              true);
        return;
    }
    m_peerRequests.add(block);
    Q_EMIT blockRequested(block);
}

void PeerConnection::handlePeerCancel(const BlockRequest& block)
{
    if (!m_peerRequests.remove(block))
        return; // already served or rejected: the cancel crossed our answer
    // BEP 6: every request gets an answer, a cancelled one too.
    if (m_fast)
        send(PeerMessage::rejectRequest(block.index, block.begin, block.length));
    Q_EMIT requestCancelled(block);
}

void PeerConnection::handlePiece(const PeerMessage& message)
{
    const BlockRequest block{message.index, message.begin, quint32(message.payload.size())};
    switch (m_ourRequests.settleByBlock(block)) {
    case OutgoingRequests::Match::Outstanding:
        m_payloadReceived += message.payload.size();
        Q_EMIT blockReceived(block.index, block.begin, message.payload);
        return;
    case OutgoingRequests::Match::Cancelled:
        return; // sent before our cancel arrived
    case OutgoingRequests::Match::Unrequested:
        break;
    }
    close(tr("peer sent data we did not request (piece %1, offset %2, %3 bytes)")
              .arg(block.index)
              .arg(block.begin)
              .arg(block.length),
          true);
}

void PeerConnection::handleReject(const BlockRequest& block)
{
    switch (m_ourRequests.settleByReject(block)) {
    case OutgoingRequests::Match::Outstanding:
        Q_EMIT requestDropped(block);
        return;
    case OutgoingRequests::Match::Cancelled:
        return;
    case OutgoingRequests::Match::Unrequested:
        close(tr("peer rejected a request we did not make (piece %1, offset %2, %3 bytes)")
                  .arg(block.index)
                  .arg(block.begin)
                  .arg(block.length),
              true);
        return;
    }
}

void PeerConnection::handleAllowedFast(quint32 index)
{
    // The decoder already refuses an index past the content; this guards the bit array should
    // that ever change.
    if (index >= m_geometry.pieceCount) {
        close(tr("peer allowed piece %1 fast, but the content has only %2 pieces")
                  .arg(index)
                  .arg(m_geometry.pieceCount),
              true);
        return;
    }
    if (m_peerAllowedFast.testBit(index))
        return;
    m_peerAllowedFast.setBit(index);
    ++m_peerAllowedFastCount;
    Q_EMIT allowedFastReceived(index);
}

void PeerConnection::handleExtended(const PeerMessage& message)
{
    if (message.extendedId == kExtendedHandshakeId) {
        ExtensionHandshakeResult decoded = decodeExtensionHandshake(message.payload);
        if (!decoded.ok) {
            close(decoded.error, true);
            return;
        }
        // BEP 10 allows the handshake to be repeated; the latest one applies, except for the
        // swarm-key challenge: a proof answers the first one, so it cannot be swapped later.
        if (!m_remoteExtensions.swarmNonce.isEmpty())
            decoded.value.swarmNonce = m_remoteExtensions.swarmNonce;
        m_remoteExtensions = std::move(decoded.value);
        Q_EMIT extensionHandshakeReceived();
        return;
    }
    // Peers address us by the ids we announced; anything else is an extension we did not
    // offer (some clients send those regardless) and is dropped.
    for (const auto& [name, id] : m_identity.extensions) {
        if (id == message.extendedId) {
            Q_EMIT extendedMessageReceived(name, message.payload);
            return;
        }
    }
}

void PeerConnection::dropAllOurRequests()
{
    const std::deque<BlockRequest> dropped = m_ourRequests.takeAll();
    for (const BlockRequest& block : dropped) {
        if (m_closed)
            return;
        Q_EMIT requestDropped(block);
    }
}

} // namespace opendo::peer
