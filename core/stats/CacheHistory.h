#pragma once

// Cache use over time against its limits, one row per minute for 90 days in SQLite, so the
// console's cache chart survives restarts and shows when content came and went.

#include "stats/DeviceStats.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace opendo::stats {

struct CacheSample
{
    QDateTime at; // start of the minute (UTC)
    qint64 cacheBytes = 0;
    int files = 0;
    qint64 limitBytes = 0;       // in effect; 0 = none
    qint64 maxSizeBytes = 0;     // DOMaxCacheSize as bytes
    qint64 absoluteMaxBytes = 0; // DOAbsoluteMaxCacheSize; 0 = not set
    qint64 diskFreeBytes = 0;
};

// The cache figures of a device snapshot, as one sample (time as in the snapshot).
CacheSample cacheSampleOf(const DeviceStats& stats);

class CacheHistory
{
public:
    explicit CacheHistory(QSqlDatabase db) : m_db(std::move(db)) {}

    // One row per minute: a later sample in the same minute replaces the earlier one.
    bool record(const CacheSample& sample, QString* error);
    QList<CacheSample> samples(const QDateTime& from, const QDateTime& to) const;
    bool compact(const QDateTime& now, QString* error); // drops rows older than 90 days

private:
    QSqlDatabase m_db;
};

} // namespace opendo::stats
