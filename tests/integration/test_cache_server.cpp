// Cache servers (DOCacheHost) with doctl downloads against real nginx processes: one as the
// origin, one as a Connected-Cache-like server that fetches from the origin named in the
// request's cacheHostOrigin parameter. Bytes it delivers count as cache-server bytes; a dead
// server, one that serves wrong bytes, or a VPN with DODisallowCacheServerDownloadsOnVPN sends the
// download to the origin; DODelayCacheServerFallbackForeground keeps it on the list of servers.
// With nothing configured, a running agent finds the server announced by DNS-SD on the link, or
// uses the one its discovery service assigns to its subnet.

#include "support/AgentProcess.h"
#include "support/CacheServerAnnouncer.h"
#include "support/DiscoveryProcess.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "support/TroubleshootJson.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 6 * 1024 * 1024;

// Proxies every request to the origin the client names, as Connected Cache does.
const QString kCacheServerConfig = QStringLiteral(
    "location / { proxy_pass http://$arg_cacheHostOrigin; proxy_set_header Via opendo-cache; }");

} // namespace

class CacheServerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cacheServerDeliversTheDownload();
    void deadCacheServerSendsTheDownloadToTheOrigin();
    void fallbackDelayKeepsTryingTheNextServer();
    void wrongBytesFromTheCacheServerAreNeverStored();
    void vpnRuleSkipsTheCacheServer();
    void malformedCacheHostIsRefused();
    void dhcpOption235NamesTheCacheServers();
    void malformedOption235LeavesDOCacheHostInCharge();
    void serverAnnouncedByDnsSdServesVerifiableDownloads();
    void discoveryServiceAssignsTheCacheServer();

private:
    ProcessResult doctl(const QStringList& args, int timeoutMs = 60000)
    {
        return runProgram(executable("doctl"), QStringList{"--data-dir", m_data->path()} + args,
                          timeoutMs);
    }
    bool configure(const QStringList& settings);
    QJsonObject download(const QString& source);
    QString leaseFolderWithOption235(const QString& name, const QString& value);
    QJsonObject cacheServerCheck(const QString& id = "cache_server.configured");
    static int linesContaining(const QStringList& log, const QString& text);

    QTemporaryDir m_dir;
    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<NginxServer> m_origin;
    std::unique_ptr<NginxServer> m_cache;
    QString m_torrent;
};

void CacheServerTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (apt install nginx-light)");
    QVERIFY(m_dir.isValid());
    QString error;
    m_origin = startContentOrigin(m_dir.filePath("www"), kFileSize, 41, {}, &error);
    QVERIFY2(m_origin, qPrintable(error));
    QVERIFY(QDir().mkpath(m_dir.filePath("cache-root")));
    m_cache = std::make_unique<NginxServer>(NginxOptions{m_dir.filePath("cache-root"),
                                                         QHostAddress(QHostAddress::LocalHost),
                                                         true, kCacheServerConfig});
    QVERIFY2(m_cache->start(&error), qPrintable(error));
    m_torrent = m_dir.filePath("content.torrent");
    const ProcessResult made = runProgram(
        executable("doctl"), {"create-metainfo", m_dir.filePath("www/content.bin"), "--webseed",
                              m_origin->url("/content.bin").toString(), "-o", m_torrent});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
}

void CacheServerTest::init()
{
    m_data = std::make_unique<QTemporaryDir>(); // every case downloads into an empty cache
    QVERIFY(m_data->isValid());
}

bool CacheServerTest::configure(const QStringList& settings)
{
    for (const QString& setting : settings) {
        const qsizetype eq = setting.indexOf('=');
        const ProcessResult r = doctl({"config", "set", setting.left(eq), setting.mid(eq + 1)});
        if (r.exitCode != 0) {
            qWarning() << "doctl config set" << setting << "failed:" << r.err;
            return false;
        }
    }
    return true;
}

QJsonObject CacheServerTest::download(const QString& source)
{
    const QString out = m_data->filePath("content.bin");
    const ProcessResult r = doctl({"download", source, "--out", out, "--json"});
    if (r.exitCode != 0) {
        qWarning().noquote() << "doctl download failed:" << r.err;
        return {};
    }
    if (!sameContent(out, m_dir.filePath("www/content.bin"))) {
        qWarning() << "the downloaded file differs from the origin's";
        return {};
    }
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

int CacheServerTest::linesContaining(const QStringList& log, const QString& text)
{
    int n = 0;
    for (const QString& line : log)
        n += line.contains(text) ? 1 : 0;
    return n;
}

void CacheServerTest::cacheServerDeliversTheDownload()
{
    const QString cacheHost = QStringLiteral("127.0.0.1:%1").arg(m_cache->port());
    QVERIFY(configure({"DOCacheHost=" + cacheHost}));
    const int cacheRequestsBefore = int(m_cache->accessLog().size());
    const QJsonObject status = download(m_origin->url("/content.bin").toString());
    QVERIFY(!status.isEmpty());
    QCOMPARE(status["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(status["BytesFromHttp"].toInteger(), 0);
    QCOMPARE(status["CacheHost"].toString(), cacheHost);
    QVERIFY(status["CacheServerConnectionCount"].toInt() >= 1);
    QCOMPARE(status["HttpConnectionCount"].toInt(), 0);
    // The cache server was asked for the origin's path, with the origin named, and fetched
    // what it served from there.
    const QStringList cacheLog = m_cache->accessLog().mid(cacheRequestsBefore);
    const QString originParam =
        QStringLiteral("cacheHostOrigin=127.0.0.1:%1").arg(m_origin->port());
    QVERIFY2(!cacheLog.isEmpty() &&
                 linesContaining(cacheLog, "GET /content.bin?") == cacheLog.size(),
             qPrintable(cacheLog.join('\n')));
    QCOMPARE(linesContaining(cacheLog, originParam), int(cacheLog.size()));
    QVERIFY(linesContaining(m_origin->accessLog(), "\"opendo-cache\"") >= cacheLog.size());

    // The troubleshooter fetches the first bytes through the cache server and from the origin.
    const QJsonObject serves = cacheServerCheck("cache_server.serves_content");
    QVERIFY2(serves["Verdict"].toString() == "pass", qPrintable(QJsonDocument(serves).toJson()));
    QVERIFY(serves["Summary"].toString().contains("the same as the origin's"));
    const QJsonObject share = cacheServerCheck("cache_server.share");
    QVERIFY2(share["Verdict"].toString() == "pass" &&
                 share["Summary"].toString().startsWith("100.0 %"),
             qPrintable(QJsonDocument(share).toJson()));

    // Verified content comes through the cache server the same way.
    const QJsonObject verified = download(m_torrent);
    QVERIFY(!verified.isEmpty());
    QCOMPARE(verified["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(verified["HashFailures"].toInt(), 0);
}

void CacheServerTest::deadCacheServerSendsTheDownloadToTheOrigin()
{
    const quint16 dead = freePort();
    QVERIFY(configure({QStringLiteral("DOCacheHost=127.0.0.1:%1").arg(dead)}));
    const QJsonObject status = download(m_torrent);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status["BytesFromHttp"].toInteger(), kFileSize);
    QCOMPARE(status["BytesFromCacheServer"].toInteger(), 0);
    QCOMPARE(status["CacheHost"].toString(), QString());
    const QJsonObject serves = cacheServerCheck("cache_server.serves_content");
    QVERIFY2(serves["Verdict"].toString() == "fail" &&
                 serves["Summary"].toString().contains("no HTTP answer"),
             qPrintable(QJsonDocument(serves).toJson()));
    // Configured, yet nothing came from it this month.
    const QJsonObject share = cacheServerCheck("cache_server.share");
    QVERIFY2(share["Verdict"].toString() == "warn", qPrintable(QJsonDocument(share).toJson()));
}

void CacheServerTest::fallbackDelayKeepsTryingTheNextServer()
{
    // Without a delay, DO goes to the origin right after the first cache server fails, even
    // with a working one next in the list.
    const QString list =
        QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(freePort()).arg(m_cache->port());
    QVERIFY(configure({"DOCacheHost=" + list}));
    const QJsonObject direct = download(m_torrent);
    QVERIFY(!direct.isEmpty());
    QCOMPARE(direct["BytesFromHttp"].toInteger(), kFileSize);

    // With one, the download stays with the cache servers and the second one delivers.
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(configure({"DOCacheHost=" + list, "DODelayCacheServerFallbackForeground=60"}));
    const QJsonObject viaSecond = download(m_torrent);
    QVERIFY(!viaSecond.isEmpty());
    QCOMPARE(viaSecond["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(viaSecond["BytesFromHttp"].toInteger(), 0);
    QCOMPARE(viaSecond["CacheHost"].toString(),
             QStringLiteral("127.0.0.1:%1").arg(m_cache->port()));
    // The troubleshooter asks each listed server and names the one that fails.
    const QJsonObject serves = cacheServerCheck("cache_server.serves_content");
    QVERIFY2(serves["Verdict"].toString() == "fail" &&
                 serves["Summary"].toString().startsWith("1 of 2 cache server(s)") &&
                 serves["Summary"].toString().contains(list.section(',', 0, 0)) &&
                 !serves["Summary"].toString().contains(list.section(',', 1, 1)),
             qPrintable(QJsonDocument(serves).toJson()));
    QCOMPARE(serves["Evidence"].toArray().size(), 3); // two servers and the origin
}

void CacheServerTest::wrongBytesFromTheCacheServerAreNeverStored()
{
    // A "cache" that serves another file of the same size under the same path.
    const QString root = m_dir.filePath("stale-cache");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kFileSize, 99));
    NginxServer stale(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    QVERIFY2(stale.start(&error), qPrintable(error));
    QVERIFY(configure({QStringLiteral("DOCacheHost=127.0.0.1:%1").arg(stale.port()),
                       "DODelayCacheServerFallbackForeground=60"}));
    const QJsonObject status = download(m_torrent);
    QVERIFY(!status.isEmpty()); // byte-identical to the origin's file
    QVERIFY(status["HashFailures"].toInt() >= 1);
    QCOMPARE(status["BytesFromCacheServer"].toInteger(), 0);
    QCOMPARE(status["BytesFromHttp"].toInteger(), kFileSize);
    QVERIFY(!stale.accessLog().isEmpty());

    // The troubleshooter sees the stale copy without downloading anything.
    const QJsonObject serves = cacheServerCheck("cache_server.serves_content");
    QVERIFY2(serves["Verdict"].toString() == "fail" &&
                 serves["Summary"].toString().contains("other bytes than the origin"),
             qPrintable(QJsonDocument(serves).toJson()));
    QVERIFY(serves["Remedy"].toString().contains("Purge"));
}

void CacheServerTest::vpnRuleSkipsTheCacheServer()
{
    // The loopback interface ("lo", always up) plays the VPN.
    QVERIFY(configure({QStringLiteral("DOCacheHost=127.0.0.1:%1").arg(m_cache->port()),
                       "DOVpnKeywords=lo", "DODisallowCacheServerDownloadsOnVPN=1"}));
    const int cacheRequestsBefore = int(m_cache->accessLog().size());
    const QJsonObject status = download(m_torrent);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status["BytesFromHttp"].toInteger(), kFileSize);
    QCOMPARE(status["BytesFromCacheServer"].toInteger(), 0);
    QCOMPARE(int(m_cache->accessLog().size()), cacheRequestsBefore);

    // Allowed on VPN (the default), the same cache server is used.
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(configure({QStringLiteral("DOCacheHost=127.0.0.1:%1").arg(m_cache->port()),
                       "DOVpnKeywords=lo", "DODisallowCacheServerDownloadsOnVPN=0"}));
    QCOMPARE(download(m_torrent)["BytesFromCacheServer"].toInteger(), kFileSize);
}

void CacheServerTest::malformedCacheHostIsRefused()
{
    QVERIFY(configure({"DOCacheHost=cache1.example.com"}));
    for (const char* bad : {"http://cache.example.com/", "cache..example.com", "10.0.0.7:0",
                            "cache1.example.com,,cache2", "[fd00::7"}) {
        const ProcessResult r = doctl({"config", "set", "DOCacheHost", bad});
        QVERIFY2(r.exitCode != 0, bad);
        QVERIFY2(r.err.contains("DOCacheHost"), qPrintable(r.err));
    }
    const ProcessResult shown = doctl({"config", "get", "DOCacheHost"});
    QVERIFY2(shown.out.contains("cache1.example.com"), qPrintable(shown.out + shown.err));
    for (const char* good : {"cache1.example.com,10.0.0.7:8080", "[fd00::7]:80", "fd00::7"})
        QVERIFY2(doctl({"config", "set", "DOCacheHost", good}).exitCode == 0, good);
}

QString CacheServerTest::leaseFolderWithOption235(const QString& name, const QString& value)
{
    // A dhclient lease as the DHCP client writes it, with option 235 from the DHCP server.
    const QString folder = m_dir.filePath(name);
    QDir().mkpath(folder);
    QFile lease(folder + "/dhclient.eth0.leases");
    if (!lease.open(QIODevice::WriteOnly))
        return {};
    lease.write(QStringLiteral("lease {\n  interface \"eth0\";\n  fixed-address 10.1.2.3;\n"
                               "  option unknown-235 \"%1\";\n  renew 4 2026/11/26 10:00:00;\n}\n")
                    .arg(value)
                    .toUtf8());
    return folder;
}

QJsonObject CacheServerTest::cacheServerCheck(const QString& id)
{
    const ProcessResult r = doctl({"troubleshoot", "--cache-server", "--json"});
    const QJsonObject check = troubleshootCheck(r.out, id);
    if (check.isEmpty())
        qWarning().noquote() << "no" << id << "in" << r.out << r.err;
    return check;
}

void CacheServerTest::dhcpOption235NamesTheCacheServers()
{
    const QString cacheHost = QStringLiteral("127.0.0.1:%1").arg(m_cache->port());
    const QString leases = leaseFolderWithOption235("leases", cacheHost);
    QVERIFY(!leases.isEmpty());
    const QString dead = QStringLiteral("127.0.0.1:%1").arg(freePort());

    // 2 ("force"): the option wins over DOCacheHost.
    QVERIFY(
        configure({"DhcpLeaseFolders=" + leases, "DOCacheHostSource=2", "DOCacheHost=" + dead}));
    const QJsonObject forced = download(m_torrent);
    QVERIFY(!forced.isEmpty());
    QCOMPARE(forced["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(forced["CacheHost"].toString(), cacheHost);
    const QJsonObject check = cacheServerCheck();
    QCOMPARE(check["Verdict"].toString(), QStringLiteral("pass"));
    QVERIFY2(check["Summary"].toString().contains("DHCP option 235"),
             qPrintable(check["Summary"].toString()));

    // 1: DOCacheHost, when set, wins (a dead server here, so the origin delivers) …
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(
        configure({"DhcpLeaseFolders=" + leases, "DOCacheHostSource=1", "DOCacheHost=" + dead}));
    QCOMPARE(download(m_torrent)["BytesFromHttp"].toInteger(), kFileSize);

    // … and without it the option names the servers.
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(configure({"DhcpLeaseFolders=" + leases, "DOCacheHostSource=1"}));
    QCOMPARE(download(m_torrent)["BytesFromCacheServer"].toInteger(), kFileSize);
}

void CacheServerTest::malformedOption235LeavesDOCacheHostInCharge()
{
    const QString leases = leaseFolderWithOption235("bad-leases", "http://cache.example/");
    QVERIFY(!leases.isEmpty());
    const QString cacheHost = QStringLiteral("127.0.0.1:%1").arg(m_cache->port());
    QVERIFY(configure(
        {"DhcpLeaseFolders=" + leases, "DOCacheHostSource=2", "DOCacheHost=" + cacheHost}));
    const QJsonObject status = download(m_torrent);
    QVERIFY(!status.isEmpty());
    QCOMPARE(status["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(status["CacheHost"].toString(), cacheHost);
    const QJsonObject check = cacheServerCheck();
    QCOMPARE(check["Verdict"].toString(), QStringLiteral("warn"));
    QVERIFY2(check["Summary"].toString().contains("not a list of servers"),
             qPrintable(check["Summary"].toString()));
    QVERIFY(check["Remedy"].toString().contains("option 235"));

    // A relative lease folder is refused and changes nothing.
    const ProcessResult relative = doctl({"config", "set", "DhcpLeaseFolders", "var/lib/dhcp"});
    QVERIFY(relative.exitCode != 0);
    QVERIFY2(relative.err.contains("absolute"), qPrintable(relative.err));
    QVERIFY(doctl({"config", "get", "DhcpLeaseFolders"}).out.contains(leases));
}

void CacheServerTest::serverAnnouncedByDnsSdServesVerifiableDownloads()
{
    // Nothing names a cache server; one is announced on the link (as Avahi would), on a
    // multicast DNS port of this test's own. Download mode 0: no peering, cache servers still.
    const quint16 mdnsPort = freeUdpPort();
    QVERIFY(mdnsPort != 0);
    QVERIFY(configure({QStringLiteral("LocalDiscoveryPort=%1").arg(mdnsPort), "DODownloadMode=0"}));
    CacheServerAnnouncer announcer(mdnsPort, "Branch cache", QHostAddress::LocalHost,
                                   m_cache->port());
    announcer.start();
    AgentProcessOptions options;
    options.dataDir = m_data->path();
    AgentProcess agent(options);
    QString error;
    QVERIFY2(agent.start(&error), qPrintable(error));
    const QString cacheHost = QStringLiteral("127.0.0.1:%1").arg(m_cache->port());
    QJsonObject local;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (local = QJsonDocument::fromJson(doctl({"peers", "--json"}).out.toUtf8())
                     .object()["Discovery"]
                     .toObject()["LocalDiscovery"]
                     .toObject())["CacheServers"]
                .toArray()
                .size() == 1,
        qPrintable(QJsonDocument(local).toJson() + agent.log().right(2000)), 10000);
    QVERIFY(local["BrowsingCacheServers"].toBool());
    QCOMPARE(local["CacheServers"].toArray().first().toString(),
             cacheHost + QStringLiteral(" (Branch cache)"));
    QVERIFY(announcer.queriesAnswered() >= 1);
    QVERIFY(doctl({"peers"}).out.contains("Cache servers announced here (DNS-SD): " + cacheHost));

    // Verifiable content comes through it.
    const int cacheRequestsBefore = int(m_cache->accessLog().size());
    const QJsonObject verified = download(m_torrent);
    QVERIFY(!verified.isEmpty());
    QCOMPARE(verified["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(verified["BytesFromHttp"].toInteger(), 0);
    QCOMPARE(verified["CacheHost"].toString(), cacheHost);
    QVERIFY(m_cache->accessLog().size() > cacheRequestsBefore);
    const QJsonObject configured = cacheServerCheck();
    QVERIFY2(configured["Verdict"].toString() == "pass" &&
                 configured["Summary"].toString().contains("DNS-SD on the local link"),
             qPrintable(QJsonDocument(configured).toJson()));

    // A plain URL has nothing to verify the bytes against: anyone on the link could have
    // announced that server, so the download goes to the origin.
    const QJsonObject plain = download(m_origin->url("/content.bin").toString());
    QVERIFY(!plain.isEmpty());
    QCOMPARE(plain["BytesFromHttp"].toInteger(), kFileSize);
    QCOMPARE(plain["BytesFromCacheServer"].toInteger(), 0);
    QVERIFY2(agent.log().contains("without metainfo their bytes cannot be verified"),
             qPrintable(agent.log().right(2000)));

    // DOCacheHostSource 0 switches DNS-SD cache discovery off.
    QVERIFY(configure({"DOCacheHostSource=0"}));
    QTRY_VERIFY_WITH_TIMEOUT(!QJsonDocument::fromJson(doctl({"peers", "--json"}).out.toUtf8())
                                  .object()["Discovery"]
                                  .toObject()["LocalDiscovery"]
                                  .toObject()["BrowsingCacheServers"]
                                  .toBool(),
                             5000);
    QCOMPARE(cacheServerCheck()["Verdict"].toString(), QString("n/a"));
    QCOMPARE(agent.stop(), 0);
}

void CacheServerTest::discoveryServiceAssignsTheCacheServer()
{
    // The service names the cache server for loopback devices, as DO's cloud names a
    // Connected Cache; nothing on the device does.
    const QString cacheHost = QStringLiteral("127.0.0.1:%1").arg(m_cache->port());
    DiscoveryProcessOptions service;
    service.extraArgs = {"--cache-host", "10.9.0.0/16=127.0.0.1:1", "--cache-host",
                         "127.0.0.0/8=" + cacheHost};
    DiscoveryProcess discovery(service);
    QString error;
    QVERIFY2(discovery.start(&error), qPrintable(error));
    QVERIFY(configure({"DiscoveryUrl=" + discovery.url().toString()}));
    AgentProcessOptions options;
    options.dataDir = m_data->path();
    AgentProcess agent(options);
    QVERIFY2(agent.start(&error), qPrintable(error));
    QJsonObject status;
    QTRY_VERIFY2_WITH_TIMEOUT(
        (status = QJsonDocument::fromJson(doctl({"peers", "--json"}).out.toUtf8())
                      .object()["Discovery"]
                      .toObject())["CacheHosts"]
                .toArray()
                .size() == 1,
        qPrintable(QJsonDocument(status).toJson() + agent.log().right(2000)), 10000);
    QCOMPARE(status["CacheHosts"].toArray().first().toString(), cacheHost);
    QVERIFY(doctl({"peers"}).out.contains("assigns cache servers " + cacheHost));

    // The service is trusted like DOCacheHost: even a plain URL goes through its server.
    const QJsonObject plain = download(m_origin->url("/content.bin").toString());
    QVERIFY(!plain.isEmpty());
    QCOMPARE(plain["BytesFromCacheServer"].toInteger(), kFileSize);
    QCOMPARE(plain["BytesFromHttp"].toInteger(), 0);
    QCOMPARE(plain["CacheHost"].toString(), cacheHost);
    const QJsonObject configured = cacheServerCheck();
    QVERIFY2(configured["Verdict"].toString() == "pass" &&
                 configured["Summary"].toString().contains("the discovery service"),
             qPrintable(QJsonDocument(configured).toJson()));

    // DOCacheHost on the device comes first.
    QVERIFY(configure({"DOCacheHost=127.0.0.1:" + QString::number(freePort())}));
    QVERIFY(cacheServerCheck()["Summary"].toString().contains("(from DOCacheHost)"));
    QCOMPARE(agent.stop(), 0);
}

QTEST_GUILESS_MAIN(CacheServerTest)
#include "test_cache_server.moc"
