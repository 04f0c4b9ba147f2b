#pragma once

// Across every download the agent knows: how many could have used peers at all, how many did,
// and what share of their bytes came from peers — the figures of DO's
// Get-DeliveryOptimizationLogAnalysis, with the reasons the others could not (content without
// metainfo, files below DOMinFileSizeToCache, a download mode without peers).

#include "transfer/JobStatus.h"

#include <QList>

namespace opendo::diagnostics {

struct DownloadAnalysis
{
    int files = 0; // downloads known, cancelled ones aside
    int foregroundFiles = 0;
    qint64 minFileSizeToCache = 0; // bytes (DOMinFileSizeToCache)
    // Could use peers: verifiable content (metainfo), at least the minimum size, downloaded in
    // download mode 1, 2 or 3.
    int eligibleFiles = 0;
    int filesWithPeerBytes = 0;
    // Why the others could not, each file counted once, in this order.
    int httpOnlyFiles = 0;      // no metainfo: the URL is not published
    int belowMinSizeFiles = 0;  // smaller than DOMinFileSizeToCache
    int noPeeringModeFiles = 0; // downloaded in mode 0, 99 or 100

    qint64 bytes = 0; // received, all sources
    qint64 peerBytes = 0;
    qint64 eligibleBytes = 0;
    qint64 eligiblePeerBytes = 0;
    qint64 peeredBytes = 0; // of the files that got bytes from peers
    qint64 peeredPeerBytes = 0;

    // Percentages of bytes from peers; 0 when there are no bytes.
    double efficiency() const { return percent(peerBytes, bytes); }
    double eligibleEfficiency() const { return percent(eligiblePeerBytes, eligibleBytes); }
    double peeredEfficiency() const { return percent(peeredPeerBytes, peeredBytes); }

private:
    static double percent(qint64 part, qint64 whole)
    {
        return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
    }
};

DownloadAnalysis analyzeDownloads(const QList<transfer::JobStatus>& jobs,
                                  qint64 minFileSizeToCache);

} // namespace opendo::diagnostics
