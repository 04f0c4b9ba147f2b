// The download queue held while the cache is copied onto another drive: a job added or
// resumed meanwhile stays queued, says what it waits for and fetches nothing from the origin
// (real nginx), and starts as soon as the hold is released.

#include "cache/PieceStore.h"
#include "persistence/Database.h"
#include "policy/PolicyState.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "transfer/BandwidthLimiter.h"
#include "transfer/DownloadManager.h"
#include "transfer/WorkerPool.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using namespace opendo::transfer;

class DownloadHoldTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void heldQueueStartsNothingUntilReleased();
};

void DownloadHoldTest::heldQueueStartsNothingUntilReleased()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QTemporaryDir dir;
    NginxOptions options;
    options.documentRoot = dir.filePath("www");
    QVERIFY(QDir().mkpath(options.documentRoot));
    QVERIFY(writeRandomFile(dir.filePath("www/file.bin"), 3 * 1024 * 1024, 5));
    NginxServer nginx(options);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    persistence::Database db;
    QVERIFY2(db.open(dir.filePath("data"), &error), qPrintable(error));
    cache::PieceStore store(db.handle(), dir.filePath("data/cache"));
    QNetworkAccessManager network;
    BandwidthLimiter limiter;
    WorkerPool workers(2);
    JobContext context{store, network, limiter, workers, nullptr, nullptr};
    DownloadManager downloads(
        context, JobTable(db.handle()),
        [] { return policy::resolveEffective(policy::PolicyState{}); }, true);

    const QString reason = "the cache to finish copying to /mnt/elsewhere";
    downloads.holdStarts(reason);
    QVERIFY(downloads.startsHeld());
    const QString out = dir.filePath("out.bin");
    const AddDownloadResult added = downloads.add({nginx.url("/file.bin").toString(), out, true});
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    QTest::qWait(1500); // long enough for a started job to fetch all 3 MiB from loopback
    QCOMPARE(downloads.status(added.jobId)->state, JobState::Queued);
    QCOMPARE(downloads.status(added.jobId)->waitingFor, reason); // the status says why
    QCOMPARE(downloads.jobsUsingCacheFiles(), 0);
    QCOMPARE(nginx.bytesServed(), qint64(0));

    downloads.holdStarts({});
    QVERIFY(!downloads.startsHeld());
    QCOMPARE(downloads.status(added.jobId)->waitingFor, QString());
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && downloads.status(added.jobId)->state != JobState::Complete)
        QTest::qWait(50);
    QCOMPARE(downloads.status(added.jobId)->state, JobState::Complete);
    QVERIFY(sameContent(out, dir.filePath("www/file.bin")));
}

QTEST_GUILESS_MAIN(DownloadHoldTest)
#include "test_download_hold.moc"
