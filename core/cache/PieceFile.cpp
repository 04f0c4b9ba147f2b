#include "cache/PieceFile.h"

#include "cache/FileDescriptor.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <limits>
#include <sys/stat.h>
#include <unistd.h>

namespace opendo::cache {
namespace {

QString systemError(int errnum)
{
    return QString::fromLocal8Bit(std::strerror(errnum));
}

DiskWriteResult failure(int errnum, const QString& what)
{
    DiskWriteResult r;
    r.error = PieceFile::classifyWriteError(errnum);
    // Technical detail for logs and error panels; callers phrase DiskFull for users themselves.
    if (r.error == DiskError::DiskFull)
        r.message = QStringLiteral("No space left on the cache drive %1: %2")
                        .arg(what, systemError(errnum));
    else
        r.message = QStringLiteral("%1: %2").arg(what, systemError(errnum));
    return r;
}

DiskWriteResult invalid(const QString& message)
{
    return DiskWriteResult{DiskError::Io, message};
}

} // namespace

// A file created here must also be findable after a crash: its directory entry is only durable
// once the directory itself is synced. Best effort — the piece bytes are already durable, and a
// lost entry shows up as a missing file that PieceStore::reconcile() repairs.
void PieceFile::syncParentDirectory(const QString& path)
{
    const QByteArray dir = QFile::encodeName(QFileInfo(path).absolutePath());
    FileDescriptor fd(::open(dir.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.valid())
        ::fsync(fd.get());
}

DiskError PieceFile::classifyWriteError(int errnum)
{
    return errnum == ENOSPC || errnum == EDQUOT ? DiskError::DiskFull : DiskError::Io;
}

DiskWriteResult PieceFile::writeDurably(const QString& path, qint64 fileSize, qint64 offset,
                                        QByteArrayView data)
{
    if (offset < 0 || fileSize < 0 || offset > fileSize || qint64(data.size()) > fileSize - offset)
        return invalid(QStringLiteral("refusing to write %1 bytes at offset %2 of %3, which "
                                      "holds %4 bytes")
                           .arg(data.size())
                           .arg(offset)
                           .arg(path)
                           .arg(fileSize));
    const QByteArray native = QFile::encodeName(path);
    // O_EXCL first tells us whether we created the file, and so whether its directory entry
    // needs syncing as well.
    bool created = true;
    int raw = ::open(native.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (raw < 0 && errno == EEXIST) {
        created = false;
        raw = ::open(native.constData(), O_WRONLY | O_CLOEXEC);
    }
    FileDescriptor fd(raw);
    if (!fd.valid())
        return failure(errno, QStringLiteral("opening %1").arg(path));

    struct stat st = {};
    if (::fstat(fd.get(), &st) != 0)
        return failure(errno, QStringLiteral("examining %1").arg(path));
    // Sized up front (sparse, so free) so readers and reconcile() can tell a file that holds
    // every piece's range from one that was truncated behind our back.
    if (st.st_size < fileSize && ::ftruncate(fd.get(), fileSize) != 0)
        return failure(errno, QStringLiteral("sizing %1 to %2 bytes").arg(path).arg(fileSize));

    const char* p = data.data();
    qint64 left = data.size();
    qint64 at = offset;
    while (left > 0) {
        const ssize_t n = ::pwrite(fd.get(), p, size_t(left), off_t(at));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return failure(errno, QStringLiteral("writing %1 at offset %2").arg(path).arg(at));
        }
        // A short write is not an error by itself: the next call reports why it stopped.
        p += n;
        left -= n;
        at += n;
    }
    // fdatasync also flushes the size change from ftruncate (needed to read the data back).
    if (::fdatasync(fd.get()) != 0)
        return failure(errno, QStringLiteral("flushing %1").arg(path));
    if (created)
        syncParentDirectory(path);
    return {};
}

std::optional<QByteArray> PieceFile::read(const QString& path, qint64 offset, qint64 length,
                                          QString* error)
{
    auto fail = [error](const QString& message) -> std::optional<QByteArray> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (offset < 0 || length < 0 || length > std::numeric_limits<qsizetype>::max() ||
        offset > std::numeric_limits<qint64>::max() - length)
        return fail(QStringLiteral("refusing to read %1 bytes at offset %2 of %3")
                        .arg(length)
                        .arg(offset)
                        .arg(path));
    FileDescriptor fd(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        return fail(QStringLiteral("opening %1: %2").arg(path, systemError(errno)));
    QByteArray buffer(qsizetype(length), Qt::Uninitialized);
    qint64 done = 0;
    while (done < length) {
        const ssize_t n =
            ::pread(fd.get(), buffer.data() + done, size_t(length - done), off_t(offset + done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(QStringLiteral("reading %1 at offset %2: %3")
                            .arg(path)
                            .arg(offset + done)
                            .arg(systemError(errno)));
        }
        if (n == 0)
            return fail(QStringLiteral("%1 ends before offset %2 (wanted %3 bytes at %4)")
                            .arg(path)
                            .arg(offset + done)
                            .arg(length)
                            .arg(offset));
        done += n;
    }
    return buffer;
}

} // namespace opendo::cache
