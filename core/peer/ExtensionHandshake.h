#pragma once

// The BEP 10 extended handshake: the bencoded dictionary carried in extended message 0 that maps
// extension names to the message ids a peer wants to receive them under, plus a few facts about
// the peer. OpenDO's own messages (swarm-key proof for LAN/Group modes) are negotiated here by
// name like any other extension.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <map>
#include <optional>

namespace opendo::peer {

// The extension name OpenDO peers advertise in "m" for the swarm-key proof exchange.
inline constexpr char kSwarmKeyExtensionName[] = "opendo_swarm_key";
// The handshake key carrying the per-connection challenge of that exchange.
inline constexpr char kSwarmNonceKey[] = "opendo_nonce";
inline constexpr qsizetype kSwarmNonceSize = 16;

// The extended handshake is a small dictionary; anything bigger is refused before decoding.
inline constexpr qsizetype kMaxExtensionHandshakeSize = 64 * 1024;

struct ExtensionHandshake
{
    // "m": extension name → id this peer receives it under; 0 means "disabled" (BEP 10).
    std::map<QByteArray, quint8> messages;
    QString client;                      // "v", UTF-8; empty = absent
    std::optional<quint16> listenPort;   // "p"
    std::optional<quint32> requestQueue; // "reqq": outstanding requests the peer accepts
    std::optional<qint64> metadataSize;  // "metadata_size" (BEP 9)
    QByteArray swarmNonce;               // kSwarmNonceKey: kSwarmNonceSize bytes or empty

    // The id the peer wants for this extension, or nullopt if it does not support it.
    std::optional<quint8> idOf(QByteArrayView name) const;

    friend bool operator==(const ExtensionHandshake& a, const ExtensionHandshake& b) = default;
};

struct ExtensionHandshakeResult
{
    bool ok = false;
    ExtensionHandshake value;
    QString error; // translated
};

QByteArray encodeExtensionHandshake(const ExtensionHandshake& handshake);

// Strict: the payload must be canonical bencode of a dict no bigger than maxSize; unknown keys
// are ignored (BEP 10 lets every client add its own); known keys must have the right type and
// range, and no two enabled extensions may share an id.
ExtensionHandshakeResult decodeExtensionHandshake(QByteArrayView payload,
                                                  qsizetype maxSize = kMaxExtensionHandshakeSize);

} // namespace opendo::peer
