#pragma once

// The 68-byte BitTorrent handshake (BEP 3) that opens every peer connection, with the reserved
// bits that announce the Fast extension (BEP 6) and the extension protocol (BEP 10).

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace opendo::peer {

inline constexpr qsizetype kHandshakeLength = 68;
inline constexpr qsizetype kInfoHashLength = 20;
inline constexpr qsizetype kPeerIdLength = 20;
inline constexpr char kProtocolString[] = "BitTorrent protocol";
inline constexpr qsizetype kProtocolStringLength = 19;

struct Handshake
{
    QByteArray reserved = QByteArray(8, '\0');
    QByteArray infoHash; // 20 bytes (v1 info hash, or a v2 hash truncated, per BEP 52)
    QByteArray peerId;   // 20 bytes

    static Handshake make(QByteArray infoHash, QByteArray peerId, bool fastExtension,
                          bool extensionProtocol);

    bool supportsFastExtension() const;     // reserved[7] & 0x04
    bool supportsExtensionProtocol() const; // reserved[5] & 0x10
    void setFastExtension(bool on);
    void setExtensionProtocol(bool on);

    friend bool operator==(const Handshake& a, const Handshake& b) = default;
};

// Exactly 68 bytes. Fields of the wrong size are padded/truncated so the frame is always valid;
// callers are expected to pass 20-byte hashes and ids.
QByteArray encodeHandshake(const Handshake& handshake);

// Checks as much of a handshake as has arrived: the first byte (pstrlen) and then the protocol
// string are refused as soon as they are wrong, so a non-BitTorrent client is dropped without
// waiting for 68 bytes. Returns an empty string while everything seen so far is fine.
QString checkHandshakePrefix(QByteArrayView prefix);

// Parses exactly 68 bytes; on failure returns nullopt and a translated reason in *error.
std::optional<Handshake> parseHandshake(QByteArrayView data, QString* error);

} // namespace opendo::peer
