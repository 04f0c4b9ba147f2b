#pragma once

// Builds the agent's device-wide snapshot (stats::DeviceStats) once a second from the cache,
// the downloads and the peer hub, and records the cache's use against its limits once a minute
// (stats::CacheHistory) for the console's cache chart.

#include "policy/PolicyState.h"
#include "stats/CacheHistory.h"
#include "stats/DeviceStats.h"
#include "stats/ProcessUsage.h"

#include <functional>

namespace opendo::cache {
class PieceStore;
}
namespace opendo::transfer {
class DownloadManager;
class PeerHub;
} // namespace opendo::transfer

namespace opendo::agent {

class DeviceStatsSampler
{
public:
    using PolicySource = std::function<policy::PolicySnapshot()>;

    DeviceStatsSampler(QSqlDatabase db, cache::PieceStore& store,
                       transfer::DownloadManager& downloads, transfer::PeerHub& peers,
                       PolicySource policies);

    // `down`/`up`: the monotonic per-class totals since the agent started.
    stats::DeviceStats sample(const stats::ClassBytes& down, const stats::ClassBytes& up);
    const stats::CacheHistory& cacheHistory() const { return m_history; }

private:
    cache::PieceStore& m_store;
    transfer::DownloadManager& m_downloads;
    transfer::PeerHub& m_peers;
    PolicySource m_policies;
    stats::CacheHistory m_history;
    stats::ProcessUsage m_usage;
    stats::ClassBytes m_lastDown{};
    stats::ClassBytes m_lastUp{};
    QDateTime m_lastAt;
    qint64 m_lastRecordedMinute = -1;
};

} // namespace opendo::agent
