#pragma once

// What users see of one download: the Get-DeliveryOptimizationStatus fields that apply, plus
// the job's queue state and error. An immutable snapshot; safe to pass between threads.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace opendo::transfer {

enum class JobState
{
    Queued,      // waiting for a download slot
    Downloading, // DO status 0
    Paused,      // DO status 3; also after a full disk (see error)
    Complete,    // DO status 1: finished, not offered to peers (HTTP-only content)
    Caching,     // DO status 2: finished and kept for peers
    Failed,      // stopped with an error; resume retries
    Cancelled,
};

QString jobStateName(JobState state); // "Downloading", "Caching", … (stable, for JSON)
bool isTerminal(JobState state);      // Complete, Caching, Failed, Cancelled
bool hasCompleted(JobState state);    // Complete or Caching: every byte is there

struct JobStatus
{
    QString jobId;
    QString fileId; // the content id
    QString fileName;
    QString source;    // URL or metainfo path the user gave
    QString sourceUrl; // the HTTP origin actually used
    QString cacheHost; // the cache server that delivered bytes (host[:port]); empty if none
    QString outPath;
    qint64 fileSize = -1; // -1 until known
    qint64 fileSizeInCache = 0;
    qint64 totalBytesDownloaded = 0; // every byte received, from all sources
    qint64 bytesFromHttp = 0;
    qint64 bytesFromPeers = 0; // LAN + group + internet + local-discovery peers
    qint64 bytesFromCacheServer = 0;
    qint64 bytesFromLanPeers = 0;
    qint64 bytesFromGroupPeers = 0;
    qint64 bytesFromInternetPeers = 0;
    qint64 bytesFromLinkLocalPeers = 0; // found by local peer discovery (DNS-SD)
    qint64 bytesDiscarded = 0; // received but not used: failed verification, endgame duplicates
    JobState state = JobState::Queued;
    bool foreground = true;
    int downloadMode = 99;
    int httpConnectionCount = 0; // connections opened to the origin by this run
    // Open connections to peers of this content now, by the class of the peer; the peer count
    // is their sum.
    int lanConnectionCount = 0;
    int groupConnectionCount = 0;
    int internetConnectionCount = 0;
    int linkLocalConnectionCount = 0;
    int cacheServerConnectionCount = 0; // HTTP connections opened to cache servers
    int peerConnectionCount = 0;
    int numPeers = 0; // peers the discovery service offered for this content (DO NumPeers)
    int bannedPeers = 0;
    qint64 downloadDurationMs = 0;
    QDateTime createdAt;
    QDateTime finishedAt;
    bool pinned = false;
    QDateTime expireOn;     // when the cache policies remove the content; invalid = not by age
    bool shareable = false; // has trusted hashes, so peers may get it
    int piecesTotal = 0;
    int piecesPresent = 0;
    int hashFailures = 0;
    qint64 bytesPerSecond = 0;
    QString error;
    QString waitingFor; // what keeps a queued job from starting, beyond a free slot ("" = none)

    double percentPeerCaching() const
    {
        return totalBytesDownloaded > 0
                   ? 100.0 * double(bytesFromPeers) / double(totalBytesDownloaded)
                   : 0.0;
    }
};

struct DownloadRequest
{
    QString source;  // http(s) URL, or path of a .torrent metainfo file
    QString outPath; // where the finished file is written; "" = keep it in the cache only
    bool foreground = true;
};

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::JobStatus)
