#include "agent/DeviceStatsSampler.h"

#include "cache/CacheEviction.h"
#include "cache/PieceStore.h"
#include "log/LogCategories.h"
#include "transfer/DownloadManager.h"
#include "transfer/PeerHub.h"

#include <QStorageInfo>

namespace opendo::agent {

DeviceStatsSampler::DeviceStatsSampler(QSqlDatabase db, cache::PieceStore& store,
                                       transfer::DownloadManager& downloads,
                                       transfer::PeerHub& peers, PolicySource policies)
    : m_store(store), m_downloads(downloads), m_peers(peers), m_policies(std::move(policies)),
      m_history(std::move(db))
{}

stats::DeviceStats DeviceStatsSampler::sample(const stats::ClassBytes& down,
                                              const stats::ClassBytes& up)
{
    stats::DeviceStats s;
    s.at = QDateTime::currentDateTimeUtc();
    s.files = m_store.contentCount();
    s.cacheBytes = m_store.totalBytes();
    s.cacheFolder = m_store.cacheDir();
    const QStorageInfo storage(s.cacheFolder);
    const cache::DriveSpace drive{storage.bytesTotal(), storage.bytesAvailable()};
    s.diskTotalBytes = drive.total;
    s.diskFreeBytes = drive.available;
    const cache::CacheLimits limits = cache::cacheLimitsFrom(m_policies());
    s.cacheLimitBytes = cache::cacheSizeLimit(limits, drive);
    s.maxCacheSizeBytes = drive.total / 100 * limits.maxSizePercent;
    s.absoluteMaxCacheBytes = limits.absoluteMaxBytes;
    s.downloadedTotal = down;
    s.uploadedTotal = up;
    // Rates over the real interval since the last sample (timers drift under load).
    const double seconds =
        m_lastAt.isValid() ? qMax<qint64>(1, m_lastAt.msecsTo(s.at)) / 1000.0 : 0.0;
    for (size_t i = 0; i < down.size(); ++i) {
        if (seconds > 0) {
            s.downloadRate[i] = qint64(double(down[i] - m_lastDown[i]) / seconds);
            s.uploadRate[i] = qint64(double(up[i] - m_lastUp[i]) / seconds);
        }
    }
    m_lastDown = down;
    m_lastUp = up;
    m_lastAt = s.at;
    for (const transfer::JobStatus& job : m_downloads.statuses()) {
        if (job.state == transfer::JobState::Downloading) {
            ++s.activeDownloads;
            s.connectionsByClass[size_t(transfer::SourceClass::Http)] += job.httpConnectionCount;
        }
    }
    const QList<transfer::PeerSnapshot> peers = m_peers.peers();
    s.peers = int(peers.size());
    for (const transfer::PeerSnapshot& p : peers)
        ++s.connectionsByClass[size_t(p.sourceClass)];
    const stats::ProcessUsage::Sample usage = m_usage.sample();
    s.cpuPercent = usage.cpuPercent;
    s.memoryBytes = usage.memoryBytes;

    const qint64 minute = s.at.toSecsSinceEpoch() / 60;
    if (minute != m_lastRecordedMinute) {
        m_lastRecordedMinute = minute;
        QString error;
        if (!m_history.record(stats::cacheSampleOf(s), &error) ||
            (minute % 60 == 0 && !m_history.compact(s.at, &error)))
            qCWarning(log::lcAgent).noquote() << "cache history:" << error;
    }
    return s;
}

} // namespace opendo::agent
