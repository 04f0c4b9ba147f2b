#pragma once

// Moving the cache to the folder a new DOModifyCacheDrive names, while the agent runs. Each
// content's folder is renamed into the new cache folder, which is atomic and instant on the
// same file system; content that cannot be renamed (another drive, a name already taken by
// something the cache did not write) is evicted with the reason and downloaded again when
// needed, because copying gigabytes would hold the agent up for minutes. The store records the
// new folder last, so after a crash half-way the next start moves again from the recorded
// folder and finds the contents that had already moved in the new one.
//
// The caller makes sure no download writes into the cache and no swarm reads from it meanwhile.

#include <QString>

namespace opendo::cache {

class PieceStore;

struct CacheRelocation
{
    QString error; // the new folder is unusable: nothing moved, the store is unchanged
    int moved = 0;
    int evicted = 0;
    bool ok() const { return error.isEmpty(); }
};

CacheRelocation relocateCache(PieceStore& store, const QString& to);

} // namespace opendo::cache
