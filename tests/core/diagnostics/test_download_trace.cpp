// The per-download trace ("why did this file get 0 % from peers?") on facts given to it: a
// download no peer ever connected for stops at "Connected to a peer"; one whose peers connected
// and left without giving a byte stops at "Peers delivered bytes", with why those connections
// ended from the journal; connections of an earlier download of the same content do not count.

#include "diagnostics/DownloadTracer.h"

#include <QTest>

using namespace opendo;
using diagnostics::DownloadTrace;

namespace {

const QString kContent = QStringLiteral("0123456789abcdef0123456789abcdef01234567");

diagnostics::DiagnosticInputs peeringDevice()
{
    diagnostics::DiagnosticInputs in;
    in.activity.configuredMode = 1;
    in.activity.downloadMode = 1;
    in.activity.discovery.state = discovery::DiscoveryState::Reachable;
    in.activity.peeringAllowed = true;
    in.activity.offered.append({kContent, "10.0.0.7:7680", transfer::SourceClass::LanPeer});
    return in;
}

transfer::JobStatus httpOnlySoFar()
{
    transfer::JobStatus job;
    job.jobId = QStringLiteral("job-1");
    job.fileName = QStringLiteral("update.cab");
    job.fileId = kContent;
    job.fileSize = 100 * 1024 * 1024;
    job.downloadMode = 1;
    job.shareable = true;
    job.bytesFromHttp = 40 * 1024 * 1024;
    job.totalBytesDownloaded = job.bytesFromHttp;
    job.createdAt = QDateTime::currentDateTimeUtc().addSecs(-600);
    return job;
}

stats::ConnectionRecord endedConnection(int secondsAgo, const QString& reason)
{
    stats::ConnectionRecord r;
    r.contentId = kContent;
    r.endpoint = QStringLiteral("10.0.0.7:7680");
    r.endedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    r.startedAt = r.endedAt.addSecs(-1);
    r.endReason = reason;
    return r;
}

const diagnostics::TraceStep* stepNamed(const DownloadTrace& t, const QString& gate)
{
    for (const diagnostics::TraceStep& s : t.steps)
        if (s.gate == gate)
            return &s;
    return nullptr;
}

} // namespace

class DownloadTraceTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noPeerEverConnected();
    void peersConnectedAndLeft();
    void earlierDownloadsConnectionsDoNotCount();
    void restrictionToLocalPeersLeavesNoneOffered();
};

void DownloadTraceTest::noPeerEverConnected()
{
    const DownloadTrace t = diagnostics::traceDownload(httpOnlySoFar(), peeringDevice());
    QVERIFY2(t.conclusion.contains("\"Connected to a peer\" did not hold"),
             qPrintable(t.conclusion));
    QVERIFY(t.conclusion.contains("0 connection(s) now, 0 ended"));
}

void DownloadTraceTest::peersConnectedAndLeft()
{
    diagnostics::DiagnosticInputs in = peeringDevice();
    in.endedConnections = {endedConnection(300, "not admitted: no swarm key proof"),
                           endedConnection(200, "not admitted: no swarm key proof")};
    const DownloadTrace t = diagnostics::traceDownload(httpOnlySoFar(), in);
    const diagnostics::TraceStep* connected = stepNamed(t, "Connected to a peer");
    QVERIFY(connected && connected->passed);
    QVERIFY2(connected->detail.contains("2 ended since the download began"),
             qPrintable(connected->detail));
    const diagnostics::TraceStep* delivered = stepNamed(t, "Peers delivered bytes");
    QVERIFY(delivered && !delivered->passed);
    QVERIFY2(delivered->detail.contains(
                 "the peer connections ended: not admitted: no swarm key proof (2 ×)"),
             qPrintable(delivered->detail));
    QVERIFY2(t.conclusion.contains("Peers delivered bytes") &&
                 t.conclusion.contains("not admitted"),
             qPrintable(t.conclusion));
}

void DownloadTraceTest::earlierDownloadsConnectionsDoNotCount()
{
    diagnostics::DiagnosticInputs in = peeringDevice();
    in.endedConnections = {endedConnection(3600, "download finished")}; // before this job began
    const DownloadTrace t = diagnostics::traceDownload(httpOnlySoFar(), in);
    const diagnostics::TraceStep* connected = stepNamed(t, "Connected to a peer");
    QVERIFY(connected && !connected->passed);
}

void DownloadTraceTest::restrictionToLocalPeersLeavesNoneOffered()
{
    // DORestrictPeerSelectionBy 2 dropped the service's offer: nobody answered on the link.
    diagnostics::DiagnosticInputs in = peeringDevice();
    in.activity.offered.clear();
    in.activity.discovery.local.restricting = true;
    const DownloadTrace t = diagnostics::traceDownload(httpOnlySoFar(), in);
    const diagnostics::TraceStep* offered = stepNamed(t, "Peers offered for this content");
    QVERIFY(offered);
    QVERIFY(!offered->passed);
    QVERIFY2(offered->detail.contains("found on the local link (DORestrictPeerSelectionBy 2: 0 "
                                      "device(s) found there)"),
             qPrintable(offered->detail));
}

QTEST_GUILESS_MAIN(DownloadTraceTest)
#include "test_download_trace.moc"
