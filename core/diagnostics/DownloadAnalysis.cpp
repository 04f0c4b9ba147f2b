#include "diagnostics/DownloadAnalysis.h"

namespace opendo::diagnostics {

DownloadAnalysis analyzeDownloads(const QList<transfer::JobStatus>& jobs, qint64 minFileSizeToCache)
{
    DownloadAnalysis a;
    a.minFileSizeToCache = minFileSizeToCache;
    for (const transfer::JobStatus& job : jobs) {
        if (job.state == transfer::JobState::Cancelled)
            continue;
        ++a.files;
        a.foregroundFiles += job.foreground ? 1 : 0;
        a.bytes += job.totalBytesDownloaded;
        a.peerBytes += job.bytesFromPeers;
        // The job's mode is what it ran in; 99 also marks content that was never peerable.
        const bool peeringMode = job.downloadMode >= 1 && job.downloadMode <= 3;
        if (!job.shareable)
            ++a.httpOnlyFiles;
        else if (job.fileSize >= 0 && job.fileSize < minFileSizeToCache)
            ++a.belowMinSizeFiles;
        else if (!peeringMode)
            ++a.noPeeringModeFiles;
        else {
            ++a.eligibleFiles;
            a.eligibleBytes += job.totalBytesDownloaded;
            a.eligiblePeerBytes += job.bytesFromPeers;
        }
        if (job.bytesFromPeers > 0) {
            ++a.filesWithPeerBytes;
            a.peeredBytes += job.totalBytesDownloaded;
            a.peeredPeerBytes += job.bytesFromPeers;
        }
    }
    return a;
}

} // namespace opendo::diagnostics
