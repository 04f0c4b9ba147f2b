// The download-mode matrix on real processes: one do-discovery that maps loopback addresses to
// four made-up public addresses (four "NATs"), one nginx origin, and agents in modes 0, 1, 2
// (two groups), 3 (two, behind different NATs) and 99. Each agent's offered peers must be exactly
// those its mode allows, and bytes must flow only between agents allowed to share — an outsider
// dialling a group member directly gets nothing.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 24 * 1024 * 1024;

struct Member
{
    const char* name;
    const char* address;
    int mode;
    const char* group; // "" = none
};

// NAT A = 198.51.100.1: lan1, lan2, http0 · NAT B = 198.51.100.2: groupB, simple99, outsider
// NAT C = 198.51.100.3: groupC, internet3 · NAT D = 198.51.100.4: internet3b.
const Member kMembers[] = {
    {"lan1", "127.0.0.2", 1, ""},
    {"lan2", "127.0.0.3", 1, ""},
    {"groupB", "127.0.0.4", 2, "{6F2D2C1B-2A44-4C0E-9C1A-3D7E0B5A9E11}"},
    {"groupC", "127.0.0.5", 2, "{6F2D2C1B-2A44-4C0E-9C1A-3D7E0B5A9E11}"},
    {"internet3", "127.0.0.6", 3, ""},
    {"http0", "127.0.0.7", 0, ""},
    {"simple99", "127.0.0.8", 99, ""},
    {"outsider", "127.0.0.9", 2, "{0B1C9E77-5D21-4F57-A0B4-7C1F3E2D8A40}"},
    {"internet3b", "127.0.0.10", 3, ""},
};
const QStringList kNatMap = {"127.0.0.2-127.0.0.3=198.51.100.1", "127.0.0.7=198.51.100.1",
                             "127.0.0.4=198.51.100.2",           "127.0.0.8-127.0.0.9=198.51.100.2",
                             "127.0.0.5-127.0.0.6=198.51.100.3", "127.0.0.10=198.51.100.4"};

// Payload bytes received per peer address, from the totals the agent logs as each connection
// ends ("… disconnected 127.0.0.2:7680 … (received N, sent M bytes)").
QMap<QString, qint64> receivedByAddress(const QString& logPath)
{
    static const QRegularExpression line(
        R"((?:disconnected|closing) (\d+\.\d+\.\d+\.\d+):\d+ .*\(received (\d+), sent \d+ bytes\))");
    QMap<QString, qint64> received;
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return received;
    for (const QString& text : QString::fromUtf8(log.readAll()).split('\n')) {
        const QRegularExpressionMatch m = line.match(text);
        if (m.hasMatch())
            received[m.captured(1)] += m.captured(2).toLongLong();
    }
    return received;
}

} // namespace

class DiscoveryModesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modesDecideWhoSharesWithWhom();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 60000);
    QJsonObject peers(const QString& dataDir);
    QStringList offeredEndpoints(const QString& dataDir);
    std::unique_ptr<QProcess> startDownload(const AgentProcess& agent);
    QJsonObject finish(QProcess& download, AgentProcess& agent);
    QJsonArray swarms();

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<DiscoveryProcess> m_discovery;
    QString m_torrent;
    QString m_contentId;
};

ProcessResult DiscoveryModesTest::doctl(const QString& dataDir, const QStringList& args,
                                        int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

QJsonObject DiscoveryModesTest::peers(const QString& dataDir)
{
    const ProcessResult r = doctl(dataDir, {"peers", "--json"});
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

QStringList DiscoveryModesTest::offeredEndpoints(const QString& dataDir)
{
    QStringList out;
    for (const QJsonValue& v : peers(dataDir)["Offered"].toArray()) {
        const QJsonObject o = v.toObject();
        if (o["ContentId"].toString() == m_contentId)
            out << o["Endpoint"].toString().section(':', 0, 0) + '/' + o["Class"].toString();
    }
    out.sort();
    return out;
}

QJsonArray DiscoveryModesTest::swarms()
{
    QNetworkAccessManager network;
    QUrl url = m_discovery->url();
    url.setPath("/v1/swarms");
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    const QJsonArray list = QJsonDocument::fromJson(reply->readAll()).object()["swarms"].toArray();
    reply->deleteLater();
    return list;
}

std::unique_ptr<QProcess> DiscoveryModesTest::startDownload(const AgentProcess& agent)
{
    auto p = std::make_unique<QProcess>();
    // The plain URL: the published metainfo is found through discovery.
    p->start(executable("doctl"),
             {"--data-dir", agent.dataDir(), "download", m_nginx->url("/content.bin").toString(),
              "--out", agent.dataDir() + "/content.bin", "--json"});
    if (!p->waitForStarted(5000))
        return nullptr;
    return p;
}

QJsonObject DiscoveryModesTest::finish(QProcess& download, AgentProcess& agent)
{
    if (download.state() != QProcess::NotRunning && !download.waitForFinished(120000))
        qWarning().noquote() << "download did not finish:" << agent.log().right(3000);
    const QByteArray out = download.readAllStandardOutput();
    if (download.exitCode() != 0)
        qWarning().noquote() << out << download.readAllStandardError() << agent.log().right(3000);
    return QJsonDocument::fromJson(out).object();
}

void DiscoveryModesTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("OPENDO_TEST_KEEP"));
    const QString root = m_dir.filePath("www");
    QString error;
    m_nginx = startContentOrigin(root, kFileSize, 7, "limit_rate 16m;", &error);
    QVERIFY2(m_nginx, qPrintable(error));
    DiscoveryProcessOptions options;
    options.intervalSeconds = 1;
    options.natMap = kNatMap;
    m_discovery = std::make_unique<DiscoveryProcess>(options);
    QVERIFY2(m_discovery->start(&error), qPrintable(error));
    m_torrent = m_dir.filePath("content.torrent");
    const ProcessResult published =
        runProgram(executable("doctl"), {"publish", root + "/content.bin", "--webseed",
                                         m_nginx->url("/content.bin").toString(), "--discovery",
                                         m_discovery->url().toString(), "-o", m_torrent, "--json"});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    m_contentId = QJsonDocument::fromJson(published.out.toUtf8()).object()["contentId"].toString();
    QCOMPARE(m_contentId.size(), 40);
}

void DiscoveryModesTest::modesDecideWhoSharesWithWhom()
{
    std::map<QString, std::unique_ptr<AgentProcess>> agents;
    QString groupBEndpoint;
    for (const Member& m : kMembers) {
        AgentProcessOptions options;
        options.dataDir = m_dir.filePath(m.name);
        options.address = QHostAddress(QString::fromLatin1(m.address));
        options.extraArgs = {"--discovery", m_discovery->url().toString()};
        auto agent = std::make_unique<AgentProcess>(options);
        QStringList settings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                "DOMinFileSizeToCache=1", QString("DODownloadMode=%1").arg(m.mode)};
        if (*m.group)
            settings << QString("DOGroupId=%1").arg(m.group);
        for (const QString& s : settings) {
            const ProcessResult r =
                doctl(options.dataDir, {"config", "set", s.section('=', 0, 0), s.section('=', 1)});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        if (QLatin1String(m.name) == QLatin1String("groupB"))
            groupBEndpoint = agent->endpoint();
        agents[m.name] = std::move(agent);
    }
    // The outsider knows a group member's address and dials it directly.
    {
        AgentProcessOptions options;
        options.dataDir = agents["outsider"]->dataDir();
        options.address = QHostAddress("127.0.0.9");
        options.port = agents["outsider"]->port();
        options.peers = {groupBEndpoint};
        options.extraArgs = {"--discovery", m_discovery->url().toString()};
        agents["outsider"] = std::make_unique<AgentProcess>(options);
    }
    for (auto& [name, agent] : agents) {
        QString error;
        QVERIFY2(agent->start(&error), qPrintable(name + ": " + error));
    }

    // The first of each sharing pair fetches from the origin and then seeds (at once: no two of
    // them may share with each other).
    {
        std::map<QString, std::unique_ptr<QProcess>> firsts;
        for (const char* first : {"lan1", "groupB", "internet3"}) {
            firsts[first] = startDownload(*agents[first]);
            QVERIFY(firsts[first]);
        }
        for (auto& [name, download] : firsts) {
            const QJsonObject status = finish(*download, *agents[name]);
            QVERIFY2(status["BytesFromHttp"].toInteger() == kFileSize, qPrintable(name));
        }
    }
    // Everyone else at once.
    std::map<QString, std::unique_ptr<QProcess>> downloads;
    for (const char* name : {"lan2", "groupC", "internet3b", "http0", "simple99", "outsider"}) {
        downloads[name] = startDownload(*agents[name]);
        QVERIFY(downloads[name]);
    }
    std::map<QString, QJsonObject> status;
    for (auto& [name, download] : downloads) {
        status[name] = finish(*download, *agents[name]);
        QVERIFY2(sameContent(agents[name]->dataDir() + "/content.bin",
                             m_dir.filePath("www/content.bin")),
                 qPrintable(name));
        qInfo("%s: %lld from HTTP, %lld LAN, %lld group, %lld internet", qPrintable(name),
              status[name]["BytesFromHttp"].toInteger(),
              status[name]["BytesFromLanPeers"].toInteger(),
              status[name]["BytesFromGroupPeers"].toInteger(),
              status[name]["BytesFromInternetPeers"].toInteger());
        QCOMPARE(status[name]["BytesFromHttp"].toInteger() +
                     status[name]["BytesFromPeers"].toInteger(),
                 kFileSize);
    }
    // LAN bytes only inside NAT A, group bytes only inside the group, nothing for the rest.
    QVERIFY(status["lan2"]["BytesFromLanPeers"].toInteger() > 0);
    QCOMPARE(status["lan2"]["BytesFromGroupPeers"].toInteger(), 0);
    QCOMPARE(status["lan2"]["BytesFromInternetPeers"].toInteger(), 0);
    QVERIFY(status["groupC"]["BytesFromGroupPeers"].toInteger() > 0);
    QCOMPARE(status["groupC"]["BytesFromLanPeers"].toInteger(), 0);
    QCOMPARE(status["groupC"]["BytesFromInternetPeers"].toInteger(), 0);
    // The two mode-3 agents behind different NATs share as Internet peers.
    QVERIFY(status["internet3b"]["BytesFromInternetPeers"].toInteger() > 0);
    QCOMPARE(status["internet3b"]["BytesFromLanPeers"].toInteger(), 0);
    QCOMPARE(status["internet3b"]["BytesFromGroupPeers"].toInteger(), 0);
    for (const char* name : {"http0", "simple99", "outsider"})
        QCOMPARE(status[name]["BytesFromPeers"].toInteger(), 0);
    QCOMPARE(status["http0"]["DownloadMode"].toInt(), 0);
    QCOMPARE(status["simple99"]["DownloadMode"].toInt(), 99);

    // What discovery offered each agent (all are seeds now and keep announcing every second).
    const QMap<QString, QStringList> expected = {{"lan1", {"127.0.0.3/lan"}},
                                                 {"lan2", {"127.0.0.2/lan"}},
                                                 {"groupB", {"127.0.0.5/group"}},
                                                 {"groupC", {"127.0.0.4/group"}},
                                                 {"internet3", {"127.0.0.10/internet"}},
                                                 {"internet3b", {"127.0.0.6/internet"}},
                                                 {"http0", {}},
                                                 {"simple99", {}},
                                                 {"outsider", {}}};
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        QStringList offered;
        for (int attempt = 0; attempt < 30; ++attempt) {
            offered = offeredEndpoints(agents[it.key()]->dataDir());
            if (offered == it.value())
                break;
            QTest::qWait(200);
        }
        QVERIFY2(offered == it.value(), qPrintable(it.key() + ": offered " + offered.join(',') +
                                                   ", expected " + it.value().join(',')));
        // Mode-3 agents are never offered to mode-1/2 agents behind other NATs.
        if (it.key().startsWith("lan") || it.key().startsWith("group")) {
            for (const QString& endpoint : std::as_const(offered))
                QVERIFY2(!endpoint.startsWith("127.0.0.6/") && !endpoint.startsWith("127.0.0.10/"),
                         qPrintable(it.key() + ": offered " + endpoint));
        }
    }
    // Modes 0 and 99 never registered; the others did, in their scopes.
    const QJsonArray list = swarms();
    QCOMPARE(list.size(), 1);
    const QJsonObject swarm = list[0].toObject();
    QCOMPARE(swarm["seeds"].toInt() + swarm["leechers"].toInt(), 7);
    const QJsonObject byMode = swarm["byMode"].toObject();
    QCOMPARE(byMode["1"].toInt(), 2);
    QCOMPARE(byMode["2"].toInt(), 3);
    QCOMPARE(byMode["3"].toInt(), 2);
    QVERIFY(!byMode.contains("0") && !byMode.contains("99"));
    // Status says where the mode came from: simple99 is configured so, not fallen back.
    const QJsonObject simple = peers(agents["simple99"]->dataDir());
    QCOMPARE(simple["DownloadMode"].toInt(), 99);
    QCOMPARE(simple["FallbackReason"].toString(), QString());
    const QJsonObject lan = peers(agents["lan1"]->dataDir());
    QCOMPARE(lan["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QCOMPARE(lan["Discovery"].toObject()["PublicAddress"].toString(), QString("198.51.100.1"));

    // The uploads that fed them, by class, from the seeds' own monthly counters.
    for (auto& [name, agent] : agents)
        QCOMPARE(agent->stop(), 0);
    auto month = [this](const QString& dataDir) {
        const ProcessResult r = doctl(dataDir, {"perfsnap", "--month", "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    };
    const QJsonObject lanSeed = month(m_dir.filePath("lan1"));
    QVERIFY(lanSeed["UploadLanBytes"].toInteger() > 0);
    QCOMPARE(lanSeed["UploadGroupBytes"].toInteger() + lanSeed["UploadInternetBytes"].toInteger(),
             0);
    const QJsonObject groupSeed = month(m_dir.filePath("groupB"));
    QVERIFY(groupSeed["UploadGroupBytes"].toInteger() > 0);
    QCOMPARE(groupSeed["UploadLanBytes"].toInteger() + groupSeed["UploadInternetBytes"].toInteger(),
             0);
    const QJsonObject internetSeed = month(m_dir.filePath("internet3"));
    QVERIFY(internetSeed["UploadInternetBytes"].toInteger() > 0);
    QCOMPARE(internetSeed["UploadLanBytes"].toInteger() +
                 internetSeed["UploadGroupBytes"].toInteger(),
             0);
    // Who sent whom: every agent's connection log ends each connection with its totals.
    // Bytes may only have come from agents of the receiver's own scope.
    const QMap<QString, QSet<QString>> mayReceiveFrom = {{"lan1", {"127.0.0.3"}},
                                                         {"lan2", {"127.0.0.2"}},
                                                         {"groupB", {"127.0.0.5"}},
                                                         {"groupC", {"127.0.0.4"}},
                                                         {"internet3", {"127.0.0.10"}},
                                                         {"internet3b", {"127.0.0.6"}},
                                                         {"http0", {}},
                                                         {"simple99", {}},
                                                         {"outsider", {}}};
    for (auto it = mayReceiveFrom.cbegin(); it != mayReceiveFrom.cend(); ++it) {
        const QMap<QString, qint64> from =
            receivedByAddress(m_dir.filePath(it.key() + "/agent.log"));
        qint64 total = 0;
        for (auto f = from.cbegin(); f != from.cend(); ++f) {
            if (f.value() > 0)
                QVERIFY2(it.value().contains(f.key()),
                         qPrintable(QString("%1 received %2 bytes from %3")
                                        .arg(it.key())
                                        .arg(f.value())
                                        .arg(f.key())));
            total += f.value();
        }
        // Every peer byte counted in the status arrived on a logged connection (more may have
        // arrived: blocks of a piece another source completed first).
        QVERIFY2(total >= status[it.key()]["BytesFromPeers"].toInteger(),
                 qPrintable(QString("%1: %2 logged, %3 counted")
                                .arg(it.key())
                                .arg(total)
                                .arg(status[it.key()]["BytesFromPeers"].toInteger())));
    }
    QVERIFY(receivedByAddress(m_dir.filePath("lan2/agent.log")).value("127.0.0.2") > 0);
    QVERIFY(receivedByAddress(m_dir.filePath("groupC/agent.log")).value("127.0.0.4") > 0);
    QVERIFY(receivedByAddress(m_dir.filePath("internet3b/agent.log")).value("127.0.0.6") > 0);

    // The outsider reached groupB but was not admitted.
    QFile log(m_dir.filePath("groupB/agent.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(log.readAll());
    QVERIFY2(text.contains("127.0.0.9") && text.contains("not admitted"),
             qPrintable(text.right(3000)));
    // groupB's connection journal keeps that connection: nothing sent, and why it ended.
    const ProcessResult listed =
        doctl(m_dir.filePath("groupB"), {"analysis", "--list-connections", "--json"});
    bool journaled = false;
    for (const QJsonValue& v : QJsonDocument::fromJson(listed.out.toUtf8()).array()) {
        if (v["DestinationIp"].toString() != "127.0.0.9")
            continue;
        QCOMPARE(v["BytesSent"].toInteger(), 0);
        journaled |= v["Reason"].toString().contains("not admitted");
    }
    QVERIFY2(journaled, qPrintable(listed.out + listed.err));
}

QTEST_GUILESS_MAIN(DiscoveryModesTest)
#include "test_discovery_modes.moc"
