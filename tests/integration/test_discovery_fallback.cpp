// When the discovery service goes away, an agent falls back to download mode 99 (Simple) as DO
// does — the running download carries on over HTTP — and returns to its configured mode once
// the service answers again; status says which mode is in effect and why.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 24 * 1024 * 1024;

} // namespace

class DiscoveryFallbackTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fallsBackTo99AndReturns();

private:
    QJsonObject peers(const QString& dataDir)
    {
        const ProcessResult r =
            runProgram(executable("doctl"), {"--data-dir", dataDir, "peers", "--json"}, 30000);
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }
};

void DiscoveryFallbackTest::fallsBackTo99AndReturns()
{
    if (!NginxServer::isAvailable())
        QSKIP("nginx is not installed (installer/setup.sh installs nginx-light)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kFileSize, 11));
    // Slow enough that the service can be stopped while the download runs.
    NginxServer nginx(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, "limit_rate 1m;"});
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    DiscoveryProcessOptions discoveryOptions;
    discoveryOptions.intervalSeconds = 1;
    discoveryOptions.databasePath = dir.filePath("discovery.sqlite");
    DiscoveryProcess discovery(discoveryOptions);
    QVERIFY2(discovery.start(&error), qPrintable(error));
    const QString url = nginx.url("/content.bin").toString();
    const ProcessResult published =
        runProgram(executable("doctl"), {"publish", root + "/content.bin", "--webseed", url,
                                         "--discovery", discovery.url().toString()});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));

    AgentProcessOptions options;
    options.dataDir = dir.filePath("agent");
    options.extraArgs = {"--discovery", discovery.url().toString()};
    for (const char* s : {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                          "DOMinFileSizeToCache=1", "DODownloadMode=1"}) {
        const QString setting = QString::fromLatin1(s);
        const ProcessResult r =
            runProgram(executable("doctl"), {"--data-dir", options.dataDir, "config", "set",
                                             setting.section('=', 0, 0), setting.section('=', 1)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));

    QProcess download;
    download.start(executable("doctl"), {"--data-dir", options.dataDir, "download", url, "--out",
                                         dir.filePath("content.bin"), "--json"});
    QVERIFY(download.waitForStarted(5000));
    // The download is announced: the service answers and the configured mode is in effect.
    QTRY_VERIFY_WITH_TIMEOUT(
        peers(options.dataDir)["Discovery"].toObject()["AnnouncedContents"].toInt() == 1, 15000);
    QJsonObject before = peers(options.dataDir);
    QCOMPARE(before["DownloadMode"].toInt(), 1);
    QCOMPARE(before["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QVERIFY2(download.state() == QProcess::Running, "the download ended before the test could "
                                                    "stop the discovery service");

    QCOMPARE(discovery.stop(), 0);
    QJsonObject during;
    QTRY_VERIFY_WITH_TIMEOUT((during = peers(options.dataDir))["DownloadMode"].toInt() == 99,
                             15000);
    QCOMPARE(during["ConfiguredDownloadMode"].toInt(), 1);
    QCOMPARE(during["Discovery"].toObject()["State"].toString(), QString("unreachable"));
    QVERIFY2(during["FallbackReason"].toString().contains("unreachable"),
             qPrintable(during["FallbackReason"].toString()));
    QVERIFY(during["Discovery"].toObject()["RetryInSeconds"].toInt() > 0);

    QVERIFY(download.waitForFinished(120000));
    const QByteArray out = download.readAllStandardOutput();
    QVERIFY2(download.exitCode() == 0,
             qPrintable(QString::fromUtf8(out + download.readAllStandardError()) +
                        agent.log().right(3000)));
    const QJsonObject status = QJsonDocument::fromJson(out).object();
    QCOMPARE(status["BytesFromHttp"].toInteger(), kFileSize);
    QVERIFY(sameContent(dir.filePath("content.bin"), root + "/content.bin"));

    // Back on the same address: the agent finds it within its back-off and resumes mode 1.
    QVERIFY2(discovery.start(&error), qPrintable(error));
    QJsonObject after;
    QTRY_VERIFY_WITH_TIMEOUT((after = peers(options.dataDir))["DownloadMode"].toInt() == 1, 40000);
    QCOMPARE(after["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QCOMPARE(after["FallbackReason"].toString(), QString());
    QCOMPARE(agent.stop(), 0);
    QVERIFY2(agent.log().contains("answers again"), qPrintable(agent.log().right(3000)));
}

QTEST_GUILESS_MAIN(DiscoveryFallbackTest)
#include "test_discovery_fallback.moc"
