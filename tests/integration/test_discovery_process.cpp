// The do-discovery executable as operators run it: options, the "listening" line scripts wait
// for, serving over HTTP, a clean stop on SIGTERM that leaves the database behind, exit code 2
// with a message for bad arguments, and doctl publish against a service with a publish token.

#include "content/MetainfoWriter.h"
#include "discovery/AnnounceProtocol.h"
#include "support/FreePort.h"
#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace opendo;

namespace {

struct Reply
{
    bool finished = false;
    int status = 0;
    QByteArray body;
};

Reply get(QNetworkAccessManager& nam, const QUrl& url)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(10'000);
    QNetworkReply* reply = nam.get(request);
    Reply result;
    result.finished = QTest::qWaitFor([reply] { return reply->isFinished(); }, 10'000);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    reply->deleteLater();
    return result;
}

} // namespace

class DiscoveryProcessTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void servesAndStopsCleanly();
    void badArguments_data();
    void badArguments();
    void portInUse();
    void publishNeedsToken();

private:
    QString m_program;
};

void DiscoveryProcessTest::initTestCase()
{
    m_program = test::executable("do-discovery");
    QVERIFY2(QFile::exists(m_program), qPrintable(m_program + " is not built"));
}

void DiscoveryProcessTest::servesAndStopsCleanly()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString contentPath = dir.filePath("payload.bin");
    {
        QFile file(contentPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray data(200'000, Qt::Uninitialized);
        QRandomGenerator random(5);
        for (char& c : data)
            c = char(random.bounded(256));
        file.write(data);
    }
    content::MetainfoWriterOptions writerOptions;
    writerOptions.webSeeds = {QUrl("http://origin.example/payload.bin")};
    const auto torrent = content::MetainfoWriter::create(contentPath, writerOptions);
    QVERIFY2(torrent.ok, qPrintable(torrent.error));
    const QString torrentPath = dir.filePath("payload.torrent");
    {
        QFile file(torrentPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(torrent.torrent);
    }
    const QString dbPath = dir.filePath("discovery.sqlite");
    const quint16 port = test::freePort();
    QVERIFY(port != 0);

    QProcess process;
    test::stopWithParent(process);
    process.start(m_program,
                  {"--listen", QString("127.0.0.1:%1").arg(port), "--db", dbPath, "--publish",
                   torrentPath, "--nat-map", "127.0.0.1=203.0.113.9", "--interval", "30"});
    QVERIFY(process.waitForStarted(10'000));
    QByteArray out;
    const QByteArray expected =
        "do-discovery listening on http://127.0.0.1:" + QByteArray::number(port) + "\n";
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     out += process.readAllStandardOutput();
                     return out.contains(expected) || process.state() == QProcess::NotRunning;
                 },
                 15'000),
             "no listening line");
    QVERIFY2(out.contains(expected), out.constData() + process.readAllStandardError());

    QNetworkAccessManager nam;
    const QString base = QString("http://127.0.0.1:%1").arg(port);
    const Reply health = get(nam, QUrl(base + "/v1/health"));
    QVERIFY(health.finished);
    QCOMPARE(health.status, 200);
    const QJsonObject healthJson = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(healthJson.value("status").toString(), QString("ok"));
    QCOMPARE(healthJson.value("published").toInt(), 1);

    discovery::AnnounceRequest request;
    request.infoHash = QByteArray(20, 'h');
    request.peerId = QByteArray(20, 'p');
    request.port = 6881;
    request.left = 10;
    request.opendo = true;
    request.downloadMode = 1;
    const Reply announce =
        get(nam, QUrl(base + "/announce?" +
                      QString::fromLatin1(discovery::encodeAnnounceQuery(request))));
    QCOMPARE(announce.status, 200);
    const auto parsed = discovery::parseAnnounceResponse(announce.body);
    QVERIFY2(parsed.ok, qPrintable(parsed.error));
    QVERIFY2(parsed.response.failureReason.isEmpty(), qPrintable(parsed.response.failureReason));
    QCOMPARE(parsed.response.intervalSeconds, 30);
    // The NAT map applies: the server reports the mapped public address and a LAN key for it.
    QCOMPARE(parsed.response.publicAddress, QHostAddress("203.0.113.9"));
    QCOMPARE(parsed.response.swarmKey.size(), discovery::kSwarmKeySize);

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10'000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(QFile::exists(dbPath));

    // The saved state is there for the next start: the registration and the publication.
    QProcess again;
    test::stopWithParent(again);
    const quint16 port2 = test::freePort();
    again.start(m_program, {"--listen", QString("127.0.0.1:%1").arg(port2), "--db", dbPath});
    QVERIFY(again.waitForStarted(10'000));
    QByteArray out2;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out2 += again.readAllStandardOutput();
            return out2.contains("listening on") || again.state() == QProcess::NotRunning;
        },
        15'000));
    const Reply health2 = get(nam, QUrl(QString("http://127.0.0.1:%1/v1/health").arg(port2)));
    const QJsonObject health2Json = QJsonDocument::fromJson(health2.body).object();
    QCOMPARE(health2Json.value("published").toInt(), 1);
    QCOMPARE(health2Json.value("peers").toInt(), 1);
    ::kill(pid_t(again.processId()), SIGINT);
    QVERIFY(again.waitForFinished(10'000));
    QCOMPARE(again.exitCode(), 0);
}

void DiscoveryProcessTest::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("listen") << QStringList{"--listen", "nonsense"} << "--listen";
    QTest::newRow("interval") << QStringList{"--interval", "0"} << "--interval";
    QTest::newRow("interval text") << QStringList{"--interval", "5s"} << "--interval";
    QTest::newRow("rate") << QStringList{"--rate-limit", "-1"} << "--rate-limit";
    QTest::newRow("max peers") << QStringList{"--max-peers", "x"} << "--max-peers";
    QTest::newRow("nat map") << QStringList{"--nat-map", "garbage"} << "--nat-map";
    QTest::newRow("cache host") << QStringList{"--cache-host", "10.0.0.0=mcc1"}
                                << "--cache-host: Invalid cache host rule";
    QTest::newRow("publish missing")
        << QStringList{"--publish", "/nonexistent/x.torrent"} << "--publish";
    QTest::newRow("unknown option") << QStringList{"--frobnicate"} << "frobnicate";
    QTest::newRow("positional") << QStringList{"extra"} << "extra";
    QTest::newRow("empty token") << QStringList{"--publish-token", ""} << "--publish-token";
    QTest::newRow("token file missing")
        << QStringList{"--publish-token-file", "/nonexistent/token"} << "--publish-token-file";
    QTest::newRow("max published") << QStringList{"--max-published", "0"} << "--max-published";
}

void DiscoveryProcessTest::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, mentions);
    const test::ProcessResult result =
        test::runProgram(m_program, QStringList{"--listen", "127.0.0.1:0"} + arguments, 15'000);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
    QVERIFY(!result.out.contains("listening"));
}

void DiscoveryProcessTest::portInUse()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    const test::ProcessResult result = test::runProgram(
        m_program, {"--listen", QString("127.0.0.1:%1").arg(busy.serverPort())}, 15'000);
    QVERIFY(result.finished);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(!result.err.isEmpty(), "no message");
}

void DiscoveryProcessTest::publishNeedsToken()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString contentPath = dir.filePath("p.bin");
    {
        QFile file(contentPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(100'000, 'p'));
    }
    const QString tokenPath = dir.filePath("token");
    {
        QFile file(tokenPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tok-3f9a27c1\n");
    }
    const quint16 port = test::freePort();
    QProcess process;
    test::stopWithParent(process);
    process.start(m_program, {"--listen", QString("127.0.0.1:%1").arg(port), "--publish-token-file",
                              tokenPath});
    QVERIFY(process.waitForStarted(10'000));
    QByteArray out;
    QByteArray log;
    QVERIFY(QTest::qWaitFor(
        [&] {
            out += process.readAllStandardOutput();
            log += process.readAllStandardError();
            return out.contains("listening on") || process.state() == QProcess::NotRunning;
        },
        15'000));
    QVERIFY2(out.contains("listening on"), log.constData());
    const QString doctl = test::executable("doctl");
    const QStringList publish = {"publish",     contentPath,
                                 "--webseed",   "http://origin.example/p.bin",
                                 "--discovery", QString("http://127.0.0.1:%1").arg(port)};

    const test::ProcessResult without = test::runProgram(doctl, publish, 30'000);
    QCOMPARE(without.exitCode, 1);
    QVERIFY2(without.err.contains("publish token"), qPrintable(without.err));
    const test::ProcessResult wrong =
        test::runProgram(doctl, publish + QStringList{"--token", "nope"}, 30'000);
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains("wrong publish token"), qPrintable(wrong.err));
    const test::ProcessResult right =
        test::runProgram(doctl, publish + QStringList{"--token", "tok-3f9a27c1"}, 30'000);
    QVERIFY2(right.exitCode == 0, qPrintable(right.err));
    QVERIFY2(right.out.contains("published p.bin"), qPrintable(right.out));
    // From the environment, as scripts pass it.
    qputenv("OPENDO_PUBLISH_TOKEN", "tok-3f9a27c1");
    const test::ProcessResult fromEnv = test::runProgram(doctl, publish, 30'000);
    qunsetenv("OPENDO_PUBLISH_TOKEN");
    QVERIFY2(fromEnv.exitCode == 0, qPrintable(fromEnv.err));

    ::kill(pid_t(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(10'000));
    log += process.readAllStandardError();
    QVERIFY2(log.contains("with the publish token only"), log.constData());
}

QTEST_GUILESS_MAIN(DiscoveryProcessTest)
#include "test_discovery_process.moc"
