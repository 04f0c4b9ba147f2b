#pragma once

// Streams a file's bytes into its v1 piece hashes, v2 piece layer and BEP 52 pieces root.

#include "content/Sha.h"

#include <QByteArray>
#include <QByteArrayView>

namespace opendo::content {

// Accepts chunks of any size and holds at most one piece's leaf hashes, never the file.
class PieceHasher
{
public:
    // pieceLength: a power of two, at least 16 KiB.
    PieceHasher(qint64 fileSize, qint64 pieceLength);

    void addData(QByteArrayView data);
    // Flushes the last piece. False if the bytes added were not exactly fileSize or hashing
    // failed; the results are then meaningless.
    bool finish();

    qint64 bytesAdded() const { return m_added; }
    const QByteArray& v1Pieces() const { return m_v1Pieces; }       // 20 bytes per piece
    const QByteArray& v2PieceLayer() const { return m_pieceLayer; } // 32 bytes per piece
    // Empty for an empty file, which BEP 52 gives no root.
    QByteArray piecesRoot() const;

private:
    void finishBlock();
    void finishPiece();

    qint64 m_fileSize;
    qint64 m_pieceLength;
    qint64 m_added = 0;
    qint64 m_inPiece = 0;
    qint64 m_inBlock = 0;
    bool m_failed = false;
    Sha m_pieceSha1{Sha::Algorithm::Sha1};
    Sha m_blockSha256{Sha::Algorithm::Sha256};
    QByteArray m_pieceLeaves;
    QByteArray m_v1Pieces;
    QByteArray m_pieceLayer;
};

} // namespace opendo::content
