// "Could not connect" outlives the agent: a do-agent process told of a peer whose port has
// nothing listening records the refused dials; after a clean stop, doctl on the same data
// directory (its own embedded agent, not told of that peer) still lists them, with the streak's
// first attempt from before the restart.

#include "support/AgentProcess.h"
#include "support/DoctlConfig.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;

class UnreachablePeersRestartTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void refusedDialsAreStillListedAfterARestart();
};

namespace {

QJsonArray unreachable(const QString& dataDir)
{
    const ProcessResult r =
        runProgram(executable("doctl"), {"--data-dir", dataDir, "peers", "--json"});
    return QJsonDocument::fromJson(r.out.toUtf8()).object()["Unreachable"].toArray();
}

} // namespace

void UnreachablePeersRestartTest::refusedDialsAreStillListedAfterARestart()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const auto origin =
        startContentOrigin(dir.filePath("www"), 2 * 1024 * 1024, 5, "limit_rate 512k;", &error);
    QVERIFY2(origin, qPrintable(error));
    const QString torrent = dir.filePath("c.torrent");
    const ProcessResult made = runProgram(
        executable("doctl"), {"create-metainfo", dir.filePath("www/content.bin"), "--webseed",
                              origin->url("/content.bin").toString(), "-o", torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));

    AgentProcessOptions options;
    options.dataDir = dir.filePath("agent");
    options.address = QHostAddress("127.0.0.97");
    const QHostAddress silent("127.0.0.98");
    const QString silentEndpoint = QString("127.0.0.98:%1").arg(freePort(silent));
    options.peers = {silentEndpoint};
    const QString configured = configureWithDoctl(
        options.dataDir,
        {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1", "DOMinFileSizeToCache=1"});
    QVERIFY2(configured.isEmpty(), qPrintable(configured));
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));
    const ProcessResult download = runProgram(
        executable("doctl"), {"--data-dir", options.dataDir, "download", torrent}, 60000);
    QVERIFY2(download.exitCode == 0, qPrintable(download.out + download.err));

    QJsonArray before;
    QTRY_VERIFY_WITH_TIMEOUT(!(before = unreachable(options.dataDir)).isEmpty(), 15000);
    const QJsonObject first = before.first().toObject();
    QCOMPARE(first["Endpoint"].toString(), silentEndpoint);
    QVERIFY(first["Attempts"].toInt() >= 1);
    QVERIFY2(first["LastError"].toString().contains("refused", Qt::CaseInsensitive),
             qPrintable(first["LastError"].toString()));
    QCOMPARE(agent.stop(), 0);

    // No agent runs now: doctl opens the data directory itself, without that peer configured.
    const QJsonArray after = unreachable(options.dataDir);
    QCOMPARE(after.size(), 1);
    const QJsonObject kept = after.first().toObject();
    QCOMPARE(kept["Endpoint"].toString(), silentEndpoint);
    QCOMPARE(kept["FirstAttempt"].toString(), first["FirstAttempt"].toString());
    QVERIFY(kept["Attempts"].toInt() >= first["Attempts"].toInt());
    QCOMPARE(kept["ContentId"].toString(), first["ContentId"].toString());
}

QTEST_GUILESS_MAIN(UnreachablePeersRestartTest)
#include "test_unreachable_peers_restart.moc"
