#include "stats/PerfSnapJson.h"

#include "stats/TransferHistory.h"

namespace opendo::stats {

using transfer::SourceClass;

QList<QPair<QString, QJsonValue>> perfSnapFields(const DeviceStats& d,
                                                 const agent::PeerActivity& peers,
                                                 const QList<transfer::JobStatus>& jobs)
{
    int foreground = 0, foregroundPending = 0, background = 0, backgroundPending = 0;
    int filesDownloaded = 0;
    qint64 downloaded = 0;
    for (const transfer::JobStatus& job : jobs) {
        const bool running = job.state == transfer::JobState::Downloading;
        const bool pending = job.state == transfer::JobState::Queued;
        (job.foreground ? foreground : background) += running ? 1 : 0;
        (job.foreground ? foregroundPending : backgroundPending) += pending ? 1 : 0;
        filesDownloaded += job.totalBytesDownloaded > 0 ? 1 : 0;
        downloaded += job.totalBytesDownloaded;
    }
    auto conn = [&d](SourceClass c) { return d.connectionsByClass[size_t(c)]; };
    return {
        {QStringLiteral("FilesDownloaded"), filesDownloaded},
        {QStringLiteral("Files"), d.files},
        {QStringLiteral("TotalBytesDownloaded"), downloaded},
        {QStringLiteral("TotalBytesUploaded"), total(d.uploadedTotal)},
        {QStringLiteral("DownloadMode"), peers.configuredMode},
        {QStringLiteral("EffectiveDownloadMode"), peers.downloadMode},
        {QStringLiteral("FallbackReason"), peers.fallbackReason},
        {QStringLiteral("DiscoveryState"), discovery::discoveryStateKey(peers.discovery.state)},
        {QStringLiteral("CacheSizeBytes"), d.cacheBytes},
        {QStringLiteral("CacheLimitBytes"), d.cacheLimitBytes},
        {QStringLiteral("TotalDiskBytes"), d.diskTotalBytes},
        {QStringLiteral("AvailableDiskBytes"), d.diskFreeBytes},
        {QStringLiteral("CpuUsagePct"), d.cpuPercent},
        {QStringLiteral("MemUsageKB"), d.memoryBytes / 1024},
        {QStringLiteral("NumberOfPeers"), qint64(peers.offered.size())},
        {QStringLiteral("CacheHostConnections"), conn(SourceClass::CacheServer)},
        {QStringLiteral("CdnConnections"), conn(SourceClass::Http)},
        {QStringLiteral("LanConnections"), conn(SourceClass::LanPeer)},
        {QStringLiteral("GroupConnections"), conn(SourceClass::GroupPeer)},
        {QStringLiteral("InternetConnections"), conn(SourceClass::InternetPeer)},
        {QStringLiteral("DownlinkUsageBps"), total(d.downloadRate) * 8},
        {QStringLiteral("UplinkUsageBps"), total(d.uploadRate) * 8},
        {QStringLiteral("ForegroundDownloadCount"), foreground},
        {QStringLiteral("ForegroundDownloadsPending"), foregroundPending},
        {QStringLiteral("BackgroundDownloadCount"), background},
        {QStringLiteral("BackgroundDownloadsPending"), backgroundPending},
    };
}

QJsonObject perfSnapToJson(const DeviceStats& device, const agent::PeerActivity& peers,
                           const QList<transfer::JobStatus>& jobs)
{
    QJsonObject o;
    for (const auto& [name, value] : perfSnapFields(device, peers, jobs))
        o[name] = value;
    return o;
}

} // namespace opendo::stats
