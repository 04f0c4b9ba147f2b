#include "diagnostics/DownloadTracer.h"

#include "common/ByteUnits.h"
#include "diagnostics/CheckSupport.h"

#include <QMap>

namespace opendo::diagnostics {

DownloadTrace traceDownload(const transfer::JobStatus& job, const DiagnosticInputs& in)
{
    DownloadTrace t;
    t.jobId = job.jobId;
    t.fileName = job.fileName;
    t.percentFromPeers = job.percentPeerCaching();
    auto step = [&t](const QString& gate, bool passed, const QString& detail) {
        t.steps << TraceStep{gate, passed, detail};
    };

    step(Diag::tr("Download mode allows peers"), isPeeringMode(job.downloadMode),
         Diag::tr("Mode %1 for this download (configured %2)")
             .arg(modeText(job.downloadMode), modeText(in.activity.configuredMode)));
    const discovery::DiscoveryStatus& d = in.activity.discovery;
    const QStringList fixedPeers = staticPeers(in);
    const bool hasStaticPeers = !fixedPeers.isEmpty();
    step(Diag::tr("A way to find peers"),
         d.state == discovery::DiscoveryState::Reachable || hasStaticPeers,
         hasStaticPeers
             ? Diag::tr("Static peers: %1").arg(fixedPeers.join(QStringLiteral(", ")))
             : Diag::tr("Discovery service: %1").arg(discovery::discoveryStateLabel(d.state)));
    step(Diag::tr("Metainfo, so pieces can be verified"), job.shareable,
         job.shareable ? Diag::tr("Content id %1").arg(job.fileId)
                       : Diag::tr("HTTP only: %1 is not published").arg(job.sourceUrl));
    const qint64 minimumMb = in.policies.number(QStringLiteral("DOMinFileSizeToCache"), 50);
    step(Diag::tr("At least DOMinFileSizeToCache"),
         job.fileSize < 0 || job.fileSize >= minimumMb * kMiB,
         Diag::tr("%1, minimum %2 MB")
             .arg(mbText(std::max<qint64>(0, job.fileSize)))
             .arg(minimumMb));
    step(Diag::tr("Peering allowed on this device"), in.activity.peeringAllowed,
         in.activity.blockedReason.isEmpty() ? Diag::tr("No gate blocks peering")
                                             : in.activity.blockedReason);
    int offered = 0;
    for (const agent::OfferedPeer& p : in.activity.offered)
        offered += p.contentId == job.fileId ? 1 : 0;
    const discovery::local::LocalDiscoveryStatus& local = in.activity.discovery.local;
    step(Diag::tr("Peers offered for this content"),
         offered > 0 || hasStaticPeers || job.bytesFromPeers > 0,
         local.restricting ? Diag::tr("%1 offered by discovery and found on the local link "
                                      "(DORestrictPeerSelectionBy 2: %2 device(s) found there)")
                                 .arg(offered)
                                 .arg(local.peers.size())
                           : Diag::tr("%1 offered by discovery").arg(offered));
    int connected = 0;
    for (const transfer::PeerSnapshot& p : in.activity.peers)
        connected += p.contentId == job.fileId ? 1 : 0;
    // Connections of this download that already ended, from the agent's journal: a peer that
    // connected and left (not admitted, nothing to give) is a different answer from no peer.
    QMap<QString, int> endReasons;
    int ended = 0;
    for (const stats::ConnectionRecord& r : in.endedConnections) {
        if (r.contentId != job.fileId || (job.createdAt.isValid() && r.endedAt < job.createdAt))
            continue;
        ++ended;
        ++endReasons[r.endReason];
    }
    step(Diag::tr("Connected to a peer"), connected > 0 || ended > 0 || job.bytesFromPeers > 0,
         Diag::tr("%1 connection(s) now, %2 ended since the download began, %3 peer(s) banned")
             .arg(connected)
             .arg(ended)
             .arg(job.bannedPeers));
    QString delivered =
        Diag::tr("%1 from peers, %2 from HTTP; HTTP delay %3 s")
            .arg(mbText(job.bytesFromPeers), mbText(job.bytesFromHttp))
            .arg(in.policies.number(job.foreground
                                        ? QStringLiteral("DODelayForegroundDownloadFromHttp")
                                        : QStringLiteral("DODelayBackgroundDownloadFromHttp")));
    if (job.bytesFromPeers == 0 && !endReasons.isEmpty()) {
        QStringList reasons;
        for (auto it = endReasons.cbegin(); it != endReasons.cend(); ++it)
            reasons << Diag::tr("%1 (%2 ×)").arg(it.key()).arg(it.value());
        delivered +=
            QStringLiteral("; ") +
            Diag::tr("the peer connections ended: %1").arg(reasons.join(QStringLiteral("; ")));
    }
    step(Diag::tr("Peers delivered bytes"), job.bytesFromPeers > 0, delivered);

    for (const TraceStep& s : t.steps) {
        if (!s.passed) {
            t.conclusion = Diag::tr("%1 % from peers because \"%2\" did not hold: %3")
                               .arg(t.percentFromPeers, 0, 'f', 1)
                               .arg(s.gate, s.detail);
            return t;
        }
    }
    t.conclusion =
        Diag::tr("Every gate held: %1 % came from peers.").arg(t.percentFromPeers, 0, 'f', 1);
    return t;
}

QList<DownloadTrace> traceDownloads(const DiagnosticInputs& in)
{
    QList<DownloadTrace> traces;
    for (const transfer::JobStatus& job : in.jobs)
        if (in.request.traceJobId.isEmpty() || job.jobId == in.request.traceJobId)
            traces << traceDownload(job, in);
    return traces;
}

} // namespace opendo::diagnostics
