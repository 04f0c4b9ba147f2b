#include "cache/ContentCopy.h"

#include "cache/FileDescriptor.h"
#include "cache/PieceFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace opendo::cache {
namespace {

// Large enough to stream, small enough that a cancel takes effect within milliseconds.
constexpr qint64 kChunkBytes = 1 << 20;

QString systemError(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

QString failed(const QString& what, const QString& path, int errnum)
{
    if (errnum == ENOSPC || errnum == EDQUOT)
        return QCoreApplication::translate("opendo::cache", "no space left on the drive of %1")
            .arg(path);
    // Technical detail, as PieceFile words it: the operation, the file, the system's reason.
    return QStringLiteral("%1 %2: %3").arg(what, path, systemError(errnum));
}

bool writeAll(int fd, const char* data, qint64 length, qint64 offset)
{
    while (length > 0) {
        const ssize_t n = ::pwrite(fd, data, size_t(length), off_t(offset));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        length -= n;
        offset += n;
    }
    return true;
}

// Where the next run of data starts at or after `from`, or `size` when only a hole follows.
// File systems without SEEK_DATA report the whole file as data.
qint64 nextData(int fd, qint64 from, qint64 size)
{
    const off_t at = ::lseek(fd, off_t(from), SEEK_DATA);
    if (at >= 0)
        return at;
    return errno == ENXIO ? size : from;
}

qint64 nextHole(int fd, qint64 from, qint64 size)
{
    const off_t at = ::lseek(fd, off_t(from), SEEK_HOLE);
    return at >= 0 ? qMin<qint64>(at, size) : size;
}

// Copies the data runs of `in` into `out` (already sized); "" or why not.
QString copyRuns(int in, int out, qint64 size, const QString& source, const QString& target,
                 const std::atomic<bool>& cancel, const CopyProgress& progress, bool* cancelled)
{
    std::vector<char> buffer(static_cast<size_t>(kChunkBytes));
    qint64 pos = nextData(in, 0, size);
    while (pos < size) {
        const qint64 runEnd = nextHole(in, pos, size);
        while (pos < runEnd) {
            if (cancel.load(std::memory_order_relaxed)) {
                *cancelled = true;
                return {};
            }
            const qint64 want = qMin(kChunkBytes, runEnd - pos);
            const ssize_t got = ::pread(in, buffer.data(), size_t(want), off_t(pos));
            if (got < 0 && errno == EINTR)
                continue;
            if (got < 0)
                return failed(QStringLiteral("reading"), source, errno);
            if (got == 0) // the file shrank under us: the rest is a hole
                return {};
            if (!writeAll(out, buffer.data(), got, pos))
                return failed(QStringLiteral("writing"), target, errno);
            pos += got;
            if (progress)
                progress(got);
        }
        pos = runEnd < size ? nextData(in, runEnd, size) : size;
    }
    return {};
}

} // namespace

QString partialCopyPath(const QString& destination)
{
    return destination + QStringLiteral(".partial");
}

qint64 allocatedBytes(const QString& path)
{
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return qint64(st.st_blocks) * 512; // POSIX counts st_blocks in 512-byte units
}

ContentCopyResult copyContentFile(const QString& source, const QString& destination,
                                  const std::atomic<bool>& cancel, const CopyProgress& progress)
{
    ContentCopyResult result;
    FileDescriptor in(::open(QFile::encodeName(source).constData(), O_RDONLY | O_CLOEXEC));
    if (!in.valid()) {
        result.error = failed(QStringLiteral("opening"), source, errno);
        return result;
    }
    struct stat st
    {
    };
    if (::fstat(in.get(), &st) != 0) {
        result.error = failed(QStringLiteral("reading"), source, errno);
        return result;
    }
    if (!QDir().mkpath(QFileInfo(destination).absolutePath())) {
        result.error =
            QCoreApplication::translate("opendo::cache", "cannot create the folder of %1")
                .arg(destination);
        return result;
    }
    const QString partial = partialCopyPath(destination);
    const QByteArray partialName = QFile::encodeName(partial);
    {
        FileDescriptor out(
            ::open(partialName.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
        if (!out.valid()) {
            result.error = failed(QStringLiteral("creating"), partial, errno);
            return result;
        }
        // Sized first, so the runs that are not copied stay holes.
        if (::ftruncate(out.get(), st.st_size) != 0)
            result.error = failed(QStringLiteral("sizing"), partial, errno);
        if (result.error.isEmpty())
            result.error = copyRuns(in.get(), out.get(), st.st_size, source, partial, cancel,
                                    progress, &result.cancelled);
        if (result.ok() && ::fdatasync(out.get()) != 0)
            result.error = failed(QStringLiteral("writing"), partial, errno);
    }
    if (result.ok() &&
        ::rename(partialName.constData(), QFile::encodeName(destination).constData()) != 0)
        result.error = failed(QStringLiteral("renaming"), partial, errno);
    if (!result.ok()) {
        ::unlink(partialName.constData());
        return result;
    }
    PieceFile::syncParentDirectory(destination);
    return result;
}

} // namespace opendo::cache
