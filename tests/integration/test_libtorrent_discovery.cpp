// A standard BitTorrent client finds OpenDO agents through do-discovery: libtorrent (Debian's
// python3-libtorrent, driven by tests/integration/lt_peer.py) announces to the service's
// /announce without any DO parameters, which makes it a download mode 3 (Internet) peer. It must
// be offered the mode-3 agent that seeds the content, download everything from it, and show up
// on the agent's side as an Internet peer. A mode-1 (LAN) agent of the same swarm is neither
// offered to it nor serves it when dialled directly: it asks for a swarm-key proof that a
// standard client cannot give.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
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
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 24 * 1024 * 1024;

// Loopback addresses: without a NAT map each one is its own public address, so the two agents
// and the libtorrent peers are strangers to each other (no LAN relation).
const char* const kInternetAgent = "127.0.0.2";
const char* const kLibtorrent = "127.0.0.3";
const char* const kLanAgent = "127.0.0.4";
const char* const kLibtorrentStranger = "127.0.0.5";

// Polls `condition` (each try may run doctl, so not in a tight loop) until it holds.
bool eventually(const std::function<bool()>& condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (condition())
            return true;
        if (deadline.hasExpired())
            return false;
        QTest::qWait(200);
    }
}

QString compact(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

class LibtorrentDiscoveryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void libtorrentDownloadsFromInternetAgent();
    void lanAgentDoesNotServeLibtorrent();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 30000);
    QJsonObject peers(const AgentProcess& agent);
    std::unique_ptr<AgentProcess> startAgent(const char* address, int mode, QString* error);
    QString announceUrl() const;

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<DiscoveryProcess> m_discovery;
    QString m_content;      // the origin's file
    QString m_peersTorrent; // the published metainfo without its web seed: peers only
    QString m_contentId;    // the v1 info hash in hex, as published
    std::unique_ptr<AgentProcess> m_internetAgent; // mode 3, has the content
    std::unique_ptr<AgentProcess> m_lanAgent;      // mode 1, has the content
};

ProcessResult LibtorrentDiscoveryTest::doctl(const QString& dataDir, const QStringList& args,
                                             int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

QJsonObject LibtorrentDiscoveryTest::peers(const AgentProcess& agent)
{
    const ProcessResult r = doctl(agent.dataDir(), {"peers", "--json"});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QString LibtorrentDiscoveryTest::announceUrl() const
{
    return m_discovery->url().toString() + "/announce";
}

std::unique_ptr<AgentProcess> LibtorrentDiscoveryTest::startAgent(const char* address, int mode,
                                                                  QString* error)
{
    AgentProcessOptions options;
    options.dataDir = m_dir.filePath(QString("agent-%1").arg(address));
    options.address = QHostAddress(QString::fromLatin1(address));
    options.extraArgs = {"--discovery", m_discovery->url().toString()};
    // The hardware gates assume a desktop; the lab has neither its RAM nor its disk.
    const QList<QPair<QString, QString>> settings = {
        {"DOMinRAMAllowedToPeer", "1"},
        {"DOMinDiskSizeAllowedToPeer", "1"},
        {"DOMinFileSizeToCache", "1"},
        {"DODownloadMode", QString::number(mode)},
    };
    for (const auto& [key, value] : settings) {
        const ProcessResult r = doctl(options.dataDir, {"config", "set", key, value});
        if (r.exitCode != 0) {
            *error = QString("doctl config set %1 %2 failed: %3%4").arg(key, value, r.out, r.err);
            return nullptr;
        }
    }
    auto agent = std::make_unique<AgentProcess>(options);
    if (!agent->start(error))
        return nullptr;
    return agent;
}

void LibtorrentDiscoveryTest::initTestCase()
{
    const ProcessResult probe = runProgram(
        kDebianPython, {"-c", "import libtorrent; print(libtorrent.__version__)"}, 20000);
    if (probe.exitCode != 0)
        OPENDO_SKIP_WITHOUT_TOOL(
            "/usr/bin/python3 cannot import libtorrent (apt-get install python3-libtorrent)");
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    qInfo("libtorrent %s", qPrintable(probe.out.trimmed()));
    QVERIFY(QFileInfo(ltPeerScript()).isReadable());
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("OPENDO_TEST_KEEP"));

    const QString root = m_dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    m_content = root + "/content.bin";
    QVERIFY(writeRandomFile(m_content, kFileSize, 11));
    NginxOptions origin;
    origin.documentRoot = root;
    m_nginx = std::make_unique<NginxServer>(origin);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
    DiscoveryProcessOptions discovery;
    // Agents re-announce every second: what discovery learns reaches them quickly.
    discovery.intervalSeconds = 1;
    m_discovery = std::make_unique<DiscoveryProcess>(discovery);
    QVERIFY2(m_discovery->start(&error), qPrintable(error));

    const QString published = m_dir.filePath("published.torrent");
    const ProcessResult publish =
        runProgram(executable("doctl"),
                   {"publish", m_content, "--webseed", m_nginx->url("/content.bin").toString(),
                    "--discovery", m_discovery->url().toString(), "-o", published, "--json"});
    QVERIFY2(publish.exitCode == 0, qPrintable(publish.out + publish.err));
    m_contentId = QJsonDocument::fromJson(publish.out.toUtf8()).object()["contentId"].toString();
    QCOMPARE(m_contentId.size(), 40);
    // libtorrent gets no web seed: whatever it downloads comes from peers. The url-list lies
    // outside the info dict, so the info hash — the swarm — stays the same.
    m_peersTorrent = m_dir.filePath("peers.torrent");
    const ProcessResult stripped =
        runProgram(kDebianPython,
                   {ltPeerScript(), "strip", "--torrent", published, "-o", m_peersTorrent}, 20000);
    QVERIFY2(stripped.exitCode == 0, qPrintable(stripped.out + stripped.err));
    QCOMPARE(stripped.out.trimmed(), "info_hash " + m_contentId.toLower());

    m_internetAgent = startAgent(kInternetAgent, 3, &error);
    QVERIFY2(m_internetAgent, qPrintable(error));
    m_lanAgent = startAgent(kLanAgent, 1, &error);
    QVERIFY2(m_lanAgent, qPrintable(error));

    // Both fetch the content by its URL (discovery hands them the published metainfo) at once;
    // neither has a peer it may use, so it comes from the origin, and then they seed.
    std::vector<std::unique_ptr<QProcess>> downloads;
    for (AgentProcess* agent : {m_internetAgent.get(), m_lanAgent.get()}) {
        auto p = std::make_unique<QProcess>();
        p->start(executable("doctl"), {"--data-dir", agent->dataDir(), "download",
                                       m_nginx->url("/content.bin").toString(), "--out",
                                       agent->dataDir() + "/content.bin", "--json"});
        QVERIFY(p->waitForStarted(5000));
        downloads.push_back(std::move(p));
    }
    for (size_t i = 0; i < downloads.size(); ++i) {
        QProcess& p = *downloads[i];
        AgentProcess& agent = i == 0 ? *m_internetAgent : *m_lanAgent;
        const bool finished = p.waitForFinished(40000);
        const QByteArray out = p.readAllStandardOutput();
        const QJsonObject status = QJsonDocument::fromJson(out).object();
        CHECK_OR_DUMP(finished && p.exitCode() == 0 && status["Status"].toString() == "Caching",
                      QString("doctl download on %1 failed").arg(agent.endpoint()),
                      QString::fromUtf8(out + p.readAllStandardError()) +
                          "\n--- do-agent log ---\n" + agent.log().right(6000));
        QCOMPARE(status["BytesFromHttp"].toInteger() + status["BytesFromPeers"].toInteger(),
                 kFileSize);
        QVERIFY(sameContent(agent.dataDir() + "/content.bin", m_content));
    }
}

// libtorrent on 127.0.0.3 knows only the tracker URL. Discovery offers it the mode-3 agent (and
// not the mode-1 one); it downloads everything from that agent, which counts the upload as
// Internet traffic.
void LibtorrentDiscoveryTest::libtorrentDownloadsFromInternetAgent()
{
    AgentProcess& agent = *m_internetAgent;
    const QString ltDir = m_dir.filePath("lt-internet");
    QVERIFY(QDir().mkpath(ltDir));
    const QString ltEndpoint =
        QString("%1:%2").arg(kLibtorrent).arg(freePort(QHostAddress(kLibtorrent)));
    // --stay and --keep-connections: after the download the connection must still be there for
    // the agent to report on it. --min-announce-interval 1: libtorrent re-announces at most every
    // 300 s by default, while this discovery (interval 1 s) forgets a peer 2 s after its last
    // announce — the agent would be offered libtorrent only for those 2 s.
    LtPeer lt({"download", "--torrent", m_peersTorrent, "--dir", ltDir, "--listen", ltEndpoint,
               "--tracker", announceUrl(), "--timeout", "40", "--stay", "--keep-connections",
               "--min-announce-interval", "1"});
    const auto logs = [&] {
        return QString("--- lt_peer download ---\n%1\n--- do-agent log ---\n%2\n"
                       "--- do-discovery log ---\n%3")
            .arg(lt.output().right(12000), agent.log().right(12000),
                 m_discovery->log().right(4000));
    };
    CHECK_OR_DUMP(lt.waitForLine("done", 45000), "libtorrent did not complete", logs());
    qInfo("%s", qPrintable(lt.lastLine("done")));
    CHECK_OR_DUMP(sameContent(ltDir + "/content.bin", m_content), "libtorrent's copy differs",
                  logs());

    // The agent's view: discovery offered it libtorrent's endpoint as an Internet peer, and the
    // connection libtorrent made is classed Internet and carried the file.
    QJsonObject view;
    bool offered = false;
    bool connected = false;
    eventually(
        [&] {
            view = peers(agent);
            offered = false;
            for (const QJsonValue& v : view["Offered"].toArray()) {
                const QJsonObject o = v.toObject();
                offered |= o["ContentId"].toString() == m_contentId &&
                           o["Endpoint"].toString() == ltEndpoint &&
                           o["Class"].toString() == "internet";
            }
            connected = false;
            for (const QJsonValue& v : view["Connections"].toArray()) {
                const QJsonObject c = v.toObject();
                connected |= c["ContentId"].toString() == m_contentId &&
                             c["Endpoint"].toString().section(':', 0, 0) == kLibtorrent &&
                             c["Class"].toString() == "internet" &&
                             c["BytesSent"].toInteger() >= kFileSize;
            }
            return offered && connected;
        },
        10000);
    CHECK_OR_DUMP(view["DownloadMode"].toInt() == 3, "the agent is not in mode 3: " + compact(view),
                  logs());
    CHECK_OR_DUMP(offered,
                  "discovery did not offer the agent libtorrent at " + ltEndpoint +
                      " as an Internet peer: " + compact(view),
                  logs());
    CHECK_OR_DUMP(connected,
                  "no Internet-class connection from libtorrent that carried the file: " +
                      compact(view),
                  logs());

    QCOMPARE(lt.stop(), 0);
    const QJsonObject report = lt.report();
    qInfo("lt_peer report: %s", qPrintable(compact(report)));
    CHECK_OR_DUMP(!report.isEmpty(), "lt_peer printed no report", logs());
    // The tracker reply listed the mode-3 agent and not the mode-1 one (another download mode).
    int trackerPeers = 0;
    for (const QJsonValue& v : report["tracker_replies"].toArray())
        trackerPeers = qMax(trackerPeers, v.toObject()["peers"].toInt());
    CHECK_OR_DUMP(trackerPeers >= 1, "no tracker reply with peers", logs());
    const QJsonArray listed = report["tracker_peer_ips"].toArray();
    CHECK_OR_DUMP(listed.contains(QString(kInternetAgent)),
                  "the tracker reply did not list the mode-3 agent", logs());
    CHECK_OR_DUMP(!listed.contains(QString(kLanAgent)),
                  "the tracker reply listed the mode-1 agent to a standard client", logs());
    // libtorrent learned the agent's endpoint (its listen port) from the tracker and took the
    // whole file from it.
    const QJsonObject fromAgent = report["peers"].toObject()[agent.endpoint()].toObject();
    CHECK_OR_DUMP(fromAgent["source"].toArray().contains(QString("tracker")),
                  "libtorrent did not get " + agent.endpoint() + " from the tracker", logs());
    CHECK_OR_DUMP(fromAgent["downloaded"].toInteger() >= kFileSize,
                  "libtorrent did not download the file from the agent", logs());
    QVERIFY(report["downloaded"].toInteger() >= kFileSize);

    // The agent's monthly counters file the upload under Internet, nothing under LAN or group.
    QCOMPARE(agent.stop(), 0);
    const ProcessResult month = doctl(agent.dataDir(), {"perfsnap", "--month", "--json"});
    QVERIFY2(month.exitCode == 0, qPrintable(month.err));
    const QJsonObject counters = QJsonDocument::fromJson(month.out.toUtf8()).object();
    qInfo("agent month: UploadInternetBytes %lld, UploadLanBytes %lld, UploadGroupBytes %lld",
          counters["UploadInternetBytes"].toInteger(), counters["UploadLanBytes"].toInteger(),
          counters["UploadGroupBytes"].toInteger());
    QVERIFY(counters["UploadInternetBytes"].toInteger() >= kFileSize);
    QCOMPARE(counters["UploadLanBytes"].toInteger() + counters["UploadGroupBytes"].toInteger(), 0);
}

// The mode-1 agent serves only peers that prove membership of its LAN swarm. libtorrent, told
// its endpoint directly, connects but gets not a byte, and the agent logs why.
void LibtorrentDiscoveryTest::lanAgentDoesNotServeLibtorrent()
{
    AgentProcess& agent = *m_lanAgent;
    const QString ltDir = m_dir.filePath("lt-lan");
    QVERIFY(QDir().mkpath(ltDir));
    const QString ltEndpoint =
        QString("%1:%2").arg(kLibtorrentStranger).arg(freePort(QHostAddress(kLibtorrentStranger)));
    // Six seconds: two dial rounds of lt_peer.py, far longer than the agent needs to decide.
    LtPeer lt({"download", "--torrent", m_peersTorrent, "--dir", ltDir, "--listen", ltEndpoint,
               "--connect", agent.endpoint(), "--timeout", "6"});
    const int exitCode = lt.waitForExit(20000);
    const auto logs = [&] {
        return QString("--- lt_peer download ---\n%1\n--- do-agent log ---\n%2")
            .arg(lt.output().right(8000), agent.log().right(12000));
    };
    CHECK_OR_DUMP(exitCode == 1,
                  QString("lt_peer download exited %1, not 1 (timeout)").arg(exitCode), logs());
    const QJsonObject report = lt.report();
    qInfo("lt_peer report: %s", qPrintable(compact(report)));
    CHECK_OR_DUMP(!report.isEmpty(), "lt_peer printed no report", logs());
    CHECK_OR_DUMP(report["downloaded"].toInteger() == 0,
                  "libtorrent downloaded from the mode-1 agent", logs());
    // The agent did see it — and turned it away.
    const auto refused = [&] {
        for (const QString& line : agent.log().split(QLatin1Char('\n'))) {
            if (line.contains(QString(kLibtorrentStranger) + ':') && line.contains("not admitted"))
                return true;
        }
        return false;
    };
    CHECK_OR_DUMP(eventually(refused, 5000), "the agent did not log refusing libtorrent", logs());
    const QJsonObject view = peers(agent);
    QCOMPARE(view["DownloadMode"].toInt(), 1);
    for (const QJsonValue& v : view["Connections"].toArray())
        QVERIFY2(v.toObject()["Endpoint"].toString().section(':', 0, 0) != kLibtorrentStranger,
                 qPrintable(compact(view)));
    QCOMPARE(agent.stop(), 0);
    const ProcessResult month = doctl(agent.dataDir(), {"perfsnap", "--month", "--json"});
    const QJsonObject counters = QJsonDocument::fromJson(month.out.toUtf8()).object();
    QCOMPARE(counters["UploadInternetBytes"].toInteger() + counters["UploadLanBytes"].toInteger() +
                 counters["UploadGroupBytes"].toInteger(),
             0);
}

QTEST_GUILESS_MAIN(LibtorrentDiscoveryTest)
#include "test_libtorrent_discovery.moc"
