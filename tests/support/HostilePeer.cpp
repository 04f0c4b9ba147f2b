#include "support/HostilePeer.h"

#include "peer/Handshake.h"
#include "peer/WireBitfield.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <algorithm>

namespace opendo::test {

using peer::MessageType;
using peer::PeerMessage;

namespace {

peer::PeerWireLimits limitsFor(int pieceCount)
{
    peer::PeerWireLimits l;
    l.pieceCount = quint32(pieceCount);
    return l;
}

} // namespace

QString HostilePeer::name(Read r)
{
    switch (r) {
    case Read::Handshake:
        return "handshake";
    case Read::Message:
        return "message";
    case Read::Closed:
        return "closed";
    case Read::Timeout:
        return "timeout";
    case Read::Garbled:
        return "garbled";
    }
    return {};
}

HostilePeer::HostilePeer(QTcpSocket* s, int pieceCount)
    : socket(s), decoder(limitsFor(pieceCount)), agentHas(pieceCount)
{}

std::unique_ptr<HostilePeer> HostilePeer::connectTo(const QHostAddress& from,
                                                    const QHostAddress& to, quint16 port,
                                                    int pieceCount)
{
    auto* socket = new QTcpSocket;
    auto peer = std::make_unique<HostilePeer>(socket, pieceCount);
    if (!socket->bind(from, 0))
        return nullptr;
    socket->connectToHost(to, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    return peer;
}

QString HostilePeer::endpoint() const
{
    return QString("%1:%2").arg(socket->localAddress().toString()).arg(socket->localPort());
}

void HostilePeer::send(const QByteArray& bytes)
{
    socket->write(bytes);
    socket->flush();
}

void HostilePeer::send(const PeerMessage& message)
{
    send(peer::encodeMessage(message));
}

void HostilePeer::send(MessageType type)
{
    send(PeerMessage::simple(type));
}

void HostilePeer::sendHandshake(const QByteArray& infoHash)
{
    send(
        peer::encodeHandshake(peer::Handshake::make(infoHash, "-HP0001-hostilepeer1", true, true)));
}

HostilePeer::Read HostilePeer::read(PeerMessage& message, qint64 timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        switch (decoder.failed() ? peer::PeerWireDecoder::Status::NeedMore
                                 : decoder.next(message)) {
        case peer::PeerWireDecoder::Status::Handshake:
            return Read::Handshake;
        case peer::PeerWireDecoder::Status::Message:
            track(message);
            return Read::Message;
        case peer::PeerWireDecoder::Status::Failed:
            return Read::Garbled;
        case peer::PeerWireDecoder::Status::NeedMore:
            break;
        }
        while (socket->bytesAvailable() == 0) {
            if (socket->state() != QAbstractSocket::ConnectedState)
                return Read::Closed;
            if (deadline.hasExpired())
                return Read::Timeout;
            socket->waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 50)));
            // The agent's stderr and doctl's stdout are pipes into this process: left
            // undrained while we block, they would stall the very processes under test.
            QCoreApplication::processEvents();
        }
        const QByteArray bytes = socket->readAll();
        received += bytes;
        decoder.feed(bytes);
    }
}

bool HostilePeer::open(const QByteArray& infoHash, QString* problem)
{
    sendHandshake(infoHash);
    PeerMessage m;
    const Read r = read(m, 5000);
    if (r != Read::Handshake) {
        *problem = "no handshake from the agent: " + name(r);
        return false;
    }
    if (decoder.handshake().infoHash != infoHash) {
        *problem = "the agent answered for other content";
        return false;
    }
    if (!decoder.handshake().supportsFastExtension() ||
        !decoder.handshake().supportsExtensionProtocol()) {
        *problem = "the agent did not offer Fast and the extension protocol";
        return false;
    }
    if (read(m, 5000) != Read::Message || m.type != MessageType::Extended ||
        m.extendedId != peer::kExtendedHandshakeId) {
        *problem = "the agent's first message is not its extended handshake";
        return false;
    }
    const peer::ExtensionHandshakeResult ext = peer::decodeExtensionHandshake(m.payload);
    if (!ext.ok) {
        *problem = "the agent's extended handshake does not decode: " + ext.error;
        return false;
    }
    agentExtensions = ext.value;
    return true;
}

std::optional<PeerMessage> HostilePeer::waitFor(std::initializer_list<MessageType> types,
                                                qint64 timeoutMs, Read* outcome)
{
    QDeadlineTimer deadline(timeoutMs);
    PeerMessage m;
    for (;;) {
        const Read r = read(m, deadline.remainingTime());
        if (outcome)
            *outcome = r;
        if (r != Read::Message && r != Read::Handshake)
            return std::nullopt;
        if (r == Read::Message && std::find(types.begin(), types.end(), m.type) != types.end())
            return m;
    }
}

bool HostilePeer::waitClosed(qint64 timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    PeerMessage m;
    for (;;) {
        switch (read(m, deadline.remainingTime())) {
        case Read::Closed:
            return true;
        case Read::Timeout:
            return false;
        case Read::Garbled: // only the hang-up matters now
        case Read::Handshake:
        case Read::Message:
            break;
        }
    }
}

void HostilePeer::track(const PeerMessage& m)
{
    switch (m.type) {
    case MessageType::HaveAll:
        agentHas.fill(true);
        break;
    case MessageType::HaveNone:
        agentHas.fill(false);
        break;
    case MessageType::Bitfield:
        agentHas = peer::fromWireBitfield(m.payload, quint32(agentHas.size()));
        break;
    case MessageType::Have:
        agentHas.setBit(qsizetype(m.index));
        break;
    case MessageType::Piece:
        ++piecesReceived;
        break;
    default:
        break;
    }
}

QString describe(const PeerMessage& m)
{
    return QString("%1 %2/%3/%4 (%5 bytes)")
        .arg(peer::messageTypeName(m.type))
        .arg(m.index)
        .arg(m.begin)
        .arg(m.length)
        .arg(m.payload.size());
}

} // namespace opendo::test
