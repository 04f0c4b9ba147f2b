// The troubleshooter against real failures: each test creates the condition for real (a stopped
// discovery service, a taken port, a dead peer given statically and one offered by discovery
// after it was killed, two NATs in LAN mode, a file below DOMinFileSizeToCache, an origin
// without Range, gates above this machine's values, a VPN keyword that matches `lo`, a reached
// upload cap, no cache server configured) and asserts the verdict, the evidence and the remedy
// `doctl troubleshoot --json` reports.

#include "agent/Agent.h"
#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "support/TinyProxyServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kContentSize = 4 * 1024 * 1024;
constexpr qint64 kSmallSize = 2 * 1024 * 1024;
constexpr qint64 kCapContentSize = 256 * 1024 * 1024;
constexpr qint64 kGiB = qint64(1) << 30;
// The default hardware gates assume a desktop, which a CI container may not be.
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1"};

struct Troubleshoot
{
    int exitCode = -1;
    QJsonObject report;
    QString err;

    QJsonObject check(const QString& id) const
    {
        for (const QJsonValue& v : report["Results"].toArray())
            if (v.toObject()["Id"].toString() == id)
                return v.toObject();
        return {};
    }
    QString verdict(const QString& id) const { return check(id)["Verdict"].toString(); }
    QString evidence(const QString& id) const
    {
        QStringList lines;
        for (const QJsonValue& v : check(id)["Evidence"].toArray())
            lines << v.toString();
        return lines.join('\n');
    }
    QString fixValue(const QString& id, const QString& setting) const
    {
        for (const QJsonValue& v : check(id)["Fix"].toArray())
            if (v.toObject()["Setting"].toString() == setting)
                return v.toObject()["Value"].toString();
        return {};
    }
    QString dump(const QString& id) const
    {
        return QString::fromUtf8(QJsonDocument(check(id)).toJson()) + err;
    }
};

} // namespace

class TroubleshootTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void discoveryStopped();
    void modesWithoutPeers_data();
    void modesWithoutPeers();
    void peerPortInUse();
    void offeredPeerNotListening();
    void discoveryOffersKilledPeer();
    void lanPeersBehindAnotherPublicAddress();
    void gatesAboveThisMachine();
    void vpnKeywordMatchesLoopback();
    void originWithoutRanges();
    void proxyPassesRanges();
    void monthlyUploadCapReached();
    void cacheServerNotConfigured();

private:
    QString dataDir(const QString& name) { return m_dir.filePath(name); }
    void configure(const QString& dataDir, const QStringList& settings);
    Troubleshoot troubleshoot(const QString& dataDir, const QStringList& args = {});
    QJsonObject peers(const QString& dataDir);
    std::unique_ptr<AgentProcess> startAgent(const QString& name, const char* address,
                                             const QStringList& extraArgs);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<NginxServer> m_noRanges;
    std::unique_ptr<DiscoveryProcess> m_discovery;
};

void TroubleshootTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("OPENDO_TEST_KEEP"));
    const QString root = m_dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kContentSize, 11));
    QVERIFY(writeRandomFile(root + "/small.bin", kSmallSize, 12));
    QString error;
    m_nginx = std::make_unique<NginxServer>(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
    m_noRanges = std::make_unique<NginxServer>(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), false, {}});
    QVERIFY2(m_noRanges->start(&error), qPrintable(error));
    // Two made-up NATs: 127.0.0.2 and 127.0.0.3 reach the service from different public
    // addresses, as two sites with their own Internet breakout do.
    DiscoveryProcessOptions options;
    options.intervalSeconds = 1;
    options.natMap = {"127.0.0.2=198.51.100.1", "127.0.0.3=198.51.100.2"};
    m_discovery = std::make_unique<DiscoveryProcess>(options);
    QVERIFY2(m_discovery->start(&error), qPrintable(error));
    for (const char* name : {"content.bin", "small.bin"}) {
        const ProcessResult published =
            runProgram(executable("doctl"), {"publish", root + "/" + name, "--webseed",
                                             m_nginx->url(QString("/") + name).toString(),
                                             "--discovery", m_discovery->url().toString(), "-o",
                                             m_dir.filePath(QString(name) + ".torrent")});
        QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    }
}

void TroubleshootTest::configure(const QString& dir, const QStringList& settings)
{
    for (const QString& s : settings) {
        const ProcessResult r =
            runProgram(executable("doctl"), {"--data-dir", dir, "config", "set",
                                             s.section('=', 0, 0), s.section('=', 1)});
        QVERIFY2(r.exitCode == 0, qPrintable(s + ": " + r.err));
    }
}

Troubleshoot TroubleshootTest::troubleshoot(const QString& dir, const QStringList& args)
{
    const ProcessResult r =
        runProgram(executable("doctl"),
                   QStringList{"--data-dir", dir, "troubleshoot", "--json"} + args, 60000);
    Troubleshoot t;
    t.exitCode = r.finished ? r.exitCode : -1;
    t.report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    t.err = r.err;
    return t;
}

QJsonObject TroubleshootTest::peers(const QString& dir)
{
    const ProcessResult r =
        runProgram(executable("doctl"), {"--data-dir", dir, "peers", "--json"}, 20000);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

std::unique_ptr<AgentProcess> TroubleshootTest::startAgent(const QString& name, const char* address,
                                                           const QStringList& extraArgs)
{
    AgentProcessOptions options;
    options.dataDir = dataDir(name);
    options.address = QHostAddress(QString::fromLatin1(address));
    options.extraArgs = extraArgs;
    auto agent = std::make_unique<AgentProcess>(options);
    QString error;
    if (!agent->start(&error)) {
        qWarning().noquote() << error << agent->log();
        return nullptr;
    }
    return agent;
}

void TroubleshootTest::discoveryStopped()
{
    DiscoveryProcess own(DiscoveryProcessOptions{});
    QString error;
    QVERIFY2(own.start(&error), qPrintable(error));
    configure(dataDir("stopped"), {"DODownloadMode=1"});
    auto agent = startAgent("stopped", "127.0.0.4", {"--discovery", own.url().toString()});
    QVERIFY(agent);
    QTRY_COMPARE_WITH_TIMEOUT(peers(agent->dataDir())["Discovery"].toObject()["State"].toString(),
                              QString("reachable"), 20000);
    // Healthy first: nothing fails, and the service's answer is in the evidence.
    const Troubleshoot healthy = troubleshoot(agent->dataDir(), {"--p2p"});
    QVERIFY2(healthy.exitCode == 0, qPrintable(QJsonDocument(healthy.report).toJson()));
    QCOMPARE(healthy.verdict("connection.discovery"), QString("pass"));
    QVERIFY(healthy.evidence("connection.discovery").contains("/v1/health"));
    QVERIFY(healthy.evidence("connection.discovery").contains("Public address"));
    QCOMPARE(healthy.verdict("connection.peer_port"), QString("pass"));

    own.stop();
    QTRY_COMPARE_WITH_TIMEOUT(peers(agent->dataDir())["DownloadMode"].toInt(), 99, 40000);

    const Troubleshoot t = troubleshoot(agent->dataDir(), {"--p2p"});
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("connection.discovery") == "fail",
             qPrintable(t.dump("connection.discovery")));
    QVERIFY2(t.check("connection.discovery")["Remedy"].toString().contains("not running"),
             qPrintable(t.dump("connection.discovery")));
    QVERIFY(t.evidence("connection.discovery").contains("refused"));
    QCOMPARE(t.verdict("device.download_mode"), QString("fail"));
    QVERIFY(t.check("device.download_mode")["Summary"].toString().contains("99"));
    QCOMPARE(t.verdict("device.agent"), QString("pass"));
    // Mode 99 is the symptom; the stopped service is the conclusion, and no fix is suggested
    // for the mode (no mode starts a service).
    QCOMPARE(t.check("device.download_mode")["SymptomOf"].toString(),
             QString("connection.discovery"));
    QVERIFY(t.check("device.download_mode")["Fix"].toArray().isEmpty());
    QCOMPARE(t.report["Conclusion"].toString(), QString("connection.discovery"));
}

void TroubleshootTest::modesWithoutPeers_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("HTTP only") << 0;
    QTest::newRow("Simple") << 99;
}

void TroubleshootTest::modesWithoutPeers()
{
    QFETCH(int, mode);
    const QString dir = dataDir(QString("mode%1").arg(mode));
    configure(dir, {QString("DODownloadMode=%1").arg(mode)});
    auto agent = startAgent(QString("mode%1").arg(mode), "127.0.0.5", {});
    QVERIFY(agent);
    const Troubleshoot t = troubleshoot(dir, {"--p2p"});
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("device.download_mode") == "fail",
             qPrintable(t.dump("device.download_mode")));
    QVERIFY(t.check("device.download_mode")["Summary"].toString().contains(QString::number(mode)));
    QVERIFY(t.check("device.download_mode")["Remedy"].toString().contains("DODownloadMode"));
    QCOMPARE(t.fixValue("device.download_mode", "DODownloadMode"), QString("1"));
    QCOMPARE(t.verdict("peers.known"), QString("n/a"));
    // A mode configured without peers is the cause itself, not a symptom.
    QVERIFY(t.check("device.download_mode")["SymptomOf"].isNull());
    QCOMPARE(t.report["Conclusion"].toString(), QString("device.download_mode"));
}

void TroubleshootTest::peerPortInUse()
{
    // Another program holds the port first; the console's agent (which may run without its
    // port) must say so, and name the holder.
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost));
    agent::AgentOptions options;
    options.dataDir = dataDir("port");
    options.listen = QString("127.0.0.1:%1").arg(squatter.serverPort());
    agent::Agent agent(options);
    QCOMPARE(agent.start().result(), QString());
    diagnostics::DiagnosticRequest request;
    request.checkIds = {"connection.peer_port"};
    auto future = agent.runDiagnostics(request);
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), 10000);
    const diagnostics::DiagnosticReport report = future.result();
    QCOMPARE(report.results.size(), 1);
    const diagnostics::CheckResult& r = report.results.first();
    QCOMPARE(r.verdict, diagnostics::Verdict::Fail);
    QVERIFY2(r.summary.contains(options.listen), qPrintable(r.summary));
    QVERIFY2(
        r.evidence.join('\n').contains(QString("pid %1").arg(QCoreApplication::applicationPid())),
        qPrintable(r.evidence.join('\n')));
    QVERIFY(r.remedy.contains("--listen"));
}

void TroubleshootTest::offeredPeerNotListening()
{
    const quint16 deadPort = freePort(QHostAddress("127.0.0.1"));
    const QString dead = QString("127.0.0.1:%1").arg(deadPort);
    configure(dataDir("deadpeer"), {"DODownloadMode=1"});
    auto agent = startAgent("deadpeer", "127.0.0.6", {"--peer", dead});
    QVERIFY(agent);
    const Troubleshoot t = troubleshoot(agent->dataDir(), {"--p2p", "--peer", dead});
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("peers.reachable") == "fail", qPrintable(t.dump("peers.reachable")));
    QVERIFY(t.evidence("peers.reachable").contains("refused"));
    QVERIFY(t.check("peers.reachable")["Remedy"].toString().contains("Nothing listens"));
    QCOMPARE(t.verdict("connection.peer_test"), QString("fail"));
    QVERIFY(t.evidence("connection.peer_test").contains(dead));
    // The same test against a live agent's port succeeds.
    const Troubleshoot live = troubleshoot(agent->dataDir(), {"--peer", agent->endpoint()});
    QVERIFY2(live.verdict("connection.peer_test") == "pass",
             qPrintable(live.dump("connection.peer_test")));
}

void TroubleshootTest::discoveryOffersKilledPeer()
{
    QElapsedTimer clock;
    clock.start();
    // A service of its own where both agents come from one made-up public address: one LAN.
    DiscoveryProcessOptions serviceOptions;
    serviceOptions.natMap = {"127.0.0.8=198.51.100.8", "127.0.0.9=198.51.100.8"};
    DiscoveryProcess service(serviceOptions);
    QString error;
    QVERIFY2(service.start(&error), qPrintable(error));
    const QString serviceUrl = service.url().toString();
    const QString url = m_nginx->url("/content.bin").toString();
    const ProcessResult published = runProgram(
        executable("doctl"), {"publish", m_dir.filePath("www/content.bin"), "--webseed", url,
                              "--discovery", serviceUrl, "-o", m_dir.filePath("killed.torrent")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    const QStringList settings = {"DODownloadMode=1", "DOMinRAMAllowedToPeer=1",
                                  "DOMinDiskSizeAllowedToPeer=1", "DOMinFileSizeToCache=1"};
    configure(dataDir("holder"), settings);
    configure(dataDir("seeker"), settings);

    // The holder runs as a process of this test's own, so it can be killed (SIGKILL) without
    // a chance to say goodbye to the service.
    const QHostAddress holderAddress("127.0.0.8");
    const quint16 holderPort = freePort(holderAddress);
    const QString holderEndpoint = QString("127.0.0.8:%1").arg(holderPort);
    QProcess holder;
    holder.setStandardErrorFile(dataDir("holder") + "/agent.log");
    holder.start(executable("do-agent"), {"--data-dir", dataDir("holder"), "--listen",
                                          holderEndpoint, "--discovery", serviceUrl});
    stopWithParent(holder);
    QVERIFY2(holder.waitForStarted(5000), qPrintable(holder.errorString()));
    QVERIFY(waitUntilListening(holderAddress, holderPort, 15000, &holder));
    const QString controlSocket = dataDir("holder") + "/control.sock";
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            QLocalSocket probe;
            probe.connectToServer(controlSocket);
            return probe.waitForConnected(200);
        }(),
        15000);
    const ProcessResult held = runProgram(
        executable("doctl"), {"--data-dir", dataDir("holder"), "download", url, "--json"}, 60000);
    QVERIFY2(held.exitCode == 0, qPrintable(held.err));
    QTRY_VERIFY_WITH_TIMEOUT(
        peers(dataDir("holder"))["Discovery"].toObject()["AnnouncedContents"].toInt() >= 1, 20000);

    // The seeker downloads the same content; the service offers it the holder.
    auto seeker = startAgent("seeker", "127.0.0.9", {"--discovery", serviceUrl});
    QVERIFY(seeker);
    const ProcessResult sought = runProgram(
        executable("doctl"), {"--data-dir", seeker->dataDir(), "download", url, "--json"}, 60000);
    QVERIFY2(sought.exitCode == 0, qPrintable(sought.err + seeker->log().right(2000)));
    auto offersHolder = [&] {
        for (const QJsonValue& v : peers(seeker->dataDir())["Offered"].toArray())
            if (v.toObject()["Endpoint"].toString() == holderEndpoint)
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(offersHolder(), 20000);

    // kill -9: the holder stays registered at the service, but nothing listens any more.
    holder.kill();
    QVERIFY(holder.waitForFinished(5000));
    QCOMPARE(holder.exitStatus(), QProcess::CrashExit);
    QVERIFY(offersHolder());

    const Troubleshoot t = troubleshoot(seeker->dataDir(), {"--p2p"});
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("peers.reachable") == "fail", qPrintable(t.dump("peers.reachable")));
    QVERIFY2(t.check("peers.reachable")["Summary"].toString() ==
                 "0 of 1 offered peer(s) accept connections.",
             qPrintable(t.dump("peers.reachable")));
    QVERIFY2(t.evidence("peers.reachable").contains(QString("refused by %1").arg(holderEndpoint)),
             qPrintable(t.dump("peers.reachable")));
    QVERIFY2(
        t.check("peers.reachable")["Remedy"].toString().startsWith(
            QString("Nothing listens on %1: start the agent on that device").arg(holderEndpoint)),
        qPrintable(t.dump("peers.reachable")));
    // The service itself is fine and knows the content: the dead peer is the problem.
    QCOMPARE(t.verdict("connection.discovery"), QString("pass"));
    QCOMPARE(t.verdict("peers.known"), QString("pass"));
    qInfo("discoveryOffersKilledPeer: %lld ms", clock.elapsed());
}

void TroubleshootTest::lanPeersBehindAnotherPublicAddress()
{
    const QStringList settings = {"DODownloadMode=1", "DOMinRAMAllowedToPeer=1",
                                  "DOMinDiskSizeAllowedToPeer=1", "DOMinFileSizeToCache=3"};
    configure(dataDir("siteA"), settings);
    configure(dataDir("siteB"), settings);
    const QStringList args = {"--discovery", m_discovery->url().toString()};
    auto a = startAgent("siteA", "127.0.0.2", args);
    auto b = startAgent("siteB", "127.0.0.3", args);
    QVERIFY(a && b);
    for (AgentProcess* agent : {a.get(), b.get()}) {
        for (const char* name : {"content.bin", "small.bin"}) {
            const ProcessResult r =
                runProgram(executable("doctl"),
                           {"--data-dir", agent->dataDir(), "download",
                            m_nginx->url(QString("/") + name).toString(), "--json"},
                           60000);
            QVERIFY2(r.exitCode == 0, qPrintable(r.err + agent->log().right(2000)));
        }
    }
    // Both announce the content; the service sees them behind different public addresses.
    QTRY_COMPARE_WITH_TIMEOUT(
        peers(b->dataDir())["Discovery"].toObject()["PublicAddress"].toString(),
        QString("198.51.100.2"), 20000);
    Troubleshoot t;
    QTRY_VERIFY_WITH_TIMEOUT(
        (t = troubleshoot(b->dataDir(), {"--p2p"})).verdict("peers.lan_public_address") == "fail",
        20000);
    QVERIFY2(t.evidence("peers.lan_public_address").contains("198.51.100.1"),
             qPrintable(t.dump("peers.lan_public_address")));
    QVERIFY(t.check("peers.lan_public_address")["Remedy"].toString().contains("Group mode"));
    QCOMPARE(t.fixValue("peers.lan_public_address", "DODownloadMode"), QString("2"));
    QVERIFY(!t.fixValue("peers.lan_public_address", "DOGroupId").isEmpty());
    QCOMPARE(t.verdict("peers.known"), QString("warn"));
    // small.bin is below DOMinFileSizeToCache (3 MB): never shared, and the fix says how small.
    QVERIFY2(t.verdict("content.min_file_size") == "warn",
             qPrintable(t.dump("content.min_file_size")));
    QVERIFY(t.evidence("content.min_file_size").contains("small.bin"));
    QVERIFY(t.evidence("content.min_file_size").contains("DOMinFileSizeToCache = 3"));
    QVERIFY2(t.check("content.min_file_size")["Summary"].toString().contains(
                 "smaller than DOMinFileSizeToCache (3 MB)"),
             qPrintable(t.dump("content.min_file_size")));
    QVERIFY2(t.check("content.min_file_size")["Remedy"].toString().startsWith(
                 "Lower DOMinFileSizeToCache to 2 MB or less"),
             qPrintable(t.dump("content.min_file_size")));
    QCOMPARE(t.fixValue("content.min_file_size", "DOMinFileSizeToCache"), QString("2"));
    // The per-download trace names the gate that left content.bin at 0 % from peers.
    bool traced = false;
    for (const QJsonValue& v : t.report["Traces"].toArray()) {
        const QJsonObject trace = v.toObject();
        if (trace["FileName"].toString() != "content.bin")
            continue;
        traced = true;
        QCOMPARE(trace["PercentPeerCaching"].toDouble(), 0.0);
        QVERIFY2(trace["Conclusion"].toString().contains("Peers offered"),
                 qPrintable(trace["Conclusion"].toString()));
    }
    QVERIFY(traced);

    // The support bundle holds the same findings, readable without the console.
    const QString bundle = m_dir.filePath("bundle/siteB.tar.gz");
    const ProcessResult written =
        runProgram(executable("doctl"),
                   {"--data-dir", b->dataDir(), "troubleshoot", "--bundle", bundle}, 60000);
    QVERIFY2(written.exitCode == 0, qPrintable(written.err));
    const ProcessResult listing = runProgram("/bin/tar", {"tzf", bundle});
    QCOMPARE(listing.exitCode, 0);
    for (const char* file : {"report.html", "checks.json", "policy.json", "status.json",
                             "perfsnap.json", "perfsnap-month.json", "log.txt", "network.txt"})
        QVERIFY2(listing.out.contains(file), qPrintable(listing.out));
}

void TroubleshootTest::gatesAboveThisMachine()
{
    const QString dir = dataDir("gates");
    configure(dir, {"DOMinRAMAllowedToPeer=100000", "DOMinDiskSizeAllowedToPeer=100000"});
    const Troubleshoot t = troubleshoot(dir);
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("hardware.ram") == "fail", qPrintable(t.dump("hardware.ram")));
    QVERIFY(t.check("hardware.ram")["Remedy"].toString().contains("DOMinRAMAllowedToPeer"));
    QVERIFY(t.fixValue("hardware.ram", "DOMinRAMAllowedToPeer").toInt() >= 1);
    QVERIFY(t.fixValue("hardware.ram", "DOMinRAMAllowedToPeer").toInt() < 100000);
    QVERIFY2(t.verdict("hardware.disk") == "fail", qPrintable(t.dump("hardware.disk")));
    QVERIFY(t.check("hardware.disk")["Remedy"].toString().contains("DOMinDiskSizeAllowedToPeer"));
    // Without a running agent the first check says so.
    QCOMPARE(t.verdict("device.agent"), QString("fail"));
}

void TroubleshootTest::vpnKeywordMatchesLoopback()
{
    const QString dir = dataDir("vpn");
    configure(dir, {"DOVpnKeywords=lo"});
    const Troubleshoot t = troubleshoot(dir);
    QVERIFY2(t.verdict("device.vpn") == "fail", qPrintable(t.dump("device.vpn")));
    QVERIFY(t.check("device.vpn")["Summary"].toString().contains("lo"));
    QVERIFY(t.check("device.vpn")["Remedy"].toString().contains("DOVpnKeywords"));
    QCOMPARE(t.fixValue("device.vpn", "DOAllowVPNPeerCaching"), QString("1"));
    configure(dir, {"DOAllowVPNPeerCaching=1"});
    QCOMPARE(troubleshoot(dir).verdict("device.vpn"), QString("warn"));
}

void TroubleshootTest::originWithoutRanges()
{
    const QString dir = dataDir("origin");
    const Troubleshoot without =
        troubleshoot(dir, {"--url", m_noRanges->url("/content.bin").toString()});
    QVERIFY2(without.verdict("connection.origin_ranges") == "fail",
             qPrintable(without.dump("connection.origin_ranges")));
    QVERIFY(without.check("connection.origin_ranges")["Summary"].toString().contains("200"));
    QVERIFY(without.check("connection.origin_ranges")["Remedy"].toString().contains("max_ranges"));
    const Troubleshoot with = troubleshoot(dir, {"--url", m_nginx->url("/content.bin").toString()});
    QVERIFY2(with.verdict("connection.origin_ranges") == "pass",
             qPrintable(with.dump("connection.origin_ranges")));
    QVERIFY(with.evidence("connection.origin_ranges")
                .contains(QString("bytes 0-9/%1").arg(kContentSize)));

    // A download from that origin works (it streams the whole file) and leaves DO's error code
    // for a server without Range support, which the errors check lists with the nginx fix.
    const ProcessResult got =
        runProgram(executable("doctl"),
                   {"--data-dir", dir, "download", m_noRanges->url("/content.bin").toString(),
                    "--out", dir + "/content.bin"},
                   60000);
    QVERIFY2(got.exitCode == 0, qPrintable(got.err));
    const Troubleshoot after = troubleshoot(dir);
    QVERIFY2(after.verdict("peers.errors_found") == "warn" &&
                 after.dump("peers.errors_found").contains("0x80D05011"),
             qPrintable(after.dump("peers.errors_found")));
    QVERIFY(after.check("peers.errors_found")["Remedy"].toString().contains("max_ranges"));
}

void TroubleshootTest::proxyPassesRanges()
{
    if (!TinyProxyServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("tinyproxy is not installed (installer/setup.sh installs it)");
    TinyProxyServer proxy;
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    const QString dir = dataDir("proxy");
    const QString url = m_nginx->url("/content.bin").toString();
    auto run = [&] {
        const ProcessResult r = runProgram(executable("doctl"),
                                           {"--data-dir", dir, "--proxy", proxy.proxyUrl(),
                                            "troubleshoot", "--json", "--url", url},
                                           60000);
        Troubleshoot t;
        t.exitCode = r.exitCode;
        t.report = QJsonDocument::fromJson(r.out.toUtf8()).object();
        t.err = r.err;
        return t;
    };
    const Troubleshoot through = run();
    QVERIFY2(through.verdict("connection.proxy") == "pass",
             qPrintable(through.dump("connection.proxy")));
    QVERIFY(through.check("connection.proxy")["Summary"].toString().contains(
        QString("127.0.0.1:%1").arg(proxy.port())));
    QVERIFY(proxy.requestLines().join('\n').contains("/content.bin"));
    QCOMPARE(through.verdict("connection.origin_ranges"), QString("pass"));
    // A proxy that is gone: the check says so instead of blaming the origin.
    proxy.stop();
    const Troubleshoot gone = run();
    QVERIFY2(gone.verdict("connection.proxy") == "fail", qPrintable(gone.dump("connection.proxy")));
    QVERIFY(gone.check("connection.proxy")["Summary"].toString().contains("does not answer"));
}

void TroubleshootTest::monthlyUploadCapReached()
{
    // The cap for real: a seed in Internet mode with a 1 GB cap serves a 256 MiB content to a
    // fresh Internet peer (behind another NAT) again and again until this month's uploads reach
    // the cap. Each round's leecher holds its origin back, so the seed serves nearly all of it.
    const QString root = m_dir.filePath("www");
    QVERIFY(writeRandomFile(root + "/cap.bin", kCapContentSize, 13));
    const QString torrent = m_dir.filePath("cap.torrent");
    const ProcessResult published =
        runProgram(executable("doctl"),
                   {"publish", root + "/cap.bin", "--webseed", m_nginx->url("/cap.bin").toString(),
                    "--discovery", m_discovery->url().toString(), "-o", torrent},
                   60000);
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
    const QStringList discovery = {"--discovery", m_discovery->url().toString()};
    const QString dir = dataDir("cap");
    configure(dir, kLabSettings + QStringList{"DODownloadMode=3", "DOMonthlyUploadDataCap=1"});
    auto seed = startAgent("cap", "127.0.0.2", discovery);
    QVERIFY(seed);
    const ProcessResult seeded =
        runProgram(executable("doctl"),
                   {"--data-dir", dir, "download", torrent, "--out", dir + "/cap.bin"}, 120000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));

    auto uploadedToInternet = [&] {
        const ProcessResult r =
            runProgram(executable("doctl"), {"--data-dir", dir, "perfsnap", "--month", "--json"});
        return QJsonDocument::fromJson(r.out.toUtf8())["UploadInternetBytes"].toInteger();
    };
    qint64 uploaded = 0;
    for (int round = 1; round <= 8 && uploaded < kGiB; ++round) {
        const QString name = QString("cap-leecher%1").arg(round);
        configure(dataDir(name),
                  kLabSettings +
                      QStringList{"DODownloadMode=3", "DODelayForegroundDownloadFromHttp=120"});
        auto leecher = startAgent(name, "127.0.0.3", discovery);
        QVERIFY(leecher);
        const ProcessResult got = runProgram(executable("doctl"),
                                             {"--data-dir", dataDir(name), "download", torrent,
                                              "--out", dataDir(name) + "/cap.bin", "--json"},
                                             120000);
        QVERIFY2(got.exitCode == 0, qPrintable(got.err + leecher->log().right(2000)));
        QCOMPARE(leecher->stop(), 0);
        QVERIFY(QDir(dataDir(name)).removeRecursively());
        // The seed's ledger takes what it sent every few seconds; the month's figure lags.
        QElapsedTimer settle;
        settle.start();
        const qint64 before = uploaded;
        do {
            QTest::qWait(250);
            uploaded = uploadedToInternet();
        } while (uploaded < before + kCapContentSize / 2 && settle.elapsed() < 10000);
        qInfo("round %d: the seed has uploaded %lld bytes to Internet peers this month (%s)", round,
              uploaded,
              qPrintable(QJsonDocument::fromJson(got.out.toUtf8())["BytesFromInternetPeers"]
                             .toVariant()
                             .toString()));
    }
    QVERIFY2(uploaded >= kGiB, qPrintable(QString::number(uploaded)));
    // The seed notices at its next ledger flush and stops uploading to Internet peers.
    QJsonObject seedPeers;
    for (int attempt = 0; attempt < 100; ++attempt) {
        seedPeers = peers(dir);
        if (seedPeers["BlockedReason"].toString().contains("DOMonthlyUploadDataCap"))
            break;
        QTest::qWait(200);
    }
    QVERIFY2(seedPeers["BlockedReason"].toString().contains("DOMonthlyUploadDataCap"),
             qPrintable(QJsonDocument(seedPeers).toJson()));

    const Troubleshoot t = troubleshoot(dir);
    QCOMPARE(t.exitCode, 1);
    QVERIFY2(t.verdict("hardware.upload_cap") == "fail", qPrintable(t.dump("hardware.upload_cap")));
    QVERIFY(t.check("hardware.upload_cap")["Remedy"].toString().contains("DOMonthlyUploadDataCap"));
    QVERIFY2(t.fixValue("hardware.upload_cap", "DOMonthlyUploadDataCap").toInt() > 1,
             qPrintable(t.dump("hardware.upload_cap")));
    // The gate closing raised DO's participation-throttling code, which the errors check lists.
    QVERIFY2(t.verdict("peers.errors_found") == "warn" &&
                 t.dump("peers.errors_found").contains("0x80D03001"),
             qPrintable(t.dump("peers.errors_found")));
}

void TroubleshootTest::cacheServerNotConfigured()
{
    // No DOCacheHost: both cache-server checks say there is nothing to check, without a remedy.
    const QString dir = dataDir("cacheserver");
    const Troubleshoot t = troubleshoot(dir, {"--cache-server"});
    QVERIFY2(t.verdict("cache_server.configured") == "n/a",
             qPrintable(t.dump("cache_server.configured")));
    // Nothing set, so DNS-SD looks on the link (nothing announces one here).
    QCOMPARE(t.check("cache_server.configured")["Summary"].toString(),
             QString("No cache server is configured (DOCacheHost, DOCacheHostSource) and none is "
                     "announced on the local link (DNS-SD)."));
    QVERIFY(t.evidence("cache_server.configured").contains("DOCacheHostSource"));
    QVERIFY2(t.evidence("cache_server.configured").contains("_opendo-cache._tcp.local"),
             qPrintable(t.dump("cache_server.configured")));
    QVERIFY(t.check("cache_server.configured")["Remedy"].toString().isEmpty());
    QVERIFY2(t.verdict("cache_server.reachable") == "n/a",
             qPrintable(t.dump("cache_server.reachable")));
    QCOMPARE(t.check("cache_server.reachable")["Summary"].toString(),
             QString("No cache server is configured."));
    // --cache-server is the health checks plus these: no peer or content checks.
    QCOMPARE(t.verdict("device.agent"), QString("fail")); // no agent runs for this data dir
    QVERIFY(t.check("peers.reachable").isEmpty());
    QVERIFY(t.check("content.min_file_size").isEmpty());
    QCOMPARE(t.exitCode, 1);

    // With one configured, the check says how downloads use it; the port probe finds nothing
    // listening on the port given.
    const quint16 dead = freePort();
    configure(dir, {QStringLiteral("DOCacheHost=127.0.0.1:%1").arg(dead),
                    "DODelayCacheServerFallbackBackground=30"});
    const Troubleshoot configured = troubleshoot(dir, {"--cache-server"});
    QVERIFY2(configured.verdict("cache_server.configured") == "pass",
             qPrintable(configured.dump("cache_server.configured")));
    const QString summary = configured.check("cache_server.configured")["Summary"].toString();
    QVERIFY2(summary.contains(QStringLiteral("127.0.0.1:%1").arg(dead)) &&
                 summary.contains("after the first failure") && summary.contains("30 s"),
             qPrintable(summary));
    QVERIFY(configured.evidence("cache_server.configured")
                .contains(QStringLiteral("DOCacheHost = 127.0.0.1:%1").arg(dead)));
    QVERIFY2(configured.verdict("cache_server.reachable") == "fail",
             qPrintable(configured.dump("cache_server.reachable")));
    QVERIFY(
        configured.check("cache_server.reachable")["Remedy"].toString().contains("DOCacheHost"));

    // On a VPN (loopback plays it) with DODisallowCacheServerDownloadsOnVPN, it is skipped.
    configure(dir, {"DOVpnKeywords=lo", "DODisallowCacheServerDownloadsOnVPN=1"});
    const Troubleshoot onVpn = troubleshoot(dir, {"--cache-server"});
    QVERIFY2(onVpn.verdict("cache_server.configured") == "warn",
             qPrintable(onVpn.dump("cache_server.configured")));
    QVERIFY(onVpn.check("cache_server.configured")["Remedy"].toString().contains(
        "DODisallowCacheServerDownloadsOnVPN"));
}

QTEST_GUILESS_MAIN(TroubleshootTest)
#include "test_troubleshoot.moc"
