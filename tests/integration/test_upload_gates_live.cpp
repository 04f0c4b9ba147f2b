// The upload gates on real processes: a seeding do-agent that limits its uploads
// (DOMaxUploadBandwidth), that has used up its monthly upload cap for Internet peers
// (DOMonthlyUploadDataCap) and that sits on a "VPN" (DOAllowVPNPeerCaching with DOVpnKeywords
// matching the loopback interface). Each case is judged by what the leechers' `doctl download
// --json` says about where their bytes came from, and by the seed's own `doctl peers --json`.
//
// Addresses 127.0.0.40-47 are this test's alone, so it can run beside the other integration
// tests.

#include "persistence/Database.h"
#include "stats/UploadLedger.h"
#include "support/AgentProcess.h"
#include "support/DiscoveryProcess.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 16 * 1024 * 1024;
// Case 2: larger than the two 8 MiB ranges a downloader asks a (slow) origin for at once.
constexpr qint64 kCappedSize = 20 * 1024 * 1024;
constexpr qint64 kGiB = qint64(1) << 30;
// The default hardware gates assume a desktop, which a CI container may not be; content this
// small is peered only with DOMinFileSizeToCache lowered.
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1"};
// Leechers hold their origin back for longer than any case takes, so whatever a seed is willing
// to serve comes from it; pieces no serving peer has still come from the origin at once.
const QString kHoldOrigin = QStringLiteral("DODelayForegroundDownloadFromHttp=120");

// DOMaxUploadBandwidth is in KB/s (1 KB = 1024 bytes, as PeerHub applies it).
constexpr qint64 kUploadCapKBps = 2000;
constexpr qint64 kUploadCapBytesPerSecond = kUploadCapKBps * 1024;
// The upload limiter's token bucket starts full and holds a quarter second of the rate.
constexpr qint64 kBurstBytes = kUploadCapBytesPerSecond / 4;

// Case 2: the seed and one leecher behind one NAT, the other leecher behind another.
const QStringList kNatMap = {"127.0.0.42-127.0.0.43=203.0.113.42", "127.0.0.44=203.0.113.44"};

struct Download
{
    QJsonObject status;
    qint64 wallMs = 0;
    bool ok = false;
    QString problem;
};

} // namespace

// checkDownload's verdict ends the test function too.
#define CHECK_DOWNLOAD(...)                                                                        \
    do {                                                                                           \
        checkDownload(__VA_ARGS__);                                                                \
        if (QTest::currentTestFailed())                                                            \
            return;                                                                                \
    } while (false)

class UploadGatesLiveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void maxUploadBandwidthPacesTheSeed();
    void monthlyCapStopsInternetUploadsOnly();
    void vpnStopsPeeringUnlessAllowed();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 30000);
    bool configure(const QString& dataDir, const QStringList& settings);
    QJsonObject peers(const QString& dataDir);
    // The seed's connections from `address` as `doctl peers --json` lists them: their classes
    // and the bytes sent over them. That list is a snapshot the agent republishes twice a
    // second, so this waits (at most 5 s) until it shows at least `atLeast` bytes sent.
    qint64 bytesSentTo(const QString& dataDir, const QString& address, qint64 atLeast,
                       QStringList* classes);
    // Publishes www/<name> (seeded random bytes) and returns the metainfo's path.
    QString makeContent(const QString& name, quint32 seed, bool publish, qint64 size = kFileSize);
    std::unique_ptr<AgentProcess> startAgent(const QString& name, const QString& address,
                                             quint16 port, const QStringList& peers, bool discovery,
                                             QString* error);
    Download download(AgentProcess& agent, const QString& torrent, const QString& outName);
    // Where the bytes came from adds up, the file is the origin's, and the one-line summary.
    void checkDownload(const Download& d, const QString& who, const QString& outPath,
                       const QString& original, qint64 size = kFileSize);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<DiscoveryProcess> m_discovery;
};

ProcessResult UploadGatesLiveTest::doctl(const QString& dataDir, const QStringList& args,
                                         int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

bool UploadGatesLiveTest::configure(const QString& dataDir, const QStringList& settings)
{
    for (const QString& setting : settings) {
        const ProcessResult r =
            doctl(dataDir, {"config", "set", setting.section('=', 0, 0), setting.section('=', 1)});
        if (r.exitCode != 0) {
            qWarning().noquote() << "doctl config set" << setting << "failed:" << r.err;
            return false;
        }
    }
    return true;
}

QJsonObject UploadGatesLiveTest::peers(const QString& dataDir)
{
    return QJsonDocument::fromJson(doctl(dataDir, {"peers", "--json"}).out.toUtf8()).object();
}

qint64 UploadGatesLiveTest::bytesSentTo(const QString& dataDir, const QString& address,
                                        qint64 atLeast, QStringList* classes)
{
    qint64 sent = -1;
    for (int attempt = 0; attempt < 50; ++attempt) {
        sent = 0;
        classes->clear();
        for (const QJsonValue& v : peers(dataDir)["Connections"].toArray()) {
            const QJsonObject c = v.toObject();
            if (!c["Endpoint"].toString().startsWith(address + ":"))
                continue;
            *classes << c["Class"].toString();
            sent += c["BytesSent"].toInteger();
        }
        if (!classes->isEmpty() && sent >= atLeast)
            break;
        QTest::qWait(100);
    }
    return sent;
}

QString UploadGatesLiveTest::makeContent(const QString& name, quint32 seed, bool publish,
                                         qint64 size)
{
    const QString file = m_dir.filePath("www/" + name);
    const QString torrent = m_dir.filePath(QString(name).replace('/', '-') + ".torrent");
    if (!writeRandomFile(file, size, seed))
        return {};
    const QString webSeed = m_nginx->url("/" + name).toString();
    const QStringList args =
        publish ? QStringList{"publish", file,          "--webseed",
                              webSeed,   "--discovery", m_discovery->url().toString(),
                              "-o",      torrent}
                : QStringList{"create-metainfo", file, "--webseed", webSeed, "-o", torrent};
    const ProcessResult r = runProgram(executable("doctl"), args);
    if (r.exitCode != 0) {
        qWarning().noquote() << "doctl" << args.first() << "failed:" << r.err;
        return {};
    }
    return torrent;
}

std::unique_ptr<AgentProcess> UploadGatesLiveTest::startAgent(const QString& name,
                                                              const QString& address, quint16 port,
                                                              const QStringList& peers,
                                                              bool discovery, QString* error)
{
    AgentProcessOptions options;
    options.dataDir = m_dir.filePath(name);
    options.address = QHostAddress(address);
    options.port = port;
    options.peers = peers;
    if (discovery)
        options.extraArgs = {"--discovery", m_discovery->url().toString()};
    auto agent = std::make_unique<AgentProcess>(options);
    if (!agent->start(error)) {
        *error = name + ": " + *error;
        return nullptr;
    }
    return agent;
}

Download UploadGatesLiveTest::download(AgentProcess& agent, const QString& torrent,
                                       const QString& outName)
{
    Download d;
    QElapsedTimer clock;
    clock.start();
    const ProcessResult r =
        doctl(agent.dataDir(),
              {"download", torrent, "--out", agent.dataDir() + "/" + outName, "--json"}, 60000);
    d.wallMs = clock.elapsed();
    d.status = QJsonDocument::fromJson(r.out.toUtf8()).object();
    d.ok = r.finished && r.exitCode == 0 && !d.status.isEmpty();
    if (!d.ok)
        d.problem = QStringLiteral("doctl download (exit %1, finished %2): %3 %4\nagent log: %5")
                        .arg(r.exitCode)
                        .arg(r.finished)
                        .arg(r.out, r.err, agent.log().right(3000));
    return d;
}

void UploadGatesLiveTest::checkDownload(const Download& d, const QString& who,
                                        const QString& outPath, const QString& original,
                                        qint64 size)
{
    QVERIFY2(d.ok, qPrintable(who + ": " + d.problem));
    const QJsonObject& s = d.status;
    const qint64 http = s["BytesFromHttp"].toInteger();
    const qint64 peers = s["BytesFromPeers"].toInteger();
    const qint64 lan = s["BytesFromLanPeers"].toInteger();
    const qint64 group = s["BytesFromGroupPeers"].toInteger();
    const qint64 internet = s["BytesFromInternetPeers"].toInteger();
    qInfo("%s: %lld from HTTP, %lld from peers (%lld LAN, %lld group, %lld internet) in %.2f s "
          "(doctl: %lld ms), %lld discarded",
          qPrintable(who), http, peers, lan, group, internet, s["DownloadDuration"].toDouble(),
          d.wallMs, s["BytesDiscarded"].toInteger());
    QCOMPARE(s["FileSize"].toInteger(), size);
    QCOMPARE(http + peers, size);
    QCOMPARE(lan + group + internet, peers);
    QCOMPARE(s["BytesFromCacheServer"].toInteger(), 0);
    QCOMPARE(s["Status"].toString(), QString("Caching"));
    QVERIFY2(sameContent(outPath, original),
             qPrintable(who + ": the file differs from the origin"));
}

void UploadGatesLiveTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL(
            "nginx is not installed (installer/setup.sh installs nginx-light)");
    QVERIFY(m_dir.isValid());
    m_dir.setAutoRemove(!qEnvironmentVariableIsSet("OPENDO_TEST_KEEP"));
    QVERIFY(QDir().mkpath(m_dir.filePath("www/slow")));
    m_nginx = std::make_unique<NginxServer>(
        NginxOptions{m_dir.filePath("www"), QHostAddress(QHostAddress::LocalHost), true,
                     "limit_rate 16m; location /slow/ { limit_rate 2m; }"});
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
    DiscoveryProcessOptions options;
    options.intervalSeconds = 1;
    options.natMap = kNatMap;
    m_discovery = std::make_unique<DiscoveryProcess>(options);
    QVERIFY2(m_discovery->start(&error), qPrintable(error));
}

void UploadGatesLiveTest::maxUploadBandwidthPacesTheSeed()
{
    // A seed limited to 2000 KB/s and a leecher that knows only it (static peers, no discovery)
    // and holds its origin back: the leecher's bytes come from the seed, no faster than the cap
    // allows.
    const QString torrent = makeContent("paced.bin", 40, false);
    QVERIFY(!torrent.isEmpty());
    const QString seedAddress = "127.0.0.40";
    const QString leecherAddress = "127.0.0.41";
    const quint16 seedPort = freePort(QHostAddress(seedAddress));
    const quint16 leecherPort = freePort(QHostAddress(leecherAddress));
    const QString seedPeer = QString("%1:%2").arg(seedAddress).arg(seedPort);
    const QString leecherPeer = QString("%1:%2").arg(leecherAddress).arg(leecherPort);
    QVERIFY(configure(m_dir.filePath("paced-seed"),
                      kLabSettings +
                          QStringList{QString("DOMaxUploadBandwidth=%1").arg(kUploadCapKBps)}));
    QVERIFY(configure(m_dir.filePath("paced-leecher"), kLabSettings + QStringList{kHoldOrigin}));
    QString error;
    auto seed = startAgent("paced-seed", seedAddress, seedPort, {leecherPeer}, false, &error);
    QVERIFY2(seed, qPrintable(error));

    // The seed gets the file from the origin (its own downloads are not limited).
    const Download first = download(*seed, torrent, "paced.bin");
    CHECK_DOWNLOAD(first, "paced seed", seed->dataDir() + "/paced.bin",
                   m_dir.filePath("www/paced.bin"));
    QCOMPARE(first.status["BytesFromHttp"].toInteger(), kFileSize);

    auto leecher =
        startAgent("paced-leecher", leecherAddress, leecherPort, {seedPeer}, false, &error);
    QVERIFY2(leecher, qPrintable(error));
    const Download paced = download(*leecher, torrent, "paced.bin");
    CHECK_DOWNLOAD(paced, "paced leecher", leecher->dataDir() + "/paced.bin",
                   m_dir.filePath("www/paced.bin"));
    const qint64 fromPeers = paced.status["BytesFromPeers"].toInteger();
    QVERIFY(fromPeers > 0);
    // The origin is held back for every piece the seed has, and the seed has them all.
    QVERIFY2(fromPeers >= kFileSize * 9 / 10, qPrintable(QString("%1 from peers").arg(fromPeers)));
    QCOMPARE(paced.status["BytesFromLanPeers"].toInteger(), fromPeers);

    // Whatever the seed sent during the download fits its token bucket: a full burst at the
    // start plus the rate over the time the download took. DownloadDuration is the leecher's
    // own measure of that time; the doctl wall clock around it is longer still.
    const double seconds = paced.status["DownloadDuration"].toDouble();
    const double minimumSeconds =
        double(fromPeers - kBurstBytes) / double(kUploadCapBytesPerSecond);
    const double achieved = double(fromPeers) / seconds;
    qInfo("paced: %lld bytes from the seed in %.2f s = %.0f B/s (%.1f %% of the %lld B/s cap); "
          "the cap allows it no sooner than %.2f s",
          fromPeers, seconds, achieved, 100.0 * achieved / double(kUploadCapBytesPerSecond),
          kUploadCapBytesPerSecond, minimumSeconds);
    QVERIFY2(seconds >= minimumSeconds,
             qPrintable(QString("%1 bytes from the seed in %2 s, faster than %3 KB/s allows")
                            .arg(fromPeers)
                            .arg(seconds)
                            .arg(kUploadCapKBps)));
    QVERIFY(paced.wallMs >= qint64(minimumSeconds * 1000));
    // And the limit paces rather than starves: the seed keeps close to its cap.
    QVERIFY2(achieved >= 0.5 * double(kUploadCapBytesPerSecond),
             qPrintable(QString("only %1 B/s from the seed").arg(achieved)));

    // The seed's connection to the leecher shows the bytes it sent.
    QStringList classes;
    const qint64 sent = bytesSentTo(seed->dataDir(), leecherAddress, fromPeers, &classes);
    qInfo("paced seed: %lld bytes sent to the leecher over its connections (%s)", sent,
          qPrintable(classes.join(',')));
    QVERIFY2(sent >= fromPeers, qPrintable(QString("seed sent %1").arg(sent)));
    QCOMPARE(classes, QStringList{"lan"});
    QCOMPARE(leecher->stop(), 0);
    QCOMPARE(seed->stop(), 0);
}

void UploadGatesLiveTest::monthlyCapStopsInternetUploadsOnly()
{
    // The seed (mode 3, NAT 203.0.113.42) has already uploaded 2 GiB to Internet peers this
    // month; its cap is 1 GB. The ledger row is written into the stopped agent's database with
    // the agent's own UploadLedger (as a busy month of seeding would have left it), before the
    // agent first starts.
    //
    // The content comes from a slow origin location (2 MB/s per range) and is larger than the
    // two 8 MiB ranges a downloader asks the origin for before any peer is known, so peers
    // decide where the rest comes from.
    const QString torrent = makeContent("slow/capped.bin", 42, true, kCappedSize);
    QVERIFY(!torrent.isEmpty());
    const QString original = m_dir.filePath("www/slow/capped.bin");
    const QString seedDir = m_dir.filePath("capped-seed");
    {
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(seedDir, &error), qPrintable(error));
        stats::UploadLedger ledger(db.handle());
        QVERIFY2(
            ledger.add(transfer::SourceClass::InternetPeer, 2 * kGiB, QDate::currentDate(), &error),
            qPrintable(error));
    }
    QVERIFY(configure(seedDir,
                      kLabSettings + QStringList{"DODownloadMode=3", "DOMonthlyUploadDataCap=1"}));
    QVERIFY(configure(m_dir.filePath("capped-internet"),
                      kLabSettings + QStringList{"DODownloadMode=3", kHoldOrigin}));
    QVERIFY(configure(m_dir.filePath("capped-lan"),
                      kLabSettings + QStringList{"DODownloadMode=1", kHoldOrigin}));
    const quint16 seedPort = freePort(QHostAddress("127.0.0.42"));
    QString error;
    auto seed = startAgent("capped-seed", "127.0.0.42", seedPort, {}, true, &error);
    QVERIFY2(seed, qPrintable(error));
    const Download first = download(*seed, torrent, "capped.bin");
    CHECK_DOWNLOAD(first, "capped seed", seed->dataDir() + "/capped.bin", original, kCappedSize);
    QCOMPARE(first.status["BytesFromHttp"].toInteger(), kCappedSize);

    // The seed says why it uploads no more (to Internet peers; it still peers).
    QJsonObject seedPeers;
    for (int attempt = 0; attempt < 50; ++attempt) {
        seedPeers = peers(seed->dataDir());
        if (seedPeers["BlockedReason"].toString().contains("DOMonthlyUploadDataCap"))
            break;
        QTest::qWait(100);
    }
    qInfo().noquote() << "capped seed: UploadAllowed" << seedPeers["UploadAllowed"].toBool()
                      << "BlockedReason:" << seedPeers["BlockedReason"].toString();
    QVERIFY2(seedPeers["BlockedReason"].toString().contains("DOMonthlyUploadDataCap"),
             qPrintable(QJsonDocument(seedPeers).toJson()));
    QCOMPARE(seedPeers["PeeringAllowed"].toBool(), true);
    QCOMPARE(seedPeers["DownloadMode"].toInt(), 3);

    // An Internet peer (mode 3, behind another NAT) is offered the seed and connects, but gets
    // nothing from it: everything comes from the origin.
    auto internet = startAgent("capped-internet", "127.0.0.44", 0, {}, true, &error);
    QVERIFY2(internet, qPrintable(error));
    const Download fromInternet = download(*internet, torrent, "capped.bin");
    CHECK_DOWNLOAD(fromInternet, "internet leecher", internet->dataDir() + "/capped.bin", original,
                   kCappedSize);
    QCOMPARE(fromInternet.status["BytesFromPeers"].toInteger(), 0);
    QCOMPARE(fromInternet.status["BytesFromHttp"].toInteger(), kCappedSize);
    bool offeredSeed = false;
    for (const QJsonValue& v : peers(internet->dataDir())["Offered"].toArray()) {
        const QJsonObject o = v.toObject();
        offeredSeed = offeredSeed || (o["Endpoint"].toString() == seed->endpoint() &&
                                      o["Class"].toString() == "internet");
    }
    QVERIFY2(offeredSeed, qPrintable(QJsonDocument(peers(internet->dataDir())).toJson()));
    // The seed took the connection, classed it as Internet and sent nothing over it.
    QStringList classes;
    const qint64 sentToInternet = bytesSentTo(seed->dataDir(), "127.0.0.44", 0, &classes);
    qInfo("capped seed: %lld bytes sent to the Internet leecher over its connections (%s)",
          sentToInternet, qPrintable(classes.join(',')));
    QVERIFY2(!classes.isEmpty(), qPrintable(QJsonDocument(peers(seed->dataDir())).toJson()));
    QCOMPARE(QSet<QString>(classes.cbegin(), classes.cend()), QSet<QString>{"internet"});
    QCOMPARE(sentToInternet, 0);

    // A LAN peer (mode 1, behind the seed's NAT) still gets the seed's bytes. The seed comes
    // back only after the LAN leecher has registered with discovery, so that the seed's first
    // announce already lists it. A seed classes an incoming connection by the last peer list
    // discovery gave it and falls back to "internet" in mode 3 for a peer not on that list yet;
    // it then asks the service at once and re-classes the connection (test_discovery_reclassify),
    // but what it sent before the answer still counts as Internet uploads. This case is about
    // the cap, so it keeps that order out of the picture.
    QCOMPARE(seed->stop(), 0);
    auto lan = startAgent("capped-lan", "127.0.0.43", 0, {}, true, &error);
    QVERIFY2(lan, qPrintable(error));
    QProcess lanDownload;
    lanDownload.start(executable("doctl"), {"--data-dir", lan->dataDir(), "download", torrent,
                                            "--out", lan->dataDir() + "/capped.bin", "--json"});
    QVERIFY(lanDownload.waitForStarted(5000));
    QElapsedTimer lanClock;
    lanClock.start();
    bool announced = false;
    for (int attempt = 0; attempt < 100 && !announced; ++attempt) {
        announced = peers(lan->dataDir())["Discovery"].toObject()["AnnouncedContents"].toInt() > 0;
        if (!announced)
            QTest::qWait(50);
    }
    QVERIFY2(announced, qPrintable(QJsonDocument(peers(lan->dataDir())).toJson()));
    seed = startAgent("capped-seed", "127.0.0.42", seedPort, {}, true, &error);
    QVERIFY2(seed, qPrintable(error));
    Download fromLan;
    if (lanDownload.state() != QProcess::NotRunning && !lanDownload.waitForFinished(60000))
        QFAIL(qPrintable("the LAN leecher did not finish: " + lan->log().right(3000)));
    fromLan.wallMs = lanClock.elapsed();
    fromLan.status = QJsonDocument::fromJson(lanDownload.readAllStandardOutput()).object();
    fromLan.ok = lanDownload.exitCode() == 0 && !fromLan.status.isEmpty();
    fromLan.problem =
        QString::fromUtf8(lanDownload.readAllStandardError()) + lan->log().right(3000);
    CHECK_DOWNLOAD(fromLan, "LAN leecher", lan->dataDir() + "/capped.bin", original, kCappedSize);
    QVERIFY2(fromLan.status["BytesFromLanPeers"].toInteger() > 0,
             qPrintable(QJsonDocument(peers(seed->dataDir())).toJson() + seed->log().right(3000)));
    QCOMPARE(fromLan.status["BytesFromInternetPeers"].toInteger(), 0);
    const qint64 fromLanPeers = fromLan.status["BytesFromLanPeers"].toInteger();
    const qint64 sentToLan = bytesSentTo(seed->dataDir(), "127.0.0.43", fromLanPeers, &classes);
    qInfo("capped seed: %lld bytes sent to the LAN leecher over its connections (%s)", sentToLan,
          qPrintable(classes.join(',')));
    QCOMPARE(classes, QStringList{"lan"});
    QVERIFY2(sentToLan >= fromLanPeers, qPrintable(QString("seed sent %1").arg(sentToLan)));
    // Still blocked for Internet peers.
    QVERIFY(peers(seed->dataDir())["BlockedReason"].toString().contains("DOMonthlyUploadDataCap"));

    for (auto* agent : {lan.get(), internet.get(), seed.get()})
        QCOMPARE(agent->stop(), 0);
    // The seed's month: its LAN uploads counted, not one byte more to Internet peers — neither
    // in the transfer history (UploadInternetBytes) nor in the ledger the cap counts
    // (UploadLimitUsedBytes, still the 2 GiB written above).
    const QJsonObject month =
        QJsonDocument::fromJson(doctl(seedDir, {"perfsnap", "--month", "--json"}).out.toUtf8())
            .object();
    qInfo("capped seed month: %lld LAN, %lld internet bytes uploaded; %lld counted against the cap",
          month["UploadLanBytes"].toInteger(), month["UploadInternetBytes"].toInteger(),
          month["UploadLimitUsedBytes"].toInteger());
    QCOMPARE(month["UploadInternetBytes"].toInteger(), 0);
    QCOMPARE(month["UploadLimitUsedBytes"].toInteger(), 2 * kGiB);
    QCOMPARE(month["UploadLimitReached"].toBool(), true);
    QVERIFY(month["UploadLanBytes"].toInteger() >= fromLan.status["BytesFromLanPeers"].toInteger());
}

void UploadGatesLiveTest::vpnStopsPeeringUnlessAllowed()
{
    // The seed counts the loopback interface as a VPN (DOVpnKeywords "lo"). With
    // DOAllowVPNPeerCaching 0 it does not peer at all; restarted with 1, it serves the next
    // leecher. Static peers, no discovery; each leecher knows only the seed.
    const QString torrent = makeContent("vpn.bin", 45, false);
    QVERIFY(!torrent.isEmpty());
    const QString seedAddress = "127.0.0.45";
    const quint16 seedPort = freePort(QHostAddress(seedAddress));
    const QString seedPeer = QString("%1:%2").arg(seedAddress).arg(seedPort);
    const quint16 blockedPort = freePort(QHostAddress("127.0.0.46"));
    const quint16 allowedPort = freePort(QHostAddress("127.0.0.47"));
    const QStringList leechers = {QString("127.0.0.46:%1").arg(blockedPort),
                                  QString("127.0.0.47:%1").arg(allowedPort)};
    const QString seedDir = m_dir.filePath("vpn-seed");
    QVERIFY(configure(seedDir,
                      kLabSettings + QStringList{"DOVpnKeywords=lo", "DOAllowVPNPeerCaching=0"}));
    QVERIFY(configure(m_dir.filePath("vpn-blocked"), kLabSettings + QStringList{kHoldOrigin}));
    QVERIFY(configure(m_dir.filePath("vpn-allowed"), kLabSettings + QStringList{kHoldOrigin}));
    QString error;
    auto seed = startAgent("vpn-seed", seedAddress, seedPort, leechers, false, &error);
    QVERIFY2(seed, qPrintable(error));
    const Download first = download(*seed, torrent, "vpn.bin");
    CHECK_DOWNLOAD(first, "VPN seed", seedDir + "/vpn.bin", m_dir.filePath("www/vpn.bin"));
    QCOMPARE(first.status["BytesFromHttp"].toInteger(), kFileSize);
    const QJsonObject blockedSeed = peers(seedDir);
    qInfo().noquote() << "VPN seed (not allowed): PeeringAllowed"
                      << blockedSeed["PeeringAllowed"].toBool()
                      << "BlockedReason:" << blockedSeed["BlockedReason"].toString();
    QCOMPARE(blockedSeed["PeeringAllowed"].toBool(), false);
    QCOMPARE(blockedSeed["UploadAllowed"].toBool(), false);
    QVERIFY2(blockedSeed["BlockedReason"].toString().contains("DOAllowVPNPeerCaching") &&
                 blockedSeed["BlockedReason"].toString().contains("lo"),
             qPrintable(blockedSeed["BlockedReason"].toString()));

    auto blocked = startAgent("vpn-blocked", "127.0.0.46", blockedPort, {seedPeer}, false, &error);
    QVERIFY2(blocked, qPrintable(error));
    const Download refused = download(*blocked, torrent, "vpn.bin");
    CHECK_DOWNLOAD(refused, "leecher of the VPN seed", blocked->dataDir() + "/vpn.bin",
                   m_dir.filePath("www/vpn.bin"));
    QCOMPARE(refused.status["BytesFromPeers"].toInteger(), 0);
    QCOMPARE(refused.status["BytesFromHttp"].toInteger(), kFileSize);
    QCOMPARE(blocked->stop(), 0);

    // The same seed, restarted with peering on VPN allowed.
    QCOMPARE(seed->stop(), 0);
    QVERIFY(configure(seedDir, {"DOAllowVPNPeerCaching=1"}));
    seed = startAgent("vpn-seed", seedAddress, seedPort, leechers, false, &error);
    QVERIFY2(seed, qPrintable(error));
    const QJsonObject allowedSeed = peers(seedDir);
    QCOMPARE(allowedSeed["PeeringAllowed"].toBool(), true);
    QCOMPARE(allowedSeed["UploadAllowed"].toBool(), true);
    QCOMPARE(allowedSeed["BlockedReason"].toString(), QString());
    auto allowed = startAgent("vpn-allowed", "127.0.0.47", allowedPort, {seedPeer}, false, &error);
    QVERIFY2(allowed, qPrintable(error));
    const Download served = download(*allowed, torrent, "vpn.bin");
    CHECK_DOWNLOAD(served, "leecher of the VPN seed allowed to peer",
                   allowed->dataDir() + "/vpn.bin", m_dir.filePath("www/vpn.bin"));
    QVERIFY(served.status["BytesFromPeers"].toInteger() > 0);
    QVERIFY(served.status["BytesFromPeers"].toInteger() >= kFileSize * 9 / 10);
    QCOMPARE(allowed->stop(), 0);
    QCOMPARE(seed->stop(), 0);
}

QTEST_GUILESS_MAIN(UploadGatesLiveTest)
#include "test_upload_gates_live.moc"
