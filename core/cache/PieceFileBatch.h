#pragma once

// Piece writes that become durable in batches: many pwrites, then one fdatasync. The caller
// records pieces as present only after `syncData` succeeded for the batch that holds them, so
// crash safety is the same as one fsync per piece at a fraction of the cost.

#include "cache/PieceFile.h"

namespace opendo::cache {

class PieceFileBatch
{
public:
    // Writes without forcing the bytes to disk (creating/extending the file as needed).
    static DiskWriteResult write(const QString& path, qint64 fileSize, qint64 offset,
                                 QByteArrayView data);
    // Forces every write made so far to `path` onto stable storage.
    static DiskWriteResult syncData(const QString& path);
};

} // namespace opendo::cache
