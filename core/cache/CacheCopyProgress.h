#pragma once

// How far a cache move onto another drive got, as the agent reports it (Cache panel, doctl
// perfsnap, the troubleshooter's cache-folder check).

#include <QString>

namespace opendo::cache {

struct CacheCopyProgress
{
    QString to; // the folder being filled; "" when no copy is under way
    qint64 copiedBytes = 0;
    qint64 totalBytes = 0; // holes excluded

    bool running() const { return !to.isEmpty(); }
    int percent() const { return totalBytes > 0 ? int(100 * copiedBytes / totalBytes) : 100; }
};

} // namespace opendo::cache
