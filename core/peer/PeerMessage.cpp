// Construction and encoding of peer wire messages (BEP 3, BEP 6, BEP 10).

#include "peer/PeerMessage.h"

#include <QtEndian>
#include <utility>

namespace opendo::peer {

namespace {

PeerMessage withIndex(MessageType type, quint32 index)
{
    PeerMessage m;
    m.type = type;
    m.index = index;
    return m;
}

PeerMessage withBlockRef(MessageType type, quint32 index, quint32 begin, quint32 length)
{
    PeerMessage m = withIndex(type, index);
    m.begin = begin;
    m.length = length;
    return m;
}

void appendU32(QByteArray& out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

void appendU16(QByteArray& out, quint16 value)
{
    char bytes[2];
    qToBigEndian(value, bytes);
    out.append(bytes, 2);
}

} // namespace

PeerMessage PeerMessage::simple(MessageType type)
{
    PeerMessage m;
    m.type = type;
    return m;
}

PeerMessage PeerMessage::have(quint32 index)
{
    return withIndex(MessageType::Have, index);
}

PeerMessage PeerMessage::bitfield(QByteArray bits)
{
    PeerMessage m;
    m.type = MessageType::Bitfield;
    m.payload = std::move(bits);
    return m;
}

PeerMessage PeerMessage::request(quint32 index, quint32 begin, quint32 length)
{
    return withBlockRef(MessageType::Request, index, begin, length);
}

PeerMessage PeerMessage::piece(quint32 index, quint32 begin, QByteArray block)
{
    PeerMessage m = withBlockRef(MessageType::Piece, index, begin, 0);
    m.payload = std::move(block);
    return m;
}

PeerMessage PeerMessage::cancel(quint32 index, quint32 begin, quint32 length)
{
    return withBlockRef(MessageType::Cancel, index, begin, length);
}

PeerMessage PeerMessage::portMessage(quint16 port)
{
    PeerMessage m;
    m.type = MessageType::Port;
    m.port = port;
    return m;
}

PeerMessage PeerMessage::suggest(quint32 index)
{
    return withIndex(MessageType::Suggest, index);
}

PeerMessage PeerMessage::rejectRequest(quint32 index, quint32 begin, quint32 length)
{
    return withBlockRef(MessageType::RejectRequest, index, begin, length);
}

PeerMessage PeerMessage::allowedFast(quint32 index)
{
    return withIndex(MessageType::AllowedFast, index);
}

PeerMessage PeerMessage::extended(quint8 extendedId, QByteArray payload)
{
    PeerMessage m;
    m.type = MessageType::Extended;
    m.extendedId = extendedId;
    m.payload = std::move(payload);
    return m;
}

MessageId messageIdOf(MessageType type)
{
    switch (type) {
    case MessageType::KeepAlive:
    case MessageType::Choke:
        return MessageId::Choke;
    case MessageType::Unchoke:
        return MessageId::Unchoke;
    case MessageType::Interested:
        return MessageId::Interested;
    case MessageType::NotInterested:
        return MessageId::NotInterested;
    case MessageType::Have:
        return MessageId::Have;
    case MessageType::Bitfield:
        return MessageId::Bitfield;
    case MessageType::Request:
        return MessageId::Request;
    case MessageType::Piece:
        return MessageId::Piece;
    case MessageType::Cancel:
        return MessageId::Cancel;
    case MessageType::Port:
        return MessageId::Port;
    case MessageType::Suggest:
        return MessageId::Suggest;
    case MessageType::HaveAll:
        return MessageId::HaveAll;
    case MessageType::HaveNone:
        return MessageId::HaveNone;
    case MessageType::RejectRequest:
        return MessageId::RejectRequest;
    case MessageType::AllowedFast:
        return MessageId::AllowedFast;
    case MessageType::Extended:
        return MessageId::Extended;
    }
    return MessageId::Choke;
}

QString messageIdName(quint8 id)
{
    // Protocol names, not prose: they stay English in logs so they can be searched for.
    switch (MessageId(id)) {
    case MessageId::Choke:
        return QStringLiteral("choke");
    case MessageId::Unchoke:
        return QStringLiteral("unchoke");
    case MessageId::Interested:
        return QStringLiteral("interested");
    case MessageId::NotInterested:
        return QStringLiteral("not interested");
    case MessageId::Have:
        return QStringLiteral("have");
    case MessageId::Bitfield:
        return QStringLiteral("bitfield");
    case MessageId::Request:
        return QStringLiteral("request");
    case MessageId::Piece:
        return QStringLiteral("piece");
    case MessageId::Cancel:
        return QStringLiteral("cancel");
    case MessageId::Port:
        return QStringLiteral("port");
    case MessageId::Suggest:
        return QStringLiteral("suggest piece");
    case MessageId::HaveAll:
        return QStringLiteral("have all");
    case MessageId::HaveNone:
        return QStringLiteral("have none");
    case MessageId::RejectRequest:
        return QStringLiteral("reject request");
    case MessageId::AllowedFast:
        return QStringLiteral("allowed fast");
    case MessageId::Extended:
        return QStringLiteral("extended");
    }
    return QStringLiteral("unknown");
}

QString messageTypeName(MessageType type)
{
    if (type == MessageType::KeepAlive)
        return QStringLiteral("keep-alive");
    return messageIdName(quint8(messageIdOf(type)));
}

QByteArray encodeMessage(const PeerMessage& message)
{
    QByteArray body;
    if (message.type != MessageType::KeepAlive)
        body.append(char(messageIdOf(message.type)));
    switch (message.type) {
    case MessageType::KeepAlive:
    case MessageType::Choke:
    case MessageType::Unchoke:
    case MessageType::Interested:
    case MessageType::NotInterested:
    case MessageType::HaveAll:
    case MessageType::HaveNone:
        break;
    case MessageType::Have:
    case MessageType::Suggest:
    case MessageType::AllowedFast:
        appendU32(body, message.index);
        break;
    case MessageType::Bitfield:
        body.append(message.payload);
        break;
    case MessageType::Request:
    case MessageType::Cancel:
    case MessageType::RejectRequest:
        appendU32(body, message.index);
        appendU32(body, message.begin);
        appendU32(body, message.length);
        break;
    case MessageType::Piece:
        appendU32(body, message.index);
        appendU32(body, message.begin);
        body.append(message.payload);
        break;
    case MessageType::Port:
        appendU16(body, message.port);
        break;
    case MessageType::Extended:
        body.append(char(message.extendedId));
        body.append(message.payload);
        break;
    }
    QByteArray frame;
    frame.reserve(4 + body.size());
    appendU32(frame, quint32(body.size()));
    frame.append(body);
    return frame;
}

} // namespace opendo::peer
