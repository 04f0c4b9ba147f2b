// The support bundle as a help desk gets it: a .tar.gz that the real tar and gzip accept, with
// every file and what each must say, no secrets in any file (while content ids stay), and a
// clean failure when the bundle cannot be written. Also the archive writer's own pieces.

#include "diagnostics/ArchiveWriter.h"
#include "diagnostics/ReportHtml.h"
#include "diagnostics/SupportBundle.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::diagnostics;

namespace {

const QString kUrlWithSecrets = "http://u:pw@host:7681/?token=abc";
const QString kSwarmKey = "6f1c2a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a29180706f5e4d3c2b1a09f8e";
const QString kContentId = "0123456789abcdef0123456789abcdef01234567"; // 40 hex digits
const QStringList kFiles = {
    "README.txt",  "report.html",   "checks.json",         "policy.json", "agent-settings.json",
    "status.json", "perfsnap.json", "perfsnap-month.json", "peers.json",  "connections.json",
    "errors.json", "log.txt",       "network.txt",         "system.txt"};

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString& program, const QStringList& arguments, const QByteArray& input = {})
{
    QProcess p;
    p.start(program, arguments);
    Run r;
    if (!p.waitForStarted(10'000))
        return r;
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(30'000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

log::LogRecord record(qint64 seq, log::LogLevel level, const QString& category,
                      const QString& message)
{
    log::LogRecord r;
    r.seq = seq;
    r.at = QDateTime(QDate(2026, 11, 27), QTime(12, 0, int(seq)), Qt::UTC);
    r.level = level;
    r.category = category;
    r.message = message;
    return r;
}

SupportBundleInputs sampleInputs()
{
    SupportBundleInputs in;
    DiagnosticInputs& f = in.facts;
    f.cacheDir = "/var/lib/opendo/cache";
    f.databasePath = "/var/lib/opendo/opendo.sqlite";
    f.databaseCheck = "ok";
    f.discoveryUrl = kUrlWithSecrets;
    policy::PolicyState state;
    state.policy["DODownloadMode"] = "2";
    state.policy["DOGroupId"] = "8c4a2f6e-0b1d-4e2a-9f3c-5d6e7f8a9b0c";
    state.local["DOMaxCacheAge"] = "604800";
    f.policies = policy::resolveEffective(state);
    f.agentSettings["DiscoveryUrl"] = kUrlWithSecrets;
    f.agentSettings["SwarmKey"] = kSwarmKey;
    f.agentSettings["ListenPort"] = "7680";
    f.activity.listenEndpoint = "0.0.0.0:7680";
    f.activity.downloadMode = 2;
    f.activity.configuredMode = 2;
    f.activity.discovery.state = discovery::DiscoveryState::Reachable;
    f.activity.discovery.serviceUrl = kUrlWithSecrets;
    f.activity.offered.append({kContentId, "10.0.0.7:7680", transfer::SourceClass::LanPeer});
    {
        stats::ConnectionRecord ended;
        ended.contentId = kContentId;
        ended.endpoint = "10.0.0.9:7680";
        ended.sourceClass = transfer::SourceClass::GroupPeer;
        ended.endedAt = QDateTime::currentDateTimeUtc();
        ended.startedAt = ended.endedAt.addSecs(-3);
        ended.bytesReceived = 65536;
        ended.hashFailures = 1;
        ended.endReason = "banned: sent piece 3 with data that fails verification";
        ended.violation = true;
        f.endedConnections.append(ended);
        transfer::PeerSnapshot open;
        open.contentId = kContentId;
        open.endpoint = "10.0.0.7:7680";
        open.incoming = true;
        open.bytesSent = 4096;
        f.activity.peers.append(open);
    }
    f.errorEvents.append({QDateTime::currentDateTime(), 0x80D0680D, "opendo.swarm",
                          "0123456789ab banned 10.0.0.9:7680: sent piece 3 with data that fails "
                          "verification"});
    f.device.files = 3;
    f.month.down[size_t(transfer::SourceClass::LanPeer)] = 300;
    f.month.down[size_t(transfer::SourceClass::Http)] = 100;
    f.month.up[size_t(transfer::SourceClass::InternetPeer)] = 50;
    f.month.capCountedBytes = 50;
    f.month.foregroundRate = 1024 * 1024; // 8192 kbit/s
    f.device.cacheBytes = 123456789;
    f.device.diskTotalBytes = 500LL * 1024 * 1024 * 1024;
    f.device.diskFreeBytes = 200LL * 1024 * 1024 * 1024;
    transfer::JobStatus job;
    job.jobId = "job-1";
    job.fileId = kContentId;
    job.fileName = "update<1>.cab";
    job.fileSize = 3 * 1024 * 1024;
    job.totalBytesDownloaded = job.fileSize;
    job.bytesFromPeers = job.fileSize / 2;
    job.state = transfer::JobState::Caching;
    job.downloadMode = 2;
    job.sourceUrl = "https://cdn.example.com/update.cab?sig=c2VjcmV0&se=2026";
    f.jobs.append(job);
    f.system.totalRamBytes = 16LL * 1024 * 1024 * 1024;
    f.system.cacheDriveTotalBytes = f.device.diskTotalBytes;
    f.system.batteryPercent = 80;
    f.system.interfaces.append({"eth0", "eth0", true});

    DiagnosticReport& r = in.report;
    r.startedAt = QDateTime(QDate(2026, 11, 27), QTime(12, 30), Qt::UTC);
    r.elapsedMs = 1234;
    r.host = "desk-42";
    r.agentVersion = "0.1.0";
    r.dataDir = "/var/lib/opendo";
    CheckResult pass;
    pass.id = "device.download_mode";
    pass.group = CheckGroup::Device;
    pass.title = "Download mode";
    pass.verdict = Verdict::Pass;
    pass.summary = "DODownloadMode 2 lets the device use peers of its group.";
    pass.evidence = {"DODownloadMode = 2 (set by policy)"};
    CheckResult fail;
    fail.id = "connection.peer_port";
    fail.group = CheckGroup::Connection;
    fail.title = "Peer port";
    fail.verdict = Verdict::Fail;
    fail.summary = "Nothing answers on port 7680 <from the LAN>.";
    fail.evidence = {"connect 10.0.0.5:7680: refused"};
    fail.remedy = "Allow TCP 7680 in the firewall: ufw allow 7680/tcp";
    CheckResult warn;
    warn.id = "content.min_file_size";
    warn.group = CheckGroup::Content;
    warn.title = "Minimum file size";
    warn.verdict = Verdict::Warn;
    warn.summary = "Small files are not cached.";
    warn.evidence = {"swarm key " + kSwarmKey};
    r.results = {pass, fail, warn};
    DownloadTrace trace;
    trace.jobId = "job-1";
    trace.fileName = "update<1>.cab";
    trace.percentFromPeers = 50;
    trace.steps = {{"Download mode allows peers", true, "DODownloadMode = 2"},
                   {"Peer port reachable", false, "refused"}};
    trace.conclusion = "Peers cannot connect to this device.";
    r.traces = {trace};

    in.log = {record(1, log::LogLevel::Info, "opendo.agent", "agent started"),
              record(2, log::LogLevel::Warning, "opendo.swarm",
                     "joined swarm " + kContentId + " with swarm key " + kSwarmKey),
              record(3, log::LogLevel::Critical, "opendo.discovery",
                     "announce to " + kUrlWithSecrets + " failed\nsecond line")};
    return in;
}

QString readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

QJsonDocument readJson(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << path << error.errorString();
    return doc;
}

} // namespace

class SupportBundleTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void crcOfTheCheckValue();
    void gzipRoundTripsThroughRealGzip();
    void gzipOfNothing();
    void tarRefusesBadNames();
    void bundleExtractsWithRealTar();
    void bundleFilesInOrder();
    void noSecretsInTheBundle();
    void redaction_data();
    void redaction();
    void htmlIsSelfContainedAndEscaped();
    void unwritablePathFailsCleanly();
    void overwritesAnExistingBundle();
};

void SupportBundleTest::crcOfTheCheckValue()
{
    QCOMPARE(crc32("123456789"), 0xCBF43926u);
    QCOMPARE(crc32(QByteArray()), 0u);
}

void SupportBundleTest::gzipRoundTripsThroughRealGzip()
{
    QByteArray data;
    for (int i = 0; i < 200'000; ++i)
        data.append(char(i % 7 == 0 ? QRandomGenerator::global()->bounded(256) : 'a' + i % 26));
    const QByteArray gz = gzipCompress(data);
    QVERIFY(gz.size() < data.size());
    const Run r = run("gzip", {"-dc"}, gz);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(r.out, data);
}

void SupportBundleTest::gzipOfNothing()
{
    const Run r = run("gzip", {"-dc"}, gzipCompress(QByteArray()));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.isEmpty());
}

void SupportBundleTest::tarRefusesBadNames()
{
    TarGzWriter writer;
    QVERIFY(!writer.addFile(QString(101, 'a'), "x"));
    QVERIFY(!writer.addFile("a/../b", "x"));
    QVERIFY(!writer.addFile("", "x"));
    QVERIFY(writer.addFile(QString(100, 'a'), "x"));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath("t.tar.gz"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(writer.finish());
    file.close();
    const Run r = run("/bin/tar", {"tzf", file.fileName()});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out), QString(100, 'a') + "\n");
}

void SupportBundleTest::bundleExtractsWithRealTar()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("out/nested/bundle.tar.gz"); // parents do not exist
    QCOMPARE(writeSupportBundle(path, sampleInputs()), QString());
    QVERIFY(QFileInfo(path).isFile());
    QCOMPARE(QDir(dir.filePath("out/nested")).entryList(QDir::Files | QDir::Hidden),
             QStringList{"bundle.tar.gz"}); // no temporary file left behind

    const Run test = run("gzip", {"-t", path});
    QVERIFY2(test.exitCode == 0, test.err.constData());
    const Run list = run("/bin/tar", {"tvzf", path});
    QVERIFY2(list.exitCode == 0, list.err.constData());
    QVERIFY2(list.out.contains("-rw-r--r--"), list.out.constData());
    QVERIFY2(list.out.contains("2026-11-27"), list.out.constData());

    QTemporaryDir into;
    QVERIFY(into.isValid());
    const Run x = run("/bin/tar", {"xzf", path, "-C", into.path()});
    QVERIFY2(x.exitCode == 0, x.err.constData());
    QVERIFY2(x.err.isEmpty(), x.err.constData());
    const QDir root(into.filePath("opendo-support"));
    QStringList expected = kFiles;
    expected.sort();
    QCOMPARE(root.entryList(QDir::Files, QDir::Name), expected);

    QVERIFY(readText(root.filePath("README.txt")).contains("perfsnap.json"));
    const QString html = readText(root.filePath("report.html"));
    QVERIFY(html.contains("<title>OpenDO troubleshooting report</title>"));
    QVERIFY(html.contains("desk-42"));
    QVERIFY(html.contains("Allow TCP 7680 in the firewall"));
    QVERIFY(html.contains("DOGroupId"));

    const QJsonObject checks = readJson(root.filePath("checks.json")).object();
    QCOMPARE(checks["Host"].toString(), "desk-42");
    QCOMPARE(checks["Results"].toArray().size(), 3);
    QCOMPARE(checks["Fail"].toInt(), 1);
    QCOMPARE(checks["Traces"].toArray().size(), 1);

    const QJsonArray policy = readJson(root.filePath("policy.json")).array();
    QVERIFY(!policy.isEmpty());
    bool sawMode = false, sawAge = false, sawDefault = false;
    for (const QJsonValue& v : policy) {
        const QJsonObject o = v.toObject();
        if (o["Key"] == "DODownloadMode") {
            sawMode = true;
            QCOMPARE(o["Value"].toString(), "2");
            QCOMPARE(o["Source"].toString(), "policy");
            QCOMPARE(o["PolicyValue"].toString(), "2");
            QVERIFY(o["LocalValue"].isNull());
        } else if (o["Key"] == "DOMaxCacheAge") {
            sawAge = true;
            QCOMPARE(o["Source"].toString(), "local");
            QCOMPARE(o["LocalValue"].toString(), "604800");
        } else if (o["Source"] == "default") {
            sawDefault = true;
        }
    }
    QVERIFY(sawMode && sawAge && sawDefault);

    const QJsonObject settings = readJson(root.filePath("agent-settings.json")).object();
    QCOMPARE(settings["ListenPort"].toString(), "7680");
    QCOMPARE(settings["SwarmKey"].toString(), "***");
    QCOMPARE(settings["DiscoveryUrl"].toString(), "http://***@host:7681/?token=***");

    const QJsonArray status = readJson(root.filePath("status.json")).array();
    QCOMPARE(status.size(), 1);
    QCOMPARE(status[0].toObject()["FileId"].toString(), kContentId);
    QCOMPARE(status[0].toObject()["FileName"].toString(), "update<1>.cab");

    const QJsonObject perf = readJson(root.filePath("perfsnap.json")).object();
    QCOMPARE(perf["Files"].toInt(), 3);
    QCOMPARE(perf["FilesDownloaded"].toInt(), 1);
    QCOMPARE(perf["CacheSizeBytes"].toInteger(), 123456789);
    QVERIFY(perf.contains("BackgroundDownloadsPending"));

    const QJsonObject month = readJson(root.filePath("perfsnap-month.json")).object();
    QCOMPARE(month["DownloadLanBytes"].toInteger(), 300);
    QCOMPARE(month["DownloadHttpBytes"].toInteger(), 100);
    QCOMPARE(month["UploadInternetBytes"].toInteger(), 50);
    QCOMPARE(month["UploadLimitUsedBytes"].toInteger(), 50);
    QCOMPARE(month["DownloadFgRateKbps"].toInteger(), 8192);
    QCOMPARE(month["DownloadBgRateKbps"].toInteger(), 0);
    QCOMPARE(month["UploadLimitBytes"].toInteger(), 20LL * 1024 * 1024 * 1024);

    const QJsonObject peers = readJson(root.filePath("peers.json")).object();
    QCOMPARE(peers["ListenEndpoint"].toString(), "0.0.0.0:7680");
    QCOMPARE(peers["Offered"].toArray().size(), 1);
    QCOMPARE(peers["Discovery"].toObject()["State"].toString(), "reachable");

    // The ended connection from the journal, then the open one from the live snapshot.
    const QJsonArray connections = readJson(root.filePath("connections.json")).array();
    QCOMPARE(connections.size(), 2);
    QCOMPARE(connections[0]["Endpoint"].toString(), "10.0.0.9:7680");
    QCOMPARE(connections[0]["DestinationIp"].toString(), "10.0.0.9");
    QCOMPARE(connections[0]["PeerType"].toString(), "group");
    QCOMPARE(connections[0]["Status"].toString(), "ProtocolViolation");
    QCOMPARE(connections[0]["BytesReceived"].toInteger(), 65536);
    QCOMPARE(connections[0]["HashFailures"].toInt(), 1);
    QVERIFY(connections[0]["Reason"].toString().contains("fails verification"));
    QCOMPARE(connections[1]["Status"].toString(), "Open");
    QCOMPARE(connections[1]["Direction"].toString(), "Incoming");
    QCOMPARE(connections[1]["BytesSent"].toInteger(), 4096);
    QVERIFY(connections[1]["Ended"].isNull());

    const QJsonArray errors = readJson(root.filePath("errors.json")).array();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors[0]["Code"].toString(), "0x80D0680D");
    QCOMPARE(errors[0]["Component"].toString(), "opendo.swarm");
    QVERIFY(errors[0]["Message"].toString().contains("10.0.0.9:7680"));
    QVERIFY(errors[0]["Meaning"].toString().contains("banned"));

    const QString log = readText(root.filePath("log.txt"));
    QVERIFY2(log.contains("2026-11-27T12:00:01.000Z info     opendo.agent: agent started\n"),
             qPrintable(log));
    QVERIFY2(log.contains(" warning  opendo.swarm: joined swarm " + kContentId), qPrintable(log));
    QVERIFY2(log.contains("failed\n    second line\n"), qPrintable(log));

    const QString network = readText(root.filePath("network.txt"));
    QVERIFY2(network.contains("lo: "), qPrintable(network));
    QVERIFY2(network.contains("IPv4 routes"), qPrintable(network));

    const QString system = readText(root.filePath("system.txt"));
    QVERIFY2(system.contains("16.0 GB"), qPrintable(system));
    QVERIFY2(system.contains("80 %, on AC power"), qPrintable(system));
    QVERIFY2(system.contains("    eth0 up\n"), qPrintable(system));
    QVERIFY2(system.contains("Operating system"), qPrintable(system));
}

void SupportBundleTest::bundleFilesInOrder()
{
    const auto files = supportBundleFiles(sampleInputs());
    QStringList names;
    for (const auto& [name, content] : files) {
        names.append(name);
        QVERIFY2(!content.isEmpty(), qPrintable(name));
    }
    QStringList expected;
    for (const QString& file : kFiles)
        expected.append("opendo-support/" + file);
    QCOMPARE(names, expected);
}

void SupportBundleTest::noSecretsInTheBundle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("bundle.tar.gz");
    QCOMPARE(writeSupportBundle(path, sampleInputs()), QString());
    const Run x = run("/bin/tar", {"xzf", path, "-C", dir.path()});
    QVERIFY2(x.exitCode == 0, x.err.constData());
    int files = 0;
    bool contentIdSeen = false;
    QDirIterator it(dir.filePath("opendo-support"), QDir::Files);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString text = readText(file);
        ++files;
        QVERIFY2(!text.contains("u:pw"), qPrintable(file));
        QVERIFY2(!text.contains("pw@"), qPrintable(file));
        QVERIFY2(!text.contains("token=abc"), qPrintable(file));
        QVERIFY2(!text.contains(kSwarmKey, Qt::CaseInsensitive), qPrintable(file));
        QVERIFY2(!text.contains("c2VjcmV0"), qPrintable(file)); // the sig= of the origin URL
        contentIdSeen = contentIdSeen || text.contains(kContentId);
        if (file.endsWith("log.txt") || file.endsWith("status.json") || file.endsWith("peers.json"))
            QVERIFY2(text.contains(kContentId), qPrintable(file));
    }
    QCOMPARE(files, kFiles.size());
    QVERIFY(contentIdSeen);
}

void SupportBundleTest::redaction_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("userinfo") << "see http://u:pw@host:7681/x"
                              << "see http://***@host:7681/x";
    QTest::newRow("https userinfo") << "https://admin:s3cr%40t@10.0.0.1/"
                                    << "https://***@10.0.0.1/";
    QTest::newRow("query token") << "http://h/?token=abc&x=1"
                                 << "http://h/?token=***&x=1";
    QTest::newRow("query mixed case") << "http://h/a?x=1&Password=hunter2#f"
                                      << "http://h/a?x=1&Password=***#f";
    QTest::newRow("query key secret sig swarmkey")
        << "?key=1&secret=2&sig=3&SwarmKey=4&keep=5"
        << "?key=***&secret=***&sig=***&SwarmKey=***&keep=5";
    QTest::newRow("html escaped ampersand") << "?a=1&amp;token=abc\""
                                            << "?a=1&amp;token=***\"";
    QTest::newRow("swarm key in prose") << "swarm key " + kSwarmKey + " accepted"
                                        << "swarm key *** accepted";
    QTest::newRow("json key") << "\"SwarmKey\": \"" + kSwarmKey + "\""
                              << "\"SwarmKey\": \"***\"";
    QTest::newRow("key 32 hex") << "Key=0123456789ABCDEF0123456789ABCDEF"
                                << "Key=***";
    QTest::newRow("content id stays") << "content " + kContentId + " verified"
                                      << "content " + kContentId + " verified";
    QTest::newRow("info hash v2 stays") << "hash " + kSwarmKey << "hash " + kSwarmKey;
    QTest::newRow("short hex after key stays") << "key 0123abcd"
                                               << "key 0123abcd";
    QTest::newRow("bearer") << "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig_-x=="
                            << "Authorization: Bearer ***";
    QTest::newRow("bearer in prose stays") << "the Bearer of news"
                                           << "the Bearer of news";
    QTest::newRow("plain url stays") << "http://host:7681/announce"
                                     << "http://host:7681/announce";
    QTest::newRow("private key")
        << "a\n-----BEGIN PRIVATE KEY-----\nMIIEv\n-----END PRIVATE KEY-----\nb"
        << "a\n-----BEGIN PRIVATE KEY----- *** -----END PRIVATE KEY-----\nb";
}

void SupportBundleTest::redaction()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(redactSecrets(input), expected);
}

void SupportBundleTest::htmlIsSelfContainedAndEscaped()
{
    const SupportBundleInputs in = sampleInputs();
    const QString html = renderHtmlReport(in.report, in.facts);
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<style>"));
    QVERIFY(!html.contains("<script", Qt::CaseInsensitive));
    QVERIFY(!html.contains("<link", Qt::CaseInsensitive));
    QVERIFY(!html.contains("src=", Qt::CaseInsensitive));
    QVERIFY(!html.contains("url(", Qt::CaseInsensitive));
    // Every group with results gets its table, with badges for the verdicts.
    QVERIFY(html.contains("<h2>Device</h2>"));
    QVERIFY(html.contains("<h2>Connection</h2>"));
    QVERIFY(html.contains("<h2>Content</h2>"));
    QVERIFY(!html.contains("<h2>Hardware</h2>"));
    QVERIFY(html.contains("<span class=\"badge fail\">Fail</span>"));
    QVERIFY(html.contains("<span class=\"badge pass\">Pass</span>"));
    QVERIFY(html.contains("<span class=\"badge warn\">Warning</span>"));
    QVERIFY(html.contains("1 passed"));
    QVERIFY(html.contains("1 warnings"));
    QVERIFY(html.contains("1 failed"));
    // Escaped, never raw.
    QVERIFY(html.contains("update&lt;1&gt;.cab"));
    QVERIFY(!html.contains("update<1>.cab"));
    QVERIFY(html.contains("&lt;from the LAN&gt;"));
    // The trace: ✓ and ✗ per gate.
    QVERIFY(html.contains("&#10003;</span> Download mode allows peers"));
    QVERIFY(html.contains("&#10007;</span> Peer port reachable"));
    QVERIFY(html.contains("Peers cannot connect to this device."));
    // Downloads and the key settings with their source.
    QVERIFY(html.contains("3.0 MB") || html.contains("3.1 MB"));
    QVERIFY(html.contains("50.0 %"));
    QVERIFY(html.contains("<td>DODownloadMode</td><td>2</td>"));
    QVERIFY(html.contains("DODelayBackgroundDownloadFromHttp"));
    QVERIFY(html.contains("DOMonthlyUploadDataCap"));
    QVERIFY(html.contains(policy::sourceName(policy::PolicySource::Policy).toHtmlEscaped()));
    QVERIFY(!html.contains(kSwarmKey));
}

void SupportBundleTest::unwritablePathFailsCleanly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.write("a regular file");
    blocker.close();

    for (const QString& path :
         {dir.filePath("blocker/sub/bundle.tar.gz"), dir.filePath("blocker/bundle.tar.gz")}) {
        const QString error = writeSupportBundle(path, sampleInputs());
        QVERIFY2(error.startsWith("cannot write " + path + ": "), qPrintable(error));
        QVERIFY2(error.size() > QString("cannot write " + path + ": ").size(), qPrintable(error));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
             QStringList{"blocker"});
    QVERIFY(QFileInfo(blocker.fileName()).isFile());
    QCOMPARE(readText(blocker.fileName()), "a regular file");

    const QString error = writeSupportBundle(dir.path(), sampleInputs()); // a directory
    QVERIFY2(error.startsWith("cannot write "), qPrintable(error));
}

void SupportBundleTest::overwritesAnExistingBundle()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath("bundle.tar.gz");
    QFile old(path);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QCOMPARE(writeSupportBundle(path, sampleInputs()), QString());
    const Run test = run("gzip", {"-t", path});
    QVERIFY2(test.exitCode == 0, test.err.constData());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"bundle.tar.gz"});
}

QTEST_GUILESS_MAIN(SupportBundleTest)
#include "test_support_bundle.moc"
