#pragma once

// Durable reads and writes of piece bytes in a content's data file. Thread-safe and free of
// database access, so hashing/writing workers can call it off the agent thread.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <optional>

namespace opendo::cache {

enum class DiskError
{
    None,
    DiskFull,
    Io
};

struct DiskWriteResult
{
    DiskError error = DiskError::None;
    QString message; // names the file and the system error
    bool ok() const { return error == DiskError::None; }
};

class PieceFile
{
public:
    // Writes `data` at `offset` (creating the file, sized to fileSize, if needed) and returns
    // only after the bytes are on stable storage (fdatasync). ENOSPC/EDQUOT -> DiskFull.
    static DiskWriteResult writeDurably(const QString& path, qint64 fileSize, qint64 offset,
                                        QByteArrayView data);
    // Reads exactly `length` bytes at `offset`; nullopt (and *error) when the file is short.
    static std::optional<QByteArray> read(const QString& path, qint64 offset, qint64 length,
                                          QString* error);
    // How writeDurably classifies an errno: ENOSPC/EDQUOT are DiskFull (the user can free space
    // or move the cache), everything else Io. Public so the mapping is testable for EDQUOT too.
    static DiskError classifyWriteError(int errnum);
    // Makes a new or renamed file's directory entry durable (best effort).
    static void syncParentDirectory(const QString& path);
};

} // namespace opendo::cache
