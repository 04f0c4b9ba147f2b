// Discovery and peering over IPv6 (BEP 7): a dual-stack do-discovery, two do-agents listening on
// [::1] in LAN mode and one on 127.0.0.2. The service sees both behind the same address, hands each
// the other in "peers6", and the second agent downloads from the first over IPv6 — the origin
// (IPv4) only fills in what the seed cannot.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 16 * 1024 * 1024;
const QHostAddress kIpv6Loopback(QHostAddress::LocalHostIPv6);

} // namespace

class DiscoveryIpv6Test : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void peersFindEachOtherOverIpv6();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 30000);
    std::unique_ptr<AgentProcess> startAgent(const QString& name, QString* error,
                                             const QHostAddress& address = kIpv6Loopback);
    QJsonObject download(AgentProcess& agent);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<DiscoveryProcess> m_discovery;
};

ProcessResult DiscoveryIpv6Test::doctl(const QString& dataDir, const QStringList& args,
                                       int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

void DiscoveryIpv6Test::initTestCase()
{
    QTcpServer probe;
    if (!probe.listen(kIpv6Loopback))
        QSKIP("this machine has no IPv6 loopback address (::1)");
    probe.close();
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    const QString root = m_dir.filePath("www");
    // The origin is slow enough that a seed one hop away is the faster source.
    QString error;
    m_nginx = startContentOrigin(root, kFileSize, 11, "limit_rate 4m;", &error);
    QVERIFY2(m_nginx, qPrintable(error));
    // The service serves both families on one port, as do-discovery does by default.
    DiscoveryProcessOptions options;
    options.address = kIpv6Loopback;
    options.port = freePort(kIpv6Loopback);
    options.listenArg = QString("*:%1").arg(options.port);
    options.intervalSeconds = 1;
    m_discovery = std::make_unique<DiscoveryProcess>(options);
    QVERIFY2(m_discovery->start(&error), qPrintable(error));
    const ProcessResult published = runProgram(
        executable("doctl"),
        {"publish", root + "/content.bin", "--webseed", m_nginx->url("/content.bin").toString(),
         "--discovery", m_discovery->url().toString(), "-o", m_dir.filePath("content.torrent")});
    QVERIFY2(published.exitCode == 0, qPrintable(published.err));
}

std::unique_ptr<AgentProcess> DiscoveryIpv6Test::startAgent(const QString& name, QString* error,
                                                            const QHostAddress& address)
{
    AgentProcessOptions options;
    options.dataDir = m_dir.filePath(name);
    options.address = address;
    QUrl service = m_discovery->url();
    if (address.protocol() == QAbstractSocket::IPv4Protocol)
        service.setHost("127.0.0.1");
    options.extraArgs = {"--discovery", service.toString()};
    for (const QString s : {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                            "DOMinFileSizeToCache=1", "DODownloadMode=1"}) {
        const ProcessResult r =
            doctl(options.dataDir, {"config", "set", s.section('=', 0, 0), s.section('=', 1)});
        if (r.exitCode != 0) {
            *error = r.err;
            return nullptr;
        }
    }
    auto agent = std::make_unique<AgentProcess>(options);
    if (!agent->start(error))
        return nullptr;
    return agent;
}

QJsonObject DiscoveryIpv6Test::download(AgentProcess& agent)
{
    const ProcessResult r = doctl(agent.dataDir(),
                                  {"download", m_nginx->url("/content.bin").toString(), "--out",
                                   agent.dataDir() + "/content.bin", "--json"},
                                  120000);
    if (r.exitCode != 0)
        qWarning().noquote() << r.err << agent.log().right(3000);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

void DiscoveryIpv6Test::peersFindEachOtherOverIpv6()
{
    QString error;
    auto seed = startAgent("seed", &error);
    QVERIFY2(seed, qPrintable(error));
    QVERIFY(seed->endpoint().startsWith("[::1]:"));
    const QJsonObject seeded = download(*seed);
    QCOMPARE(seeded["BytesFromHttp"].toInteger(), kFileSize);

    auto leecher = startAgent("leecher", &error);
    QVERIFY2(leecher, qPrintable(error));
    const QJsonObject got = download(*leecher);
    QVERIFY2(sameContent(leecher->dataDir() + "/content.bin", m_dir.filePath("www/content.bin")),
             qPrintable(leecher->log().right(3000)));
    qInfo("leecher: %lld bytes from LAN peers over IPv6, %lld from HTTP",
          got["BytesFromLanPeers"].toInteger(), got["BytesFromHttp"].toInteger());
    QVERIFY2(got["BytesFromLanPeers"].toInteger() > 0, qPrintable(leecher->log().right(3000)));
    QCOMPARE(got["BytesFromHttp"].toInteger() + got["BytesFromPeers"].toInteger(), kFileSize);

    // The service saw it at ::1 and offered it the seed's IPv6 endpoint.
    const ProcessResult peers = doctl(leecher->dataDir(), {"peers", "--json"});
    QVERIFY2(peers.exitCode == 0, qPrintable(peers.err));
    const QJsonObject activity = QJsonDocument::fromJson(peers.out.toUtf8()).object();
    QCOMPARE(activity["Discovery"].toObject()["PublicAddress"].toString(), QString("::1"));
    QStringList offered;
    for (const QJsonValue& v : activity["Offered"].toArray())
        offered << v["Endpoint"].toString();
    QVERIFY2(offered.contains(seed->endpoint()), qPrintable(offered.join(',')));

    // An IPv4 device on the same service: seen under its plain IPv4 address (not as
    // ::ffff:127.0.0.2), so it is behind another "NAT" than the IPv6 pair and gets no peers.
    auto v4 = startAgent("v4", &error, QHostAddress("127.0.0.2"));
    QVERIFY2(v4, qPrintable(error));
    const QJsonObject v4Got = download(*v4);
    QCOMPARE(v4Got["BytesFromHttp"].toInteger(), kFileSize);
    const ProcessResult v4Peers = doctl(v4->dataDir(), {"peers", "--json"});
    const QJsonObject v4Activity = QJsonDocument::fromJson(v4Peers.out.toUtf8()).object();
    QCOMPARE(v4Activity["Discovery"].toObject()["PublicAddress"].toString(), QString("127.0.0.2"));
    QCOMPARE(v4Activity["Discovery"].toObject()["State"].toString(), QString("reachable"));
    QCOMPARE(v4Activity["Offered"].toArray().size(), 0);
    QCOMPARE(v4->stop(), 0);
    QCOMPARE(leecher->stop(), 0);
    QCOMPARE(seed->stop(), 0);
}

QTEST_GUILESS_MAIN(DiscoveryIpv6Test)
#include "test_discovery_ipv6.moc"
