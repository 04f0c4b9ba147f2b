// Several real do-agent processes on their own loopback addresses sharing one content from a
// real nginx origin: the acceptance test of peer-to-peer transfers.

#include "content/Metainfo.h"
#include "support/AgentProcess.h"
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

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 256 * 1024 * 1024;
constexpr int kAgents = 4;

// Settings every agent in these tests gets: the default hardware gates assume a desktop (4 GB of
// RAM, a 32 GB drive), which a CI container may not be.
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1"};

} // namespace

class PeerSwarmTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fourAgentsShareOneOriginCopy();
    void httpDelayHoldsBackOnlyWhatPeersHave();
    void minBackgroundQosTopsUpSlowPeers();
    void foregroundDownloadOutrunsASlowPeer();

private:
    struct SlowSeedLab
    {
        static constexpr qint64 kSize = 8 * 1024 * 1024;
        std::unique_ptr<NginxServer> origin;
        QString torrent;
        std::vector<std::unique_ptr<AgentProcess>> agents; // [0]: the seed
    };
    bool startSlowSeedLab(SlowSeedLab& lab, const QString& name, int firstAddress,
                          const QList<QStringList>& downloaderSettings);
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 60000);
    bool configure(const QString& dataDir, const QStringList& settings = kLabSettings);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    QString m_torrent;
};

ProcessResult PeerSwarmTest::doctl(const QString& dataDir, const QStringList& args, int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

bool PeerSwarmTest::configure(const QString& dataDir, const QStringList& settings)
{
    const QString error = configureWithDoctl(dataDir, settings);
    if (!error.isEmpty())
        qWarning().noquote() << "doctl config set failed:" << error;
    return error.isEmpty();
}

void PeerSwarmTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    const QString root = m_dir.filePath("www");
    // The origin is slower than the agents' disks (32 MB/s per connection), so the agents'
    // downloads overlap in time as they would on a real WAN link.
    QString error;
    m_nginx = startContentOrigin(root, kFileSize, 42, "limit_rate 32m;", &error);
    QVERIFY2(m_nginx, qPrintable(error));
    m_torrent = m_dir.filePath("content.torrent");
    const ProcessResult made =
        runProgram(executable("doctl"), {"create-metainfo", root + "/content.bin", "--webseed",
                                         m_nginx->url("/content.bin").toString(), "-o", m_torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
}

void PeerSwarmTest::fourAgentsShareOneOriginCopy()
{
    // Four agents on 127.0.0.2-5, each told about the others.
    std::vector<std::unique_ptr<AgentProcess>> agents;
    for (int i = 0; i < kAgents; ++i) {
        AgentProcessOptions options;
        options.dataDir = m_dir.filePath(QString("agent%1").arg(i + 1));
        options.address = QHostAddress(QString("127.0.0.%1").arg(i + 2));
        agents.push_back(std::make_unique<AgentProcess>(options));
    }
    QStringList endpoints;
    for (const auto& agent : agents)
        endpoints << agent->endpoint();
    for (int i = 0; i < kAgents; ++i) {
        QVERIFY(configure(agents[i]->dataDir()));
        AgentProcessOptions options;
        options.dataDir = agents[i]->dataDir();
        options.address = QHostAddress(QString("127.0.0.%1").arg(i + 2));
        options.port = agents[i]->port();
        QStringList others = endpoints;
        others.removeAll(agents[i]->endpoint());
        if (i == kAgents - 1) {
            // The last agent knows its peers from its configuration instead of --peer.
            const ProcessResult set =
                doctl(options.dataDir, {"config", "set", "StaticPeers", others.join(',')});
            QVERIFY2(set.exitCode == 0, qPrintable(set.err));
        } else {
            options.peers = others;
        }
        agents[i] = std::make_unique<AgentProcess>(options);
        QString error;
        QVERIFY2(agents[i]->start(&error), qPrintable(error));
    }

    // Staggered: each download starts a second after the previous one, through doctl, which
    // hands it to the running agent and waits for it.
    std::vector<std::unique_ptr<QProcess>> downloads;
    QElapsedTimer clock;
    clock.start();
    qint64 discarded = 0;
    for (int i = 0; i < kAgents; ++i) {
        auto p = std::make_unique<QProcess>();
        p->start(executable("doctl"), {"--data-dir", agents[i]->dataDir(), "download", m_torrent,
                                       "--out", agents[i]->dataDir() + "/content.bin", "--json"});
        QVERIFY(p->waitForStarted(5000));
        downloads.push_back(std::move(p));
        QTest::qWait(1000);
    }
    for (int i = 0; i < kAgents; ++i) {
        QProcess& p = *downloads[i];
        if (p.state() != QProcess::NotRunning && !p.waitForFinished(180000))
            QFAIL(qPrintable(QString("agent %1 did not finish: %2")
                                 .arg(i + 1)
                                 .arg(agents[i]->log().right(3000))));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(p.exitCode() == 0, qPrintable(out + QString::fromUtf8(p.readAllStandardError()) +
                                               agents[i]->log().right(3000)));
        const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
        const qint64 fromPeers = status["BytesFromPeers"].toInteger();
        const qint64 fromHttp = status["BytesFromHttp"].toInteger();
        discarded += status["BytesDiscarded"].toInteger();
        qInfo("agent %d: %lld bytes from HTTP, %lld from peers (%.1f %% peers), %lld discarded",
              i + 1, fromHttp, fromPeers, status["PercentPeerCaching"].toDouble(),
              status["BytesDiscarded"].toInteger());
        QCOMPARE(fromPeers + fromHttp, kFileSize);
        QCOMPARE(status["BytesFromLanPeers"].toInteger(), fromPeers);
        QCOMPARE(status["Status"].toString(), QString("Caching"));
        QVERIFY(
            sameContent(agents[i]->dataDir() + "/content.bin", m_dir.filePath("www/content.bin")));
    }
    qInfo("all four finished in %lld ms", clock.elapsed());

    // What the origin itself says it served.
    const qint64 served = m_nginx->bytesServed();
    qInfo("origin served %lld bytes = %.2f x the file", served, double(served) / kFileSize);

    for (auto& agent : agents) {
        const int rc = agent->stop();
        if (qEnvironmentVariableIsSet("OPENDO_TEST_VERBOSE"))
            qInfo().noquote() << agent->endpoint() << "log:\n" << agent->log();
        QCOMPARE(rc, 0);
    }
    QVERIFY2(served <= kFileSize * 13 / 10,
             qPrintable(QString("the origin served %1 bytes").arg(served)));

    // The monthly statistics, read back from each stopped agent's database: every agent's
    // downloads add up to the file, and every byte that came from a peer was sent by one.
    qint64 fromPeers = 0;
    qint64 toPeers = 0;
    for (const auto& agent : agents) {
        const ProcessResult r = doctl(agent->dataDir(), {"perfsnap", "--month", "--json"});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject month = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const qint64 http = month["DownloadHttpBytes"].toInteger();
        const qint64 lan = month["DownloadLanBytes"].toInteger();
        QCOMPARE(http + lan, kFileSize);
        fromPeers += lan;
        toPeers += month["UploadLanBytes"].toInteger();
    }
    qInfo("peers sent %lld bytes for %lld bytes used from peers", toPeers, fromPeers);
    QVERIFY(toPeers >= fromPeers);
    // And nothing much more: every byte sent was used or discarded (an endgame duplicate) by
    // its receiver, apart from blocks still on the wire when a download completed. A piece
    // requested again while its first copy waits to become durable would break this.
    const qint64 onTheWire = qint64(kAgents) * 4 * 1024 * 1024;
    QVERIFY2(
        toPeers <= fromPeers + discarded + onTheWire,
        qPrintable(
            QString("sent %1, used %2, discarded %3").arg(toPeers).arg(fromPeers).arg(discarded)));
    QVERIFY2(discarded <= kFileSize / 10, qPrintable(QString("discarded %1").arg(discarded)));
}

void PeerSwarmTest::httpDelayHoldsBackOnlyWhatPeersHave()
{
    // Two agents start the same download together, each with the origin held back for a minute
    // while peers can serve. Neither has anything yet, so nothing a peer holds can be waited
    // for: both must fetch the pieces nobody has from the origin at once and swap the rest,
    // finishing long before the delay runs out.
    constexpr int kDelaySeconds = 60;
    const QString root = m_dir.filePath("www");
    QVERIFY(writeRandomFile(root + "/delayed.bin", 32 * 1024 * 1024, 7));
    const QString torrent = m_dir.filePath("delayed.torrent");
    const ProcessResult made =
        runProgram(executable("doctl"), {"create-metainfo", root + "/delayed.bin", "--webseed",
                                         m_nginx->url("/delayed.bin").toString(), "-o", torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));

    std::vector<std::unique_ptr<AgentProcess>> agents;
    for (int i = 0; i < 2; ++i) {
        AgentProcessOptions options;
        options.dataDir = m_dir.filePath(QString("delay%1").arg(i + 1));
        options.address = QHostAddress(QString("127.0.0.%1").arg(i + 6));
        agents.push_back(std::make_unique<AgentProcess>(options));
        QVERIFY(configure(
            options.dataDir,
            kLabSettings +
                QStringList{QString("DODelayForegroundDownloadFromHttp=%1").arg(kDelaySeconds)}));
    }
    for (int i = 0; i < 2; ++i) {
        AgentProcessOptions options;
        options.dataDir = agents[i]->dataDir();
        options.address = QHostAddress(QString("127.0.0.%1").arg(i + 6));
        options.port = agents[i]->port();
        options.peers = {agents[1 - i]->endpoint()};
        agents[i] = std::make_unique<AgentProcess>(options);
        QString error;
        QVERIFY2(agents[i]->start(&error), qPrintable(error));
    }

    QElapsedTimer clock;
    clock.start();
    std::vector<std::unique_ptr<QProcess>> downloads;
    for (const auto& agent : agents) {
        auto p = std::make_unique<QProcess>();
        p->start(executable("doctl"),
                 {"--data-dir", agent->dataDir(), "download", torrent, "--foreground", "--json"});
        QVERIFY(p->waitForStarted(5000));
        downloads.push_back(std::move(p));
    }
    for (int i = 0; i < 2; ++i) {
        QProcess& p = *downloads[i];
        // Well inside the delay: finishing at all before it ends is the point.
        if (p.state() != QProcess::NotRunning && !p.waitForFinished(kDelaySeconds * 1000 / 2))
            QFAIL(qPrintable(QString("agent %1 waited for the HTTP delay: %2")
                                 .arg(i + 1)
                                 .arg(agents[i]->log().right(3000))));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QCOMPARE(p.exitCode(), 0);
        const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
        QCOMPARE(status["BytesFromPeers"].toInteger() + status["BytesFromHttp"].toInteger(),
                 qint64(32 * 1024 * 1024));
        QVERIFY(status["BytesFromHttp"].toInteger() > 0);
    }
    qInfo("both finished in %lld ms with a %d s HTTP delay", clock.elapsed(), kDelaySeconds);
    QVERIFY(clock.elapsed() < kDelaySeconds * 1000 / 2);
    for (auto& agent : agents)
        QCOMPARE(agent->stop(), 0);
}

bool PeerSwarmTest::startSlowSeedLab(SlowSeedLab& lab, const QString& name, int firstAddress,
                                     const QList<QStringList>& downloaderSettings)
{
    // An origin that serves 1 MB/s per connection and a seed that uploads at most 100 KB/s; the
    // seed fetches the file first. Without a discovery service, static peers decide who talks
    // to whom: the seed serves every downloader, the downloaders do not feed each other.
    QString error;
    lab.origin = startContentOrigin(m_dir.filePath(name + "-www"), SlowSeedLab::kSize, 11,
                                    "limit_rate 1m;", &error);
    if (!lab.origin) {
        qWarning() << error;
        return false;
    }
    lab.torrent = m_dir.filePath(name + ".torrent");
    const ProcessResult made =
        runProgram(executable("doctl"),
                   {"create-metainfo", m_dir.filePath(name + "-www/content.bin"), "--webseed",
                    lab.origin->url("/content.bin").toString(), "-o", lab.torrent});
    if (made.exitCode != 0) {
        qWarning() << made.err;
        return false;
    }
    const int count = int(downloaderSettings.size()) + 1;
    auto options = [&](int i) {
        AgentProcessOptions o;
        o.dataDir = m_dir.filePath(QString("%1-%2").arg(name).arg(i));
        o.address = QHostAddress(QString("127.0.0.%1").arg(firstAddress + i));
        return o;
    };
    for (int i = 0; i < count; ++i)
        lab.agents.push_back(std::make_unique<AgentProcess>(options(i)));
    if (!configure(lab.agents[0]->dataDir(), kLabSettings + QStringList{"DOMaxUploadBandwidth=100",
                                                                        "DOMinFileSizeToCache=1"}))
        return false;
    for (int i = 1; i < count; ++i) {
        if (!configure(lab.agents[i]->dataDir(), kLabSettings + downloaderSettings[i - 1]))
            return false;
    }
    if (doctl(lab.agents[0]->dataDir(), {"download", lab.torrent}).exitCode != 0)
        return false;
    for (int i = 0; i < count; ++i) {
        AgentProcessOptions o = options(i);
        o.port = lab.agents[i]->port();
        for (int j = 0; j < count; ++j) {
            if ((i == 0) != (j == 0))
                o.peers << lab.agents[j]->endpoint();
        }
        lab.agents[i] = std::make_unique<AgentProcess>(o);
        if (!lab.agents[i]->start(&error)) {
            qWarning() << error;
            return false;
        }
    }
    return true;
}

void PeerSwarmTest::minBackgroundQosTopsUpSlowPeers()
{
    // Two background downloaders that hold the origin back for ten minutes while peers can
    // serve. The one whose DOMinBackgroundQos asks for 4000 KB/s gets the origin to top up and
    // finishes long before the 100 KB/s seed alone could deliver; the one content with 1 KB/s
    // keeps waiting for the seed and takes nothing more from the origin.
    constexpr qint64 kSize = SlowSeedLab::kSize;
    const QStringList held{"DODelayBackgroundDownloadFromHttp=600", "DOMinFileSizeToCache=1"};
    SlowSeedLab lab;
    QVERIFY(startSlowSeedLab(lab, "qos", 8,
                             {held + QStringList{"DOMinBackgroundQos=4000"},
                              held + QStringList{"DOMinBackgroundQos=1"}}));
    auto& agents = lab.agents;
    const QString torrent = lab.torrent;

    QProcess patient;
    patient.start(executable("doctl"),
                  {"--data-dir", agents[2]->dataDir(), "download", torrent, "--background"});
    QVERIFY(patient.waitForStarted(5000));
    QElapsedTimer clock;
    clock.start();
    const ProcessResult fast =
        doctl(agents[1]->dataDir(), {"download", torrent, "--background", "--json"}, 60000);
    QVERIFY2(fast.exitCode == 0, qPrintable(fast.err + agents[1]->log().right(2000)));
    const QJsonObject done = QJsonDocument::fromJson(fast.out.toUtf8()).object();
    qInfo("with DOMinBackgroundQos 4000 KB/s: %lld ms, %lld bytes from HTTP, %lld from peers",
          clock.elapsed(), done["BytesFromHttp"].toInteger(), done["BytesFromPeers"].toInteger());
    QCOMPARE(done["BytesFromHttp"].toInteger() + done["BytesFromPeers"].toInteger(), kSize);
    QVERIFY(done["BytesFromHttp"].toInteger() > kSize / 2);
    QVERIFY2(clock.elapsed() < 40'000, "the 100 KB/s seed alone needs over 80 s");
    QVERIFY2(agents[1]->log().contains("below DOMinBackgroundQos"),
             qPrintable(agents[1]->log().right(3000)));

    // The patient downloader is still at it, fed by the seed alone.
    auto patientJob = [&] {
        const ProcessResult status = doctl(agents[2]->dataDir(), {"status", "--json"});
        return QJsonDocument::fromJson(status.out.toUtf8()).array().at(0).toObject();
    };
    const QJsonObject before = patientJob();
    QTest::qWait(6000); // longer than a measuring window
    const QJsonObject after = patientJob();
    QVERIFY2(after["Status"].toString() == "Downloading", qPrintable(agents[2]->log().right(4000)));
    QCOMPARE(after["BytesFromHttp"].toInteger(), before["BytesFromHttp"].toInteger());
    QVERIFY2(after["BytesFromPeers"].toInteger() > before["BytesFromPeers"].toInteger(),
             qPrintable(agents[2]->log().right(3000)));
    QVERIFY(!agents[2]->log().contains("below DOMinBackgroundQos"));
    patient.kill();
    patient.waitForFinished(5000);
    for (auto& agent : agents)
        QCOMPARE(agent->stop(), 0);
}

void PeerSwarmTest::foregroundDownloadOutrunsASlowPeer()
{
    // A foreground download with no HTTP delay and the 100 KB/s seed as its only peer, which
    // has every piece: the origin joins in once peers stay below the DOMinBackgroundQos floor
    // (500 KB/s by default), instead of leaving the download at the seed's speed.
    SlowSeedLab lab;
    QVERIFY(startSlowSeedLab(lab, "foreground", 11, {{"DOMinFileSizeToCache=1"}}));
    QElapsedTimer clock;
    clock.start();
    const ProcessResult done =
        doctl(lab.agents[1]->dataDir(), {"download", lab.torrent, "--foreground", "--json"});
    QVERIFY2(done.exitCode == 0, qPrintable(done.err + lab.agents[1]->log().right(2000)));
    const QJsonObject status = QJsonDocument::fromJson(done.out.toUtf8()).object();
    qInfo("foreground from a 100 KB/s seed: %lld ms, %lld bytes from HTTP, %lld from peers",
          clock.elapsed(), status["BytesFromHttp"].toInteger(),
          status["BytesFromPeers"].toInteger());
    QCOMPARE(status["BytesFromHttp"].toInteger() + status["BytesFromPeers"].toInteger(),
             SlowSeedLab::kSize);
    QVERIFY(status["BytesFromPeers"].toInteger() > 0);
    QVERIFY(status["BytesFromHttp"].toInteger() > SlowSeedLab::kSize / 2);
    QVERIFY2(clock.elapsed() < 40'000, "the 100 KB/s seed alone needs over 80 s");
    QVERIFY2(lab.agents[1]->log().contains("below DOMinBackgroundQos"),
             qPrintable(lab.agents[1]->log().right(3000)));
    for (auto& agent : lab.agents)
        QCOMPARE(agent->stop(), 0);
}

QTEST_GUILESS_MAIN(PeerSwarmTest)
#include "test_peer_swarm.moc"
