// When the discovery service goes away, an agent falls back to download mode 99 (Simple) as DO
// does — the running download drops its peers and carries on over HTTP — and returns to its
// configured mode once the service answers again; status says which mode is in effect and why.
//
// Two mode-1 agents behind the same "NAT": a seed that holds the content and uploads it slowly
// (DOMaxUploadBandwidth), and a leecher that fetches it from the seed while the service runs.
// The service is stopped mid-download: the leecher's peer connections close and the rest comes
// from the (throttled) origin. Then the service comes back and mode 1 applies again.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/DoctlConfig.h"
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
#include <memory>

using namespace opendo::test;

namespace {

// Large enough that the HTTP-only remainder after the fallback takes ~15 s at the origin's rate:
// the checks made after the stop (several doctl round trips) must see the download still
// running even on a loaded CI machine.
constexpr qint64 kFileSize = 40 * 1024 * 1024;
constexpr qint64 kMiB = 1024 * 1024;
// The seed uploads at 1 MiB/s (DOMaxUploadBandwidth is in KB/s); the origin serves the leecher
// at 1 MiB/s per connection (it uses two): the service can be stopped while the download runs,
// and enough is left after the fallback to see HTTP bytes grow.
constexpr int kSeedUploadKBps = 1024;
constexpr qint64 kPeerBytesBeforeStop = 2 * kMiB;

const char* const kLeecherAddress = "127.0.0.2";
const char* const kSeedAddress = "127.0.0.3";
// One "NAT" for both, so discovery offers them to each other as LAN peers in mode 1.
const char* const kNatRule = "127.0.0.2-127.0.0.3=198.51.100.1";

const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1", "DODownloadMode=1"};

} // namespace

class DiscoveryFallbackTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackTo99AndReturns();

private:
    static ProcessResult doctl(const QString& dataDir, const QStringList& args,
                               int timeoutMs = 30000)
    {
        return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args,
                          timeoutMs);
    }
    static QJsonObject peers(const QString& dataDir)
    {
        return QJsonDocument::fromJson(doctl(dataDir, {"peers", "--json"}).out.toUtf8()).object();
    }
    static QJsonObject perfsnap(const QString& dataDir)
    {
        return QJsonDocument::fromJson(doctl(dataDir, {"perfsnap", "--json"}).out.toUtf8())
            .object();
    }
    // The job for the content in `doctl status --json`, {} when there is none.
    static QJsonObject job(const QString& dataDir, const QString& contentId)
    {
        const QJsonArray jobs =
            QJsonDocument::fromJson(doctl(dataDir, {"status", "--json"}).out.toUtf8()).array();
        for (const QJsonValue& v : jobs) {
            if (v.toObject()["FileId"].toString() == contentId)
                return v.toObject();
        }
        return {};
    }
    // The agent's peer connections for the content (`doctl peers --json`, "Connections").
    static QJsonArray connections(const QJsonObject& peerActivity, const QString& contentId)
    {
        QJsonArray out;
        for (const QJsonValue& v : peerActivity["Connections"].toArray()) {
            if (v.toObject()["ContentId"].toString() == contentId)
                out.append(v);
        }
        return out;
    }
    static bool configure(const QString& dataDir, const QStringList& settings, QString* error)
    {
        *error = configureWithDoctl(dataDir, settings);
        return error->isEmpty();
    }
};

void DiscoveryFallbackTest::fallsBackTo99AndReturns()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kFileSize, 11));
    // The published URL is throttled, so the leecher's download is slow enough to stop the
    // service in the middle of it; /fast/ serves the same file unthrottled to fill the seed.
    NginxServer nginx(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true,
                                   QString("location = /content.bin { limit_rate 1m; }\n"
                                           "        location /fast/ { alias \"%1/\"; }")
                                       .arg(root)});
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    DiscoveryProcessOptions discoveryOptions;
    discoveryOptions.intervalSeconds = 1;
    discoveryOptions.databasePath = dir.filePath("discovery.sqlite");
    discoveryOptions.natMap = {kNatRule};
    DiscoveryProcess discovery(discoveryOptions);
    QVERIFY2(discovery.start(&error), qPrintable(error));
    const QString url = nginx.url("/content.bin").toString();
    const ProcessResult published =
        runProgram(executable("doctl"), {"publish", root + "/content.bin", "--webseed", url,
                                         "--discovery", discovery.url().toString(), "--json"});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    const QString contentId =
        QJsonDocument::fromJson(published.out.toUtf8()).object()["contentId"].toString();
    QCOMPARE(contentId.size(), 40);
    // The same content (web seeds are outside the info dictionary) with the fast origin.
    const QString seedTorrent = dir.filePath("seed.torrent");
    const ProcessResult created = runProgram(
        executable("doctl"), {"create-metainfo", root + "/content.bin", "--webseed",
                              nginx.url("/fast/content.bin").toString(), "-o", seedTorrent});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));

    // The seed: mode 1, fetches its copy from the fast origin and keeps seeding it, slowly.
    AgentProcessOptions seedOptions;
    seedOptions.dataDir = dir.filePath("seed");
    seedOptions.address = QHostAddress(QString::fromLatin1(kSeedAddress));
    seedOptions.extraArgs = {"--discovery", discovery.url().toString()};
    QVERIFY2(configure(seedOptions.dataDir,
                       kLabSettings +
                           QStringList{QString("DOMaxUploadBandwidth=%1").arg(kSeedUploadKBps)},
                       &error),
             qPrintable(error));
    AgentProcess seed(seedOptions);
    QVERIFY2(seed.start(&error), qPrintable(error));
    const ProcessResult seeded =
        doctl(seedOptions.dataDir,
              {"download", seedTorrent, "--out", dir.filePath("seed.bin"), "--json"}, 60000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err + seed.log().right(3000)));
    const QJsonObject seedStatus = QJsonDocument::fromJson(seeded.out.toUtf8()).object();
    QCOMPARE(seedStatus["FileId"].toString(), contentId);
    QCOMPARE(seedStatus["BytesFromHttp"].toInteger(), kFileSize);
    QTRY_VERIFY_WITH_TIMEOUT(
        peers(seedOptions.dataDir)["Discovery"].toObject()["AnnouncedContents"].toInt() == 1,
        15000);

    // The leecher: mode 1 too, same NAT.
    AgentProcessOptions options;
    options.dataDir = dir.filePath("agent");
    options.address = QHostAddress(QString::fromLatin1(kLeecherAddress));
    options.extraArgs = {"--discovery", discovery.url().toString()};
    QVERIFY2(configure(options.dataDir, kLabSettings, &error), qPrintable(error));
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));

    QProcess download;
    download.start(executable("doctl"), {"--data-dir", options.dataDir, "download", url, "--out",
                                         dir.filePath("content.bin"), "--json"});
    QVERIFY(download.waitForStarted(5000));
    // The URL is found published, announced, and the seed feeds the leecher as a LAN peer.
    QJsonObject running;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (running = job(options.dataDir, contentId))["BytesFromLanPeers"].toInteger() >=
            kPeerBytesBeforeStop,
        qPrintable(QJsonDocument(running).toJson() + agent.log().right(3000)), 20000);
    QVERIFY2(download.state() == QProcess::Running, "the download ended before the test could "
                                                    "stop the discovery service");
    QVERIFY2(running["TotalBytesDownloaded"].toInteger() < kFileSize / 2,
             qPrintable(QJsonDocument(running).toJson()));
    // The job of published content reports the configured mode while peering.
    QCOMPARE(running["DownloadMode"].toInt(), 1);
    QJsonObject before = peers(options.dataDir);
    QCOMPARE(before["DownloadMode"].toInt(), 1);
    QCOMPARE(before["ConfiguredDownloadMode"].toInt(), 1);
    QCOMPARE(before["FallbackReason"].toString(), QString());
    QCOMPARE(before["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QCOMPARE(before["Discovery"].toObject()["AnnouncedContents"].toInt(), 1);
    QCOMPARE(before["Discovery"].toObject()["PublicAddress"].toString(), QString("198.51.100.1"));
    bool seedConnected = false;
    for (const QJsonValue& v : connections(before, contentId)) {
        const QJsonObject c = v.toObject();
        seedConnected |=
            c["Endpoint"].toString().section(':', 0, 0) == QLatin1String(kSeedAddress) &&
            c["Class"].toString() == QLatin1String("lan");
    }
    QVERIFY2(seedConnected, qPrintable(QJsonDocument(before).toJson()));

    // The service goes away mid-download.
    QElapsedTimer clock;
    clock.start();
    QCOMPARE(discovery.stop(), 0);
    QJsonObject during;
    QTRY_VERIFY_WITH_TIMEOUT((during = peers(options.dataDir))["DownloadMode"].toInt() == 99,
                             15000);
    QCOMPARE(during["ConfiguredDownloadMode"].toInt(), 1);
    QCOMPARE(during["Discovery"].toObject()["State"].toString(), QString("unreachable"));
    QVERIFY2(during["FallbackReason"].toString().contains("unreachable"),
             qPrintable(during["FallbackReason"].toString()));
    QVERIFY(during["Discovery"].toObject()["RetryInSeconds"].toInt() > 0);
    const qint64 fallbackMs = clock.elapsed();
    QVERIFY(!during["PeeringAllowed"].toBool());
    const QJsonObject snapDuring = perfsnap(options.dataDir);
    QCOMPARE(snapDuring["DownloadMode"].toInt(), 1);
    QCOMPARE(snapDuring["EffectiveDownloadMode"].toInt(), 99);
    QCOMPARE(snapDuring["DiscoveryState"].toString(), QString("unreachable"));
    QVERIFY2(snapDuring["FallbackReason"].toString().contains("unreachable"),
             qPrintable(snapDuring["FallbackReason"].toString()));
    // Its peer connections for the content close.
    QJsonObject closed;
    QTRY_VERIFY2_WITH_TIMEOUT(
        connections(peers(options.dataDir), contentId).isEmpty() &&
            (closed = job(options.dataDir, contentId))["PeerConnectionCount"].toInt() == 0,
        qPrintable(QJsonDocument(closed).toJson()), 10000);
    QCOMPARE(closed["LanConnectionCount"].toInt(), 0);
    const qint64 closedMs = clock.elapsed();
    // From here on the bytes come from the origin: LAN bytes stay, HTTP bytes grow.
    QTest::qWait(1000); // pieces that arrived before the close are committed by now
    const QJsonObject first = job(options.dataDir, contentId);
    QTest::qWait(2000);
    const QJsonObject second = job(options.dataDir, contentId);
    QVERIFY2(download.state() == QProcess::Running,
             "the download ended before HTTP progress after the fallback could be seen");
    QCOMPARE(second["Status"].toString(), QString("Downloading"));
    QVERIFY(first["BytesFromLanPeers"].toInteger() >= kPeerBytesBeforeStop);
    QCOMPARE(second["BytesFromLanPeers"].toInteger(), first["BytesFromLanPeers"].toInteger());
    QVERIFY2(second["BytesFromHttp"].toInteger() > first["BytesFromHttp"].toInteger(),
             qPrintable(QJsonDocument(second).toJson()));
    QCOMPARE(second["PeerConnectionCount"].toInt(), 0);
    // The job reports the mode it runs in now, as DO does: Simple (99), like the agent.
    QCOMPARE(second["DownloadMode"].toInt(), 99);

    QVERIFY(download.waitForFinished(120000));
    const QByteArray out = download.readAllStandardOutput();
    QVERIFY2(download.exitCode() == 0,
             qPrintable(QString::fromUtf8(out + download.readAllStandardError()) +
                        agent.log().right(3000)));
    const QJsonObject status = QJsonDocument::fromJson(out).object();
    QVERIFY(sameContent(dir.filePath("content.bin"), root + "/content.bin"));
    QCOMPARE(status["FileId"].toString(), contentId);
    QVERIFY(status["BytesFromPeers"].toInteger() > 0);
    QCOMPARE(status["BytesFromLanPeers"].toInteger(), first["BytesFromLanPeers"].toInteger());
    QCOMPARE(status["BytesFromPeers"].toInteger(), status["BytesFromLanPeers"].toInteger());
    QCOMPARE(status["BytesFromPeers"].toInteger() + status["BytesFromHttp"].toInteger(), kFileSize);
    QCOMPARE(status["DownloadMode"].toInt(), 99); // it finished in Simple mode
    qInfo("leecher: %lld bytes from the LAN peer, %lld from HTTP",
          status["BytesFromLanPeers"].toInteger(), status["BytesFromHttp"].toInteger());

    // Back on the same address: the agent finds it within its back-off (at most 30 s) and resumes
    // mode 1.
    const qint64 completedMs = clock.elapsed();
    QVERIFY2(discovery.start(&error), qPrintable(error));
    QJsonObject after;
    QTRY_VERIFY_WITH_TIMEOUT((after = peers(options.dataDir))["DownloadMode"].toInt() == 1, 45000);
    QCOMPARE(after["ConfiguredDownloadMode"].toInt(), 1);
    qInfo("after the stop: mode 99 at %lld ms, peer connections closed at %lld ms, download "
          "complete at %lld ms; mode 1 again %lld ms after the restart",
          fallbackMs, closedMs, completedMs, clock.elapsed() - completedMs);
    QCOMPARE(after["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QCOMPARE(after["FallbackReason"].toString(), QString());
    const QJsonObject snapAfter = perfsnap(options.dataDir);
    QCOMPARE(snapAfter["EffectiveDownloadMode"].toInt(), 1);
    QCOMPARE(snapAfter["FallbackReason"].toString(), QString());
    QCOMPARE(agent.stop(), 0);
    QVERIFY2(agent.log().contains("answers again"), qPrintable(agent.log().right(3000)));
    QCOMPARE(seed.stop(), 0);
}

QTEST_GUILESS_MAIN(DiscoveryFallbackTest)
#include "test_discovery_fallback.moc"