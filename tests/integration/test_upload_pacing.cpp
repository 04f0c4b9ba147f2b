// Peer uploads yield to the user's other traffic (LEDBAT in DO; here the agent's delay-based
// upload window, UploadPacing). In network namespaces this test creates (unshare -rn, then two
// more inside), a seeding agent reaches the downloading one through a router whose link toward
// it is shaped by tc tbf to 5 MB/s with a deep queue — a slow office link. A plain TCP sender
// (Reno: loss-based, like the CUBIC of most hosts) fills that queue, and a new connection then
// waits most of a second; the seeding agent keeps the queue near LEDBAT's target, so a new
// connection gets through in a fraction of that, and the upload still uses the link.
//
// The test binary runs itself again inside the namespace (OPENDO_IN_TEST_NETNS names the folder
// the outer run prepared: the seed's data directory, the content, its metainfo).
//
//   this namespace (seed A, 10.9.1.1) -- router (tbf toward B) -- B's namespace (10.9.2.2)

#include "support/AgentProcess.h"
#include "support/DoctlConfig.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <csignal>

using namespace opendo::test;

namespace {

constexpr qint64 kFileSize = 24 * 1024 * 1024;
constexpr double kLinkBytesPerSecond = 5e6; // tbf rate 40mbit
const char* const kInNamespace = "OPENDO_IN_TEST_NETNS";
const QStringList kLabSettings = {"DOMinRAMAllowedToPeer=1", "DOMinDiskSizeAllowedToPeer=1",
                                  "DOMinFileSizeToCache=1", "DODownloadMode=3"};

// Makes the router and B's namespace (two `unshare -n sleep` processes, inside this user
// namespace), links them with veth pairs and shapes the router's link toward B. Prints the two
// processes' ids. Reno because the hosts here default to BBR, which keeps queues short by
// itself; the traffic LEDBAT must yield to is the loss-based kind that fills them.
const char* const kTopology = R"sh(set -e
ip link set lo up
echo reno > /proc/sys/net/ipv4/tcp_congestion_control
unshare -n sleep 300 </dev/null >/dev/null 2>&1 & R=$!
unshare -n sleep 300 </dev/null >/dev/null 2>&1 & B=$!
me=$(readlink /proc/self/ns/net)
for i in $(seq 100); do
  [ "$(readlink /proc/$R/ns/net)" != "$me" ] && [ "$(readlink /proc/$B/ns/net)" != "$me" ] && break
  sleep 0.02
done
ip link add v0a type veth peer name v0r
ip link set v0r netns $R
ip link add vrb type veth peer name vb
ip link set vrb netns $R
ip link set vb netns $B
ip addr add 10.9.1.1/24 dev v0a
ip link set v0a up
ip route add 10.9.2.0/24 via 10.9.1.2
nsenter -t $R -n sh -ec 'ip link set lo up; ip addr add 10.9.1.2/24 dev v0r; ip link set v0r up
  ip addr add 10.9.2.1/24 dev vrb;
ip link set vrb up; echo 1 > /proc/sys/net/ipv4/ip_forward
  tc qdisc add dev vrb root tbf rate 40mbit burst 32kb latency 700ms'
nsenter -t $B -n sh -ec 'ip link set lo up; ip addr add 10.9.2.2/24 dev vb; ip link set vb up
  ip route add default via 10.9.2.1'
echo $R $B
)sh";

ProcessResult sh(const QString& command)
{
    return runProgram("sh", {"-c", "PATH=$PATH:/usr/sbin:/sbin " + command}, 10000);
}

// Milliseconds until a connection attempt to B's namespace is answered: the SYN waits in the
// router's queue toward B, the refusal comes back on the unshaped way.
double answerMs()
{
    QElapsedTimer clock;
    clock.start();
    QTcpSocket probe;
    probe.connectToHost(QHostAddress("10.9.2.2"), 9); // nothing listens: a quick refusal
    probe.waitForConnected(5000);
    return probe.state() == QAbstractSocket::UnconnectedState ? double(clock.nsecsElapsed()) / 1e6
                                                              : 5000;
}

// QProcess::waitForFinished is false for a process that has already finished.
bool finishes(QProcess& process, int timeoutMs)
{
    return process.state() == QProcess::NotRunning || process.waitForFinished(timeoutMs);
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

// Probes every 100 ms while `busy` holds (at most `maxMs`); skips the first `settleMs`, while
// the sender is still starting.
QList<double> probeWhile(const std::function<bool()>& busy, int settleMs, int maxMs)
{
    QList<double> samples;
    QElapsedTimer clock;
    clock.start();
    while (busy() && clock.elapsed() < maxMs) {
        QTest::qWait(100);
        const double ms = answerMs();
        if (clock.elapsed() > settleMs)
            samples << ms;
    }
    return samples;
}

// A plain bulk TCP transfer (no pacing) through the shaped link: a sink in B's namespace and
// a sender here, in Python.
const char* const kSink = R"(
import socket
s = socket.socket(); s.bind(("10.9.2.2", 9998)); s.listen(1)
c, _ = s.accept()
while c.recv(1 << 16): pass
)";
// The metainfo's web seed as seen from B's namespace: takes connections, never answers.
const char* const kSilentOrigin = R"(
import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
time.sleep(300)
)";
// 40 MB: 8 s at the link's 5 MB/s, time for several probes even when each waits out a full
// queue (over a second on a loaded machine).
const char* const kBulkSender = R"(
import socket, time
for attempt in range(50):
    try:
        out = socket.create_connection(("10.9.2.2", 9998)); break
    except OSError: time.sleep(0.1)
out.sendall(b"\0" * (40 * 1000 * 1000))
out.shutdown(socket.SHUT_WR)
out.recv(1)
)";

} // namespace

class UploadPacingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void peerUploadsYieldToOtherTraffic();

private:
    void insideNamespace();
};

void UploadPacingTest::peerUploadsYieldToOtherTraffic()
{
    if (qEnvironmentVariableIsSet(kInNamespace)) {
        insideNamespace();
        return;
    }
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    if (QStandardPaths::findExecutable("tc", {"/usr/sbin", "/sbin"}).isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("tc (Debian package iproute2) is not installed");
    const ProcessResult probe =
        runProgram("unshare",
                   {"-rn", "sh", "-c",
                    "PATH=$PATH:/usr/sbin:/sbin; ip link set lo up && tc qdisc add dev lo root "
                    "tbf rate 40mbit burst 32kb latency 100ms"},
                   10000);
    if (probe.exitCode != 0)
        OPENDO_SKIP_WITHOUT_TOOL(
            qPrintable("cannot shape a network namespace (unshare -rn, tc tbf): " + probe.err));
    // Agent A fetches the content from an origin outside the namespace (nginx cannot run in a
    // user namespace: it hands its temporary folders to another user); inside, A seeds it.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const auto origin = startContentOrigin(dir.filePath("www"), kFileSize, 61, {}, &error);
    QVERIFY2(origin, qPrintable(error));
    const QString file = dir.filePath("www/content.bin");
    const QString seedTorrent = dir.filePath("web.torrent");
    QCOMPARE(
        runProgram(executable("doctl"), {"create-metainfo", file, "--webseed",
                                         origin->url("/content.bin").toString(), "-o", seedTorrent})
            .exitCode,
        0);
    QCOMPARE(configureWithDoctl(dir.filePath("a"), kLabSettings), QString());
    // The origin is out of reach inside the namespace; B waits for peers instead of retrying it.
    QCOMPARE(
        configureWithDoctl(dir.filePath("b"),
                           kLabSettings + QStringList{"DODelayForegroundDownloadFromHttp=600"}),
        QString());
    const ProcessResult seeded =
        runProgram(executable("doctl"),
                   {"--data-dir", dir.filePath("a"), "download", seedTorrent, "--json"}, 60000);
    QVERIFY2(seeded.exitCode == 0, qPrintable(seeded.err));

    QProcess inner;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(kInNamespace, dir.path());
    env.insert("OPENDO_PACING_ORIGIN_PORT", QString::number(origin->port()));
    inner.setProcessEnvironment(env);
    inner.setProcessChannelMode(QProcess::MergedChannels);
    inner.start("unshare",
                {"-rn", QCoreApplication::applicationFilePath(), "peerUploadsYieldToOtherTraffic"});
    QVERIFY(inner.waitForStarted(5000));
    const bool finished = inner.waitForFinished(200000);
    const QString output = QString::fromLocal8Bit(inner.readAll());
    if (!finished)
        inner.kill();
    for (const QString& line : output.split('\n')) {
        if (line.startsWith("QINFO"))
            qInfo().noquote() << line.section(':', 3).trimmed();
    }
    const bool passed =
        finished && inner.exitStatus() == QProcess::NormalExit && inner.exitCode() == 0;
    if (!passed)
        qWarning().noquote() << output.right(12000);
    QVERIFY2(passed, "the run inside the namespace failed (its output is above)");
}

void UploadPacingTest::insideNamespace()
{
    const QDir dir(qEnvironmentVariable(kInNamespace));
    const QString dataA = dir.filePath("a"), dataB = dir.filePath("b");
    const QString file = dir.filePath("www/content.bin");
    const QString torrent = dir.filePath("web.torrent");
    const ProcessResult made = sh(QString::fromLatin1(kTopology));
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    const QStringList pids = made.out.trimmed().split(' ');
    QCOMPARE(pids.size(), 2);
    const QStringList intoB{"nsenter", "-t", pids.at(1), "-n"};
    auto cleanup = qScopeGuard([&] {
        for (const QString& pid : pids)
            ::kill(pid.toInt(), SIGTERM);
    });
    QString error;
    const double idleMs = median(probeWhile([] { return true; }, 0, 600));

    // A plain TCP transfer fills the router's queue.
    QProcess sink, bulk;
    sink.start(intoB.first(), intoB.mid(1) + QStringList{"/usr/bin/python3", "-c", kSink});
    QVERIFY(sink.waitForStarted(5000));
    bulk.start("/usr/bin/python3", {"-c", kBulkSender});
    QVERIFY(bulk.waitForStarted(5000));
    const QList<double> plain =
        probeWhile([&] { return bulk.state() == QProcess::Running; }, 1000, 20000);
    QVERIFY(finishes(bulk, 20000) && finishes(sink, 5000));
    QVERIFY2(bulk.exitStatus() == QProcess::NormalExit && bulk.exitCode() == 0,
             qPrintable(bulk.readAllStandardError()));

    // The agents: A seeds here, B downloads from A alone, in its namespace behind the router.
    // The metainfo's web seed never answers there: B's bytes come from A.
    QProcess silentOrigin;
    silentOrigin.start(intoB.first(),
                       intoB.mid(1) +
                           QStringList{"/usr/bin/python3", "-c", kSilentOrigin,
                                       qEnvironmentVariable("OPENDO_PACING_ORIGIN_PORT")});
    QVERIFY(silentOrigin.waitForStarted(5000));
    AgentProcessOptions a;
    a.dataDir = dataA;
    a.address = QHostAddress("10.9.1.1");
    AgentProcess seed(a);
    QVERIFY2(seed.start(&error), qPrintable(error));
    AgentProcessOptions b;
    b.dataDir = dataB;
    b.address = QHostAddress("10.9.2.2");
    b.port = 7680; // B's namespace has its ports to itself
    b.peers = {seed.endpoint()};
    b.launcher = intoB;
    AgentProcess leech(b);
    QVERIFY2(leech.start(&error), qPrintable(error));
    QProcess download;
    QElapsedTimer transfer;
    transfer.start();
    download.start(executable("doctl"), {"--data-dir", dataB, "download", torrent, "--out",
                                         dir.filePath("copy.bin"), "--json"});
    QVERIFY(download.waitForStarted(5000));
    QJsonObject paced;
    QString pacedText; // what `doctl peers` says about it, once
    const QList<double> ledbat = probeWhile(
        [&] {
            const ProcessResult peers =
                runProgram(executable("doctl"), {"--data-dir", dataA, "peers", "--json"});
            for (const QJsonValue& c :
                 QJsonDocument::fromJson(peers.out.toUtf8()).object()["Connections"].toArray()) {
                if (c.toObject()["UploadWindow"].toInteger() > 0)
                    paced = c.toObject();
            }
            if (!paced.isEmpty() && pacedText.isEmpty())
                pacedText = runProgram(executable("doctl"), {"--data-dir", dataA, "peers"}).out;
            return download.state() == QProcess::Running;
        },
        1500, 40000);
    if (!finishes(download, 1000)) {
        qWarning().noquote()
            << runProgram(executable("doctl"), {"--data-dir", dataB, "status", "--json"}).out
            << seed.log().right(3000) << leech.log().right(3000);
        QFAIL("the download did not finish");
    }
    const double seconds = double(transfer.elapsed()) / 1000;
    QVERIFY2(download.exitCode() == 0, qPrintable(download.readAllStandardError()));
    const QJsonObject status = QJsonDocument::fromJson(download.readAllStandardOutput()).object();
    QCOMPARE(status["BytesFromPeers"].toInteger(), kFileSize);
    QVERIFY(sameContent(dir.filePath("copy.bin"), file));
    const double rate = double(kFileSize) / seconds;
    qInfo("idle link: answer in %.0f ms; plain TCP transfer: median %.0f ms (%lld probes); "
          "agent upload: median %.0f ms (%lld probes), %.1f MB/s of the link's %.1f; window "
          "%lld bytes at %lld ms queuing delay",
          idleMs, median(plain), qint64(plain.size()), median(ledbat), qint64(ledbat.size()),
          rate / 1e6, kLinkBytesPerSecond / 1e6, paced["UploadWindow"].toInteger(),
          paced["QueuingDelayMs"].toInteger());
    QVERIFY2(plain.size() >= 4 && ledbat.size() >= 8, "too few probes");
    // The probe sees a full queue (the plain transfer), so it can see a paced one.
    QVERIFY2(median(plain) >= 300, qPrintable(QString::number(median(plain))));
    // The paced upload keeps the queue near LEDBAT's target (100 ms).
    QVERIFY2(median(ledbat) <= 200, qPrintable(QString::number(median(ledbat))));
    QVERIFY2(median(ledbat) * 2.5 <= median(plain), "the paced upload queues like a plain one");
    // And it still uses the link.
    QVERIFY2(rate >= 0.5 * kLinkBytesPerSecond, qPrintable(QString::number(rate)));
    QVERIFY(!paced.isEmpty());
    QVERIFY2(pacedText.contains("upload delay"), qPrintable(pacedText));
    QCOMPARE(leech.stop(), 0);
    QCOMPARE(seed.stop(), 0);
    silentOrigin.kill();
    silentOrigin.waitForFinished(3000);
}

QTEST_GUILESS_MAIN(UploadPacingTest)
#include "test_upload_pacing.moc"
