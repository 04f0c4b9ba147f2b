#pragma once

// The local disk file systems of this machine and their free space, for the advice "move the
// cache to a roomier drive" (DOModifyCacheDrive). Only block-device file systems are looked at:
// a network mount can hang statvfs, and a RAM disk is no place for a cache.

#include <QList>
#include <QString>

namespace opendo::diagnostics {

struct VolumeSpace
{
    QString rootPath;
    QString fileSystem;   // "ext4", "xfs", …
    qint64 freeBytes = 0; // available to the agent's user
    qint64 totalBytes = 0;
};

// Parses a mounts table (the format of /proc/self/mounts) into the disk file systems it lists,
// without their sizes; one entry per mount point.
QList<VolumeSpace> diskMounts(const QByteArray& mountsTable);
// The disk file systems mounted now, with their sizes.
QList<VolumeSpace> localVolumes();

// The volume other than the one at `cacheRoot` with the most free space, if it has more than
// `needBytes`; otherwise nullptr.
const VolumeSpace* roomierVolume(const QList<VolumeSpace>& volumes, const QString& cacheRoot,
                                 qint64 needBytes);

} // namespace opendo::diagnostics
