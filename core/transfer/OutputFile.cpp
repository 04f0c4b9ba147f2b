#include "transfer/OutputFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace opendo::transfer {

namespace {

QString systemError(const QString& what, const QString& path, int err)
{
    return QCoreApplication::translate("opendo::transfer", "Cannot %1 %2: %3")
        .arg(what, path, QString::fromLocal8Bit(std::strerror(err)));
}

// A rename is durable only once the directory that holds the new name is synced; without it a
// crash right after "Complete" can bring back the directory without the file.
QString syncDirectoryOf(const QString& path)
{
    const QString dir = QFileInfo(path).absolutePath();
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return systemError(QStringLiteral("open"), dir, errno);
    QString error;
    if (::fsync(fd) != 0)
        error = systemError(QStringLiteral("sync"), dir, errno);
    ::close(fd);
    return error;
}

} // namespace

QString writeOutputCopy(const QString& from, const QString& to)
{
    const QString part = to + QStringLiteral(".opendo-part");
    QDir().mkpath(QFileInfo(to).absolutePath());
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return systemError(QStringLiteral("read"), from, errno);
    const int out =
        ::open(QFile::encodeName(part).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (out < 0) {
        const int err = errno;
        ::close(in);
        return systemError(QStringLiteral("create"), part, err);
    }
    struct stat st
    {
    };
    QString error;
    if (::fstat(in, &st) != 0)
        error = systemError(QStringLiteral("stat"), from, errno);
    qint64 left = error.isEmpty() ? qint64(st.st_size) : 0;
    while (left > 0) {
        const ssize_t n = ::copy_file_range(in, nullptr, out, nullptr, size_t(left), 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            error = systemError(QStringLiteral("write"), part, n < 0 ? errno : EIO);
            break;
        }
        left -= n;
    }
    ::close(in);
    // The job reports Complete once this returns: the bytes must be on disk before the name
    // appears, or a crash could leave an empty file where the user expects the download.
    if (error.isEmpty() && ::fdatasync(out) != 0)
        error = systemError(QStringLiteral("write"), part, errno);
    if (::close(out) != 0 && error.isEmpty())
        error = systemError(QStringLiteral("write"), part, errno);
    if (error.isEmpty() &&
        ::rename(QFile::encodeName(part).constData(), QFile::encodeName(to).constData()) != 0)
        error = systemError(QStringLiteral("rename"), to, errno);
    if (!error.isEmpty()) {
        QFile::remove(part);
        return error;
    }
    return syncDirectoryOf(to);
}

} // namespace opendo::transfer
