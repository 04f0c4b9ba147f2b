// The console's built-in discovery service (EmbeddedDiscoveryServer), in process the way
// app/console/main.cpp uses it: started on its own thread, moving to a free port when the
// preferred one is taken, handed to an in-process Agent as its default service, and the agent's
// announce registered there (seen through /v1/swarms); stopping it joins its thread.

#include "agent/Agent.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "discovery/server/EmbeddedDiscoveryServer.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;

namespace {

constexpr qint64 kFileSize = 2 * 1024 * 1024;

QJsonObject getJson(QNetworkAccessManager& nam, const QUrl& url, int* status = nullptr)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(5'000);
    QNetworkReply* reply = nam.get(request);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 6'000))
        reply->abort();
    if (status)
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject object = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return object;
}

// The swarm of `contentId` in /v1/swarms, or an empty object.
QJsonObject swarmOf(QNetworkAccessManager& nam, const QString& baseUrl, const QString& contentId)
{
    const QJsonObject all = getJson(nam, QUrl(baseUrl + "/v1/swarms"));
    for (const QJsonValue& swarm : all.value("swarms").toArray()) {
        if (swarm.toObject().value("contentId").toString() == contentId)
            return swarm.toObject();
    }
    return {};
}

} // namespace

class EmbeddedDiscoveryServerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsOnFreePortWhenPreferredIsTaken();
    void agentAnnouncesToIt();
};

void EmbeddedDiscoveryServerTest::startsOnFreePortWhenPreferredIsTaken()
{
    QTcpServer busy;
    QVERIFY(busy.listen(QHostAddress::LocalHost, 0));
    discovery::DiscoveryServerOptions options;
    options.address = QHostAddress::LocalHost;
    options.port = busy.serverPort();
    QNetworkAccessManager nam;
    {
        discovery::EmbeddedDiscoveryServer embedded;
        QFuture<QString> started = embedded.start(options);
        QVERIFY(QTest::qWaitFor([&] { return started.isFinished(); }, 10'000));
        const QString url = started.result();
        QVERIFY2(!url.isEmpty(), qPrintable(embedded.error()));
        QVERIFY(url.startsWith("http://127.0.0.1:"));
        QVERIFY(!url.endsWith(":" + QString::number(busy.serverPort())));
        int status = 0;
        const QJsonObject health = getJson(nam, QUrl(url + "/v1/health"), &status);
        QCOMPARE(status, 200);
        QCOMPARE(health.value("status").toString(), QString("ok"));
    } // destroyed on its own thread, thread joined: no crash, no leak
}

void EmbeddedDiscoveryServerTest::agentAnnouncesToIt()
{
    if (!test::NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir().mkpath(dir.filePath("www")));
    const QString file = dir.filePath("www/payload.bin");
    QVERIFY(test::writeRandomFile(file, kFileSize, 31));
    test::NginxOptions nginxOptions;
    nginxOptions.documentRoot = dir.filePath("www");
    test::NginxServer nginx(nginxOptions);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    content::MetainfoWriterOptions writerOptions;
    writerOptions.webSeeds = {nginx.url("/payload.bin")};
    const content::MetainfoWriteResult written =
        content::MetainfoWriter::create(file, writerOptions);
    QVERIFY2(written.ok, qPrintable(written.error));
    const QString torrentPath = dir.filePath("payload.torrent");
    {
        QFile out(torrentPath);
        QVERIFY(out.open(QIODevice::WriteOnly));
        QCOMPARE(out.write(written.torrent), written.torrent.size());
    }
    const auto parsed = content::Metainfo::parse(written.torrent);
    QVERIFY(parsed.ok());
    const QString contentId = parsed.metainfo->contentId();

    // As the console does: the service first, then the agent gets its URL as the default.
    discovery::EmbeddedDiscoveryServer embedded;
    discovery::DiscoveryServerOptions serverOptions;
    serverOptions.address = QHostAddress::LocalHost;
    serverOptions.intervalSeconds = 1;
    QFuture<QString> started = embedded.start(serverOptions);
    QVERIFY(QTest::qWaitFor([&] { return started.isFinished(); }, 10'000));
    const QString url = started.result();
    QVERIFY2(!url.isEmpty(), qPrintable(embedded.error()));

    agent::AgentOptions agentOptions = test::testAgentOptions(dir.filePath("agent"));
    const quint16 peerPort = test::freePort(QHostAddress::LocalHost);
    QVERIFY(peerPort != 0);
    agentOptions.listen = QString("127.0.0.1:%1").arg(peerPort);
    agent::Agent agent(agentOptions);
    QCOMPARE(agent.start().result(), QString());
    // Small test files and small test machines still take part in peering.
    const policy::PolicyApplyResult applied =
        agent
            .applyPolicyChanges({policy::PolicyLayer::Policy,
                                 {{"DOMinFileSizeToCache", "1"},
                                  {"DOMinRAMAllowedToPeer", "1"},
                                  {"DOMinDiskSizeAllowedToPeer", "1"}}})
            .result();
    QVERIFY(applied.ok);
    agent.setDefaultDiscoveryUrl(url);

    const transfer::AddDownloadResult added =
        agent.addDownload({torrentPath, dir.filePath("out.bin"), true}).result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    const transfer::JobStatus done = agent.waitForJob(added.jobId).result();
    QCOMPARE(done.state, transfer::JobState::Caching);
    QVERIFY(test::sameContent(file, dir.filePath("out.bin")));

    // The agent now holds the whole content and announces it as a seed in its mode (1 by
    // default), from its own listen address.
    QNetworkAccessManager nam;
    QJsonObject swarm;
    for (int attempt = 0; attempt < 100 && swarm.value("seeds").toInt() < 1; ++attempt) {
        QTest::qWait(100);
        swarm = swarmOf(nam, url, contentId);
    }
    QVERIFY2(swarm.value("seeds").toInt() == 1,
             QJsonDocument(swarm).toJson(QJsonDocument::Compact).constData());
    QCOMPARE(swarm.value("opendoPeers").toInt(), 1);
    QCOMPARE(swarm.value("byMode").toObject().value("1").toInt(), 1);
    QCOMPARE(swarm.value("infoHash").toString().size(), 40);
    const QJsonObject health = getJson(nam, QUrl(url + "/v1/health"));
    QCOMPARE(health.value("peers").toInt(), 1);
}

QTEST_GUILESS_MAIN(EmbeddedDiscoveryServerTest)
#include "test_embedded_discovery_server.moc"
