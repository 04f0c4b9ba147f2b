// DOModifyCacheDrive changed while the agent runs, end to end with a real nginx origin: the
// cache waits for the running download, moves with its content as soon as nothing writes to
// it (complete and partial content alike, nothing downloaded twice), and the download resumes
// and finishes in the new folder, byte-identical. Onto another drive (/dev/shm, a tmpfs) the
// content is copied in the background instead, with the same outcome.

#include "agent/Agent.h"
#include "log/LogBuffer.h"
#include "support/AgentDownloads.h"
#include "support/AgentPolicies.h"
#include "support/LiveChecks.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using agent::Agent;
using diagnostics::CheckResult;
using diagnostics::Verdict;
using transfer::JobState;
using transfer::JobStatus;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kSmallSize = 4 * kMiB;
constexpr qint64 kBigSize = 32 * kMiB;

QString contentPath(const QString& cacheDir, const QString& contentId)
{
    return QDir(cacheDir).filePath(contentId + "/content");
}

// A folder on another file system than `besides` (/dev/shm is a tmpfs of its own on Linux).
std::unique_ptr<QTemporaryDir> folderOnAnotherDrive(const QString& besides)
{
    const QString shm = QStringLiteral("/dev/shm");
    if (!QFileInfo(shm).isWritable() ||
        QStorageInfo(shm).rootPath() == QStorageInfo(besides).rootPath())
        return nullptr;
    auto dir = std::make_unique<QTemporaryDir>(shm + "/opendo-cache-move-XXXXXX");
    return dir->isValid() ? std::move(dir) : nullptr;
}

int logLinesContaining(const QString& text)
{
    int lines = 0;
    for (const log::LogRecord& r : Agent::logRecords(0))
        lines += r.message.contains(text) ? 1 : 0;
    return lines;
}

} // namespace

class AgentCacheMoveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cacheFollowsThePolicyOnceDownloadsLetIt();
    void policyChangedWhileStoppedMovesAtStart();
    void cacheIsCopiedOntoAnotherDrive();
    void policyChangedWhileStoppedCopiesAfterStart();

private:
    // Downloads small.bin into the cache (test files are small: DOMinFileSizeToCache 1 MB).
    QString cacheSmallFile(Agent& agent);
    // Starts big.bin at `kbps` KB/s and returns once 4 MiB of it are in the cache.
    transfer::AddDownloadResult startBigDownload(Agent& agent, const QString& kbps);
    // Resumes the paused big download: it completes in `newCache` fetching only what it lacked,
    // and the small file, moved before, is used as it is (nothing downloaded again).
    void finishesFromMovedPieces(Agent& agent, const JobStatus& paused, const QString& newCache);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
};

void AgentCacheMoveTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    log::LogBuffer::install(); // the agent's log lines become readable through logRecords()
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    QVERIFY(QDir().mkpath(options.documentRoot));
    QVERIFY(writeRandomFile(m_dir.filePath("www/small.bin"), kSmallSize, 3));
    QVERIFY(writeRandomFile(m_dir.filePath("www/big.bin"), kBigSize, 4));
    m_nginx = std::make_unique<NginxServer>(options);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
}

QString AgentCacheMoveTest::cacheSmallFile(Agent& agent)
{
    if (!applyPolicyValues(agent, {{"DOMinFileSizeToCache", "1"}}))
        return {};
    const JobStatus done = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    return done.state == JobState::Complete ? done.fileId : QString();
}

transfer::AddDownloadResult AgentCacheMoveTest::startBigDownload(Agent& agent, const QString& kbps)
{
    if (!applyPolicyValues(agent, {{"DOMaxForegroundDownloadBandwidth", kbps}}))
        return {{}, "the bandwidth policy was refused"};
    const auto big = agent.addDownload({m_nginx->url("/big.bin").toString(), {}, true}).result();
    QDeadlineTimer started(20000);
    while (!big.jobId.isEmpty() && !started.hasExpired() &&
           latestStatus(agent, big.jobId).fileSizeInCache < 4 * kMiB)
        QTest::qWait(50);
    return big;
}

void AgentCacheMoveTest::finishesFromMovedPieces(Agent& agent, const JobStatus& paused,
                                                 const QString& newCache)
{
    const qint64 servedBeforeResume = m_nginx->bytesServed();
    QVERIFY(applyPolicyValues(agent, {{"DOMaxForegroundDownloadBandwidth", "0"}}));
    QVERIFY(agent.resumeDownload(paused.jobId).result());
    const JobStatus bigDone = agent.waitForJob(paused.jobId).result();
    QVERIFY2(bigDone.state == JobState::Complete, qPrintable(bigDone.error));
    QVERIFY(sameContent(contentPath(newCache, paused.fileId), m_dir.filePath("www/big.bin")));
    const qint64 servedAfterResume = m_nginx->bytesServed() - servedBeforeResume;
    QVERIFY2(servedAfterResume <= kBigSize - paused.fileSizeInCache + 2 * kMiB,
             qPrintable(QString("%1 bytes served after the resume, %2 were in the cache")
                            .arg(servedAfterResume)
                            .arg(paused.fileSizeInCache)));
    const JobStatus againDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(againDone.state == JobState::Complete, qPrintable(againDone.error));
    QCOMPARE(againDone.totalBytesDownloaded, qint64(0));
}

void AgentCacheMoveTest::cacheFollowsThePolicyOnceDownloadsLetIt()
{
    QTemporaryDir data;
    const QString oldCache = data.filePath("cache");
    const QString newCache = m_dir.filePath("new-cache");
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    const QString smallId = cacheSmallFile(agent);
    QVERIFY(!smallId.isEmpty());
    // 2 MB/s keeps the big download running for about 16 s.
    const transfer::AddDownloadResult big = startBigDownload(agent, "2048");
    QVERIFY2(!big.jobId.isEmpty(), qPrintable(big.error));
    const JobStatus running = latestStatus(agent, big.jobId);
    QCOMPARE(running.state, JobState::Downloading);
    QVERIFY(running.fileSizeInCache >= 4 * kMiB);

    // While the download writes, the cache stays and the troubleshooter says what it waits for.
    QVERIFY(applyPolicyValues(agent, {{"DOModifyCacheDrive", newCache}}));
    const CheckResult waiting = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(waiting.verdict == Verdict::Warn, qPrintable(describeResult(waiting)));
    QVERIFY2(waiting.evidence.join('\n').contains("Downloads writing to the cache: 1"),
             qPrintable(describeResult(waiting)));
    QVERIFY2(waiting.remedy.contains("pause them"), qPrintable(describeResult(waiting)));
    QVERIFY(QFileInfo::exists(contentPath(oldCache, smallId)));
    QVERIFY(!QFileInfo::exists(contentPath(newCache, smallId)));
    // The wait is logged once, not at each of the agent's retries (every 2 s).
    QTest::qWait(4500);
    QCOMPARE(latestStatus(agent, big.jobId).state, JobState::Downloading);
    QVERIFY(QFileInfo::exists(contentPath(oldCache, smallId)));
    QCOMPARE(logLinesContaining("the cache moves to " + newCache + " once 1 running"), 1);

    // Paused, nothing writes: the cache moves within the agent's retry interval.
    QVERIFY(agent.pauseDownload(big.jobId).result());
    QDeadlineTimer moved(15000);
    // The old folder goes last, after every content moved and the new place was recorded.
    while (!moved.hasExpired() && QFileInfo::exists(oldCache))
        QTest::qWait(50);
    QVERIFY(QFileInfo::exists(contentPath(newCache, smallId)));
    const JobStatus paused = latestStatus(agent, big.jobId);
    const QString bigId = paused.fileId;
    QVERIFY(QFileInfo::exists(contentPath(newCache, bigId)));
    QVERIFY2(!QFileInfo::exists(oldCache), qPrintable(oldCache)); // emptied, so removed
    QVERIFY(sameContent(contentPath(newCache, smallId), m_dir.filePath("www/small.bin")));
    const CheckResult settled = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(settled.verdict == Verdict::Pass, qPrintable(describeResult(settled)));

    // The download goes on in the new folder from the pieces it had.
    finishesFromMovedPieces(agent, paused, newCache);
}

void AgentCacheMoveTest::policyChangedWhileStoppedMovesAtStart()
{
    QTemporaryDir data;
    const QString oldCache = data.filePath("cache");
    const QString newCache = data.filePath("moved/cache");
    QString smallId;
    {
        Agent agent(testAgentOptions(data.path()));
        QCOMPARE(agent.start().result(), QString());
        smallId = cacheSmallFile(agent);
        QVERIFY(!smallId.isEmpty());
    }
    QVERIFY(QFileInfo::exists(contentPath(oldCache, smallId)));
    // As doctl config set does without a running agent: straight into the database.
    QCOMPARE(applyPolicyValuesOffline(data.path(), {{"DOModifyCacheDrive", newCache}}), QString());
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    QVERIFY(QFileInfo::exists(contentPath(newCache, smallId)));
    QVERIFY(!QFileInfo::exists(oldCache));
    const JobStatus againDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(againDone.state == JobState::Complete, qPrintable(againDone.error));
    QCOMPARE(againDone.totalBytesDownloaded, qint64(0));
    QVERIFY(sameContent(contentPath(newCache, smallId), m_dir.filePath("www/small.bin")));
}

void AgentCacheMoveTest::cacheIsCopiedOntoAnotherDrive()
{
    QTemporaryDir data;
    const std::unique_ptr<QTemporaryDir> drive = folderOnAnotherDrive(data.path());
    if (!drive)
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    const QString oldCache = data.filePath("cache");
    const QString newCache = drive->filePath("cache");
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    const QString smallId = cacheSmallFile(agent);
    QVERIFY(!smallId.isEmpty());
    // A partial download, paused: its pieces are copied with their holes.
    const transfer::AddDownloadResult big = startBigDownload(agent, "4096");
    QVERIFY2(!big.jobId.isEmpty(), qPrintable(big.error));
    QVERIFY(agent.pauseDownload(big.jobId).result());
    QDeadlineTimer settled(5000);
    while (!settled.hasExpired() && latestStatus(agent, big.jobId).state != JobState::Paused)
        QTest::qWait(20);
    const JobStatus paused = latestStatus(agent, big.jobId);
    QCOMPARE(paused.state, JobState::Paused);
    const QString bigId = paused.fileId;

    QVERIFY(applyPolicyValues(agent, {{"DOModifyCacheDrive", newCache}}));
    QDeadlineTimer moved(20000);
    while (!moved.hasExpired() && QFileInfo::exists(oldCache))
        QTest::qWait(50);
    QVERIFY2(!QFileInfo::exists(oldCache), qPrintable(oldCache)); // copied, then removed
    QVERIFY(sameContent(contentPath(newCache, smallId), m_dir.filePath("www/small.bin")));
    QVERIFY(QFileInfo::exists(contentPath(newCache, bigId)));
    QCOMPARE(logLinesContaining("copying the cache from " + oldCache + " to " + newCache +
                                " on another drive: 2 content(s)"),
             1);
    QCOMPARE(logLinesContaining("cache folder moved from " + oldCache + " to " + newCache +
                                " (contents moved: 2, evicted: 0)"),
             1);
    const CheckResult done = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(done.verdict == Verdict::Pass, qPrintable(describeResult(done)));

    // The download goes on in the new folder from the pieces that were copied.
    finishesFromMovedPieces(agent, paused, newCache);
}

void AgentCacheMoveTest::policyChangedWhileStoppedCopiesAfterStart()
{
    QTemporaryDir data;
    const std::unique_ptr<QTemporaryDir> drive = folderOnAnotherDrive(data.path());
    if (!drive)
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    const QString oldCache = data.filePath("cache");
    const QString newCache = drive->filePath("cache");
    QString smallId;
    {
        Agent agent(testAgentOptions(data.path()));
        QCOMPARE(agent.start().result(), QString());
        smallId = cacheSmallFile(agent);
        QVERIFY(!smallId.isEmpty());
        QVERIFY(applyPolicyValues(agent, {{"DOModifyCacheDrive", newCache}}));
    }
    // The agent stopped at once after the change: the move either completed or was undone, so
    // the content is in exactly one place.
    QVERIFY(QFileInfo::exists(contentPath(oldCache, smallId)) !=
            QFileInfo::exists(contentPath(newCache, smallId)));

    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    QDeadlineTimer moved(20000);
    while (!moved.hasExpired() && QFileInfo::exists(oldCache))
        QTest::qWait(50);
    QVERIFY2(!QFileInfo::exists(oldCache), qPrintable(oldCache));
    QVERIFY(sameContent(contentPath(newCache, smallId), m_dir.filePath("www/small.bin")));
    const JobStatus againDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(againDone.state == JobState::Complete, qPrintable(againDone.error));
    QCOMPARE(againDone.totalBytesDownloaded, qint64(0));
}

QTEST_GUILESS_MAIN(AgentCacheMoveTest)
#include "test_agent_cache_move.moc"
