#pragma once

// Moving the cache to the folder a new DOModifyCacheDrive names, while the agent runs.
//
// On the same file system each content's folder is renamed into the new cache folder, which is
// atomic and instant (relocateCache); content that cannot be renamed (a name already taken by
// something the cache did not write) is evicted with the reason and downloaded again when
// needed. Onto another drive the data files are copied in the background (planCacheCopy, a
// CacheCopyJob, then finishCacheCopy). Either way the store records the new folder last, so
// after a crash half-way the next start moves again from the recorded folder.
//
// The caller makes sure no download writes into the cache meanwhile, and that no swarm reads
// from it while the index switches folders.

#include "cache/CacheCopyJob.h"

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

enum class RelocationMethod
{
    Rename, // same file system (or the new folder is unusable, which relocateCache reports)
    Copy    // another drive: rename(2) fails with EXDEV
};

// Tries a rename of a probe file from the current cache folder into `to`.
RelocationMethod relocationMethod(const QString& from, const QString& to);

CacheRelocation relocateCache(PieceStore& store, const QString& to);

// What a copy onto another drive takes, or why it cannot start (an unusable folder, too little
// free space there). Changes nothing.
CacheCopyPlan planCacheCopy(const PieceStore& store, const QString& to);
// After a CacheCopyJob copied every item: points the index at the new folder, evicts what was
// missing, brings along contents added meanwhile (held downloads wrote nothing into them) and
// deletes the old copies.
CacheRelocation finishCacheCopy(PieceStore& store, const CacheCopyPlan& plan);

} // namespace opendo::cache
