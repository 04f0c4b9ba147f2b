#pragma once

// Incremental decoder for one peer connection's incoming byte stream: first the handshake, then
// length-prefixed messages (BEP 3, BEP 6, BEP 10). Everything a remote peer sends is untrusted, so
// every message is checked against strict limits before its body is buffered, and the first
// violation fails the decoder for good with a reason the caller logs before disconnecting.

#include "peer/Handshake.h"
#include "peer/PeerMessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace opendo::peer {

struct PeerWireLimits
{
    // Pieces of the content; every piece index must be below it and a bitfield has exactly
    // ceil(pieceCount / 8) bytes.
    quint32 pieceCount = 0;
    // Largest block in request/cancel/reject and in piece messages.
    quint32 maxBlockLength = kMaxBlockLength;
    // Largest length prefix of an extended message (BEP 10 payloads such as the handshake or
    // the swarm-key proof are small; this only bounds memory).
    quint32 maxExtendedLength = 1024 * 1024;
    // Largest length prefix of a message whose id we do not know; such messages are skipped.
    quint32 maxUnknownLength = 1024 * 1024;
    // Whether the handshake is still to come (false for tests or a resumed stream).
    bool expectHandshake = true;
    // Whether BEP 6 / BEP 10 messages are acceptable. The caller narrows these once both
    // handshakes are known: BEP 6 says a peer that sends Fast messages without having
    // negotiated them must be disconnected.
    bool allowFastExtension = true;
    bool allowExtensionProtocol = true;
};

class PeerWireDecoder
{
public:
    enum class Status
    {
        NeedMore,  // nothing complete yet: feed more bytes (truncation is not an error)
        Handshake, // handshake() now holds the peer's handshake
        Message,   // the out parameter holds the next message
        Failed,    // error() says why; nothing more will ever be produced
    };

    explicit PeerWireDecoder(PeerWireLimits limits = {});

    // Appends bytes as they arrive from the socket, in any chunking.
    void feed(QByteArrayView data);
    // Takes the next handshake or message; call until it returns NeedMore or Failed.
    Status next(PeerMessage& message);

    // The limit on the length prefix of a message with this id (excluding the 4 prefix bytes),
    // or 0 for ids this decoder does not know (those are skipped up to maxUnknownLength).
    quint32 maxLengthFor(quint8 id) const;

    void setNegotiatedExtensions(bool fastExtension, bool extensionProtocol);
    // For a connection that learns which content it carries only from the peer's handshake.
    void setPieceCount(quint32 pieceCount);
    const PeerWireLimits& limits() const { return m_limits; }
    const Handshake& handshake() const { return m_handshake; }
    bool failed() const { return m_failed; }
    const QString& error() const { return m_error; }
    qsizetype bufferedBytes() const { return m_buffer.size() - m_pos; }

private:
    Status fail(const QString& reason);
    Status nextHandshake();
    // Checks a known message's length prefix against its id; false once failed.
    bool checkLength(quint8 id, quint32 length);
    // Checks a message whose complete body is buffered; fills message.
    Status decodeBody(quint8 id, QByteArrayView body, PeerMessage& message);
    bool checkIndex(quint8 id, quint32 index);
    bool checkBlockLength(quint8 id, quint32 length);
    void consume(qsizetype bytes);

    PeerWireLimits m_limits;
    QByteArray m_buffer;
    qsizetype m_pos = 0; // start of unconsumed data in m_buffer
    bool m_handshakeDone = false;
    // BEP 3/6: bitfield, have all and have none may only open the message stream.
    bool m_availabilityAllowed = true;
    bool m_failed = false;
    QString m_error;
    Handshake m_handshake;
};

} // namespace opendo::peer
