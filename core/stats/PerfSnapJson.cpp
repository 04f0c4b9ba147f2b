#include "stats/PerfSnapJson.h"

#include "stats/TransferHistory.h"

#include <QDate>
#include <cmath>

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
        {QStringLiteral("CacheFolder"), d.cacheFolder}, // OpenDO's: where DO shows WorkingDirectory
        // OpenDO's: a move onto another drive copying now ("" and 0 when none).
        {QStringLiteral("CacheMoveTarget"), d.cacheMove.to},
        {QStringLiteral("CacheMoveCopiedBytes"), d.cacheMove.copiedBytes},
        {QStringLiteral("CacheMoveTotalBytes"), d.cacheMove.totalBytes},
        {QStringLiteral("CpuUsagePct"), d.cpuPercent},
        {QStringLiteral("MemUsageKB"), d.memoryBytes / 1024},
        {QStringLiteral("NumberOfPeers"), qint64(peers.offered.size())},
        {QStringLiteral("CacheHostConnections"), conn(SourceClass::CacheServer)},
        {QStringLiteral("CdnConnections"), conn(SourceClass::Http)},
        {QStringLiteral("LanConnections"), conn(SourceClass::LanPeer)},
        {QStringLiteral("GroupConnections"), conn(SourceClass::GroupPeer)},
        {QStringLiteral("InternetConnections"), conn(SourceClass::InternetPeer)},
        {QStringLiteral("LinkLocalConnections"), conn(SourceClass::LinkLocalPeer)},
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

QList<QPair<QString, QJsonValue>> perfSnapMonthFields(const MonthTotals& totals, const QDate& today,
                                                      qint64 capGb)
{
    auto bytesOf = [](const ClassBytes& bytes, SourceClass cls) { return bytes[size_t(cls)]; };
    const qint64 uploadInternet = bytesOf(totals.up, SourceClass::InternetPeer);
    // The cap as the upload gate enforces it: GB of 1024^3 bytes, against the ledger's uploads to
    // Internet peers (MonthTotals::capCountedBytes), not against the history's
    // UploadInternetBytes.
    const qint64 capBytes = qMax<qint64>(0, capGb) * 1024 * 1024 * 1024;
    const qint64 counted = totals.capCountedBytes;
    const bool capReached = capBytes > 0 && counted >= capBytes;
    const QJsonValue countedValue = counted >= 0 ? QJsonValue(counted) : QJsonValue();
    const QJsonValue percentValue =
        capBytes > 0 && counted >= 0
            ? QJsonValue(std::round(1000.0 * double(counted) / double(capBytes)) / 10.0)
            : QJsonValue();
    // Field names of Get-DeliveryOptimizationPerfSnapThisMonth (current builds), plus the group
    // and local-discovery classes that DO folds into LAN.
    return {
        {QStringLiteral("MonthStartDate"),
         QDate(today.year(), today.month(), 1).startOfDay().toString(Qt::ISODate)},
        {QStringLiteral("DownloadHttpBytes"), bytesOf(totals.down, SourceClass::Http)},
        {QStringLiteral("DownloadCacheHostBytes"), bytesOf(totals.down, SourceClass::CacheServer)},
        {QStringLiteral("DownloadLanBytes"), bytesOf(totals.down, SourceClass::LanPeer)},
        {QStringLiteral("DownloadGroupBytes"), bytesOf(totals.down, SourceClass::GroupPeer)},
        {QStringLiteral("DownloadInternetBytes"), bytesOf(totals.down, SourceClass::InternetPeer)},
        {QStringLiteral("DownloadLinkLocalBytes"),
         bytesOf(totals.down, SourceClass::LinkLocalPeer)},
        {QStringLiteral("UploadLanBytes"), bytesOf(totals.up, SourceClass::LanPeer)},
        {QStringLiteral("UploadGroupBytes"), bytesOf(totals.up, SourceClass::GroupPeer)},
        {QStringLiteral("UploadLinkLocalBytes"), bytesOf(totals.up, SourceClass::LinkLocalPeer)},
        {QStringLiteral("UploadInternetBytes"), uploadInternet},
        // Average speed while downloads of that priority moved: bytes/s × 8 / 1024, as DO's
        // module computes it.
        {QStringLiteral("DownloadFgRateKbps"), totals.foregroundRate * 8 / 1024},
        {QStringLiteral("DownloadBgRateKbps"), totals.backgroundRate * 8 / 1024},
        {QStringLiteral("UploadLimitReached"), capReached},
        // Beyond DO: the cap (DOMonthlyUploadDataCap in bytes, 0 = none), what counts against
        // it this month and the share used; null when the ledger cannot be read.
        {QStringLiteral("UploadLimitBytes"), capBytes},
        {QStringLiteral("UploadLimitUsedBytes"), countedValue},
        {QStringLiteral("UploadLimitUsedPct"), percentValue},
    };
}

QJsonObject perfSnapMonthToJson(const MonthTotals& totals, const QDate& today, qint64 capGb)
{
    QJsonObject o;
    for (const auto& [name, value] : perfSnapMonthFields(totals, today, capGb))
        o[name] = value;
    return o;
}

} // namespace opendo::stats
