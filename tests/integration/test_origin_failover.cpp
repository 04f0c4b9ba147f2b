// A download whose origin fails while a peer serves it: real do-agent processes and a real
// nginx. When the origin vanishes mid-download, or its URL answers 404 from the start, the peer
// finishes the download; when the peer leaves too, the download fails with both reasons.

#include "support/AgentProcess.h"
#include "support/DoctlConfig.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 12 * 1024 * 1024;
// The seed uploads at 1 MB/s (DOMaxUploadBandwidth, KB/s), so a download from it alone takes
// about 12 s: longer than the HTTP source's own retries of a range (7.5 s). The downloader wants 4
// MB/s (DOMinBackgroundQos), so after its first 5 s measuring window the origin tops up the peer:
// HTTP is in use while the peer serves.
const QStringList kSeedSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                   "DOMinFileSizeToCache=1", "DOMaxUploadBandwidth=1000"};
const QStringList kDownloaderSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                         "DOMinFileSizeToCache=1", "DOMinBackgroundQos=4000"};

// The agent's log without the line each status poll adds.
QString transferLog(AgentProcess& agent)
{
    QStringList lines = agent.log().split('\n');
    lines.removeIf([](const QString& line) { return line.contains("opendo.control"); });
    return lines.join('\n').right(4000);
}

} // namespace

class OriginFailoverTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void originMissingFromTheStart();
    void originStopsMidDownload();
    void seedLeavingAfterTheOriginFailsEndsTheDownload();

private:
    struct Pair
    {
        std::unique_ptr<AgentProcess> seed;
        std::unique_ptr<AgentProcess> downloader;
    };
    // The seed (complete, from initTestCase) and a new empty downloader, each told of the other.
    bool startPair(Pair& pair, const QString& name, int firstAddress);
    std::unique_ptr<QProcess> startDownload(const AgentProcess& agent, const QString& torrent);
    QJsonObject jobStatus(const AgentProcess& agent);
    QString makeTorrent(const QString& name, const QUrl& webSeed);
    // Waits for `download` to succeed with a byte-identical file although the agent logged the
    // origin failing with `cause`; `status` gets doctl's final status.
    void expectCompletedDespiteOrigin(QProcess& download, AgentProcess& agent, const QString& cause,
                                      QJsonObject& status);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_origin;
    QString m_goodTorrent;
    QString m_goneTorrent; // same content, its web seed answers 404
};

QString OriginFailoverTest::makeTorrent(const QString& name, const QUrl& webSeed)
{
    const QString out = m_dir.filePath(name);
    const ProcessResult made =
        runProgram(executable("doctl"), {"create-metainfo", m_dir.filePath("www/content.bin"),
                                         "--webseed", webSeed.toString(), "-o", out});
    if (made.exitCode != 0) {
        qWarning().noquote() << made.err;
        return {};
    }
    return out;
}

void OriginFailoverTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    QString error;
    m_origin = startContentOrigin(m_dir.filePath("www"), kFileSize, 31, "limit_rate 1m;", &error);
    QVERIFY2(m_origin, qPrintable(error));
    // The info hash covers the file only, not its web seeds: both describe the same content.
    m_goodTorrent = makeTorrent("good.torrent", m_origin->url("/content.bin"));
    m_goneTorrent = makeTorrent("gone.torrent", m_origin->url("/gone.bin"));
    QVERIFY(!m_goodTorrent.isEmpty() && !m_goneTorrent.isEmpty());

    const QString seedDir = m_dir.filePath("seed");
    const QString configured = configureWithDoctl(seedDir, kSeedSettings);
    QVERIFY2(configured.isEmpty(), qPrintable(configured));
    const ProcessResult seeded =
        runProgram(executable("doctl"), {"--data-dir", seedDir, "download", m_goodTorrent}, 120000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.out + seeded.err));
}

bool OriginFailoverTest::startPair(Pair& pair, const QString& name, int firstAddress)
{
    AgentProcessOptions seed;
    seed.dataDir = m_dir.filePath("seed");
    seed.address = QHostAddress(QString("127.0.0.%1").arg(firstAddress));
    AgentProcessOptions downloader;
    downloader.dataDir = m_dir.filePath(name);
    downloader.address = QHostAddress(QString("127.0.0.%1").arg(firstAddress + 1));
    const QString configured = configureWithDoctl(downloader.dataDir, kDownloaderSettings);
    if (!configured.isEmpty()) {
        qWarning().noquote() << configured;
        return false;
    }
    pair.seed = std::make_unique<AgentProcess>(seed);
    pair.downloader = std::make_unique<AgentProcess>(downloader);
    seed.port = pair.seed->port();
    seed.peers = {pair.downloader->endpoint()};
    downloader.port = pair.downloader->port();
    downloader.peers = {pair.seed->endpoint()};
    pair.seed = std::make_unique<AgentProcess>(seed);
    pair.downloader = std::make_unique<AgentProcess>(downloader);
    QString error;
    if (!pair.seed->start(&error) || !pair.downloader->start(&error)) {
        qWarning().noquote() << error;
        return false;
    }
    return true;
}

std::unique_ptr<QProcess> OriginFailoverTest::startDownload(const AgentProcess& agent,
                                                            const QString& torrent)
{
    auto p = std::make_unique<QProcess>();
    p->start(executable("doctl"), {"--data-dir", agent.dataDir(), "download", torrent, "--out",
                                   agent.dataDir() + "/content.bin", "--json"});
    return p->waitForStarted(5000) ? std::move(p) : nullptr;
}

QJsonObject OriginFailoverTest::jobStatus(const AgentProcess& agent)
{
    const ProcessResult r =
        runProgram(executable("doctl"), {"--data-dir", agent.dataDir(), "status", "--json"});
    const QJsonArray jobs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    return jobs.isEmpty() ? QJsonObject() : jobs.first().toObject();
}

void OriginFailoverTest::expectCompletedDespiteOrigin(QProcess& download, AgentProcess& agent,
                                                      const QString& cause, QJsonObject& status)
{
    QVERIFY2(download.waitForFinished(90000), qPrintable(transferLog(agent)));
    const QString out = QString::fromUtf8(download.readAllStandardOutput());
    QVERIFY2(download.exitCode() == 0,
             qPrintable(out + download.readAllStandardError() + transferLog(agent)));
    status = QJsonDocument::fromJson(out.toUtf8()).object();
    QCOMPARE(status["Status"].toString(), QString("Caching"));
    QVERIFY(sameContent(agent.dataDir() + "/content.bin", m_dir.filePath("www/content.bin")));
    const QString log = agent.log();
    QVERIFY2(log.contains("origin failed:") && log.contains(cause), qPrintable(transferLog(agent)));
}

void OriginFailoverTest::originMissingFromTheStart()
{
    Pair pair;
    QVERIFY(startPair(pair, "missing", 91));
    const std::unique_ptr<QProcess> download = startDownload(*pair.downloader, m_goneTorrent);
    QVERIFY(download);
    QJsonObject status;
    expectCompletedDespiteOrigin(*download, *pair.downloader, "404", status);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(status["BytesFromPeers"].toInteger(), kFileSize);
    QCOMPARE(status["BytesFromHttp"].toInteger(), 0);
    QCOMPARE(pair.downloader->stop(), 0);
    QCOMPARE(pair.seed->stop(), 0);
}

void OriginFailoverTest::originStopsMidDownload()
{
    // An origin of its own, stopped once it has delivered some of the file.
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    options.extraServerConfig = "limit_rate 512k;";
    NginxServer origin(options);
    QString error;
    QVERIFY2(origin.start(&error), qPrintable(error));
    const QString torrent = makeTorrent("stopping.torrent", origin.url("/content.bin"));
    QVERIFY(!torrent.isEmpty());

    // The origin's range fails for good only after its own retries (7.5 s after the stop): a
    // slower seed (600 KB/s, 21 s for the file) leaves it most of the file to carry on with.
    const QString slower = configureWithDoctl(m_dir.filePath("seed"), {"DOMaxUploadBandwidth=600"});
    QVERIFY2(slower.isEmpty(), qPrintable(slower));
    Pair pair;
    QVERIFY(startPair(pair, "stopping", 93));
    const std::unique_ptr<QProcess> download = startDownload(*pair.downloader, torrent);
    QVERIFY(download);
    QDeadlineTimer deadline(30000);
    while (jobStatus(*pair.downloader)["BytesFromHttp"].toInteger() == 0 && !deadline.hasExpired())
        QTest::qWait(250);
    QVERIFY2(!deadline.hasExpired(), "the origin delivered nothing");
    origin.stop();

    QJsonObject status;
    expectCompletedDespiteOrigin(*download, *pair.downloader, "refused", status);
    if (QTest::currentTestFailed())
        return;
    const qint64 fromHttp = status["BytesFromHttp"].toInteger();
    const qint64 fromPeers = status["BytesFromPeers"].toInteger();
    qInfo("origin stopped mid-download: %lld bytes from HTTP, %lld from the peer", fromHttp,
          fromPeers);
    QVERIFY(fromHttp > 0 && fromPeers > 0);
    QCOMPARE(fromHttp + fromPeers, kFileSize);
    QCOMPARE(pair.downloader->stop(), 0);
    QCOMPARE(pair.seed->stop(), 0);
    const QString restored = configureWithDoctl(m_dir.filePath("seed"), kSeedSettings);
    QVERIFY2(restored.isEmpty(), qPrintable(restored));
}

void OriginFailoverTest::seedLeavingAfterTheOriginFailsEndsTheDownload()
{
    Pair pair;
    QVERIFY(startPair(pair, "abandoned", 95));
    const std::unique_ptr<QProcess> download = startDownload(*pair.downloader, m_goneTorrent);
    QVERIFY(download);
    // Once the origin has failed, the status says so while the peer carries on.
    QDeadlineTimer deadline(30000);
    QJsonObject status;
    while (!deadline.hasExpired()) {
        status = jobStatus(*pair.downloader);
        if (status["Error"].toString().contains("downloading from peers"))
            break;
        QTest::qWait(250);
    }
    QVERIFY2(!deadline.hasExpired(), qPrintable(transferLog(*pair.downloader)));
    QCOMPARE(status["Status"].toString(), QString("Downloading"));
    QVERIFY(status["Error"].toString().contains("404"));
    QCOMPARE(pair.seed->stop(), 0);

    QElapsedTimer clock;
    clock.start();
    QVERIFY2(download->waitForFinished(90000), qPrintable(transferLog(*pair.downloader)));
    qInfo("the download gave up %lld ms after the seed left", clock.elapsed());
    const QString out = QString::fromUtf8(download->readAllStandardOutput());
    QVERIFY2(download->exitCode() != 0, qPrintable(out));
    // The agent publishes its snapshot a moment after the job's end reached doctl.
    QDeadlineTimer published(5000);
    do {
        status = jobStatus(*pair.downloader);
    } while (status["Status"].toString() == "Downloading" && !published.hasExpired() &&
             (QTest::qWait(100), true));
    QVERIFY2(status["Status"].toString() == "Failed",
             qPrintable(out + download->readAllStandardError() + transferLog(*pair.downloader)));
    QCOMPARE(status["Status"].toString(), QString("Failed"));
    const QString why = status["Error"].toString();
    QVERIFY2(why.contains("404") && why.contains("Peers carried on"), qPrintable(why));
    QVERIFY(status["BytesFromPeers"].toInteger() < kFileSize);
    QVERIFY2(pair.downloader->log().contains("[0x80D02002]"),
             qPrintable(transferLog(*pair.downloader)));
    QCOMPARE(pair.downloader->stop(), 0);
}

QTEST_GUILESS_MAIN(OriginFailoverTest)
#include "test_origin_failover.moc"
