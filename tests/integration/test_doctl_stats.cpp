// doctl perfsnap (the device snapshot and the month with its upload cap), doctl status of a
// peer-fed download (connections by class, NumPeers, ExpireOn) and doctl log [--follow] against
// running do-agents, through their control endpoints.

#include "persistence/Database.h"
#include "stats/UploadLedger.h"
#include "support/AgentProcess.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kGiB = qint64(1) << 30;
constexpr qint64 kPeerFileSize = 16 * 1024 * 1024;
// The default hardware gates assume a desktop, which a CI container may not be; content this
// small is peered only with DOMinFileSizeToCache lowered.
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1"};

// The per-class peer connection counts of one Get-DeliveryOptimizationStatus row add up to
// PeerConnectionCount; the cache-server count stands beside them.
bool connectionsAddUp(const QJsonObject& job)
{
    int sum = 0;
    for (const char* field :
         {"LanConnectionCount", "GroupConnectionCount", "InternetConnectionCount"}) {
        if (!job.contains(QLatin1String(field)) || job[QLatin1String(field)].toInt() < 0)
            return false;
        sum += job[QLatin1String(field)].toInt();
    }
    return job.contains("NumPeers") && job.contains("HttpConnectionCount") &&
           job["CacheServerConnectionCount"].toInt(-1) >= 0 &&
           job["PeerConnectionCount"].toInt() == sum;
}

} // namespace

class DoctlStatsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void perfSnapDescribesTheDevice();
    void perfSnapMonthShowsTheUploadCap();
    void uploadCapCountsTheLedgerEverywhere();
    void peerFedDownloadReportsConnectionsByClass();
    void logShowsRecentRecordsFiltered();
    void logFollowStreamsUntilDoctlGoes();
    void crashLeavesItsSignalAndBacktraceInTheLog();
    void cleanupTestCase();

private:
    ProcessResult doctl(const QStringList& args) { return doctlIn(m_dir.path(), args); }
    static ProcessResult doctlIn(const QString& dataDir, const QStringList& args,
                                 int timeoutMs = 30000)
    {
        return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args,
                          timeoutMs);
    }
    static QJsonObject jsonOf(const ProcessResult& r)
    {
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
    static bool configure(const QString& dataDir, const QStringList& settings);
    QTemporaryDir m_dir;
    std::unique_ptr<AgentProcess> m_agent;
};

void DoctlStatsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    AgentProcessOptions options;
    options.dataDir = m_dir.path();
    m_agent = std::make_unique<AgentProcess>(options);
    QString error;
    QVERIFY2(m_agent->start(&error), qPrintable(error));
}

void DoctlStatsTest::cleanupTestCase()
{
    if (m_agent)
        QCOMPARE(m_agent->stop(), 0);
}

void DoctlStatsTest::perfSnapDescribesTheDevice()
{
    const ProcessResult r = doctl({"perfsnap", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    for (const char* field :
         {"Files", "CacheSizeBytes", "CacheLimitBytes", "TotalDiskBytes", "AvailableDiskBytes",
          "CpuUsagePct", "MemUsageKB", "LanConnections", "InternetConnections", "CdnConnections",
          "DownloadMode", "EffectiveDownloadMode", "DiscoveryState"})
        QVERIFY2(o.contains(QLatin1String(field)), field);
    QCOMPARE(o["Files"].toInt(), 0);
    QVERIFY(o["TotalDiskBytes"].toInteger() > 0);
    QVERIFY(o["CacheLimitBytes"].toInteger() > 0);
    QVERIFY(o["CacheLimitBytes"].toInteger() <= o["TotalDiskBytes"].toInteger());
    QVERIFY(o["MemUsageKB"].toInteger() > 1000); // the agent, not doctl
    QCOMPARE(o["DiscoveryState"].toString(), QString("not_configured"));
    QCOMPARE(o["CacheFolder"].toString(), m_dir.filePath("cache"));
    // The monthly view is still there, and a stray argument is a usage error.
    QCOMPARE(doctl({"perfsnap", "--month", "--json"}).exitCode, 0);
    QCOMPARE(doctl({"perfsnap", "--bogus"}).exitCode, 2);
}

bool DoctlStatsTest::configure(const QString& dataDir, const QStringList& settings)
{
    for (const QString& setting : settings) {
        const QStringList parts = setting.split('=');
        const ProcessResult r = doctlIn(dataDir, {"config", "set", parts[0], parts[1]});
        if (r.exitCode != 0) {
            qWarning() << "doctl config set" << setting << "failed:" << r.err;
            return false;
        }
    }
    return true;
}

void DoctlStatsTest::perfSnapMonthShowsTheUploadCap()
{
    // Nothing uploaded yet, the default cap (DOMonthlyUploadDataCap 20 GB).
    const ProcessResult r = doctl({"perfsnap", "--month", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject o = jsonOf(r);
    QCOMPARE(o["UploadLimitBytes"].toInteger(), 20 * kGiB);
    QCOMPARE(o["UploadLimitUsedBytes"].toInteger(), 0);
    QCOMPARE(o["UploadLimitUsedPct"].toDouble(), 0.0);
    QCOMPARE(o["UploadLimitReached"].toBool(), false);
    for (const char* speed : {"DownloadFgRateKbps", "DownloadBgRateKbps"})
        QVERIFY2(o[speed].isDouble() && o[speed].toInteger() >= 0, speed);
    // The text form names the same fields.
    const ProcessResult text = doctl({"perfsnap", "--month"});
    QVERIFY(text.out.contains("UploadLimitBytes"));
    QVERIFY(text.out.contains("UploadLimitUsedPct"));
}

void DoctlStatsTest::uploadCapCountsTheLedgerEverywhere()
{
    // This month's ledger holds 2 GB uploaded to Internet peers and 3 GB to LAN peers (which the
    // cap does not count); the cap is 1 GB. perfsnap and the upload gate must agree.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString data = dir.filePath("cap");
    {
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(data, &error), qPrintable(error));
        stats::UploadLedger ledger(db.handle());
        QVERIFY2(
            ledger.add(transfer::SourceClass::InternetPeer, 2 * kGiB, QDate::currentDate(), &error),
            qPrintable(error));
        QVERIFY2(ledger.add(transfer::SourceClass::LanPeer, 3 * kGiB, QDate::currentDate(), &error),
                 qPrintable(error));
    }
    QVERIFY(configure(data, kLabSettings + QStringList{"DOMonthlyUploadDataCap=1"}));
    AgentProcessOptions options;
    options.dataDir = data;
    options.address = QHostAddress("127.0.0.33");
    AgentProcess agent(options);
    QString error;
    QVERIFY2(agent.start(&error), qPrintable(error));

    QJsonObject month = jsonOf(doctlIn(data, {"perfsnap", "--month", "--json"}));
    QCOMPARE(month["UploadLimitBytes"].toInteger(), kGiB);
    QCOMPARE(month["UploadLimitUsedBytes"].toInteger(), 2 * kGiB);
    QCOMPARE(month["UploadLimitUsedPct"].toDouble(), 200.0);
    QCOMPARE(month["UploadLimitReached"].toBool(), true);
    // The gate counts the same bytes: uploads are off, and the cap is why.
    QTRY_VERIFY_WITH_TIMEOUT(
        jsonOf(doctlIn(data, {"peers", "--json"}))["BlockedReason"].toString().contains(
            "DOMonthlyUploadDataCap"),
        10000);
    QCOMPARE(jsonOf(doctlIn(data, {"peers", "--json"}))["UploadAllowed"].toBool(), false);

    // A cap above the 2 GB: not reached in either, 2 GB of 3 GB used.
    QVERIFY(configure(data, {"DOMonthlyUploadDataCap=3"}));
    month = jsonOf(doctlIn(data, {"perfsnap", "--month", "--json"}));
    QCOMPARE(month["UploadLimitReached"].toBool(), false);
    QCOMPARE(month["UploadLimitUsedBytes"].toInteger(), 2 * kGiB);
    QCOMPARE(month["UploadLimitUsedPct"].toDouble(), 66.7);
    QTRY_VERIFY_WITH_TIMEOUT(
        !jsonOf(doctlIn(data, {"peers", "--json"}))["BlockedReason"].toString().contains(
            "DOMonthlyUploadDataCap"),
        40000);
    QCOMPARE(agent.stop(), 0);
}

void DoctlStatsTest::peerFedDownloadReportsConnectionsByClass()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kPeerFileSize, 7));
    NginxServer nginx(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    const QString torrent = dir.filePath("content.torrent");
    const ProcessResult made =
        runProgram(executable("doctl"), {"create-metainfo", root + "/content.bin", "--webseed",
                                         nginx.url("/content.bin").toString(), "-o", torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));

    // The seed fetches the file from the origin, then serves it slowly (4 MB/s) so the
    // download below can be watched while it runs. It is not told about the leecher, so it
    // needs Internet mode to accept it: without a discovery service, LAN mode takes only its
    // configured peers. Static peers still count as LAN.
    AgentProcessOptions seedOptions;
    seedOptions.dataDir = dir.filePath("seed");
    seedOptions.address = QHostAddress("127.0.0.31");
    AgentProcess seed(seedOptions);
    QVERIFY(configure(seed.dataDir(),
                      kLabSettings + QStringList{"DOMaxUploadBandwidth=4096", "DODownloadMode=3"}));
    QVERIFY2(seed.start(&error), qPrintable(error));
    const ProcessResult seeded =
        doctlIn(seed.dataDir(),
                {"download", torrent, "--out", seed.dataDir() + "/content.bin", "--json"}, 60000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err + seed.log().right(2000)));
    const QJsonObject seedJob = jsonOf(seeded);
    QCOMPARE(seedJob["Status"].toString(), QString("Caching"));
    QVERIFY(seedJob["HttpConnectionCount"].toInt() >= 1);
    QVERIFY(connectionsAddUp(seedJob));
    QCOMPARE(seedJob["NumPeers"].toInt(), 0); // no discovery service: nobody was offered
    // Finished content expires DOMaxCacheAge (default 3 days) after it completed.
    const QDateTime expires = QDateTime::fromString(seedJob["ExpireOn"].toString(), Qt::ISODate);
    QVERIFY2(expires.isValid(), qPrintable(QJsonDocument(seedJob).toJson()));
    QVERIFY(qAbs(QDateTime::currentDateTime().secsTo(expires) - 259200) < 300);

    // The downloader knows the seed and holds the origin back while the seed serves.
    AgentProcessOptions options;
    options.dataDir = dir.filePath("down");
    options.address = QHostAddress("127.0.0.32");
    options.peers = {seed.endpoint()};
    AgentProcess down(options);
    QVERIFY(configure(down.dataDir(),
                      kLabSettings + QStringList{"DODelayForegroundDownloadFromHttp=60"}));
    QVERIFY2(down.start(&error), qPrintable(error));
    QProcess download;
    download.start(executable("doctl"), {"--data-dir", down.dataDir(), "download", torrent, "--out",
                                         down.dataDir() + "/content.bin", "--json"});
    QVERIFY(download.waitForStarted(5000));

    // While it runs: a LAN connection, and the classes add up to the peer connections.
    bool sawLan = false;
    QElapsedTimer clock;
    clock.start();
    while (!sawLan && download.state() != QProcess::NotRunning && clock.elapsed() < 30000) {
        const QJsonArray jobs =
            QJsonDocument::fromJson(doctlIn(down.dataDir(), {"status", "--json"}).out.toUtf8())
                .array();
        for (const QJsonValue& v : jobs) {
            const QJsonObject job = v.toObject();
            QVERIFY2(connectionsAddUp(job), qPrintable(QJsonDocument(job).toJson()));
            QVERIFY(job["ExpireOn"].isNull() || job["Status"].toString() != "Downloading");
            sawLan |=
                job["Status"].toString() == "Downloading" && job["LanConnectionCount"].toInt() >= 1;
        }
        QTest::qWait(100);
    }
    QVERIFY2(sawLan, qPrintable(down.log().right(3000)));
    QVERIFY(download.waitForFinished(60000));
    const QString out = QString::fromUtf8(download.readAllStandardOutput());
    QVERIFY2(download.exitCode() == 0, qPrintable(out + down.log().right(3000)));
    const QJsonObject job = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(job["Status"].toString(), QString("Caching"));
    QVERIFY(job["BytesFromLanPeers"].toInteger() > 0);
    QCOMPARE(job["BytesFromLanPeers"].toInteger() + job["BytesFromHttp"].toInteger(),
             kPeerFileSize);
    QVERIFY(connectionsAddUp(job));
    QVERIFY(QDateTime::fromString(job["ExpireOn"].toString(), Qt::ISODate).isValid());
    QVERIFY(sameContent(down.dataDir() + "/content.bin", root + "/content.bin"));

    // analysis --list-connections: the connection to the seed is open while both run, and
    // stays in the journal, with what it carried and why it ended, after both stopped.
    const qint64 fromSeed = job["BytesFromLanPeers"].toInteger();
    const auto connectionTo = [&](const QString& dataDir, const QString& endpoint) {
        const ProcessResult listed =
            doctlIn(dataDir, {"analysis", "--list-connections", "--json"}, 30000);
        for (const QJsonValue& v : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
            if (v["Endpoint"].toString() == endpoint)
                return v.toObject();
        }
        qWarning() << "no connection to" << endpoint << "in" << listed.out << listed.err;
        return QJsonObject();
    };
    // Live connections come from the snapshot published twice a second: the last bytes of the
    // download may show up one snapshot later.
    QJsonObject open = connectionTo(down.dataDir(), seed.endpoint());
    for (int i = 0; i < 20 && open["BytesReceived"].toInteger() < fromSeed; ++i) {
        QTest::qWait(250);
        open = connectionTo(down.dataDir(), seed.endpoint());
    }
    QCOMPARE(open["Status"].toString(), QString("Open"));
    QCOMPARE(open["PeerType"].toString(), QString("lan"));
    QCOMPARE(open["Direction"].toString(), QString("Outgoing"));
    QCOMPARE(open["FileId"].toString(), job["FileId"].toString());
    QCOMPARE(open["DestinationIp"].toString(), QString("127.0.0.31"));
    QVERIFY(open["BytesReceived"].toInteger() >= fromSeed);
    QCOMPARE(down.stop(), 0);
    QCOMPARE(seed.stop(), 0);
    const QJsonObject ended = connectionTo(down.dataDir(), seed.endpoint());
    QCOMPARE(ended["Status"].toString(), QString("Closed"));
    QVERIFY2(!ended["Reason"].toString().isEmpty(), qPrintable(QJsonDocument(ended).toJson()));
    QVERIFY(ended["BytesReceived"].toInteger() >= fromSeed);
    QVERIFY(QDateTime::fromString(ended["Ended"].toString(), Qt::ISODate).isValid());
    QVERIFY(ended["Started"].toString() <= ended["Ended"].toString());
    // The seed kept its side: an incoming connection that sent at least those bytes.
    const ProcessResult seedSide =
        doctlIn(seed.dataDir(), {"analysis", "--list-connections", "--json"}, 30000);
    const QJsonArray seedRows = QJsonDocument::fromJson(seedSide.out.toUtf8()).array();
    QVERIFY2(seedRows.size() == 1, qPrintable(seedSide.out + seedSide.err));
    QCOMPARE(seedRows[0]["Direction"].toString(), QString("Incoming"));
    QCOMPARE(seedRows[0]["DestinationIp"].toString(), QString("127.0.0.32"));
    QVERIFY(seedRows[0]["BytesSent"].toInteger() >= fromSeed);
    const ProcessResult text = doctlIn(down.dataDir(), {"analysis", "--list-connections"}, 30000);
    QVERIFY2(text.out.contains(job["FileId"].toString()) && text.out.contains(seed.endpoint()),
             qPrintable(text.out));
}

void DoctlStatsTest::logShowsRecentRecordsFiltered()
{
    const ProcessResult all = doctl({"log", "--json", "--lines", "50"});
    QVERIFY2(all.exitCode == 0, qPrintable(all.err));
    const QStringList lines = all.out.split('\n', Qt::SkipEmptyParts);
    QVERIFY(!lines.isEmpty());
    bool sawListening = false;
    for (const QString& line : lines) {
        const QJsonObject o = QJsonDocument::fromJson(line.toUtf8()).object();
        QVERIFY2(o.contains("Seq") && o.contains("Level") && o.contains("Component"),
                 qPrintable(line));
        sawListening |= o["Message"].toString().contains("listening for peers");
    }
    QVERIFY2(sawListening, qPrintable(all.out));
    // Filters: nothing from the agent's start-up is a warning; components match by last part.
    const ProcessResult warnings = doctl({"log", "--level", "warning"});
    QCOMPARE(warnings.exitCode, 0);
    QVERIFY2(!warnings.out.contains("listening for peers"), qPrintable(warnings.out));
    const ProcessResult agentOnly = doctl({"log", "--component", "agent"});
    QVERIFY(agentOnly.out.contains("listening for peers"));
    QVERIFY(!agentOnly.out.contains("opendo.control"));
    QCOMPARE(doctl({"log", "--level", "loud"}).exitCode, 2);
}

void DoctlStatsTest::logFollowStreamsUntilDoctlGoes()
{
    QProcess follow;
    follow.start(executable("doctl"), {"--data-dir", m_dir.path(), "log", "--follow", "--json",
                                       "--component", "control"});
    QVERIFY(follow.waitForStarted(5000));
    // Something new to log: every control command is logged by the agent when it ends.
    QByteArray streamed;
    auto logsACommand = [&] {
        const QStringList args{"config", "get", "DOMaxCacheAge"};
        if (doctl(args).exitCode != 0)
            return false;
        QTest::qWait(300); // the follower polls every 200 ms
        streamed += follow.readAllStandardOutput();
        return streamed.contains("config get");
    };
    QTRY_VERIFY_WITH_TIMEOUT(logsACommand(), 15000);
    // Each record once, in order: the follower only prints what is new.
    qint64 lastSeq = 0;
    for (const QByteArray& line : streamed.split('\n')) {
        if (line.isEmpty())
            continue;
        const qint64 seq = QJsonDocument::fromJson(line).object()["Seq"].toInteger();
        QVERIFY2(seq > lastSeq, line.constData());
        lastSeq = seq;
    }
    follow.kill();
    QVERIFY(follow.waitForFinished(5000));
    // The agent notices doctl went away and ends the command.
    QTRY_VERIFY_WITH_TIMEOUT(
        m_agent->log().contains("log --follow --json --component control (rc 0)"), 10000);
}

void DoctlStatsTest::crashLeavesItsSignalAndBacktraceInTheLog()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("a sanitizer build reports crashes itself (do-agent leaves its handler out)");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    AgentProcessOptions options;
    options.dataDir = dir.path();
    AgentProcess agent(options);
    QString error;
    QVERIFY2(agent.start(&error), qPrintable(error));
    QVERIFY(agent.killWith(SIGSEGV));
    QVERIFY(agent.crashed()); // the report does not turn a crash into a clean exit
    const QString log = agent.log();
    QVERIFY2(log.contains("do-agent: fatal signal SEGV in thread ") &&
                 log.contains(", backtrace follows\n"),
             qPrintable(log));
    // At least the handler's own frame, resolved to the binary it lives in.
    QVERIFY2(log.section("backtrace follows\n", 1).contains("do-agent("), qPrintable(log));
}

QTEST_GUILESS_MAIN(DoctlStatsTest)
#include "test_doctl_stats.moc"
