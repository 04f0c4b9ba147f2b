// Strict incremental decoding of the peer wire stream (see PeerWireDecoder.h).

#include "peer/PeerWireDecoder.h"

#include <QCoreApplication>
#include <QtEndian>

namespace opendo::peer {

namespace {

quint32 readU32(QByteArrayView bytes, qsizetype at)
{
    return qFromBigEndian<quint32>(bytes.data() + at);
}

bool isFastId(quint8 id)
{
    return id >= quint8(MessageId::Suggest) && id <= quint8(MessageId::AllowedFast);
}

quint32 bitfieldBytes(quint32 pieceCount)
{
    return pieceCount / 8 + (pieceCount % 8 ? 1 : 0);
}

} // namespace

PeerWireDecoder::PeerWireDecoder(PeerWireLimits limits)
    : m_limits(limits), m_handshakeDone(!limits.expectHandshake)
{}

void PeerWireDecoder::setNegotiatedExtensions(bool fastExtension, bool extensionProtocol)
{
    m_limits.allowFastExtension = fastExtension;
    m_limits.allowExtensionProtocol = extensionProtocol;
}

void PeerWireDecoder::setPieceCount(quint32 pieceCount)
{
    m_limits.pieceCount = pieceCount;
}

void PeerWireDecoder::feed(QByteArrayView data)
{
    if (m_failed)
        return; // the connection is being dropped; keep nothing more of what it sends
    if (m_pos > 0) {
        m_buffer.remove(0, m_pos);
        m_pos = 0;
    }
    m_buffer.append(data);
}

void PeerWireDecoder::consume(qsizetype bytes)
{
    m_pos += bytes;
    if (m_pos == m_buffer.size()) {
        m_buffer.clear();
        m_pos = 0;
    }
}

PeerWireDecoder::Status PeerWireDecoder::fail(const QString& reason)
{
    m_failed = true;
    m_error = reason;
    m_buffer.clear();
    m_pos = 0;
    return Status::Failed;
}

quint32 PeerWireDecoder::maxLengthFor(quint8 id) const
{
    switch (MessageId(id)) {
    case MessageId::Choke:
    case MessageId::Unchoke:
    case MessageId::Interested:
    case MessageId::NotInterested:
    case MessageId::HaveAll:
    case MessageId::HaveNone:
        return 1;
    case MessageId::Have:
    case MessageId::Suggest:
    case MessageId::AllowedFast:
        return 5;
    case MessageId::Port:
        return 3;
    case MessageId::Request:
    case MessageId::Cancel:
    case MessageId::RejectRequest:
        return 13;
    case MessageId::Bitfield:
        return 1 + bitfieldBytes(m_limits.pieceCount);
    case MessageId::Piece:
        return 9 + m_limits.maxBlockLength;
    case MessageId::Extended:
        return m_limits.maxExtendedLength;
    }
    return 0;
}

PeerWireDecoder::Status PeerWireDecoder::nextHandshake()
{
    const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_pos);
    const QByteArrayView prefix = pending.first(qMin(pending.size(), kHandshakeLength));
    const QString problem = checkHandshakePrefix(prefix);
    if (!problem.isEmpty())
        return fail(problem);
    if (prefix.size() < kHandshakeLength)
        return Status::NeedMore;
    QString error;
    const std::optional<Handshake> parsed = parseHandshake(prefix, &error);
    if (!parsed)
        return fail(error);
    m_handshake = *parsed;
    m_handshakeDone = true;
    consume(kHandshakeLength);
    return Status::Handshake;
}

PeerWireDecoder::Status PeerWireDecoder::next(PeerMessage& message)
{
    for (;;) {
        if (m_failed)
            return Status::Failed;
        if (!m_handshakeDone)
            return nextHandshake();

        const QByteArrayView pending = QByteArrayView(m_buffer).sliced(m_pos);
        if (pending.size() < 4)
            return Status::NeedMore;
        const quint32 length = readU32(pending, 0);
        if (length == 0) {
            consume(4);
            message = PeerMessage::keepAlive();
            return Status::Message;
        }
        if (pending.size() < 5)
            return Status::NeedMore;
        const quint8 id = quint8(pending[4]);

        if (maxLengthFor(id) == 0) {
            // Real clients send ids outside BEP 3/6/10 (libtorrent: BEP 52 hash request, hashes
            // and hash reject) whether or not they matter to us; the length prefix keeps the
            // stream in sync, so such a message is skipped once it is complete. The bound keeps
            // a peer from making us buffer without end.
            if (length > m_limits.maxUnknownLength)
                return fail(QCoreApplication::translate(
                                "opendo::peer",
                                "unknown message id %1 (%2 bytes) exceeds the %3-byte limit")
                                .arg(id)
                                .arg(length)
                                .arg(m_limits.maxUnknownLength));
            if (pending.size() - 4 < qsizetype(length))
                return Status::NeedMore;
            consume(4 + qsizetype(length));
            continue;
        }
        if (!checkLength(id, length))
            return Status::Failed;
        if (pending.size() - 4 < qsizetype(length))
            return Status::NeedMore;
        const Status decoded = decodeBody(id, pending.sliced(5, length - 1), message);
        if (decoded == Status::Message)
            consume(4 + qsizetype(length));
        return decoded;
    }
}

bool PeerWireDecoder::checkLength(quint8 id, quint32 length)
{
    // Everything about the length is settled here, before a single body byte is waited for.
    const QString name = messageIdName(id);
    const quint32 limit = maxLengthFor(id);
    QString problem;
    const bool variable = id == quint8(MessageId::Piece) || id == quint8(MessageId::Extended);
    const quint32 minimum = id == quint8(MessageId::Piece) ? 10 : 2; // a byte of block/payload id
    if (isFastId(id) && !m_limits.allowFastExtension)
        problem = QCoreApplication::translate(
                      "opendo::peer",
                      "message %1 (%2) needs the Fast extension, which was not negotiated")
                      .arg(id)
                      .arg(name);
    else if (id == quint8(MessageId::Extended) && !m_limits.allowExtensionProtocol)
        problem = QCoreApplication::translate(
                      "opendo::peer",
                      "message %1 (%2) needs the extension protocol, which was not negotiated")
                      .arg(id)
                      .arg(name);
    else if (variable && length > limit)
        problem =
            QCoreApplication::translate("opendo::peer", "message %1 (%2) of %3 bytes exceeds the "
                                                        "%4-byte limit")
                .arg(id)
                .arg(name)
                .arg(length)
                .arg(limit);
    else if (!variable && length != limit)
        problem = QCoreApplication::translate("opendo::peer",
                                              "message %1 (%2) has length %3; it must be %4")
                      .arg(id)
                      .arg(name)
                      .arg(length)
                      .arg(limit);
    else if (variable && length < minimum)
        problem = QCoreApplication::translate("opendo::peer",
                                              "message %1 (%2) has length %3; it must be at "
                                              "least %4")
                      .arg(id)
                      .arg(name)
                      .arg(length)
                      .arg(minimum);
    if (problem.isEmpty())
        return true;
    fail(problem);
    return false;
}

bool PeerWireDecoder::checkIndex(quint8 id, quint32 index)
{
    if (index < m_limits.pieceCount)
        return true;
    fail(QCoreApplication::translate("opendo::peer",
                                     "message %1 (%2) names piece %3, but there are only %4 pieces")
             .arg(id)
             .arg(messageIdName(id))
             .arg(index)
             .arg(m_limits.pieceCount));
    return false;
}

bool PeerWireDecoder::checkBlockLength(quint8 id, quint32 length)
{
    if (length >= 1 && length <= m_limits.maxBlockLength)
        return true;
    fail(QCoreApplication::translate("opendo::peer",
                                     "message %1 (%2) asks for a block of %3 bytes; it must be "
                                     "1 to %4")
             .arg(id)
             .arg(messageIdName(id))
             .arg(length)
             .arg(m_limits.maxBlockLength));
    return false;
}

PeerWireDecoder::Status PeerWireDecoder::decodeBody(quint8 id, QByteArrayView body,
                                                    PeerMessage& message)
{
    const MessageId mid = MessageId(id);
    const bool availability =
        mid == MessageId::Bitfield || mid == MessageId::HaveAll || mid == MessageId::HaveNone;
    if (availability && !m_availabilityAllowed)
        return fail(
            QCoreApplication::translate(
                "opendo::peer", "message %1 (%2) may only come first, before any other message")
                .arg(id)
                .arg(messageIdName(id)));
    // Extended messages (BEP 10 handshake) and port (DHT) are sent early by common clients
    // without announcing availability; everything else ends the window.
    if (mid != MessageId::Extended && mid != MessageId::Port)
        m_availabilityAllowed = false;

    PeerMessage m;
    switch (mid) {
    case MessageId::Choke:
        m = PeerMessage::simple(MessageType::Choke);
        break;
    case MessageId::Unchoke:
        m = PeerMessage::simple(MessageType::Unchoke);
        break;
    case MessageId::Interested:
        m = PeerMessage::simple(MessageType::Interested);
        break;
    case MessageId::NotInterested:
        m = PeerMessage::simple(MessageType::NotInterested);
        break;
    case MessageId::HaveAll:
        m = PeerMessage::simple(MessageType::HaveAll);
        break;
    case MessageId::HaveNone:
        m = PeerMessage::simple(MessageType::HaveNone);
        break;
    case MessageId::Have:
    case MessageId::Suggest:
    case MessageId::AllowedFast: {
        const quint32 index = readU32(body, 0);
        if (!checkIndex(id, index))
            return Status::Failed;
        m = mid == MessageId::Have      ? PeerMessage::have(index)
            : mid == MessageId::Suggest ? PeerMessage::suggest(index)
                                        : PeerMessage::allowedFast(index);
        break;
    }
    case MessageId::Request:
    case MessageId::Cancel:
    case MessageId::RejectRequest: {
        const quint32 index = readU32(body, 0);
        const quint32 begin = readU32(body, 4);
        const quint32 length = readU32(body, 8);
        if (!checkIndex(id, index) || !checkBlockLength(id, length))
            return Status::Failed;
        m = mid == MessageId::Request  ? PeerMessage::request(index, begin, length)
            : mid == MessageId::Cancel ? PeerMessage::cancel(index, begin, length)
                                       : PeerMessage::rejectRequest(index, begin, length);
        break;
    }
    case MessageId::Piece: {
        const quint32 index = readU32(body, 0);
        if (!checkIndex(id, index))
            return Status::Failed;
        m = PeerMessage::piece(index, readU32(body, 4), body.sliced(8).toByteArray());
        break;
    }
    case MessageId::Bitfield: {
        // BEP 3: bits past the last piece are spare and must be cleared.
        const quint32 spare = m_limits.pieceCount % 8 ? 8 - m_limits.pieceCount % 8 : 0;
        if (spare && !body.isEmpty() && (quint8(body.back()) & ((1u << spare) - 1)) != 0)
            return fail(QCoreApplication::translate(
                            "opendo::peer",
                            "message %1 (%2) sets spare bits after the last piece (%3 pieces)")
                            .arg(id)
                            .arg(messageIdName(id))
                            .arg(m_limits.pieceCount));
        m = PeerMessage::bitfield(body.toByteArray());
        break;
    }
    case MessageId::Port:
        m = PeerMessage::portMessage(qFromBigEndian<quint16>(body.data()));
        break;
    case MessageId::Extended:
        m = PeerMessage::extended(quint8(body[0]), body.sliced(1).toByteArray());
        break;
    }
    message = std::move(m);
    return Status::Message;
}

} // namespace opendo::peer
