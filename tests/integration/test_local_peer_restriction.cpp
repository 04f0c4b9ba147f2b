// DORestrictPeerSelectionBy = 2 with real do-agent processes: three agents behind one "NAT"
// (the discovery service offers each to the others as LAN peers), but only two of them share
// a local link — their multicast DNS port, which stands in for the network segment here. The
// restricted leecher downloads only from the seed it found by DNS-SD; the other seed, offered
// by the service all the same, is never used and uploads nothing. The leecher is also "on a
// VPN" (its VPN keyword matches lo) without DOAllowVPNPeerCaching: as in DO, that pauses
// peering except with peers local discovery found, and those bytes count as local-discovery
// (LinkLocal) bytes.

#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/DoctlConfig.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/PublishedContentLab.h"
#include "support/RequireTool.h"
#include "support/TestPaths.h"
#include "support/TroubleshootJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 16 * 1024 * 1024;
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1", "DODownloadMode=1"};

QJsonObject jsonOf(const QString& dataDir, const QStringList& command)
{
    const ProcessResult r =
        runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + command);
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class LocalPeerRestrictionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyPeersFoundOnTheLocalLinkAreUsedEvenOnAVpn();

private:
    QTemporaryDir m_dir;
};

void LocalPeerRestrictionTest::onlyPeersFoundOnTheLocalLinkAreUsedEvenOnAVpn()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    QString error;
    // The published URL is slow and the leecher holds HTTP back while peers can serve: its
    // bytes come from peers. The fast metainfo fills the seeds.
    DiscoveryProcessOptions options;
    options.intervalSeconds = 5;
    options.natMap = {"127.0.0.81-127.0.0.83=203.0.113.81"};
    PublishedContentLab lab;
    error = lab.start(m_dir.path(), kFileSize, 7, "256k", options);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString torrent = lab.publishedTorrent;
    const QString fastTorrent = lab.fastTorrent;

    const quint16 here = freeUdpPort();
    const quint16 elsewhere = freeUdpPort();
    QVERIFY(here != 0 && elsewhere != 0 && here != elsewhere);
    const QStringList args = {"--discovery", lab.discovery->url().toString()};
    const QString hereSetting = QString("LocalDiscoveryPort=%1").arg(here);
    QCOMPARE(configureWithDoctl(m_dir.filePath("near"), kLabSettings + QStringList{hereSetting}),
             QString());
    QCOMPARE(configureWithDoctl(m_dir.filePath("far"),
                                kLabSettings +
                                    QStringList{QString("LocalDiscoveryPort=%1").arg(elsewhere)}),
             QString());
    QCOMPARE(
        configureWithDoctl(m_dir.filePath("leecher"),
                           kLabSettings + QStringList{hereSetting, "DORestrictPeerSelectionBy=2",
                                                      "DODelayForegroundDownloadFromHttp=600",
                                                      "DOVpnKeywords=lo"}),
        QString());

    AgentProcess near({m_dir.filePath("near"), QHostAddress("127.0.0.81"), 0, {}, args});
    AgentProcess far({m_dir.filePath("far"), QHostAddress("127.0.0.83"), 0, {}, args});
    for (AgentProcess* seed : {&near, &far}) {
        QVERIFY2(seed->start(&error), qPrintable(error));
        const ProcessResult seeded =
            runProgram(executable("doctl"),
                       {"--data-dir", seed->dataDir(), "download", fastTorrent, "--out",
                        seed->dataDir() + "/content.bin"},
                       60000);
        QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err + "\n" + seed->log().right(3000)));
    }

    AgentProcess leecher({m_dir.filePath("leecher"), QHostAddress("127.0.0.82"), 0, {}, args});
    QVERIFY2(leecher.start(&error), qPrintable(error));
    const ProcessResult download =
        runProgram(executable("doctl"),
                   {"--data-dir", leecher.dataDir(), "download", torrent, "--out",
                    leecher.dataDir() + "/content.bin", "--json"},
                   60000);
    QVERIFY2(download.exitCode == 0,
             qPrintable(download.err + "\nleecher:\n" + leecher.log().right(3000)));
    const QJsonObject status = QJsonDocument::fromJson(download.out.toUtf8()).object();
    // Until the seed on the link has answered (and the service has answered), the slow origin
    // may start on a piece or two; peers bring the rest.
    const qint64 fromPeers = status.value("BytesFromPeers").toInteger();
    QCOMPARE(fromPeers + status.value("BytesFromHttp").toInteger(), kFileSize);
    QVERIFY2(fromPeers >= kFileSize / 2, qPrintable(QString::number(fromPeers)));
    QCOMPARE(status.value("BytesFromLinkLocalPeers").toInteger(), fromPeers);
    QCOMPARE(status.value("BytesFromLanPeers").toInteger(), 0);
    // The history takes the last seconds' bytes a moment later.
    const auto linkLocalThisMonth = [&] {
        return jsonOf(leecher.dataDir(), {"perfsnap", "--month", "--json"})
            .value("DownloadLinkLocalBytes")
            .toInteger();
    };
    QTRY_COMPARE_WITH_TIMEOUT(linkLocalThisMonth(), fromPeers, 10000);

    // The leecher found the near seed on its link, and the service's offer was narrowed to it.
    const QJsonObject peers = jsonOf(leecher.dataDir(), {"peers", "--json"});
    const QJsonObject local =
        peers.value("Discovery").toObject().value("LocalDiscovery").toObject();
    QVERIFY(local.value("Restricting").toBool());
    QCOMPARE(local.value("Port").toInt(), int(here));
    const QStringList found = local.value("Peers").toVariant().toStringList();
    QVERIFY2(found.contains(near.endpoint()), qPrintable(found.join(", ")));
    QVERIFY2(!found.contains(far.endpoint()), qPrintable(found.join(", ")));
    for (const QJsonValue& offered : peers.value("Offered").toArray())
        QVERIFY(offered.toObject().value("Endpoint").toString() != far.endpoint());

    // The troubleshooter tells the same story: one found, one offered but not on the link.
    const ProcessResult report =
        runProgram(executable("doctl"),
                   {"--data-dir", leecher.dataDir(), "troubleshoot", "--p2p", "--json"}, 60000);
    const QJsonObject check = troubleshootCheck(report.out, "peers.local_discovery");
    QCOMPARE(check.value("Verdict").toString(), QString("warn"));
    const QString evidence = check.value("Evidence").toVariant().toStringList().join('\n');
    QVERIFY2(evidence.contains("Found on the local link: " + near.endpoint()) &&
                 evidence.contains("not found here, so not used: " + far.endpoint()),
             qPrintable(evidence));
    // The VPN check says why peering went on despite the VPN.
    const QJsonObject vpn = troubleshootCheck(report.out, "device.vpn");
    QCOMPARE(vpn.value("Verdict").toString(), QString("warn"));
    QVERIFY2(vpn.value("Summary").toString().contains("peering continues only with peers that "
                                                      "local peer discovery (DNS-SD) finds"),
             qPrintable(vpn.value("Summary").toString()));

    // Only the near seed uploaded anything.
    const auto uploaded = [](const AgentProcess& agent) {
        return jsonOf(agent.dataDir(), {"perfsnap", "--json"})
            .value("TotalBytesUploaded")
            .toInteger();
    };
    // The upload ledger is written every few seconds.
    QTRY_VERIFY_WITH_TIMEOUT(uploaded(near) >= fromPeers, 15000);
    QCOMPARE(uploaded(far), 0);

    QCOMPARE(leecher.stop(), 0);
    QCOMPARE(far.stop(), 0);
    QCOMPARE(near.stop(), 0);
}

QTEST_GUILESS_MAIN(LocalPeerRestrictionTest)
#include "test_local_peer_restriction.moc"
