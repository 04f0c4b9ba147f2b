#include "cache/CacheRelocation.h"

#include "cache/PieceStore.h"
#include "log/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>
#include <filesystem>
#include <system_error>

namespace opendo::cache {
namespace {

QString writableProblem(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return QCoreApplication::translate("opendo::cache", "the folder %1 cannot be created")
            .arg(folder);
    QTemporaryFile probe(QDir(folder).filePath(QStringLiteral(".opendo-write-test-XXXXXX")));
    if (!probe.open())
        return QCoreApplication::translate("opendo::cache", "%1 is not writable: %2")
            .arg(folder, probe.errorString());
    return {};
}

// A folder with this content's name in the new cache that the index does not know (left by an
// earlier cache in the same place) would block the rename. Only what the cache writes is
// removed — its data file and the then empty folder — never anything else a user put there.
bool clearLeftover(const QString& folder)
{
    if (!QFileInfo::exists(folder))
        return true;
    QFile::remove(QDir(folder).filePath(QStringLiteral("content")));
    return QDir().rmdir(folder);
}

QString moveFolder(const QString& from, const QString& to)
{
    if (!clearLeftover(to))
        return QCoreApplication::translate(
                   "opendo::cache", "%1 already exists and holds files the cache did not write")
            .arg(to);
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(from.toStdString()),
                            std::filesystem::path(to.toStdString()), ec);
    if (ec)
        return QString::fromStdString(ec.message());
    return {};
}

} // namespace

CacheRelocation relocateCache(PieceStore& store, const QString& to)
{
    CacheRelocation result;
    const QString from = store.cacheDir();
    const QString target = QDir::cleanPath(to);
    if (target == QDir::cleanPath(from))
        return result;
    result.error = writableProblem(target);
    if (!result.ok())
        return result;
    for (const CachedContent& content : store.all()) {
        const QString id = content.geometry.contentId;
        const QString source = QFileInfo(store.dataPath(id)).absolutePath();
        const QString destination = QDir(target).filePath(id);
        QString problem;
        if (QFileInfo::exists(source))
            problem = moveFolder(source, destination);
        else if (!QFileInfo::exists(destination + QStringLiteral("/content")))
            problem = QCoreApplication::translate("opendo::cache", "its folder %1 was missing")
                          .arg(source);
        // else an earlier move got this far before the agent stopped
        if (problem.isEmpty()) {
            ++result.moved;
            continue;
        }
        // Still under the old folder, so evict() finds what is left of the bytes.
        QString error;
        const QString reason =
            QCoreApplication::translate(
                "opendo::cache",
                "the cache folder moved to %1 and this content could not follow: %2")
                .arg(target, problem);
        if (store.evict(id, reason, &error))
            ++result.evicted;
        else
            qCWarning(log::lcCache).noquote()
                << "cannot evict" << id << "after a failed move:" << error;
    }
    store.setCacheDir(target);
    if (QString error; !store.recordCacheDir(&error))
        qCWarning(log::lcCache).noquote() << "cannot record the new cache folder:" << error;
    // The old folder goes only if the cache leaves it empty; it may be a user's folder.
    QDir().rmdir(from);
    qCInfo(log::lcCache).noquote()
        << QStringLiteral("cache folder moved from %1 to %2 (contents moved: %3, evicted: %4)")
               .arg(from, target)
               .arg(result.moved)
               .arg(result.evicted);
    return result;
}

} // namespace opendo::cache
