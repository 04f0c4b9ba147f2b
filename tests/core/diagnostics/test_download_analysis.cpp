// analyzeDownloads: which downloads could use peers, why the others could not (each counted
// once, metainfo first), and the shares of bytes from peers over all, the eligible and the
// peered downloads.

#include "diagnostics/DownloadAnalysis.h"

#include <QTest>

using namespace opendo;
using diagnostics::analyzeDownloads;
using transfer::JobState;
using transfer::JobStatus;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

JobStatus job(qint64 size, bool shareable, int mode, qint64 fromPeers, bool foreground = true,
              JobState state = JobState::Caching)
{
    JobStatus s;
    s.fileSize = size;
    s.shareable = shareable;
    s.downloadMode = mode;
    s.foreground = foreground;
    s.state = state;
    s.totalBytesDownloaded = size;
    s.bytesFromPeers = fromPeers;
    s.bytesFromHttp = size - fromPeers;
    return s;
}

} // namespace

class DownloadAnalysisTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsAndShares()
    {
        const QList<JobStatus> jobs{
            job(100 * kMiB, true, 1, 75 * kMiB), // eligible, peered
            job(100 * kMiB, true, 2, 0, false),  // eligible, nothing from peers
            job(100 * kMiB, false, 99, 0),       // no metainfo
            job(10 * kMiB, false, 99, 0),        // no metainfo (counted there, not size)
            job(10 * kMiB, true, 1, 0, false),   // below the minimum
            job(100 * kMiB, true, 0, 0),         // mode 0
            job(100 * kMiB, true, 1, 0, true, JobState::Cancelled), // ignored
        };
        const auto a = analyzeDownloads(jobs, 50 * kMiB);
        QCOMPARE(a.files, 6);
        QCOMPARE(a.foregroundFiles, 4);
        QCOMPARE(a.eligibleFiles, 2);
        QCOMPARE(a.httpOnlyFiles, 2);
        QCOMPARE(a.belowMinSizeFiles, 1);
        QCOMPARE(a.noPeeringModeFiles, 1);
        QCOMPARE(a.filesWithPeerBytes, 1);
        QCOMPARE(a.eligibleFiles + a.httpOnlyFiles + a.belowMinSizeFiles + a.noPeeringModeFiles,
                 a.files);
        QCOMPARE(a.bytes, 420 * kMiB);
        QCOMPARE(a.peerBytes, 75 * kMiB);
        QCOMPARE(a.eligibleEfficiency(), 37.5);
        QCOMPARE(a.peeredEfficiency(), 75.0);
        QVERIFY(qAbs(a.efficiency() - 100.0 * 75 / 420) < 1e-9);
    }

    void nothingKnown()
    {
        const auto a = analyzeDownloads({}, 50 * kMiB);
        QCOMPARE(a.files, 0);
        QCOMPARE(a.efficiency(), 0.0);
        QCOMPARE(a.eligibleEfficiency(), 0.0);
    }
};

QTEST_GUILESS_MAIN(DownloadAnalysisTest)
#include "test_download_analysis.moc"
