// DOModifyCacheDrive changed while the agent runs, end to end with a real nginx origin: the
// cache waits for the running download, moves with its content as soon as nothing writes to
// it (complete and partial content alike, nothing downloaded twice), and the download resumes
// and finishes in the new folder, byte-identical.

#include "agent/Agent.h"
#include "log/LogBuffer.h"
#include "persistence/Database.h"
#include "policy/PolicyStore.h"
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

} // namespace

class AgentCacheMoveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cacheFollowsThePolicyOnceDownloadsLetIt();
    void policyChangedWhileStoppedMovesAtStart();

private:
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

void AgentCacheMoveTest::cacheFollowsThePolicyOnceDownloadsLetIt()
{
    QTemporaryDir data;
    const QString oldCache = data.filePath("cache");
    const QString newCache = m_dir.filePath("new-cache");
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    // Small test files are cached (the default minimum is 50 MB).
    QVERIFY(applyPolicyValues(agent, {{"DOMinFileSizeToCache", "1"}}));

    const JobStatus smallDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(smallDone.state == JobState::Complete, qPrintable(smallDone.error));
    const QString smallId = smallDone.fileId;

    // 2 MB/s keeps the big download running for about 16 s.
    QVERIFY(applyPolicyValues(agent, {{"DOMaxForegroundDownloadBandwidth", "2048"}}));
    const auto big = agent.addDownload({m_nginx->url("/big.bin").toString(), {}, true}).result();
    QVERIFY2(!big.jobId.isEmpty(), qPrintable(big.error));
    QDeadlineTimer started(20000);
    while (!started.hasExpired() && latestStatus(agent, big.jobId).fileSizeInCache < 4 * kMiB)
        QTest::qWait(50);
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
    int waitLines = 0;
    for (const log::LogRecord& r : Agent::logRecords(0))
        waitLines +=
            r.message.contains("the cache moves to " + newCache + " once 1 running") ? 1 : 0;
    QCOMPARE(waitLines, 1);

    // Paused, nothing writes: the cache moves within the agent's retry interval.
    QVERIFY(agent.pauseDownload(big.jobId).result());
    QDeadlineTimer moved(15000);
    while (!moved.hasExpired() && !QFileInfo::exists(contentPath(newCache, smallId)))
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
    const qint64 servedBeforeResume = m_nginx->bytesServed();
    QVERIFY(applyPolicyValues(agent, {{"DOMaxForegroundDownloadBandwidth", "0"}}));
    QVERIFY(agent.resumeDownload(big.jobId).result());
    const JobStatus bigDone = agent.waitForJob(big.jobId).result();
    QVERIFY2(bigDone.state == JobState::Complete, qPrintable(bigDone.error));
    QVERIFY(sameContent(contentPath(newCache, bigId), m_dir.filePath("www/big.bin")));
    const qint64 servedAfterResume = m_nginx->bytesServed() - servedBeforeResume;
    QVERIFY2(servedAfterResume <= kBigSize - paused.fileSizeInCache + 2 * kMiB,
             qPrintable(QString("%1 bytes served after the resume, %2 were in the cache")
                            .arg(servedAfterResume)
                            .arg(paused.fileSizeInCache)));

    // Moved content is used as it is: asking for it again downloads nothing.
    const JobStatus againDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(againDone.state == JobState::Complete, qPrintable(againDone.error));
    QCOMPARE(againDone.totalBytesDownloaded, qint64(0));
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
        QVERIFY(applyPolicyValues(agent, {{"DOMinFileSizeToCache", "1"}}));
        const JobStatus done = downloadIntoCache(agent, m_nginx->url("/small.bin"));
        QVERIFY2(done.state == JobState::Complete, qPrintable(done.error));
        smallId = done.fileId;
    }
    QVERIFY(QFileInfo::exists(contentPath(oldCache, smallId)));
    {
        // As doctl config set does without a running agent: straight into the database.
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(data.path(), &error), qPrintable(error));
        policy::PolicyStore policies(db.handle());
        QVERIFY2(policies.load(&error), qPrintable(error));
        QVERIFY(
            policies.apply({policy::PolicyLayer::Policy, {{"DOModifyCacheDrive", newCache}}}).ok);
    }
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    QVERIFY(QFileInfo::exists(contentPath(newCache, smallId)));
    QVERIFY(!QFileInfo::exists(oldCache));
    const JobStatus againDone = downloadIntoCache(agent, m_nginx->url("/small.bin"));
    QVERIFY2(againDone.state == JobState::Complete, qPrintable(againDone.error));
    QCOMPARE(againDone.totalBytesDownloaded, qint64(0));
    QVERIFY(sameContent(contentPath(newCache, smallId), m_dir.filePath("www/small.bin")));
}

QTEST_GUILESS_MAIN(AgentCacheMoveTest)
#include "test_agent_cache_move.moc"
