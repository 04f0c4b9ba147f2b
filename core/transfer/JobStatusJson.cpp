#include "transfer/JobStatusJson.h"

namespace opendo::transfer {

QJsonObject jobStatusToJson(const JobStatus& s)
{
    QJsonObject o;
    o[QStringLiteral("JobId")] = s.jobId;
    o[QStringLiteral("FileId")] = s.fileId;
    o[QStringLiteral("FileName")] = s.fileName;
    o[QStringLiteral("FileSize")] = s.fileSize;
    o[QStringLiteral("FileSizeInCache")] = s.fileSizeInCache;
    o[QStringLiteral("TotalBytesDownloaded")] = s.totalBytesDownloaded;
    o[QStringLiteral("PercentPeerCaching")] = s.percentPeerCaching();
    o[QStringLiteral("BytesFromPeers")] = s.bytesFromPeers;
    o[QStringLiteral("BytesFromHttp")] = s.bytesFromHttp;
    o[QStringLiteral("BytesFromCacheServer")] = s.bytesFromCacheServer;
    o[QStringLiteral("BytesFromLanPeers")] = s.bytesFromLanPeers;
    o[QStringLiteral("BytesFromGroupPeers")] = s.bytesFromGroupPeers;
    o[QStringLiteral("BytesFromInternetPeers")] = s.bytesFromInternetPeers;
    o[QStringLiteral("BytesFromLinkLocalPeers")] = s.bytesFromLinkLocalPeers;
    o[QStringLiteral("Status")] = jobStateName(s.state);
    o[QStringLiteral("Priority")] =
        s.foreground ? QStringLiteral("Foreground") : QStringLiteral("Background");
    o[QStringLiteral("DownloadMode")] = s.downloadMode;
    o[QStringLiteral("SourceURL")] = s.sourceUrl;
    o[QStringLiteral("CacheHost")] = s.cacheHost;
    o[QStringLiteral("HttpConnectionCount")] = s.httpConnectionCount;
    o[QStringLiteral("LanConnectionCount")] = s.lanConnectionCount;
    o[QStringLiteral("GroupConnectionCount")] = s.groupConnectionCount;
    o[QStringLiteral("InternetConnectionCount")] = s.internetConnectionCount;
    o[QStringLiteral("LinkLocalConnectionCount")] = s.linkLocalConnectionCount;
    o[QStringLiteral("CacheServerConnectionCount")] = s.cacheServerConnectionCount;
    o[QStringLiteral("PeerConnectionCount")] = s.peerConnectionCount; // all peer classes
    o[QStringLiteral("NumPeers")] = s.numPeers;
    o[QStringLiteral("BannedPeers")] = s.bannedPeers;
    o[QStringLiteral("BytesDiscarded")] = s.bytesDiscarded;
    o[QStringLiteral("DownloadDuration")] = double(s.downloadDurationMs) / 1000.0;
    o[QStringLiteral("ExpireOn")] =
        s.expireOn.isValid()
            ? QJsonValue(
                  s.expireOn.toOffsetFromUtc(s.expireOn.offsetFromUtc()).toString(Qt::ISODate))
            : QJsonValue(QJsonValue::Null);
    o[QStringLiteral("IsPinned")] = s.pinned;
    o[QStringLiteral("PiecesTotal")] = s.piecesTotal;
    o[QStringLiteral("PiecesInCache")] = s.piecesPresent;
    o[QStringLiteral("HashFailures")] = s.hashFailures;
    o[QStringLiteral("OutPath")] = s.outPath;
    o[QStringLiteral("Error")] = s.error;
    o[QStringLiteral("WaitingFor")] = s.waitingFor; // OpenDO's: why a queued job has not started
    return o;
}

QStringList jobStatusFieldOrder()
{
    return {QStringLiteral("FileId"),
            QStringLiteral("FileName"),
            QStringLiteral("FileSize"),
            QStringLiteral("FileSizeInCache"),
            QStringLiteral("TotalBytesDownloaded"),
            QStringLiteral("PercentPeerCaching"),
            QStringLiteral("BytesFromPeers"),
            QStringLiteral("BytesFromHttp"),
            QStringLiteral("BytesFromCacheServer"),
            QStringLiteral("BytesFromLanPeers"),
            QStringLiteral("BytesFromGroupPeers"),
            QStringLiteral("BytesFromInternetPeers"),
            QStringLiteral("BytesFromLinkLocalPeers"),
            QStringLiteral("Status"),
            QStringLiteral("Priority"),
            QStringLiteral("DownloadMode"),
            QStringLiteral("SourceURL"),
            QStringLiteral("CacheHost"),
            QStringLiteral("HttpConnectionCount"),
            QStringLiteral("LanConnectionCount"),
            QStringLiteral("GroupConnectionCount"),
            QStringLiteral("InternetConnectionCount"),
            QStringLiteral("LinkLocalConnectionCount"),
            QStringLiteral("CacheServerConnectionCount"),
            QStringLiteral("PeerConnectionCount"),
            QStringLiteral("NumPeers"),
            QStringLiteral("BannedPeers"),
            QStringLiteral("BytesDiscarded"),
            QStringLiteral("DownloadDuration"),
            QStringLiteral("ExpireOn"),
            QStringLiteral("IsPinned"),
            QStringLiteral("PiecesTotal"),
            QStringLiteral("PiecesInCache"),
            QStringLiteral("HashFailures"),
            QStringLiteral("JobId"),
            QStringLiteral("OutPath"),
            QStringLiteral("Error")};
}

} // namespace opendo::transfer
