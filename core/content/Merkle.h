#pragma once

// BEP 52 merkle trees: SHA-256 over 16 KiB blocks, padded with zero leaves to a power of two.

#include <QByteArray>
#include <QByteArrayView>

namespace opendo::content::merkle {

inline constexpr qint64 kBlockSize = 16 * 1024;
inline constexpr qsizetype kHashSize = 32;

// Smallest power of two that is >= n (1 for n <= 1).
qint64 nextPowerOfTwo(qint64 n);
bool isPowerOfTwo(qint64 n);
// 16 KiB blocks in that many bytes; the last one may be short.
qint64 blockCount(qint64 bytes);

// Root of a subtree `height` levels tall whose leaves are all zero hashes (32 zero bytes);
// this is what stands in for nodes beyond the end of a file. Height 0 is the zero leaf.
QByteArray padHash(int height);

// SHA-256 of each 16 KiB block of data, concatenated.
QByteArray leafHashes(QByteArrayView data);

// Root above `nodes` (concatenated hashes on the layer `height` levels above the leaves), as if
// that layer had `width` nodes, the missing ones being padHash(height). `width` must be a power
// of two no smaller than the node count. Empty on invalid arguments.
QByteArray rootOfLayer(QByteArrayView nodes, qint64 width, int height = 0);

// How many leaves the subtree of one piece has. A full-size piece spans pieceLength / 16 KiB
// leaves, and the last piece is padded to as many. A file no larger than one piece has no piece
// layer: its single piece hash is the pieces root, whose tree pads only to the next power of two
// above the file's own block count.
qint64 pieceLeafCount(qint64 fileSize, qint64 pieceLength);

// Piece-layer hash of one piece (or the pieces root of a single-piece file).
QByteArray pieceHash(QByteArrayView pieceData, qint64 fileSize, qint64 pieceLength);

// Pieces root of a file larger than one piece, from its piece layer (32 bytes per piece): the
// layer is padded with the roots of all-zero piece subtrees. Empty on invalid arguments.
QByteArray rootFromPieceLayer(QByteArrayView pieceLayer, qint64 pieceLength);

} // namespace opendo::content::merkle
