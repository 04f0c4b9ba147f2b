#pragma once

// The messages of the BitTorrent peer wire (BEP 3) with the Fast extension (BEP 6) and the
// extension protocol (BEP 10) as plain values, and their encoder. Decoding, with the limits that
// make untrusted input safe, is PeerWireDecoder's job.

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace opendo::peer {

// The id byte that follows the length prefix. Keep-alive has none (length 0).
enum class MessageId : quint8
{
    Choke = 0,
    Unchoke = 1,
    Interested = 2,
    NotInterested = 3,
    Have = 4,
    Bitfield = 5,
    Request = 6,
    Piece = 7,
    Cancel = 8,
    Port = 9,
    // BEP 6 (Fast extension)
    Suggest = 0x0D,
    HaveAll = 0x0E,
    HaveNone = 0x0F,
    RejectRequest = 0x10,
    AllowedFast = 0x11,
    // BEP 10 (extension protocol)
    Extended = 20,
};

enum class MessageType
{
    KeepAlive,
    Choke,
    Unchoke,
    Interested,
    NotInterested,
    Have,
    Bitfield,
    Request,
    Piece,
    Cancel,
    Port,
    Suggest,
    HaveAll,
    HaveNone,
    RejectRequest,
    AllowedFast,
    Extended,
};

// BEP 3 convention: requests for more than 16 KiB are refused by common clients, so that is what
// we ask for, serve and accept.
inline constexpr quint32 kMaxBlockLength = 16384;
// The extended message id of the BEP 10 handshake itself.
inline constexpr quint8 kExtendedHandshakeId = 0;

// One message. Fields a type does not use stay zero/empty so that == compares meaningfully.
struct PeerMessage
{
    MessageType type = MessageType::KeepAlive;
    quint32 index = 0;     // have, request, piece, cancel, suggest, reject, allowed fast
    quint32 begin = 0;     // request, piece, cancel, reject
    quint32 length = 0;    // request, cancel, reject
    quint16 port = 0;      // port (DHT; we parse it so the stream stays in sync, then ignore it)
    quint8 extendedId = 0; // extended
    QByteArray payload;    // bitfield bytes, piece block, extended payload

    static PeerMessage keepAlive() { return {}; }
    static PeerMessage simple(MessageType type); // choke .. not interested, have all, have none
    static PeerMessage have(quint32 index);
    static PeerMessage bitfield(QByteArray bits);
    static PeerMessage request(quint32 index, quint32 begin, quint32 length);
    static PeerMessage piece(quint32 index, quint32 begin, QByteArray block);
    static PeerMessage cancel(quint32 index, quint32 begin, quint32 length);
    static PeerMessage portMessage(quint16 port);
    static PeerMessage suggest(quint32 index);
    static PeerMessage rejectRequest(quint32 index, quint32 begin, quint32 length);
    static PeerMessage allowedFast(quint32 index);
    static PeerMessage extended(quint8 extendedId, QByteArray payload);

    friend bool operator==(const PeerMessage& a, const PeerMessage& b) = default;
};

MessageId messageIdOf(MessageType type); // not for KeepAlive
// A stable English name for logs and error text ("piece", "have all", …); "unknown" otherwise.
QString messageIdName(quint8 id);
QString messageTypeName(MessageType type);

// The complete frame: 4-byte big-endian length, id, payload.
QByteArray encodeMessage(const PeerMessage& message);

} // namespace opendo::peer
