#pragma once

// BEP 6 "allowed fast" sets: the pieces a peer may fetch from us even while we choke it, so a
// newcomer with nothing to trade gets its first pieces quickly. The set is derived from the
// peer's address and the info hash only, so every client computes the same set for the same
// peer and a peer cannot widen it by reconnecting.

#include <QByteArray>
#include <QHostAddress>
#include <QList>

namespace opendo::peer {

// How many pieces we offer each peer. BEP 6 leaves k to the sender; 10 is what libtorrent and
// most clients use: enough for a starting peer to complete a few pieces and have something to
// trade, small enough that a crowd of choked peers cannot turn the allowance into free-riding
// on a large share of our upload.
inline constexpr int kAllowedFastSetSize = 10;

// The canonical BEP 6 generation for an IPv4 address (host order, as QHostAddress gives it):
// SHA-1 over the address masked to /24 and the 20-byte info hash, repeated, each digest read
// as five big-endian 32-bit words taken modulo pieceCount, until k distinct pieces are found.
// k is capped at pieceCount. Order is the order of generation.
QList<quint32> allowedFastSet(quint32 ipv4, const QByteArray& infoHash, quint32 pieceCount, int k);

// The set for a peer at `address`. BEP 6 defines the algorithm for IPv4 only and there is no
// agreed IPv6 form (clients that try one disagree on the prefix), so IPv6 peers get an empty
// set: they are served once unchoked, like peers without the Fast extension. IPv4-mapped IPv6
// addresses count as IPv4.
QList<quint32> allowedFastSetFor(const QHostAddress& address, const QByteArray& infoHash,
                                 quint32 pieceCount, int k = kAllowedFastSetSize);

} // namespace opendo::peer
