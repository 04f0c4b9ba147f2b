#include "cache/CachedContent.h"

namespace opendo::cache {

qint64 CachedContent::bytesPresent() const
{
    // The bit array may be shorter than pieceCount for a row read before its pieces; only bits
    // that exist and name a real piece count.
    const int n = qMin(int(present.size()), geometry.pieceCount);
    qint64 total = 0;
    for (int i = 0; i < n; ++i) {
        if (present.testBit(i))
            total += geometry.pieceSize(i);
    }
    return total;
}

} // namespace opendo::cache
