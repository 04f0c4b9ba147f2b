// The overview panel: its facts computed from synthetic snapshots, and offscreen against a real
// in-process agent that downloads a content from a real nginx and caches it.

#include "agent/Agent.h"
#include "panels/overview/OverviewFacts.h"
#include "panels/overview/OverviewPanel.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using transfer::SourceClass;
using ui::FactStatus;
using ui::OverviewFacts;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

stats::MonthTotals month(std::initializer_list<std::pair<SourceClass, qint64>> down,
                         std::initializer_list<std::pair<SourceClass, qint64>> up = {})
{
    stats::MonthTotals m;
    m.month = "2026-11";
    for (const auto& [c, bytes] : down)
        m.down[std::size_t(c)] = bytes;
    for (const auto& [c, bytes] : up)
        m.up[std::size_t(c)] = bytes;
    // As in a running agent, the upload ledger (what the cap counts) holds the same Internet
    // uploads as the history.
    m.capCountedBytes = m.up[std::size_t(SourceClass::InternetPeer)];
    return m;
}

stats::DeviceStats cacheStats(qint64 used, qint64 limit)
{
    stats::DeviceStats s;
    s.files = 3;
    s.cacheBytes = used;
    s.cacheLimitBytes = limit;
    return s;
}

} // namespace

class OverviewPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modeNamesAndConfiguredMode();
    void fallbackShowsConfiguredModeAndReason();
    void discoveryStates();
    void listeningAndPeers();
    void percentFromPeersIsExactAndBounded();
    void cacheWarnsNearTheLimit();
    void uploadCapCountsInternetOnly();
    void uploadCapReachedIsBad();
    void noUploadCap();
    void cacheServersFromPolicyOrDhcp();
    void panelShowsARealDownloadInTheCache();
};

void OverviewPanelTest::modeNamesAndConfiguredMode()
{
    QCOMPARE(OverviewFacts::modeText(0), QString("0 — HTTP only"));
    QCOMPARE(OverviewFacts::modeText(1), QString("1 — LAN"));
    QCOMPARE(OverviewFacts::modeText(2), QString("2 — Group"));
    QCOMPARE(OverviewFacts::modeText(3), QString("3 — Internet"));
    QCOMPARE(OverviewFacts::modeText(99), QString("99 — Simple"));
    QCOMPARE(OverviewFacts::modeText(100), QString("100 — Bypass"));
    QCOMPARE(OverviewFacts::modeText(7), QString("7"));

    agent::PeerActivity a;
    a.downloadMode = 1;
    a.configuredMode = 1;
    const ui::OverviewFact f = OverviewFacts::downloadMode(a);
    QCOMPARE(f.value, QString("1 — LAN"));
    QCOMPARE(f.status, FactStatus::Ok);
    QVERIFY(f.detail.isEmpty());
}

void OverviewPanelTest::fallbackShowsConfiguredModeAndReason()
{
    agent::PeerActivity a;
    a.configuredMode = 1;
    a.downloadMode = 99;
    a.fallbackReason = "discovery service http://127.0.0.1:9/ is unreachable (Connection refused)";
    const ui::OverviewFact f = OverviewFacts::downloadMode(a);
    QCOMPARE(f.status, FactStatus::Warn);
    QCOMPARE(OverviewFacts::text(f),
             QString("99 — Simple (fallback): discovery service http://127.0.0.1:9/ is "
                     "unreachable (Connection refused); DODownloadMode 1 — LAN applies again "
                     "when it answers"));

    // 99 configured on purpose is no fallback.
    a.configuredMode = 99;
    a.fallbackReason.clear();
    const ui::OverviewFact chosen = OverviewFacts::downloadMode(a);
    QCOMPARE(chosen.value, QString("99 — Simple"));
    QCOMPARE(chosen.status, FactStatus::Ok);
    QVERIFY(!chosen.value.contains("fallback"));
}

void OverviewPanelTest::discoveryStates()
{
    discovery::DiscoveryStatus d;
    d.state = discovery::DiscoveryState::Reachable;
    d.serviceUrl = "http://disco.example:8080/";
    d.publicAddress = "203.0.113.7";
    ui::OverviewFact f = OverviewFacts::discovery(d);
    QCOMPARE(f.value, QString("Reachable"));
    QCOMPARE(f.status, FactStatus::Ok);
    QCOMPARE(f.detail, QString("http://disco.example:8080/ · sees this device as 203.0.113.7"));

    d.state = discovery::DiscoveryState::Unreachable;
    d.lastError = "Connection refused";
    d.retryInSeconds = 30;
    f = OverviewFacts::discovery(d);
    QCOMPARE(f.status, FactStatus::Bad);
    QVERIFY2(f.detail.contains("Connection refused") && f.detail.contains("retry in 30 second(s)"),
             qPrintable(f.detail));

    f = OverviewFacts::discovery({});
    QCOMPARE(f.status, FactStatus::Ok);
    QVERIFY(f.detail.contains("static peers only"));

    // DORestrictPeerSelectionBy 2: the service answers, but only local peers count.
    d.state = discovery::DiscoveryState::Reachable;
    d.local.restricting = true;
    f = OverviewFacts::discovery(d);
    QCOMPARE(f.status, FactStatus::Warn);
    QVERIFY2(f.detail.endsWith("only local peers (DNS-SD): none found yet"), qPrintable(f.detail));
    d.local.peers = {"192.0.2.5:7680", "192.0.2.6:7680"};
    f = OverviewFacts::discovery(d);
    QCOMPARE(f.status, FactStatus::Ok);
    QVERIFY2(f.detail.endsWith("only local peers (DNS-SD): 2 found"), qPrintable(f.detail));
    d.local.error = "cannot listen on UDP port 5353 for multicast DNS: address in use";
    f = OverviewFacts::discovery(d);
    QCOMPARE(f.status, FactStatus::Bad);
    QVERIFY2(f.detail.contains("local discovery fails: cannot listen"), qPrintable(f.detail));
}

void OverviewPanelTest::listeningAndPeers()
{
    agent::PeerActivity a;
    a.downloadMode = 1;
    ui::OverviewFact f = OverviewFacts::listening(a);
    QCOMPARE(f.value, QString("not listening"));
    QCOMPARE(f.status, FactStatus::Warn);
    a.listenEndpoint = "192.0.2.4:7680";
    a.peeringAllowed = true;
    a.uploadAllowed = true;
    f = OverviewFacts::listening(a);
    QCOMPARE(f.value, QString("192.0.2.4:7680"));
    QCOMPARE(f.status, FactStatus::Ok);
    a.uploadAllowed = false;
    a.blockedReason = "DOMonthlyUploadDataCap reached";
    f = OverviewFacts::listening(a);
    QCOMPARE(f.status, FactStatus::Warn);
    QCOMPARE(f.detail, QString("uploading off: DOMonthlyUploadDataCap reached"));

    for (SourceClass c : {SourceClass::LanPeer, SourceClass::LanPeer, SourceClass::InternetPeer}) {
        transfer::PeerSnapshot p;
        p.sourceClass = c;
        a.peers << p;
    }
    f = OverviewFacts::peers(a);
    QCOMPARE(f.value, QString("3 connection(s)"));
    QCOMPARE(f.detail, QString("LAN 2 · group 0 · Internet 1"));
    QCOMPARE(f.status, FactStatus::Ok);

    // Peers found by local discovery get their own count; dials that failed are named, and
    // with no connection at all they make the card a warning.
    transfer::PeerSnapshot local;
    local.sourceClass = SourceClass::LinkLocalPeer;
    a.peers << local;
    a.unreachable << transfer::DialFailure{"c1", "192.0.2.9:7680",    SourceClass::LanPeer, 3, {},
                                           {},   "connection refused"};
    f = OverviewFacts::peers(a);
    QCOMPARE(f.detail, QString("LAN 2 · group 0 · Internet 1 · local discovery 1 · 1 could not "
                               "be reached"));
    QCOMPARE(f.status, FactStatus::Ok);
    a.peers.clear();
    f = OverviewFacts::peers(a);
    QCOMPARE(f.status, FactStatus::Warn);
}

void OverviewPanelTest::percentFromPeersIsExactAndBounded()
{
    QCOMPARE(OverviewFacts::peerShare(std::nullopt).value, QString("loading…"));
    QCOMPARE(OverviewFacts::peerShare(month({})).value, QString("no downloads this month yet"));
    QCOMPARE(OverviewFacts::peerPercent(month({}).down), -1.0);

    // 1 of 4 parts from peers, spread over the three peer classes.
    const stats::MonthTotals m = month({{SourceClass::Http, 600},
                                        {SourceClass::CacheServer, 150},
                                        {SourceClass::LanPeer, 100},
                                        {SourceClass::GroupPeer, 100},
                                        {SourceClass::InternetPeer, 50}});
    QCOMPARE(OverviewFacts::peerPercent(m.down), 25.0);
    const ui::OverviewFact f = OverviewFacts::peerShare(m);
    QCOMPARE(f.value, QString("25 %"));
    QCOMPARE(f.detail, QString("250 bytes of 1,000 bytes downloaded"));

    // All from peers is exactly 100; almost all never rounds up to it.
    QCOMPARE(OverviewFacts::peerPercent(month({{SourceClass::LanPeer, 5 * kGiB}}).down), 100.0);
    QCOMPARE(OverviewFacts::peerShare(month({{SourceClass::LanPeer, 9999}, {SourceClass::Http, 1}}))
                 .value,
             QString("99 %"));
    // A corrupt negative class must not push the share past 100 %.
    const double bounded = OverviewFacts::peerPercent(
        month({{SourceClass::InternetPeer, 10 * kGiB}, {SourceClass::Http, -kGiB}}).down);
    QVERIFY2(bounded <= 100.0 && bounded >= 0, qPrintable(QString::number(bounded)));
    QCOMPARE(OverviewFacts::percentText(0.46), QString("0.4 %"));
}

void OverviewPanelTest::cacheWarnsNearTheLimit()
{
    const qint64 limit = 10 * kGiB;
    ui::OverviewFact f = OverviewFacts::cache(cacheStats(limit / 2, limit));
    QCOMPARE(f.value, QString("5.0 GiB of 10.0 GiB (50 %)"));
    QCOMPARE(f.status, FactStatus::Ok);
    QCOMPARE(f.percent, 50);

    // Just below 90 % is fine, 90 % warns.
    f = OverviewFacts::cache(cacheStats(limit * 9 / 10 - 1, limit));
    QCOMPARE(f.status, FactStatus::Ok);
    f = OverviewFacts::cache(cacheStats(limit * 9 / 10, limit));
    QCOMPARE(f.status, FactStatus::Warn);
    QCOMPARE(f.percent, 90);

    f = OverviewFacts::cache(cacheStats(kGiB, 0));
    QCOMPARE(f.value, QString("1.0 GiB (no limit)"));
    QCOMPARE(f.percent, -1);
    QCOMPARE(OverviewFacts::cache(std::nullopt).value, QString("loading…"));
}

void OverviewPanelTest::uploadCapCountsInternetOnly()
{
    // LAN uploads do not count against the cap.
    const stats::MonthTotals m =
        month({}, {{SourceClass::LanPeer, 50 * kGiB}, {SourceClass::InternetPeer, 2 * kGiB}});
    ui::OverviewFact f = OverviewFacts::uploads(m, 20);
    QCOMPARE(f.value, QString("2.0 GiB of 20.0 GiB cap"));
    QCOMPARE(f.status, FactStatus::Ok);
    QCOMPARE(f.percent, 10);
    QVERIFY2(f.detail.contains("Internet peers only"), qPrintable(f.detail));
    QVERIFY2(f.detail.contains("52.0 GiB in all"), qPrintable(f.detail));

    f = OverviewFacts::uploads(month({}, {{SourceClass::InternetPeer, 18 * kGiB}}), 20);
    QCOMPARE(f.status, FactStatus::Warn);
    QCOMPARE(f.percent, 90);

    // The gauge shows what the upload gate enforces (the ledger), should the history differ.
    stats::MonthTotals ledgerAhead = month({}, {{SourceClass::InternetPeer, 2 * kGiB}});
    ledgerAhead.capCountedBytes = 20 * kGiB;
    f = OverviewFacts::uploads(ledgerAhead, 20);
    QCOMPARE(f.status, FactStatus::Bad);
    QCOMPARE(f.value, QString("20.0 GiB of 20.0 GiB cap"));
}

void OverviewPanelTest::uploadCapReachedIsBad()
{
    ui::OverviewFact f =
        OverviewFacts::uploads(month({}, {{SourceClass::InternetPeer, 20 * kGiB}}), 20);
    QCOMPARE(f.status, FactStatus::Bad);
    QCOMPARE(f.percent, 100);
    QVERIFY2(f.detail.startsWith("cap reached"), qPrintable(f.detail));
    f = OverviewFacts::uploads(month({}, {{SourceClass::InternetPeer, 20 * kGiB - 1}}), 20);
    QCOMPARE(f.status, FactStatus::Warn);
    f = OverviewFacts::uploads(month({}, {{SourceClass::InternetPeer, 25 * kGiB}}), 20);
    QCOMPARE(f.status, FactStatus::Bad);
    QCOMPARE(f.percent, 100);
}

void OverviewPanelTest::noUploadCap()
{
    const ui::OverviewFact f = OverviewFacts::uploads(
        month({}, {{SourceClass::InternetPeer, 200 * kGiB}, {SourceClass::LanPeer, kGiB}}), 0);
    QCOMPARE(f.value, QString("201.0 GiB (no cap)"));
    QCOMPARE(f.status, FactStatus::Ok);
    QCOMPARE(f.percent, -1);
    QVERIFY2(f.detail.contains("DOMonthlyUploadDataCap is 0"), qPrintable(f.detail));
}

void OverviewPanelTest::cacheServersFromPolicyOrDhcp()
{
    ui::OverviewFact f = OverviewFacts::cacheServer({}, 0, month({}));
    QCOMPARE(f.value, QString("none configured"));
    QCOMPARE(f.status, ui::FactStatus::Ok);
    // DOCacheHostSource 1 uses DHCP only without DOCacheHost; 2 always.
    QCOMPARE(OverviewFacts::cacheServer({}, 1, month({})).value, QString("from DHCP option 235"));
    QCOMPARE(OverviewFacts::cacheServer("cache1", 1, month({})).value, QString("cache1"));
    QCOMPARE(OverviewFacts::cacheServer("cache1", 2, month({})).value,
             QString("from DHCP option 235"));

    f = OverviewFacts::cacheServer(
        "cache1,10.0.0.7", 0, month({{SourceClass::CacheServer, 300}, {SourceClass::Http, 100}}));
    QCOMPARE(f.value, QString("cache1, 10.0.0.7"));
    QCOMPARE(f.detail, QString("300 bytes from cache servers this month (75 %)"));
    QCOMPARE(f.status, ui::FactStatus::Ok);
    // Configured, downloads happened, nothing came from the servers: worth a look.
    f = OverviewFacts::cacheServer("cache1", 0, month({{SourceClass::Http, 100}}));
    QCOMPARE(f.status, ui::FactStatus::Warn);
    QVERIFY(f.detail.contains("see Troubleshooting"));

    // Nothing configured: DNS-SD looks on the link, and says what it found.
    opendo::discovery::local::LocalDiscoveryStatus local;
    local.browsingCacheServers = true;
    f = OverviewFacts::cacheServer({}, 0, month({}), local);
    QCOMPARE(f.value, QString("none configured or announced"));
    QVERIFY2(f.detail.contains("_opendo-cache._tcp"), qPrintable(f.detail));
    local.cacheServers = {"192.168.1.20:8080 (Branch cache)"};
    f = OverviewFacts::cacheServer({}, 0, month({{SourceClass::CacheServer, 100}}), local);
    QCOMPARE(f.value, QString("announced on the link: 192.168.1.20:8080 (Branch cache)"));
    QCOMPARE(f.detail, QString("100 bytes from cache servers this month (100 %)"));
    // The discovery service's assignment comes before what the link announces, after DOCacheHost.
    f = OverviewFacts::cacheServer({}, 0, month({}), local, {"mcc1:8080"});
    QCOMPARE(f.value, QString("assigned by the discovery service: mcc1:8080"));
    QCOMPARE(OverviewFacts::cacheServer("cache1", 0, month({}), local, {"mcc1:8080"}).value,
             QString("cache1"));
}

void OverviewPanelTest::panelShowsARealDownloadInTheCache()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    constexpr qint64 kFileSize = 3 * 1024 * 1024 + 123;
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/content.bin", kFileSize, 47));
    NginxServer nginx(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    const QString torrent = dir.filePath("content.torrent");
    const ProcessResult created =
        runProgram(executable("doctl"),
                   {"create-metainfo", root + "/content.bin", "--webseed",
                    nginx.url("/content.bin").toString(), "--piece-size", "262144", "-o", torrent});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));

    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    // A CI container may be below the desktop defaults, and the file below the cache threshold.
    QVERIFY(agent
                .applyPolicyChanges({policy::PolicyLayer::Local,
                                     {{"DOMinRAMAllowedToPeer", "1"},
                                      {"DOMinDiskSizeAllowedToPeer", "1"},
                                      {"DOMinFileSizeToCache", "1"}}})
                .result()
                .ok);

    ui::OverviewPanel panel(agent);
    panel.resize(900, 640);
    panel.show();
    QTRY_VERIFY_WITH_TIMEOUT(panel.fact("cache") && panel.fact("cache")->value != "loading…", 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel.fact("peerShare")->value,
                              QString("no downloads this month yet"), 5000);
    QVERIFY2(panel.factText("listening").startsWith("not listening"),
             qPrintable(panel.factText("listening")));
    auto* modeValue = panel.findChild<QLabel*>("overviewValue_mode");
    QVERIFY(modeValue);
    QCOMPARE(modeValue->text(), panel.fact("mode")->value);

    const auto added = agent.addDownload({torrent, dir.filePath("out.bin"), true}).result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    const transfer::JobStatus done = agent.waitForJob(added.jobId).result();
    QCOMPARE(done.state, transfer::JobState::Caching);
    QVERIFY(sameContent(root + "/content.bin", dir.filePath("out.bin")));

    // The cache card follows the 1 s device stats, the month card the 5 s month query.
    QTRY_VERIFY_WITH_TIMEOUT(panel.fact("cache")->value.startsWith("3.0 MiB"), 5000);
    auto* cacheValue = panel.findChild<QLabel*>("overviewValue_cache");
    QVERIFY(cacheValue);
    QCOMPARE(cacheValue->text(), panel.fact("cache")->value);
    QTRY_COMPARE_WITH_TIMEOUT(panel.fact("peerShare")->value, QString("0 %"),
                              3 * ui::OverviewPanel::kMonthRefreshMs);
    QCOMPARE(panel.fact("peerShare")->detail, QString("0 bytes of 3.0 MiB downloaded"));
    auto* uploadsBar = panel.findChild<QProgressBar*>("overviewBar_uploads");
    QVERIFY(uploadsBar);
    QVERIFY(uploadsBar->isVisible()); // default cap 20 GB
    QCOMPARE(panel.fact("uploads")->value, QString("0 bytes of 20.0 GiB cap"));

    if (!qEnvironmentVariableIsEmpty("OPENDO_SCREENSHOT_DIR"))
        QVERIFY(panel.grab().save(qEnvironmentVariable("OPENDO_SCREENSHOT_DIR") + "/overview.png"));
}

QTEST_MAIN(OverviewPanelTest)
#include "test_overview_panel.moc"
