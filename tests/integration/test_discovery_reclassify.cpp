// A peer that connects before discovery has told us about it: a seed in Internet mode first
// counts it as an Internet peer, asks the service again at once and re-classes the connection
// when the answer says the peer is behind the same public address (LAN) — seconds later, not
// an announce interval (60 s here) later. The seed's uploads are paced so the connection lasts.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/DoctlConfig.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/PublishedContentLab.h"
#include "support/RequireTool.h"
#include "support/TestPaths.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 16 * 1024 * 1024;
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1", "DODownloadMode=3"};

} // namespace

class DiscoveryReclassifyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unknownPeerIsAskedAboutAtOnce();

private:
    QTemporaryDir m_dir;
};

void DiscoveryReclassifyTest::unknownPeerIsAskedAboutAtOnce()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    QString error;
    // The published URL is slow: the leecher finds the seed long before the origin could
    // finish. The fast metainfo fills the seed.
    DiscoveryProcessOptions options;
    options.intervalSeconds = 60;
    options.natMap = {"127.0.0.61-127.0.0.62=203.0.113.61"};
    PublishedContentLab lab;
    error = lab.start(m_dir.path(), kFileSize, 5, "1m", options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString torrent = lab.publishedTorrent;
    const QString fastTorrent = lab.fastTorrent;

    const QStringList args = {"--discovery", lab.discovery->url().toString()};
    QCOMPARE(configureWithDoctl(m_dir.filePath("seed"),
                                kLabSettings + QStringList{"DOMaxUploadBandwidth=2000"}),
             QString());
    QCOMPARE(
        configureWithDoctl(m_dir.filePath("leecher"),
                           kLabSettings + QStringList{"DODelayForegroundDownloadFromHttp=120"}),
        QString());
    AgentProcess seed({m_dir.filePath("seed"), QHostAddress("127.0.0.61"), 0, {}, args});
    QVERIFY2(seed.start(&error), qPrintable(error));
    const ProcessResult seeded = runProgram(executable("doctl"),
                                            {"--data-dir", seed.dataDir(), "download", fastTorrent,
                                             "--out", seed.dataDir() + "/content.bin"},
                                            60000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err + "\nseed:\n" + seed.log().right(3000)));
    // The seed announced its completion; its next announce is a minute away.

    AgentProcess leecher({m_dir.filePath("leecher"), QHostAddress("127.0.0.62"), 0, {}, args});
    QVERIFY2(leecher.start(&error), qPrintable(error));
    QElapsedTimer clock;
    clock.start();
    QProcess download;
    download.start(executable("doctl"), {"--data-dir", leecher.dataDir(), "download", torrent,
                                         "--out", leecher.dataDir() + "/content.bin"});
    QVERIFY(download.waitForStarted(5000));
    const QRegularExpression reclassed("127\\.0\\.0\\.62:\\d+ is now classed as lan");
    QDeadlineTimer deadline(15000);
    while (!seed.log().contains(reclassed) && !deadline.hasExpired())
        QTest::qWait(100);
    QVERIFY2(seed.log().contains(reclassed),
             qPrintable(seed.log().right(2000) + "\nleecher:\n" + leecher.log().right(2000)));
    qInfo("the seed re-classed the leecher as a LAN peer %lld ms after the leecher started",
          clock.elapsed());
    download.kill();
    download.waitForFinished(5000);
    QCOMPARE(leecher.stop(), 0);
    QCOMPARE(seed.stop(), 0);
}

QTEST_GUILESS_MAIN(DiscoveryReclassifyTest)
#include "test_discovery_reclassify.moc"
