// Encoding and strict parsing of the BitTorrent handshake (BEP 3, reserved bits of BEP 6/10).

#include "peer/Handshake.h"

#include <QCoreApplication>
#include <utility>

namespace opendo::peer {

namespace {

// Byte and bit positions fixed by BEP 6 and BEP 10 (counting bytes from the left).
constexpr int kFastByte = 7;
constexpr char kFastBit = 0x04;
constexpr int kExtensionByte = 5;
constexpr char kExtensionBit = 0x10;

QByteArray fixedSize(const QByteArray& bytes, qsizetype size)
{
    QByteArray out = bytes.left(size);
    if (out.size() < size)
        out.append(QByteArray(size - out.size(), '\0'));
    return out;
}

void setBit(QByteArray& reserved, int byte, char bit, bool on)
{
    reserved = fixedSize(reserved, 8);
    if (on)
        reserved[byte] = char(reserved[byte] | bit);
    else
        reserved[byte] = char(reserved[byte] & ~bit);
}

bool hasBit(const QByteArray& reserved, int byte, char bit)
{
    return reserved.size() == 8 && (reserved[byte] & bit) != 0;
}

} // namespace

Handshake Handshake::make(QByteArray infoHash, QByteArray peerId, bool fastExtension,
                          bool extensionProtocol)
{
    Handshake h;
    h.infoHash = std::move(infoHash);
    h.peerId = std::move(peerId);
    h.setFastExtension(fastExtension);
    h.setExtensionProtocol(extensionProtocol);
    return h;
}

bool Handshake::supportsFastExtension() const
{
    return hasBit(reserved, kFastByte, kFastBit);
}

bool Handshake::supportsExtensionProtocol() const
{
    return hasBit(reserved, kExtensionByte, kExtensionBit);
}

void Handshake::setFastExtension(bool on)
{
    setBit(reserved, kFastByte, kFastBit, on);
}

void Handshake::setExtensionProtocol(bool on)
{
    setBit(reserved, kExtensionByte, kExtensionBit, on);
}

QByteArray encodeHandshake(const Handshake& handshake)
{
    QByteArray out;
    out.reserve(kHandshakeLength);
    out.append(char(kProtocolStringLength));
    out.append(kProtocolString, kProtocolStringLength);
    out.append(fixedSize(handshake.reserved, 8));
    out.append(fixedSize(handshake.infoHash, kInfoHashLength));
    out.append(fixedSize(handshake.peerId, kPeerIdLength));
    return out;
}

QString checkHandshakePrefix(QByteArrayView prefix)
{
    if (prefix.isEmpty())
        return {};
    const int pstrlen = quint8(prefix[0]);
    if (pstrlen != kProtocolStringLength)
        return QCoreApplication::translate(
                   "opendo::peer",
                   "handshake protocol string length is %1; a BitTorrent peer sends 19")
            .arg(pstrlen);
    const QByteArrayView expected(kProtocolString, kProtocolStringLength);
    const qsizetype seen = qMin(prefix.size() - 1, kProtocolStringLength);
    if (prefix.sliced(1, seen) != expected.first(seen))
        return QCoreApplication::translate(
            "opendo::peer", "handshake protocol string is not \"BitTorrent protocol\"");
    return {};
}

std::optional<Handshake> parseHandshake(QByteArrayView data, QString* error)
{
    QString problem = checkHandshakePrefix(data);
    if (problem.isEmpty() && data.size() != kHandshakeLength)
        problem =
            QCoreApplication::translate("opendo::peer", "handshake is %1 bytes long; it must be 68")
                .arg(data.size());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    Handshake h;
    qsizetype pos = 1 + kProtocolStringLength;
    h.reserved = data.sliced(pos, 8).toByteArray();
    pos += 8;
    h.infoHash = data.sliced(pos, kInfoHashLength).toByteArray();
    pos += kInfoHashLength;
    h.peerId = data.sliced(pos, kPeerIdLength).toByteArray();
    return h;
}

} // namespace opendo::peer
