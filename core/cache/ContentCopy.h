#pragma once

// Copying one content's data file to another drive, for a cache move that cannot rename.
// Plain file I/O without the database, so it runs off the agent thread. Holes stay holes (a
// half-downloaded file of 4 GB holds only what arrived). The copy is written under a
// temporary name, made durable and only then renamed into place, so a crash or a full drive
// half-way never leaves a file that looks like a finished copy.

#include <QString>
#include <atomic>
#include <functional>

namespace opendo::cache {

struct ContentCopyResult
{
    QString error;          // names the file and the system error; "" when copied
    bool cancelled = false; // stopped on request; nothing is left at the destination
    bool ok() const { return error.isEmpty() && !cancelled; }
};

// Called from the copying thread after each chunk with the bytes just written.
using CopyProgress = std::function<void(qint64 bytes)>;

// Copies `source` to `destination` (its folder is created). On failure or cancellation the
// temporary file is removed and `destination` is untouched.
ContentCopyResult copyContentFile(const QString& source, const QString& destination,
                                  const std::atomic<bool>& cancel, const CopyProgress& progress);

// The name the copy is written under until it is durable; a leftover after a crash is garbage.
QString partialCopyPath(const QString& destination);

// Bytes the file occupies on its drive (holes excluded): what a copy needs there.
qint64 allocatedBytes(const QString& path);

} // namespace opendo::cache
