#include "stats/CacheHistory.h"

#include <QSqlError>
#include <QSqlQuery>

namespace opendo::stats {

CacheSample cacheSampleOf(const DeviceStats& stats)
{
    CacheSample c;
    c.at = stats.at;
    c.cacheBytes = stats.cacheBytes;
    c.files = stats.files;
    c.limitBytes = stats.cacheLimitBytes;
    c.maxSizeBytes = stats.maxCacheSizeBytes;
    c.absoluteMaxBytes = stats.absoluteMaxCacheBytes;
    c.diskFreeBytes = stats.diskFreeBytes;
    return c;
}

namespace {

constexpr qint64 kKeepSeconds = 90LL * 24 * 3600;

} // namespace

bool CacheHistory::record(const CacheSample& sample, QString* error)
{
    const qint64 minute = sample.at.toSecsSinceEpoch() / 60 * 60;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO cache_minutes (t, cache_bytes, files, limit_bytes, "
        "max_size_bytes, absolute_max_bytes, disk_free_bytes) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(minute);
    q.addBindValue(sample.cacheBytes);
    q.addBindValue(sample.files);
    q.addBindValue(sample.limitBytes);
    q.addBindValue(sample.maxSizeBytes);
    q.addBindValue(sample.absoluteMaxBytes);
    q.addBindValue(sample.diskFreeBytes);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

QList<CacheSample> CacheHistory::samples(const QDateTime& from, const QDateTime& to) const
{
    QList<CacheSample> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT t, cache_bytes, files, limit_bytes, max_size_bytes, "
                             "absolute_max_bytes, disk_free_bytes FROM cache_minutes "
                             "WHERE t >= ? AND t <= ? ORDER BY t"));
    q.addBindValue(from.toSecsSinceEpoch() / 60 * 60);
    q.addBindValue(to.toSecsSinceEpoch());
    if (!q.exec())
        return out;
    while (q.next()) {
        CacheSample s;
        s.at = QDateTime::fromSecsSinceEpoch(q.value(0).toLongLong(), Qt::UTC);
        s.cacheBytes = q.value(1).toLongLong();
        s.files = q.value(2).toInt();
        s.limitBytes = q.value(3).toLongLong();
        s.maxSizeBytes = q.value(4).toLongLong();
        s.absoluteMaxBytes = q.value(5).toLongLong();
        s.diskFreeBytes = q.value(6).toLongLong();
        out.append(s);
    }
    return out;
}

bool CacheHistory::compact(const QDateTime& now, QString* error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM cache_minutes WHERE t < ?"));
    q.addBindValue(now.toSecsSinceEpoch() - kKeepSeconds);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    return true;
}

} // namespace opendo::stats
