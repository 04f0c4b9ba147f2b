// Content and cache checks against conditions made for real: an in-process agent downloads from
// a real nginx, one URL published at the built-in discovery service and one not; HTTP delays set
// while no peer is offered; a cache holding a pinned and an unpinned content (sparse data files,
// so gigabytes cost nothing) under limits that warn, and an eviction the size limit forces when
// a download completes.

#include "agent/Agent.h"
#include "cache/PieceStore.h"
#include "content/MetainfoWriter.h"
#include "discovery/server/EmbeddedDiscoveryServer.h"
#include "persistence/Database.h"
#include "support/AgentPolicies.h"
#include "support/LiveChecks.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;
using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

constexpr qint64 kFileSize = 2 * 1024 * 1024;
constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;
constexpr qint64 kPieceLength = 16 * 1024 * 1024;

QString dump(const CheckResult& r)
{
    QStringList fix;
    for (const policy::PolicyChange& c : r.fix)
        fix << c.key + "=" + c.value.value_or("(unset)");
    return QString("%1 [%2] %3\nevidence: %4\nremedy: %5\nfix: %6")
        .arg(r.id, diagnostics::verdictKey(r.verdict), r.summary, r.evidence.join(" | "), r.remedy,
             fix.join(", "));
}

QString fixValue(const CheckResult& r, const QString& key)
{
    for (const policy::PolicyChange& c : r.fix)
        if (c.key == key)
            return c.value.value_or(QString());
    return {};
}

// Content in the cache index with every piece present: a sparse data file of full size, so
// start-up reconciliation keeps it.
bool addCompleteContent(cache::PieceStore& store, const QString& id, const QString& name,
                        qint64 size, bool pinned, QString* error)
{
    cache::ContentGeometry g{id, name, size, kPieceLength,
                             int((size + kPieceLength - 1) / kPieceLength)};
    if (!store.add(g, {}, "http://127.0.0.1:9/" + name, error))
        return false;
    QFile data(store.dataPath(id));
    if (!data.open(QIODevice::ReadWrite) || !data.resize(size)) {
        *error = data.errorString();
        return false;
    }
    QList<int> pieces;
    for (int i = 0; i < g.pieceCount; ++i)
        pieces << i;
    return store.markPresent(id, pieces, error) && (!pinned || store.setPinned(id, true, error));
}

} // namespace

class ContentCacheChecksLiveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void unpublishedUrlIsHttpOnly();
    void httpHeldBackWithoutPeers();
    void cacheLimitBeyondTheDrive();
    void pinnedContentAndAnEviction();

private:
    std::unique_ptr<agent::Agent> startAgent(const QString& name);
    transfer::JobStatus download(agent::Agent& agent, const QString& path);

    QTemporaryDir m_www;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::NginxServer> m_nginx;
    std::unique_ptr<discovery::EmbeddedDiscoveryServer> m_discovery;
    QString m_discoveryUrl;
};

void ContentCacheChecksLiveTest::initTestCase()
{
    if (!test::NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QVERIFY(m_www.isValid());
    for (const char* name : {"published.bin", "plain.bin", "small.bin"})
        QVERIFY(test::writeRandomFile(m_www.filePath(name), kFileSize, 7));
    test::NginxOptions nginxOptions;
    nginxOptions.documentRoot = m_www.path();
    m_nginx = std::make_unique<test::NginxServer>(nginxOptions);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));

    m_discovery = std::make_unique<discovery::EmbeddedDiscoveryServer>();
    discovery::DiscoveryServerOptions serverOptions;
    serverOptions.address = QHostAddress::LocalHost;
    serverOptions.intervalSeconds = 1;
    QFuture<QString> started = m_discovery->start(serverOptions);
    QVERIFY(QTest::qWaitFor([&] { return started.isFinished(); }, 10'000));
    m_discoveryUrl = started.result();
    QVERIFY2(!m_discoveryUrl.isEmpty(), qPrintable(m_discovery->error()));

    // Publish published.bin as `doctl publish` does (loopback clients need no token).
    content::MetainfoWriterOptions writerOptions;
    writerOptions.webSeeds = {m_nginx->url("/published.bin")};
    const content::MetainfoWriteResult written =
        content::MetainfoWriter::create(m_www.filePath("published.bin"), writerOptions);
    QVERIFY2(written.ok, qPrintable(written.error));
    QNetworkAccessManager nam;
    QNetworkRequest post(QUrl(m_discoveryUrl + "/v1/publish"));
    post.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-bittorrent");
    post.setTransferTimeout(5'000);
    QNetworkReply* reply = nam.post(post, written.torrent);
    QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 6'000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
}

void ContentCacheChecksLiveTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

std::unique_ptr<agent::Agent> ContentCacheChecksLiveTest::startAgent(const QString& name)
{
    auto agent = std::make_unique<agent::Agent>(test::testAgentOptions(m_dir->filePath(name)));
    if (!agent->start().result().isEmpty())
        return nullptr;
    agent->setDefaultDiscoveryUrl(m_discoveryUrl);
    return agent;
}

transfer::JobStatus ContentCacheChecksLiveTest::download(agent::Agent& agent, const QString& path)
{
    const transfer::AddDownloadResult added =
        agent
            .addDownload(
                {m_nginx->url(path).toString(), m_dir->filePath("out" + path + ".out"), true})
            .result();
    if (added.jobId.isEmpty()) {
        qWarning().noquote() << "download refused:" << added.error;
        return {};
    }
    return agent.waitForJob(added.jobId).result();
}

void ContentCacheChecksLiveTest::unpublishedUrlIsHttpOnly()
{
    auto plain = startAgent("plain");
    QVERIFY(plain);
    QCOMPARE(runAgentCheck(*plain, "content.metainfo").verdict, Verdict::NotApplicable);
    const transfer::JobStatus done = download(*plain, "/plain.bin");
    QVERIFY2(done.state != transfer::JobState::Failed, qPrintable(done.error));
    QVERIFY(!done.shareable);
    const QString url = m_nginx->url("/plain.bin").toString();
    CheckResult r = runAgentCheck(*plain, "content.metainfo");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(dump(r)));
    QVERIFY2(r.summary.contains("HTTP only"), qPrintable(dump(r)));
    QVERIFY2(r.evidence.join('\n').contains("(" + url + ")"), qPrintable(dump(r)));
    QVERIFY2(r.remedy.contains("doctl publish FILE --webseed URL --discovery " + m_discoveryUrl),
             qPrintable(dump(r)));

    // The same kind of download of a published URL gets its metainfo from the service.
    auto published = startAgent("published");
    QVERIFY(published);
    const transfer::JobStatus verified = download(*published, "/published.bin");
    QVERIFY2(verified.state != transfer::JobState::Failed, qPrintable(verified.error));
    QVERIFY(verified.shareable);
    r = runAgentCheck(*published, "content.metainfo");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(dump(r)));
    QVERIFY(r.remedy.isEmpty());
}

void ContentCacheChecksLiveTest::httpHeldBackWithoutPeers()
{
    auto agent = startAgent("delay");
    QVERIFY(agent);
    // The warning is about a peering mode in effect (1 here, with the service reachable).
    QTRY_VERIFY_WITH_TIMEOUT(agent->hasPeerActivity() && agent->peerActivity().downloadMode == 1,
                             10'000);
    CheckResult r = runAgentCheck(*agent, "content.http_delay");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(dump(r)));
    QVERIFY2(r.summary == "HTTP delays: 0 s background, 0 s foreground.", qPrintable(dump(r)));

    QVERIFY(applyPolicyValues(*agent, {{"DODelayBackgroundDownloadFromHttp", "600"},
                                       {"DODelayForegroundDownloadFromHttp", "120"}}));
    r = runAgentCheck(*agent, "content.http_delay");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(dump(r)));
    QVERIFY2(r.summary.startsWith("HTTP is held back for peers (600 s background, 120 s "
                                  "foreground) although no peer is offered"),
             qPrintable(dump(r)));
    QVERIFY2(r.evidence.contains("DODelayBackgroundDownloadFromHttp = 600 (Policy)"),
             qPrintable(dump(r)));
    QVERIFY2(r.evidence.contains("DODelayForegroundDownloadFromHttp = 120 (Policy)"),
             qPrintable(dump(r)));
    // The floor under which the origin helps slow peers is part of the picture.
    QVERIFY2(r.evidence.join('\n').contains("DOMinBackgroundQos = 500"), qPrintable(dump(r)));
    // The remedy must name the settings to lower, not only "the HTTP delays".
    QVERIFY2(r.remedy.contains("DODelayBackgroundDownloadFromHttp"), qPrintable(dump(r)));
    QVERIFY2(r.remedy.contains("DODelayForegroundDownloadFromHttp"), qPrintable(dump(r)));
}

void ContentCacheChecksLiveTest::cacheLimitBeyondTheDrive()
{
    const QString dataDir = m_dir->filePath("cacheuse");
    {
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(dataDir, &error), qPrintable(error));
        cache::PieceStore store(db.handle(), dataDir + "/cache");
        QVERIFY2(
            addCompleteContent(store, QString(40, 'a'), "image.iso", 3 * kGiB / 2, false, &error),
            qPrintable(error));
    }
    agent::Agent agent(test::testAgentOptions(dataDir));
    QCOMPARE(agent.start().result(), QString());
    // A cap larger than the drive: the limit can never be reached before the disk is full.
    QVERIFY(applyPolicyValues(agent, {{"DOAbsoluteMaxCacheSize", "100000"}}));
    QTRY_COMPARE_WITH_TIMEOUT(agent.deviceStats().cacheLimitBytes, 100000 * kGiB, 5'000);
    CheckResult r = runAgentCheck(agent, "cache.use");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(dump(r)));
    QVERIFY2(r.evidence.contains("Cache: 1.5 GB in 1 content(s)"), qPrintable(dump(r)));
    QVERIFY2(r.evidence.contains("Limit in effect: 100000.0 GB"), qPrintable(dump(r)));
    const QString suggested = fixValue(r, "DOAbsoluteMaxCacheSize");
    QVERIFY2(suggested.toLongLong() >= 1, qPrintable(dump(r)));
    QVERIFY2(suggested.toLongLong() * kGiB <= agent.deviceStats().diskTotalBytes,
             qPrintable(dump(r)));
    QVERIFY2(r.remedy.contains("set DOAbsoluteMaxCacheSize to " + suggested + " GB"),
             qPrintable(dump(r)));

    QVERIFY(applyPolicyValues(agent, {{"DOAbsoluteMaxCacheSize", "3"}}));
    QTRY_COMPARE_WITH_TIMEOUT(agent.deviceStats().cacheLimitBytes, 3 * kGiB, 5'000);
    r = runAgentCheck(agent, "cache.use");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(dump(r)));
    QVERIFY2(r.summary == "The cache uses 1.5 GB of its 3.0 GB limit.", qPrintable(dump(r)));
}

void ContentCacheChecksLiveTest::pinnedContentAndAnEviction()
{
    const QString dataDir = m_dir->filePath("evictions");
    const QString pinnedId(40, 'b');
    {
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(dataDir, &error), qPrintable(error));
        cache::PieceStore store(db.handle(), dataDir + "/cache");
        QVERIFY2(addCompleteContent(store, QString(40, 'c'), "old.img", kGiB, false, &error),
                 qPrintable(error));
        QVERIFY2(addCompleteContent(store, pinnedId, "pinned.img", 3 * kGiB / 2, true, &error),
                 qPrintable(error));
    }
    auto agent = std::make_unique<agent::Agent>(test::testAgentOptions(dataDir));
    QCOMPARE(agent->start().result(), QString());
    QVERIFY(applyPolicyValues(*agent, {{"DOAbsoluteMaxCacheSize", "2"}}));
    // 2.5 GB against a 2 GB cap: the sweep after the next completed download evicts the
    // unpinned content.
    const transfer::JobStatus done = download(*agent, "/small.bin");
    QVERIFY2(done.state != transfer::JobState::Failed, qPrintable(done.error));
    QTRY_VERIFY_WITH_TIMEOUT(!agent->evictions().result().isEmpty(), 5'000);
    QTRY_COMPARE_WITH_TIMEOUT(agent->deviceStats().cacheLimitBytes, 2 * kGiB, 5'000);

    CheckResult r = runAgentCheck(*agent, "cache.evictions");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(dump(r)));
    QVERIFY2(r.summary.startsWith("Pinned content (1.5 GB) takes more than half of the cache "
                                  "limit"),
             qPrintable(dump(r)));
    const QString evidence = r.evidence.join('\n');
    QVERIFY2(r.evidence.contains("Pinned: 1 content(s), 1.5 GB"), qPrintable(dump(r)));
    QVERIFY2(evidence.contains(
                 "evicted old.img (1024.0 MB): cache over its size limit (DOAbsoluteMaxCacheSize "
                 "2 GB)"),
             qPrintable(dump(r)));
    QVERIFY2(r.remedy.contains("Unpin"), qPrintable(dump(r)));
    QVERIFY2(r.remedy.contains("Cache panel"), qPrintable(dump(r)));
    // doctl has no command that pins or unpins, so the remedy must not send users to it.
    QVERIFY2(!r.remedy.contains("doctl"), qPrintable(dump(r)));

    QCOMPARE(agent->setPinned(pinnedId, false).result(), QString());
    r = runAgentCheck(*agent, "cache.evictions");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(dump(r)));
    // Unpinned, the former pin may go at the next sweep too: at least the first one is listed.
    QVERIFY2(
        QRegularExpression("^[1-9][0-9]* eviction\\(s\\) recorded\\.$").match(r.summary).hasMatch(),
        qPrintable(dump(r)));
    QVERIFY2(r.evidence.join('\n').contains("evicted old.img"), qPrintable(dump(r)));
}

QTEST_GUILESS_MAIN(ContentCacheChecksLiveTest)
#include "test_content_cache_checks_live.moc"
