#include "peer/WireBitfield.h"

namespace opendo::peer {

QByteArray toWireBitfield(const QBitArray& have, quint32 pieceCount)
{
    QByteArray bytes(qsizetype(pieceCount / 8 + (pieceCount % 8 ? 1 : 0)), '\0');
    const qsizetype bits = qMin(have.size(), qsizetype(pieceCount));
    for (qsizetype i = 0; i < bits; ++i) {
        if (have.testBit(i))
            bytes[i / 8] = char(bytes[i / 8] | (0x80 >> (i % 8)));
    }
    return bytes;
}

QBitArray fromWireBitfield(const QByteArray& bytes, quint32 pieceCount)
{
    QBitArray have{qsizetype(pieceCount)};
    for (qsizetype i = 0; i < have.size() && i / 8 < bytes.size(); ++i) {
        if (quint8(bytes[i / 8]) & (0x80 >> (i % 8)))
            have.setBit(i);
    }
    return have;
}

} // namespace opendo::peer
