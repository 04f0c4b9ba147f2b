#include "cache/CacheRelocation.h"

#include "cache/ContentCopy.h"
#include "cache/PieceStore.h"
#include "log/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QStorageInfo>
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
    const QString data = QDir(folder).filePath(QStringLiteral("content"));
    QFile::remove(data);
    QFile::remove(partialCopyPath(data)); // an interrupted copy onto this drive
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

// Still under the old folder, so evict() finds what is left of the bytes.
void evictLeftBehind(PieceStore& store, const QString& id, const QString& target,
                     const QString& problem, CacheRelocation& result)
{
    QString error;
    const QString reason =
        QCoreApplication::translate(
            "opendo::cache", "the cache folder moved to %1 and this content could not follow: %2")
            .arg(target, problem);
    if (store.evict(id, reason, &error))
        ++result.evicted;
    else
        qCWarning(log::lcCache).noquote()
            << "cannot evict" << id << "after a failed move:" << error;
}

// The last step of a move: from here on the index, and the next start, look in `folder`.
void pointStoreAt(PieceStore& store, const QString& folder)
{
    store.setCacheDir(folder);
    if (QString error; !store.recordCacheDir(&error))
        qCWarning(log::lcCache).noquote() << "cannot record the new cache folder:" << error;
}

void logMove(const QString& from, const QString& to, const CacheRelocation& result)
{
    qCInfo(log::lcCache).noquote()
        << QStringLiteral("cache folder moved from %1 to %2 (contents moved: %3, evicted: %4)")
               .arg(from, to)
               .arg(result.moved)
               .arg(result.evicted);
}

// The data file's place in the new cache folder: the same name in the content's folder there.
QString copyDestination(const QString& to, const QString& contentId, const QString& source)
{
    return QDir(QDir(to).filePath(contentId)).filePath(QFileInfo(source).fileName());
}

// A content the copy plan did not carry (added while the copy ran, or without a data file yet):
// downloads were held, so its file holds no piece bytes and copies in no time.
QString bringAlong(const QString& source, const QString& destination)
{
    const QString folder = QFileInfo(source).absolutePath();
    if (QFileInfo::exists(source)) {
        const std::atomic<bool> never{false};
        if (const ContentCopyResult copied = copyContentFile(source, destination, never, {});
            !copied.ok())
            return copied.error;
        QFile::remove(source);
    } else if (!QDir().mkpath(QFileInfo(destination).absolutePath())) {
        return QCoreApplication::translate("opendo::cache", "cannot create the folder of %1")
            .arg(destination);
    }
    QDir().rmdir(folder);
    return {};
}

} // namespace

RelocationMethod relocationMethod(const QString& from, const QString& to)
{
    if (!QFileInfo(from).isDir() || !QDir().mkpath(to))
        return RelocationMethod::Rename;
    QTemporaryFile probe(QDir(from).filePath(QStringLiteral(".opendo-move-probe-XXXXXX")));
    if (!probe.open())
        return RelocationMethod::Rename;
    const QString moved = QDir(to).filePath(QFileInfo(probe.fileName()).fileName());
    std::error_code ec;
    std::filesystem::rename(std::filesystem::path(probe.fileName().toStdString()),
                            std::filesystem::path(moved.toStdString()), ec);
    if (!ec) {
        QFile::remove(moved);
        return RelocationMethod::Rename;
    }
    return ec == std::errc::cross_device_link ? RelocationMethod::Copy : RelocationMethod::Rename;
}

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
        if (problem.isEmpty())
            ++result.moved;
        else
            evictLeftBehind(store, id, target, problem, result);
    }
    pointStoreAt(store, target);
    // The old folder goes only if the cache leaves it empty; it may be a user's folder.
    QDir().rmdir(from);
    logMove(from, target, result);
    return result;
}

CacheCopyPlan planCacheCopy(const PieceStore& store, const QString& to)
{
    CacheCopyPlan plan;
    plan.from = store.cacheDir();
    plan.to = QDir::cleanPath(to);
    plan.error = writableProblem(plan.to);
    if (!plan.ok())
        return plan;
    for (const CachedContent& content : store.all()) {
        const QString id = content.geometry.contentId;
        const QString source = store.dataPath(id);
        if (!QFileInfo::exists(source)) {
            if (content.bytesPresent() > 0)
                plan.missing << id;
            continue; // no bytes to copy: finishCacheCopy brings the folder along
        }
        const QString destination = copyDestination(plan.to, id, source);
        plan.items.append({id, source, destination});
        plan.bytes += allocatedBytes(source);
    }
    // Checked up front so that a drive too small fails at once instead of after gigabytes.
    const QStorageInfo drive(plan.to);
    if (drive.isValid() && plan.bytes > drive.bytesAvailable())
        plan.error = QCoreApplication::translate("opendo::cache",
                                                 "the cache holds %1 MB but only %2 MB is free "
                                                 "on the drive of %3")
                         .arg((plan.bytes + (1 << 20) - 1) >> 20)
                         .arg(drive.bytesAvailable() >> 20)
                         .arg(plan.to);
    return plan;
}

CacheRelocation finishCacheCopy(PieceStore& store, const CacheCopyPlan& plan)
{
    CacheRelocation result;
    for (const QString& id : plan.missing)
        evictLeftBehind(store, id, plan.to,
                        QCoreApplication::translate("opendo::cache", "its data file was missing"),
                        result);
    QSet<QString> copied;
    for (const CacheCopyItem& item : plan.items)
        copied.insert(item.contentId);
    for (const CachedContent& content : store.all()) {
        const QString id = content.geometry.contentId;
        if (copied.contains(id))
            continue;
        const QString source = store.dataPath(id);
        const QString destination = copyDestination(plan.to, id, source);
        if (const QString problem = bringAlong(source, destination); problem.isEmpty())
            ++result.moved;
        else
            evictLeftBehind(store, id, plan.to, problem, result);
    }
    result.moved += int(plan.items.size());
    pointStoreAt(store, plan.to);
    // The index points at the copies now; a crash before this point left the originals.
    for (const CacheCopyItem& item : plan.items) {
        QFile::remove(item.source);
        QDir().rmdir(QFileInfo(item.source).absolutePath());
    }
    QDir().rmdir(plan.from);
    logMove(plan.from, plan.to, result);
    return result;
}

} // namespace opendo::cache
