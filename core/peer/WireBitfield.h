#pragma once

// The bitfield message's payload: BitTorrent counts pieces from the most significant bit of the
// first byte, and pads the last byte with zero bits.

#include <QBitArray>
#include <QByteArray>

namespace opendo::peer {

QByteArray toWireBitfield(const QBitArray& have, quint32 pieceCount);
// Bits past `pieceCount` (spare bits, or a payload that is too long) are ignored.
QBitArray fromWireBitfield(const QByteArray& bytes, quint32 pieceCount);

} // namespace opendo::peer
