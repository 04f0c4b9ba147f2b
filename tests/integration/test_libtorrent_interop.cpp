// Interoperability with a standard BitTorrent client: libtorrent (Debian's python3-libtorrent,
// driven by tests/integration/lt_peer.py) and real do-agent processes exchange one content over
// loopback, in both directions. The peer wire is BEP 3 + BEP 6 + BEP 10, so neither side may
// need anything the other does not speak.

#include "support/AgentProcess.h"
#include "support/FreePort.h"
#include "support/LtPeer.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 32 * 1024 * 1024;
constexpr qint64 kPieceSize = 256 * 1024;

// The hardware gates assume a desktop; mode 3 (Internet) is what lets standard BitTorrent
// clients in.
const QList<QPair<QString, QString>> kLabSettings = {
    {"DOMinRAMAllowedToPeer", "1"},
    {"DOMinDiskSizeAllowedToPeer", "1"},
    {"DOMinFileSizeToCache", "1"},
    {"DODownloadMode", "3"},
};

// The agent's stderr reaches its QProcess from the event loop only, which the blocking waits of
// this test do not run.
QString agentLog(AgentProcess& agent)
{
    QTest::qWait(300);
    return agent.log();
}

QJsonObject parseStatus(const QString& out)
{
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

} // namespace

class LibtorrentInteropTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agentDownloadsFromLibtorrentSeed();
    void libtorrentDownloadsFromAgent();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 30000);
    bool configure(const QString& dataDir, QString* error);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    QString m_content;       // the original file, <seed>/content.bin
    QString m_seedDir;       // libtorrent's save path for seeding
    QString m_hybridTorrent; // from doctl create-metainfo, with the nginx web seed
    QString m_peersTorrent;  // the same without url-list: peers only, same info hash
};

ProcessResult LibtorrentInteropTest::doctl(const QString& dataDir, const QStringList& args,
                                           int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

bool LibtorrentInteropTest::configure(const QString& dataDir, QString* error)
{
    for (const auto& [key, value] : kLabSettings) {
        const ProcessResult r = doctl(dataDir, {"config", "set", key, value});
        if (r.exitCode != 0) {
            *error = QString("doctl config set %1 %2 failed: %3%4").arg(key, value, r.out, r.err);
            return false;
        }
    }
    return true;
}

void LibtorrentInteropTest::initTestCase()
{
    const ProcessResult probe = runProgram(
        kDebianPython, {"-c", "import libtorrent; print(libtorrent.__version__)"}, 20000);
    if (probe.exitCode != 0)
        OPENDO_SKIP_WITHOUT_TOOL(
            "/usr/bin/python3 cannot import libtorrent (apt-get install python3-libtorrent)");
    qInfo("libtorrent %s", qPrintable(probe.out.trimmed()));
    QVERIFY(QFileInfo(ltPeerScript()).isReadable());
    QVERIFY(m_dir.isValid());
    // Agents log their peer decisions too: what a failure report needs.
    qputenv("QT_LOGGING_RULES", "opendo.peer.debug=true;opendo.swarm.debug=true");

    m_seedDir = m_dir.filePath("seed");
    QVERIFY(QDir().mkpath(m_seedDir));
    m_content = m_seedDir + "/content.bin";
    QVERIFY(writeRandomFile(m_content, kFileSize, 7));

    QUrl webSeed("http://127.0.0.1:9/content.bin"); // never used without nginx
    if (NginxServer::isAvailable()) {
        NginxOptions origin;
        origin.documentRoot = m_seedDir;
        m_nginx = std::make_unique<NginxServer>(origin);
        QString error;
        QVERIFY2(m_nginx->start(&error), qPrintable(error));
        webSeed = m_nginx->url("/content.bin");
    }
    m_hybridTorrent = m_dir.filePath("hybrid.torrent");
    const ProcessResult made = runProgram(
        executable("doctl"), {"create-metainfo", m_content, "--webseed", webSeed.toString(),
                              "--piece-size", QString::number(kPieceSize), "-o", m_hybridTorrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.out + made.err));
    m_peersTorrent = m_dir.filePath("peers.torrent");
    const ProcessResult stripped = runProgram(
        kDebianPython,
        {ltPeerScript(), "strip", "--torrent", m_hybridTorrent, "-o", m_peersTorrent}, 20000);
    QVERIFY2(stripped.exitCode == 0, qPrintable(stripped.out + stripped.err));
    qInfo("%s", qPrintable(stripped.out.trimmed()));
}

// (a) libtorrent seeds a peers-only torrent on 127.0.0.7; an agent on 127.0.0.2 told about it
// with --peer downloads everything from it.
void LibtorrentInteropTest::agentDownloadsFromLibtorrentSeed()
{
    const QHostAddress ltAddress("127.0.0.7");
    const quint16 ltPort = freePort(ltAddress);
    LtPeer seed({"seed", "--torrent", m_peersTorrent, "--dir", m_seedDir, "--listen",
                 QString("127.0.0.7:%1").arg(ltPort), "--timeout", "100"});
    CHECK_OR_DUMP(seed.waitForLine("ready", 30000), "lt_peer seed did not get ready",
                  "--- lt_peer seed ---\n" + seed.output());

    AgentProcessOptions options;
    options.dataDir = m_dir.filePath("agent-a");
    options.address = QHostAddress("127.0.0.2");
    options.peers << QString("127.0.0.7:%1").arg(ltPort);
    QString error;
    QVERIFY2(configure(options.dataDir, &error), qPrintable(error));
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));
    const auto logs = [&] {
        return QString("--- do-agent log ---\n%1\n--- lt_peer seed ---\n%2")
            .arg(agentLog(agent).right(20000), seed.output().right(8000));
    };

    const QString out = options.dataDir + "/content.bin";
    const ProcessResult download =
        doctl(options.dataDir, {"download", m_peersTorrent, "--out", out, "--json"}, 60000);
    CHECK_OR_DUMP(download.finished, "doctl download did not finish in 60 s", logs());
    CHECK_OR_DUMP(download.exitCode == 0,
                  QString("doctl download exited %1").arg(download.exitCode),
                  download.out + download.err + "\n" + logs());
    const QJsonObject status = parseStatus(download.out);
    qInfo("agent status: %s", qPrintable(download.out.simplified()));
    const bool complete = status["Status"].toString() == "Caching" &&
                          status["FileSize"].toInteger() == kFileSize &&
                          status["BytesFromPeers"].toInteger() == kFileSize &&
                          status["BytesFromHttp"].toInteger() == 0;
    CHECK_OR_DUMP(complete, "not a complete peers-only download (see the status above)", logs());
    CHECK_OR_DUMP(sameContent(out, m_content), "the agent's copy differs", logs());

    seed.stop();
    qInfo("lt_peer seed said:\n%s", qPrintable(seed.output().right(3000)));
    const QRegularExpressionMatch uploaded =
        QRegularExpression("^uploaded (\\d+) bytes", QRegularExpression::MultilineOption)
            .match(seed.output());
    CHECK_OR_DUMP(uploaded.hasMatch() && uploaded.captured(1).toLongLong() >= kFileSize,
                  "lt_peer did not report uploading the whole file", logs());
    QCOMPARE(agent.stop(), 0);
}

// (b) an agent gets the content from the nginx web seed (HTTP only), then serves it to a
// libtorrent session on 127.0.0.8 that dials the agent.
void LibtorrentInteropTest::libtorrentDownloadsFromAgent()
{
    if (!m_nginx)
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    AgentProcessOptions options;
    options.dataDir = m_dir.filePath("agent-b");
    options.address = QHostAddress("127.0.0.3");
    QString error;
    QVERIFY2(configure(options.dataDir, &error), qPrintable(error));
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));

    const ProcessResult fetched =
        doctl(options.dataDir, {"download", m_hybridTorrent, "--json"}, 60000);
    CHECK_OR_DUMP(fetched.finished && fetched.exitCode == 0, "doctl download from nginx failed",
                  fetched.out + fetched.err + "\n--- do-agent log ---\n" + agentLog(agent));
    const QJsonObject status = parseStatus(fetched.out);
    QCOMPARE(status["Status"].toString(), QString("Caching"));
    QCOMPARE(status["BytesFromHttp"].toInteger(), kFileSize);

    const QString ltDir = m_dir.filePath("lt-download");
    QVERIFY(QDir().mkpath(ltDir));
    const QHostAddress ltAddress("127.0.0.8");
    LtPeer download({"download", "--torrent", m_peersTorrent, "--dir", ltDir, "--listen",
                     QString("127.0.0.8:%1").arg(freePort(ltAddress)), "--connect",
                     agent.endpoint(), "--timeout", "45"});
    const int exitCode = download.waitForExit(55000);
    const auto logs = [&] {
        return QString("--- lt_peer download ---\n%1\n--- do-agent log ---\n%2")
            .arg(download.output().right(8000), agentLog(agent).right(20000));
    };
    CHECK_OR_DUMP(exitCode == 0, QString("lt_peer download exited %1").arg(exitCode), logs());
    qInfo("lt_peer download said:\n%s", qPrintable(download.output().right(3000)));
    CHECK_OR_DUMP(sameContent(ltDir + "/content.bin", m_content), "libtorrent's copy differs",
                  logs());
    QCOMPARE(agent.stop(), 0);
}

QTEST_GUILESS_MAIN(LibtorrentInteropTest)
#include "test_libtorrent_interop.moc"
