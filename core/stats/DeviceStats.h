#pragma once

// The device-wide figures of Get-DeliveryOptimizationPerfSnap, as one immutable snapshot the
// agent publishes every second: files and bytes in the cache against its limits, the drive,
// transfer totals and current rates by source class, peers and connections by class, and what
// the agent itself costs (CPU, memory).

#include "cache/CacheCopyProgress.h"
#include "stats/TransferHistory.h"

#include <QDateTime>
#include <QMetaType>

namespace opendo::stats {

struct DeviceStats
{
    QDateTime at;
    int files = 0;                      // contents in the cache
    qint64 cacheBytes = 0;              // verified bytes present
    qint64 cacheLimitBytes = 0;         // the limit in effect (0 = none)
    qint64 maxCacheSizeBytes = 0;       // DOMaxCacheSize (percent of the drive) as bytes
    qint64 absoluteMaxCacheBytes = 0;   // DOAbsoluteMaxCacheSize as bytes; 0 = not set
    QString cacheFolder;                // where the content is (DOModifyCacheDrive or the default)
    cache::CacheCopyProgress cacheMove; // a copy onto another drive under way
    qint64 diskTotalBytes = 0;          // drive holding the cache
    qint64 diskFreeBytes = 0;
    ClassBytes downloadedTotal{}; // since the agent started
    ClassBytes uploadedTotal{};
    ClassBytes downloadRate{}; // bytes per second over the last second
    ClassBytes uploadRate{};
    int activeDownloads = 0;
    int peers = 0; // live connections
    transfer::PerSourceClass<int>
        connectionsByClass{}; // index = int(SourceClass); Http = HTTP ranges
    double cpuPercent = 0;    // of one core, over the last second
    qint64 memoryBytes = 0;   // resident set size of the agent's process
};

} // namespace opendo::stats

Q_DECLARE_METATYPE(opendo::stats::DeviceStats)
