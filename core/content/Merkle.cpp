#include "content/Merkle.h"

#include "content/Sha.h"

#include <array>
#include <bit>
#include <cstring>

namespace opendo::content::merkle {
namespace {

constexpr int kMaxHeight = 63;

QByteArray hashPair(const char* left, const char* right)
{
    std::array<char, 2 * kHashSize> both;
    std::memcpy(both.data(), left, kHashSize);
    std::memcpy(both.data() + kHashSize, right, kHashSize);
    return sha256(QByteArrayView(both.data(), qsizetype(both.size())));
}

} // namespace

qint64 nextPowerOfTwo(qint64 n)
{
    if (n <= 1)
        return 1;
    return qint64(std::bit_ceil(quint64(n)));
}

bool isPowerOfTwo(qint64 n)
{
    return n > 0 && std::has_single_bit(quint64(n));
}

qint64 blockCount(qint64 bytes)
{
    return bytes <= 0 ? 0 : (bytes + kBlockSize - 1) / kBlockSize;
}

QByteArray padHash(int height)
{
    static const std::array<QByteArray, kMaxHeight + 1> table = [] {
        std::array<QByteArray, kMaxHeight + 1> pads;
        pads[0] = QByteArray(kHashSize, '\0');
        // Should libcrypto ever fail, the rest stays empty and every root using it fails closed.
        for (int h = 1; h <= kMaxHeight && pads[size_t(h - 1)].size() == kHashSize; ++h)
            pads[size_t(h)] =
                hashPair(pads[size_t(h - 1)].constData(), pads[size_t(h - 1)].constData());
        return pads;
    }();
    if (height < 0 || height > kMaxHeight)
        return {};
    return table[size_t(height)];
}

QByteArray leafHashes(QByteArrayView data)
{
    QByteArray leaves;
    leaves.reserve(qsizetype(blockCount(data.size())) * kHashSize);
    for (qsizetype offset = 0; offset < data.size(); offset += kBlockSize)
        leaves +=
            sha256(data.sliced(offset, std::min<qsizetype>(kBlockSize, data.size() - offset)));
    return leaves;
}

QByteArray rootOfLayer(QByteArrayView nodes, qint64 width, int height)
{
    if (nodes.size() % kHashSize != 0 || !isPowerOfTwo(width) || height < 0)
        return {};
    qint64 count = nodes.size() / kHashSize;
    if (count > width)
        return {};
    const int levels = std::countr_zero(quint64(width));
    if (height + levels > kMaxHeight)
        return {};
    if (count == 0)
        return padHash(height + levels);

    QByteArray layer = nodes.toByteArray();
    for (; width > 1; width /= 2, ++height) {
        const QByteArray pad = padHash(height);
        if (pad.size() != kHashSize)
            return {};
        const qint64 parents = (count + 1) / 2;
        QByteArray next(qsizetype(parents) * kHashSize, Qt::Uninitialized);
        for (qint64 i = 0; i < parents; ++i) {
            const char* left = layer.constData() + 2 * i * kHashSize;
            const char* right = 2 * i + 1 < count ? left + kHashSize : pad.constData();
            const QByteArray parent = hashPair(left, right);
            if (parent.size() != kHashSize)
                return {};
            std::memcpy(next.data() + i * kHashSize, parent.constData(), kHashSize);
        }
        layer = std::move(next);
        count = parents;
    }
    return layer;
}

qint64 pieceLeafCount(qint64 fileSize, qint64 pieceLength)
{
    if (fileSize <= pieceLength)
        return nextPowerOfTwo(blockCount(fileSize));
    return pieceLength / kBlockSize;
}

QByteArray pieceHash(QByteArrayView pieceData, qint64 fileSize, qint64 pieceLength)
{
    const QByteArray leaves = leafHashes(pieceData);
    if (leaves.size() != blockCount(pieceData.size()) * kHashSize)
        return {};
    return rootOfLayer(leaves, pieceLeafCount(fileSize, pieceLength));
}

QByteArray rootFromPieceLayer(QByteArrayView pieceLayer, qint64 pieceLength)
{
    if (!isPowerOfTwo(pieceLength) || pieceLength < kBlockSize)
        return {};
    const int pieceHeight = std::countr_zero(quint64(pieceLength / kBlockSize));
    return rootOfLayer(pieceLayer, nextPowerOfTwo(pieceLayer.size() / kHashSize), pieceHeight);
}

} // namespace opendo::content::merkle
