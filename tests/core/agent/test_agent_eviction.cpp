// Cache eviction end to end: a real Agent downloads from a real nginx and its janitor applies
// DOMaxCacheAge, DOMaxCacheSize (percent of the cache drive) and DOAbsoluteMaxCacheSize (alone,
// and winning over the percentage); pinned content survives. Each case looks at the data file, the
// index row, the eviction record and the log line.

#include "agent/Agent.h"
#include "cache/CacheEviction.h"
#include "cache/PieceStore.h"
#include "log/LogBuffer.h"
#include "persistence/Database.h"
#include "support/AgentDownloads.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using agent::Agent;
using transfer::JobState;
using transfer::JobStatus;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
// The percentage case needs a drive on which 1 % (the policy's minimum) is a download a test
// can afford; a larger drive skips it.
constexpr qint64 kMaxBigDownload = 400 * kMiB;

bool applyPolicies(Agent& agent, const QList<std::pair<QString, QString>>& values)
{
    policy::PolicyChangeSet changes{policy::PolicyLayer::Policy, {}};
    for (const auto& [key, value] : values)
        changes.changes.append({key, value});
    const policy::PolicyApplyResult result = agent.applyPolicyChanges(changes).result();
    for (const policy::PolicyIssue& issue : result.issues)
        qWarning("policy refused: %s", qPrintable(issue.message));
    return result.ok;
}

// Downloads `url` into the cache only; returns the content id, "" on failure.
QString download(Agent& agent, const QUrl& url)
{
    const JobStatus done = downloadIntoCache(agent, url);
    if (done.state != JobState::Complete) {
        qWarning("%s ended %s: %s", qPrintable(url.toString()),
                 qPrintable(transfer::jobStateName(done.state)), qPrintable(done.error));
        return {};
    }
    return done.fileId;
}

// A second connection to the agent's index, as doctl opens it next to a running agent.
class Index
{
public:
    explicit Index(const QString& dataDir, const QString& cacheDir)
    {
        QString error;
        m_ok = m_db.open(dataDir, &error);
        if (!m_ok)
            qWarning("cannot open the index: %s", qPrintable(error));
        m_store = std::make_unique<cache::PieceStore>(m_db.handle(), cacheDir);
    }
    bool ok() const { return m_ok; }
    cache::PieceStore& store() { return *m_store; }
    QSqlDatabase handle() { return m_db.handle(); }

    std::optional<cache::EvictionRecord> evictionOf(const QString& contentId) const
    {
        for (const cache::EvictionRecord& r : m_store->evictions())
            if (r.contentId == contentId)
                return r;
        return std::nullopt;
    }

private:
    persistence::Database m_db;
    std::unique_ptr<cache::PieceStore> m_store;
    bool m_ok = false;
};

// The agent's "cache: evicted <name> (<id>, …): <reason>" line, if it logged one.
QString evictionLogLine(const QString& contentId)
{
    for (const log::LogRecord& r : Agent::logRecords(0)) {
        if (r.message.contains(QLatin1String("cache: evicted")) && r.message.contains(contentId))
            return r.message;
    }
    return {};
}

} // namespace

class AgentEvictionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void oldContentIsEvictedPinnedContentStays();
    void absoluteSizeWinsOverThePercentageOfTheDrive();
    void absoluteSizeEvictsTheLeastRecentlyUsed();

private:
    void verifyEvicted(Index& index, const QString& contentId, const QString& reasonPart);
    void verifyKept(Index& index, const QString& contentId);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
};

void AgentEvictionTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    log::LogBuffer::install(); // the agent's log lines become readable through logRecords()
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    QVERIFY(QDir().mkpath(options.documentRoot));
    for (const char* name : {"a.bin", "b.bin", "c.bin", "d.bin"})
        QVERIFY(writeRandomFile(m_dir.filePath("www/") + name, 2 * kMiB, quint32(name[0])));
    QVERIFY(writeRandomFile(m_dir.filePath("www/8m.bin"), 8 * kMiB, 8));
    m_nginx = std::make_unique<NginxServer>(options);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
}

void AgentEvictionTest::verifyEvicted(Index& index, const QString& contentId,
                                      const QString& reasonPart)
{
    const QString dataPath = index.store().dataPath(contentId);
    QVERIFY(!dataPath.isEmpty());
    QVERIFY2(!QFileInfo::exists(dataPath), qPrintable(dataPath));
    QVERIFY2(!QFileInfo::exists(QFileInfo(dataPath).absolutePath()), qPrintable(dataPath));
    QVERIFY(!index.store().find(contentId));
    QSqlQuery pieces(index.handle());
    pieces.prepare("SELECT COUNT(*) FROM cache_pieces WHERE content_id = ?");
    pieces.addBindValue(contentId);
    QVERIFY(pieces.exec() && pieces.next());
    QCOMPARE(pieces.value(0).toInt(), 0);
    const auto record = index.evictionOf(contentId);
    QVERIFY2(record, qPrintable(contentId + " has no eviction record"));
    QVERIFY2(record->reason.contains(reasonPart), qPrintable(record->reason));
    const QString line = evictionLogLine(contentId);
    QVERIFY2(line.contains(reasonPart), qPrintable("log: " + line));
}

void AgentEvictionTest::verifyKept(Index& index, const QString& contentId)
{
    const auto content = index.store().find(contentId);
    QVERIFY2(content, qPrintable(contentId + " left the index"));
    QVERIFY(content->complete());
    QCOMPARE(QFileInfo(index.store().dataPath(contentId)).size(), content->geometry.fileSize);
    const auto record = index.evictionOf(contentId);
    QVERIFY2(!record, qPrintable(contentId + " evicted: " + (record ? record->reason : "")));
}

void AgentEvictionTest::oldContentIsEvictedPinnedContentStays()
{
    QTemporaryDir data;
    const QString cacheDir = data.filePath("cache");
    QString oldId, pinnedId, freshId;
    {
        Agent agent(testAgentOptions(data.path()));
        QCOMPARE(agent.start().result(), QString());
        // 2 MiB files stay above the minimum size to cache; an hour is the age limit.
        QVERIFY(applyPolicies(agent, {{"DOMinFileSizeToCache", "1"}, {"DOMaxCacheAge", "3600"}}));
        oldId = download(agent, m_nginx->url("/a.bin"));
        pinnedId = download(agent, m_nginx->url("/b.bin"));
        QVERIFY(!oldId.isEmpty() && !pinnedId.isEmpty());
        QCOMPARE(agent.setPinned(pinnedId, true).result(), QString());
    }
    {
        // The agent is stopped: two hours pass for both contents. The index keeps times as
        // seconds since the epoch, so moving them back is all an hour's wait would change.
        Index index(data.path(), cacheDir);
        QVERIFY(index.ok());
        QVERIFY(index.store().evictions().isEmpty()); // both were young when they were stored
        QSqlQuery q(index.handle());
        QVERIFY(q.exec("UPDATE cache_contents SET added_at = added_at - 7200, "
                       "completed_at = completed_at - 7200, last_used_at = last_used_at - 7200"));
        QCOMPARE(q.numRowsAffected(), 2);
    }

    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    // The janitor sweeps after each finished download.
    freshId = download(agent, m_nginx->url("/c.bin"));
    QVERIFY(!freshId.isEmpty());
    Index index(data.path(), cacheDir);
    QVERIFY(index.ok());
    QTRY_VERIFY_WITH_TIMEOUT(index.evictionOf(oldId).has_value(), 5000);
    verifyEvicted(index, oldId, "older than DOMaxCacheAge (3600 s)");
    // Just as old, but pinned: the admin's wish wins over the age limit.
    verifyKept(index, pinnedId);
    QVERIFY(index.store().find(pinnedId)->pinned);
    verifyKept(index, freshId);
    QCOMPARE(index.store().evictions().size(), 1);
}

void AgentEvictionTest::absoluteSizeWinsOverThePercentageOfTheDrive()
{
    // The percentage applies to the drive that holds the cache: find one on which 1 % is small
    // enough to exceed with one download (tmpfs usually; the system disk is far too big).
    QString volumeDir;
    QStorageInfo volume;
    for (const QString& dir : {QDir::tempPath(), QStringLiteral("/dev/shm"),
                               QStringLiteral("/run/shm"), QStringLiteral("/var/tmp")}) {
        const QStorageInfo info(dir);
        const QFileInfo fi(dir);
        if (!info.isValid() || !info.isReady() || info.isReadOnly() || !fi.isDir() ||
            !fi.isWritable() || info.bytesTotal() <= 0)
            continue;
        if (volumeDir.isEmpty() || info.bytesTotal() < volume.bytesTotal()) {
            volumeDir = dir;
            volume = info;
        }
    }
    if (volumeDir.isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("no writable volume for the cache");
    cache::CacheLimits onePercent;
    onePercent.maxSizePercent = 1;
    const qint64 limit =
        cache::cacheSizeLimit(onePercent, {volume.bytesTotal(), volume.bytesAvailable()});
    // Sizes: old 8 MiB, big = limit - 6 MiB, two more of 2 MiB. Old + big + one 2 MiB file is
    // over the 1 % limit; once the old one goes, big and both 2 MiB files fit again.
    const qint64 bigSize = limit - 6 * kMiB;
    if (bigSize > kMaxBigDownload || bigSize <= 0 || volume.bytesAvailable() < limit + 64 * kMiB)
        OPENDO_SKIP_WITHOUT_TOOL(
            qPrintable(QString("the smallest writable volume (%1, %2 MiB, %3 MiB free) has "
                               "1 %% = %4 MiB: too big a download for this test")
                           .arg(volumeDir)
                           .arg(volume.bytesTotal() / kMiB)
                           .arg(volume.bytesAvailable() / kMiB)
                           .arg(limit / kMiB)));
    qInfo("cache on %s: %lld MiB drive, 1 %% = %lld bytes, big download %lld bytes",
          qPrintable(volumeDir), volume.bytesTotal() / kMiB, limit, bigSize);
    // Content does not matter here; a sparse file costs nginx's disk nothing.
    {
        QFile big(m_dir.filePath("www/big.bin"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(bigSize));
    }
    QTemporaryDir cacheRoot(volumeDir + "/opendo-eviction-XXXXXX");
    QVERIFY(cacheRoot.isValid());
    const QString cacheDir = cacheRoot.filePath("cache");

    QTemporaryDir data;
    {
        // DOModifyCacheDrive is read when the agent starts.
        Agent agent(testAgentOptions(data.path()));
        QCOMPARE(agent.start().result(), QString());
        QVERIFY(applyPolicies(agent, {{"DOModifyCacheDrive", cacheDir},
                                      {"DOMinFileSizeToCache", "1"},
                                      {"DOMaxCacheSize", "1"},
                                      {"DOAbsoluteMaxCacheSize", "1"}})); // 1 GB
    }
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    const QString oldId = download(agent, m_nginx->url("/8m.bin"));
    QVERIFY(!oldId.isEmpty());
    Index index(data.path(), cacheDir);
    QVERIFY(index.ok());
    QCOMPARE(QFileInfo(index.store().dataPath(oldId)).absolutePath(),
             QDir(cacheDir).filePath(oldId)); // on the small volume
    QTest::qWait(1100); // last use is kept in seconds: make the first content the oldest
    const QString bigId = download(agent, m_nginx->url("/big.bin"));
    QVERIFY(!bigId.isEmpty());
    const QString cId = download(agent, m_nginx->url("/c.bin"));
    QVERIFY(!cId.isEmpty());
    // 1 % of the drive is exceeded, but 1 GB is the limit: the janitor swept after each of the
    // three downloads and kept everything.
    QVERIFY2(index.store().totalBytes() > limit,
             qPrintable(QString::number(index.store().totalBytes())));
    QTest::qWait(200);
    QVERIFY(index.store().evictions().isEmpty());
    for (const QString& id : {oldId, bigId, cId})
        verifyKept(index, id);

    // Without the absolute limit the percentage applies: the next sweep makes room by evicting
    // the least recently used content, and only that one.
    QVERIFY(applyPolicies(agent, {{"DOAbsoluteMaxCacheSize", "0"}}));
    const QString dId = download(agent, m_nginx->url("/d.bin"));
    QVERIFY(!dId.isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(index.evictionOf(oldId).has_value(), 5000);
    verifyEvicted(index, oldId, "DOMaxCacheSize 1 % of a");
    QVERIFY(!index.evictionOf(oldId)->reason.contains("DOAbsoluteMaxCacheSize"));
    for (const QString& id : {bigId, cId, dId})
        verifyKept(index, id);
    QCOMPARE(index.store().evictions().size(), 1);
    QVERIFY(index.store().totalBytes() <= limit);
}

void AgentEvictionTest::absoluteSizeEvictsTheLeastRecentlyUsed()
{
    // DOAbsoluteMaxCacheSize counts whole GB, so this takes two downloads of 600 MiB. nginx
    // serves sparse files (its disk does nothing); the cache writes every byte, as it must.
    constexpr qint64 kSize = 600 * kMiB;
    for (const char* name : {"600a.bin", "600b.bin"}) {
        QFile f(m_dir.filePath("www/") + name);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(kSize));
    }
    QTemporaryDir data;
    const QString cacheDir = data.filePath("cache");
    Agent agent(testAgentOptions(data.path()));
    QCOMPARE(agent.start().result(), QString());
    // On this drive the default DOMaxCacheSize (20 %) is many GB: only the absolute limit bites.
    QVERIFY(applyPolicies(agent, {{"DOMinFileSizeToCache", "1"}, {"DOAbsoluteMaxCacheSize", "1"}}));
    const QString firstId = download(agent, m_nginx->url("/600a.bin"));
    QVERIFY(!firstId.isEmpty());
    Index index(data.path(), cacheDir);
    QVERIFY(index.ok());
    QTest::qWait(200);
    verifyKept(index, firstId); // 600 MiB fit under 1 GB
    QTest::qWait(1100);         // last use is kept in seconds: make the first content the older

    const QString secondId = download(agent, m_nginx->url("/600b.bin"));
    QVERIFY(!secondId.isEmpty());
    // 1200 MiB are over 1 GB: the sweep after the download evicts the least recently used.
    QTRY_VERIFY_WITH_TIMEOUT(index.evictionOf(firstId).has_value(), 5000);
    verifyEvicted(index, firstId, "DOAbsoluteMaxCacheSize 1 GB");
    verifyKept(index, secondId);
    QCOMPARE(index.store().evictions().size(), 1);
    QCOMPARE(index.store().totalBytes(), kSize);
    for (const char* name : {"600a.bin", "600b.bin"})
        QFile::remove(m_dir.filePath("www/") + name);
}

QTEST_GUILESS_MAIN(AgentEvictionTest)
#include "test_agent_eviction.moc"
