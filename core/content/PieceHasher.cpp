#include "content/PieceHasher.h"

#include "content/Merkle.h"

#include <algorithm>

namespace opendo::content {

PieceHasher::PieceHasher(qint64 fileSize, qint64 pieceLength)
    : m_fileSize(fileSize), m_pieceLength(pieceLength)
{
    m_failed =
        !merkle::isPowerOfTwo(pieceLength) || pieceLength < merkle::kBlockSize || fileSize < 0;
}

void PieceHasher::addData(QByteArrayView data)
{
    if (m_failed)
        return;
    while (!data.isEmpty()) {
        // Pieces are whole numbers of blocks, so a slice never crosses either boundary.
        const qsizetype take = qsizetype(std::min<qint64>(
            {qint64(data.size()), merkle::kBlockSize - m_inBlock, m_pieceLength - m_inPiece}));
        const QByteArrayView slice = data.first(take);
        m_pieceSha1.addData(slice);
        m_blockSha256.addData(slice);
        m_inBlock += take;
        m_inPiece += take;
        m_added += take;
        data = data.sliced(take);
        if (m_inBlock == merkle::kBlockSize)
            finishBlock();
        if (m_inPiece == m_pieceLength)
            finishPiece();
    }
}

bool PieceHasher::finish()
{
    if (m_inBlock > 0)
        finishBlock();
    if (m_inPiece > 0)
        finishPiece();
    return !m_failed && m_added == m_fileSize;
}

void PieceHasher::finishBlock()
{
    const QByteArray leaf = m_blockSha256.result();
    m_failed = m_failed || leaf.size() != merkle::kHashSize;
    m_pieceLeaves += leaf;
    m_inBlock = 0;
}

void PieceHasher::finishPiece()
{
    const QByteArray v1 = m_pieceSha1.result();
    const QByteArray v2 =
        merkle::rootOfLayer(m_pieceLeaves, merkle::pieceLeafCount(m_fileSize, m_pieceLength));
    m_failed = m_failed || v1.size() != 20 || v2.size() != merkle::kHashSize;
    m_v1Pieces += v1;
    m_pieceLayer += v2;
    m_pieceLeaves.clear();
    m_inPiece = 0;
}

QByteArray PieceHasher::piecesRoot() const
{
    if (m_failed || m_fileSize == 0)
        return {};
    if (m_fileSize <= m_pieceLength)
        return m_pieceLayer; // the single piece's hash is the root
    return merkle::rootFromPieceLayer(m_pieceLayer, m_pieceLength);
}

} // namespace opendo::content
