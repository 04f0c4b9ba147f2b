#include "diagnostics/LocalVolumes.h"

#include <QFile>
#include <QSet>
#include <QStorageInfo>

namespace opendo::diagnostics {

namespace {

bool isDiskFileSystem(const QByteArray& type)
{
    static const QSet<QByteArray> kDisk{"ext2",  "ext3", "ext4",     "xfs",     "btrfs",
                                        "f2fs",  "jfs",  "reiserfs", "zfs",     "vfat",
                                        "exfat", "ntfs", "ntfs3",    "hfsplus", "apfs"};
    return kDisk.contains(type);
}

// /proc/self/mounts escapes blanks in paths as octal (\040 for a space).
QString unescapeMountPath(const QByteArray& field)
{
    QByteArray out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        if (field[i] == '\\' && i + 3 < field.size()) {
            bool ok = false;
            const int code = field.mid(i + 1, 3).toInt(&ok, 8);
            if (ok && code < 256) {
                out.append(char(code));
                i += 3;
                continue;
            }
        }
        out.append(field[i]);
    }
    return QFile::decodeName(out);
}

} // namespace

QList<VolumeSpace> diskMounts(const QByteArray& mountsTable)
{
    QList<VolumeSpace> out;
    QSet<QString> seen;
    for (const QByteArray& line : mountsTable.split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 3 || !fields[0].startsWith('/') || !isDiskFileSystem(fields[2]))
            continue;
        const QString root = unescapeMountPath(fields[1]);
        if (seen.contains(root))
            continue;
        seen.insert(root);
        out.append(VolumeSpace{root, QString::fromLatin1(fields[2]), 0, 0});
    }
    return out;
}

QList<VolumeSpace> localVolumes()
{
    QFile mounts(QStringLiteral("/proc/self/mounts"));
    if (!mounts.open(QIODevice::ReadOnly))
        return {};
    QList<VolumeSpace> out;
    for (VolumeSpace v : diskMounts(mounts.readAll())) {
        const QStorageInfo info(v.rootPath);
        if (!info.isValid() || !info.isReady() || info.isReadOnly() || info.bytesTotal() <= 0)
            continue;
        v.freeBytes = info.bytesAvailable();
        v.totalBytes = info.bytesTotal();
        out.append(v);
    }
    return out;
}

const VolumeSpace* roomierVolume(const QList<VolumeSpace>& volumes, const QString& cacheRoot,
                                 qint64 needBytes)
{
    const VolumeSpace* best = nullptr;
    for (const VolumeSpace& v : volumes) {
        if (v.rootPath == cacheRoot || v.freeBytes <= needBytes)
            continue;
        if (!best || v.freeBytes > best->freeBytes)
            best = &v;
    }
    return best;
}

} // namespace opendo::diagnostics
