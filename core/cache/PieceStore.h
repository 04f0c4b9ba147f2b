#pragma once

// The cache index: contents and their present pieces in SQLite, bytes in one data file per
// content under the cache directory. Lives on the agent thread (it owns a DB connection).

#include "cache/CachedContent.h"

#include <QList>
#include <QSet>
#include <QSqlDatabase>

namespace opendo::cache {

class PieceStore
{
public:
    PieceStore(QSqlDatabase db, QString cacheDir);

    const QString& cacheDir() const { return m_cacheDir; }
    // Where content lives from now on (see relocateCache, which moves the bytes first). Data
    // paths derive from the current folder.
    void setCacheDir(const QString& dir) { m_cacheDir = dir; }
    // The folder last recorded as the one the index refers to ("" when none was recorded, as
    // in a database from before it was kept), and recording the current one.
    QString recordedCacheDir() const;
    bool recordCacheDir(QString* error);

    // Registers content; idempotent (an existing entry keeps its pieces). Creates its folder.
    bool add(const ContentGeometry& geometry, const QByteArray& metainfo, const QString& sourceUrl,
             QString* error);
    std::optional<CachedContent> find(const QString& contentId) const;
    QList<CachedContent> all() const;
    QString dataPath(const QString& contentId) const; // <cacheDir>/<contentId>/content

    // Call only after PieceFile::writeDurably returned ok for each piece. One transaction; sets
    // completed_at when the last piece arrives.
    bool markPresent(const QString& contentId, const QList<int>& pieces, QString* error);
    bool touch(const QString& contentId);
    bool setPinned(const QString& contentId, bool pinned, QString* error);
    // Set-DeliveryOptimizationStatus -ExpireOn: not removed by age before `until` (nullopt
    // clears it). Callers check the date; this only records it.
    bool setKeepUntil(const QString& contentId, const std::optional<QDateTime>& until,
                      QString* error);
    bool setKeepUntilForAll(const QDateTime& until, QString* error);

    // Deletes the bytes and the index rows and records why (table + log line).
    bool evict(const QString& contentId, const QString& reason, QString* error);
    QList<EvictionRecord> evictions(int limit = 200) const;

    qint64 totalBytes() const; // bytes of present pieces over all contents
    int contentCount() const;
    QSet<QString> pinnedContentIds() const; // one small query, for frequent status snapshots

    // At start-up: forget pieces whose data file is missing or too short to hold them; returns
    // how many were unmarked.
    int reconcile(QString* error);

private:
    // One column of one content's row (a fixed column name from this class, never user text).
    bool updateColumn(const QString& column, const QVariant& value, const QString& contentId,
                      QString* error);
    QSqlDatabase m_db;
    QString m_cacheDir;
};

} // namespace opendo::cache
