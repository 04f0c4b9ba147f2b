// The local control endpoint: real doctl processes hand their commands to the agent that runs
// on the data directory. This test process hosts that agent and its ControlServer, the way
// do-agent or the console does.

#include "ControlProtocol.h"
#include "ControlServer.h"
#include "agent/Agent.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstring>
#include <functional>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace opendo;
using namespace opendo::test;

namespace {

struct DoctlRun
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

// Runs the event loop while waiting, unlike runProgram: the server under test lives on this
// thread.
bool waitFor(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

QList<QJsonObject> replyLines(const QByteArray& bytes)
{
    QList<QJsonObject> lines;
    for (const QByteArray& line : bytes.split('\n')) {
        if (!line.isEmpty())
            lines << QJsonDocument::fromJson(line).object();
    }
    return lines;
}

// A socket file with nobody behind it, as a crashed agent leaves it.
bool makeStaleSocket(const QString& path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    std::strncpy(address.sun_path, native.constData(), sizeof(address.sun_path) - 1);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
    ::close(fd);
    return bound;
}

} // namespace

class ControlEndpointTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void pathArgumentsAreMadeAbsolute();
    void configSetRunsInTheRunningAgent();
    void proxyIsIgnoredWithAWarning();
    void statusListsTheAgentsJobs();
    void relativePathsAreTheUsersPaths();
    void downloadRunsInTheAgent();
    void malformedRequestsAreRejectedAndTheServerStaysUp();
    void socketIsOwnerOnly();
    void secondServerOnTheSameDirectoryIsRefused();
    void staleSocketFallsBackToAnEmbeddedAgent();
    void clientLeavingMidCommandDoesNotHurtTheServer();
    void shutdownEndsAWaitingDownloadCommand();
    void agentGoingAwayMidCommandIsReported();

private:
    bool startAgent();
    void stopAgent();
    void startDoctl(QProcess& process, const QStringList& args, const QString& workingDir = {});
    DoctlRun finishDoctl(QProcess& process, int timeoutMs = 30000);
    DoctlRun doctl(const QStringList& args, const QString& workingDir = {}, int timeoutMs = 30000);
    QByteArray rawExchange(const QByteArray& bytes);
    QString addStalledDownload(QTcpServer& silentOrigin);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    std::unique_ptr<agent::Agent> m_agent;
    std::unique_ptr<cli::ControlServer> m_server;
};

void ControlEndpointTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_dataDir = m_dir->filePath("data");
    QVERIFY(startAgent());
}

void ControlEndpointTest::cleanup()
{
    stopAgent();
    m_dir.reset();
}

bool ControlEndpointTest::startAgent()
{
    m_agent = std::make_unique<agent::Agent>(testAgentOptions(m_dataDir));
    const QString startError = m_agent->start().result();
    if (!startError.isEmpty()) {
        qWarning("agent: %s", qPrintable(startError));
        return false;
    }
    m_server = std::make_unique<cli::ControlServer>(*m_agent, m_dataDir);
    QString error;
    if (!m_server->listen(&error)) {
        qWarning("control: %s", qPrintable(error));
        return false;
    }
    return true;
}

void ControlEndpointTest::stopAgent()
{
    m_server.reset(); // before the agent, as every host must
    m_agent.reset();
}

void ControlEndpointTest::startDoctl(QProcess& process, const QStringList& args,
                                     const QString& workingDir)
{
    if (!workingDir.isEmpty())
        process.setWorkingDirectory(workingDir);
    process.start(executable("doctl"), QStringList{"--data-dir", m_dataDir} + args);
}

DoctlRun ControlEndpointTest::finishDoctl(QProcess& process, int timeoutMs)
{
    DoctlRun run;
    if (!process.waitForStarted(5000)) {
        run.err = process.errorString();
        return run;
    }
    if (!waitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        run.err = QString("timed out after %1 ms").arg(timeoutMs);
        return run;
    }
    run.finished = process.exitStatus() == QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

DoctlRun ControlEndpointTest::doctl(const QStringList& args, const QString& workingDir,
                                    int timeoutMs)
{
    QProcess process;
    startDoctl(process, args, workingDir);
    return finishDoctl(process, timeoutMs);
}

QByteArray ControlEndpointTest::rawExchange(const QByteArray& bytes)
{
    QLocalSocket socket;
    QByteArray replies;
    connect(&socket, &QLocalSocket::readyRead, this, [&] { replies += socket.readAll(); });
    socket.connectToServer(m_server->socketPath());
    if (!waitFor([&] { return socket.state() == QLocalSocket::ConnectedState; }, 5000))
        return "not connected";
    socket.write(bytes);
    waitFor([&] { return socket.state() == QLocalSocket::UnconnectedState; }, 10000);
    replies += socket.readAll();
    return replies;
}

// A download that cannot finish: the origin accepts the connection and never answers.
QString ControlEndpointTest::addStalledDownload(QTcpServer& silentOrigin)
{
    if (!silentOrigin.listen(QHostAddress::LocalHost))
        return {};
    return QString("http://127.0.0.1:%1/stalled.bin").arg(silentOrigin.serverPort());
}

void ControlEndpointTest::pathArgumentsAreMadeAbsolute()
{
    const QString cwd = "/home/me/work";
    using cli::absolutePathArguments;
    QCOMPARE(absolutePathArguments({"download", "a.torrent", "--out", "b.bin", "--json"}, cwd),
             QStringList({"download", "/home/me/work/a.torrent", "--out", "/home/me/work/b.bin",
                          "--json"}));
    QCOMPARE(absolutePathArguments({"download", "--out=sub/b.bin", "https://x.test/a.bin"}, cwd),
             QStringList({"download", "--out=/home/me/work/sub/b.bin", "https://x.test/a.bin"}));
    QCOMPARE(absolutePathArguments({"download", "--background", "/abs/a.torrent"}, cwd),
             QStringList({"download", "--background", "/abs/a.torrent"}));
    QCOMPARE(absolutePathArguments({"download", "ftp://x.test/a"}, cwd),
             QStringList({"download", "ftp://x.test/a"}));
    QCOMPARE(absolutePathArguments({"config", "import", "fleet.reg", "--local"}, cwd),
             QStringList({"config", "import", "/home/me/work/fleet.reg", "--local"}));
    QCOMPARE(absolutePathArguments({"config", "--json", "export", "../fleet.json"}, cwd),
             QStringList({"config", "--json", "export", "/home/me/work/../fleet.json"}));
    QCOMPARE(absolutePathArguments({"config", "set", "DOCacheHost", "out.bin"}, cwd),
             QStringList({"config", "set", "DOCacheHost", "out.bin"}));
    QCOMPARE(absolutePathArguments({"status", "--out", "x"}, cwd),
             QStringList({"status", "--out", "x"}));
}

void ControlEndpointTest::configSetRunsInTheRunningAgent()
{
    // The server names every command it ran; an embedded agent in doctl would not.
    QTest::ignoreMessage(QtInfoMsg, "control: doctl config set DOMaxCacheAge 3600 (rc 0)");
    const DoctlRun set = doctl({"config", "set", "DOMaxCacheAge", "3600"});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QCOMPARE(set.out.trimmed(), QString("DOMaxCacheAge = 3600"));
    // Already in the agent's snapshot, not merely in the database for the agent to notice.
    QCOMPARE(m_agent->policySnapshot().find("DOMaxCacheAge")->value, QString("3600"));

    const DoctlRun get = doctl({"config", "get", "DOMaxCacheAge", "--json"});
    QCOMPARE(get.exitCode, 0);
    const QJsonObject o = QJsonDocument::fromJson(get.out.toUtf8()).object();
    QCOMPARE(o["value"].toInteger(), 3600);
    QCOMPARE(o["source"].toString(), QString("local"));

    // Errors and exit codes arrive as the command gave them.
    const DoctlRun bad = doctl({"config", "set", "DOMaxCacheSize", "150"});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY2(bad.err.contains("DOMaxCacheSize") && bad.err.contains("nothing was changed"),
             qPrintable(bad.err));
    QVERIFY(bad.out.isEmpty());
    QCOMPARE(doctl({"config", "frobnicate"}).exitCode, 2);
}

void ControlEndpointTest::proxyIsIgnoredWithAWarning()
{
    const DoctlRun r = doctl({"--proxy", "http://127.0.0.1:1", "config", "get", "DODownloadMode"});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.trimmed(), QString("1"));
    QVERIFY2(r.err.contains("warning: --proxy is ignored"), qPrintable(r.err));
}

void ControlEndpointTest::statusListsTheAgentsJobs()
{
    const DoctlRun empty = doctl({"status", "--json"});
    QCOMPARE(empty.exitCode, 0);
    QCOMPARE(QJsonDocument::fromJson(empty.out.toUtf8()).array().size(), 0);

    // Nothing listens there: the job fails or retries, it is listed either way.
    const QString url = QString("http://127.0.0.1:%1/missing.bin").arg(freePort());
    const transfer::AddDownloadResult added =
        m_agent->addDownload({url, QString(), false}).result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    QTRY_VERIFY_WITH_TIMEOUT(!m_agent->jobs().isEmpty(), 5000);

    const DoctlRun json = doctl({"status", "--json"});
    QVERIFY2(json.exitCode == 0, qPrintable(json.err));
    const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    const QJsonObject job = rows[0].toObject();
    QCOMPARE(job["JobId"].toString(), added.jobId);
    QCOMPARE(job["Priority"].toString(), QString("Background"));
    for (const char* field : {"FileName", "Status", "FileSize", "BytesFromHttp", "BytesFromPeers"})
        QVERIFY2(job.contains(QLatin1String(field)), field);

    const DoctlRun one = doctl({"status", added.jobId.left(8), "--json"});
    QVERIFY2(one.exitCode == 0, qPrintable(one.err));
    QCOMPARE(QJsonDocument::fromJson(one.out.toUtf8()).object()["JobId"].toString(), added.jobId);

    const DoctlRun table = doctl({"status"});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split('\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QVERIFY2(lines[0].contains(QRegularExpression(
                 "^JobId +FileName +Status +Size +Percent +BytesFromHttp +BytesFromPeers$")),
             qPrintable(lines[0]));
    QVERIFY2(lines[1].startsWith(added.jobId), qPrintable(lines[1]));

    const DoctlRun details = doctl({"status", added.jobId});
    QCOMPARE(details.exitCode, 0);
    QVERIFY2(details.out.contains(QRegularExpression("^JobId +: " + added.jobId + "$",
                                                     QRegularExpression::MultilineOption)),
             qPrintable(details.out));

    const DoctlRun unknown = doctl({"status", "no-such-job"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("no-such-job"), qPrintable(unknown.err));
}

void ControlEndpointTest::relativePathsAreTheUsersPaths()
{
    // The agent's working directory is the test's; doctl's is another one.
    const QString work = m_dir->filePath("work");
    QVERIFY(QDir().mkpath(work));
    QVERIFY(QDir::currentPath() != work);
    QCOMPARE(doctl({"config", "set", "DODownloadMode", "2"}).exitCode, 0);
    const DoctlRun exported = doctl({"config", "export", "fleet.json"}, work);
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(QFileInfo::exists(work + "/fleet.json"));
    QVERIFY(!QFileInfo::exists(QDir::current().filePath("fleet.json")));

    QCOMPARE(doctl({"config", "reset", "DODownloadMode"}).exitCode, 0);
    const DoctlRun imported = doctl({"config", "import", "fleet.json", "--local"}, work);
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QCOMPARE(m_agent->policySnapshot().find("DODownloadMode")->value, QString("2"));
}

void ControlEndpointTest::downloadRunsInTheAgent()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    const QString www = m_dir->filePath("www");
    QVERIFY(QDir().mkpath(www));
    QVERIFY(writeRandomFile(www + "/file.bin", 3 * 1024 * 1024, 7));
    NginxOptions options;
    options.documentRoot = www;
    NginxServer nginx(options);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    const QString work = m_dir->filePath("work");
    QVERIFY(QDir().mkpath(work));
    const DoctlRun r = doctl(
        {"download", nginx.url("/file.bin").toString(), "--out", "got.bin", "--json"}, work, 60000);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(status["OutPath"].toString(), work + "/got.bin");
    QVERIFY(sameContent(www + "/file.bin", work + "/got.bin"));
    // The hosting agent ran it: the job is in its own snapshot.
    const QString jobId = status["JobId"].toString();
    auto agentHasJob = [&] {
        const QList<transfer::JobStatus> jobs = m_agent->jobs();
        return std::any_of(jobs.cbegin(), jobs.cend(),
                           [&](const transfer::JobStatus& s) { return s.jobId == jobId; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(agentHasJob(), 5000);
}

void ControlEndpointTest::malformedRequestsAreRejectedAndTheServerStaysUp()
{
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("control: rejected a request: .*JSON"));
    QList<QJsonObject> replies = replyLines(rawExchange("this is not json\n"));
    QCOMPARE(replies.size(), 2);
    QVERIFY2(replies[0]["err"].toString().startsWith("error: the request is not JSON"),
             qPrintable(replies[0]["err"].toString()));
    QCOMPARE(replies[1], QJsonObject({{"rc", 2}}));

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("control: rejected a request: .*version"));
    replies = replyLines(rawExchange(R"({"v":7,"args":["status"]})"
                                     "\n"));
    QCOMPARE(replies.size(), 2);
    QVERIFY(replies[0]["err"].toString().contains("version"));
    QCOMPARE(replies[1]["rc"].toInt(), 2);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("control: rejected a request: .*args"));
    replies = replyLines(rawExchange(R"({"v":1,"args":[1,2]})"
                                     "\n"));
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies[1]["rc"].toInt(), 2);

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("control: rejected a request: .*longer"));
    replies = replyLines(rawExchange(QByteArray(100 * 1024, 'x')));
    QCOMPARE(replies.size(), 2);
    QVERIFY(replies[0]["err"].toString().contains("longer than 65536 bytes"));
    QCOMPARE(replies[1]["rc"].toInt(), 2);

    // A well-formed request on the same server still works, raw and through doctl.
    replies = replyLines(rawExchange(R"({"v":1,"args":["config","get","DOMaxCacheSize"],"cwd":"/"})"
                                     "\n"));
    QCOMPARE(replies.size(), 2);
    QCOMPARE(replies[0]["out"].toString(), QString("20\n"));
    QCOMPARE(replies[1]["rc"].toInt(), 0);
    QCOMPARE(doctl({"config", "get", "DOMaxCacheSize"}).out.trimmed(), QString("20"));
}

void ControlEndpointTest::socketIsOwnerOnly()
{
    const QString path = m_server->socketPath();
    QCOMPARE(path, QDir(m_dataDir).filePath("control.sock"));
    struct stat info = {};
    QCOMPARE(::lstat(QFile::encodeName(path).constData(), &info), 0);
    QVERIFY(S_ISSOCK(info.st_mode));
    QCOMPARE(info.st_uid, ::geteuid());
    QVERIFY2((info.st_mode & 077) == 0, qPrintable(QString::number(info.st_mode & 0777, 8)));
    QVERIFY((info.st_mode & S_IRUSR) && (info.st_mode & S_IWUSR));
}

void ControlEndpointTest::secondServerOnTheSameDirectoryIsRefused()
{
    cli::ControlServer second(*m_agent, m_dataDir);
    QString error;
    QVERIFY(!second.listen(&error));
    QVERIFY2(error.contains("another agent"), qPrintable(error));
    // The first one is untouched.
    QVERIFY(QFileInfo::exists(m_server->socketPath()));
    QCOMPARE(doctl({"config", "get", "DOMaxCacheSize"}).exitCode, 0);
}

void ControlEndpointTest::staleSocketFallsBackToAnEmbeddedAgent()
{
    const QString url = QString("http://127.0.0.1:%1/missing.bin").arg(freePort());
    const QString jobId = m_agent->addDownload({url, QString(), false}).result().jobId;
    QVERIFY(!jobId.isEmpty());
    const QString socketPath = m_server->socketPath();
    stopAgent();
    QVERIFY(!QFileInfo::exists(socketPath));
    QVERIFY(makeStaleSocket(socketPath));
    QVERIFY(QFileInfo::exists(socketPath));

    // doctl's own agent, on the database: the stored job and a setting change.
    const DoctlRun status = doctl({"status", "--json"});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const QJsonArray rows = QJsonDocument::fromJson(status.out.toUtf8()).array();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows[0].toObject()["JobId"].toString(), jobId);
    const DoctlRun set =
        doctl({"--proxy", "http://127.0.0.1:1", "config", "set", "DOMaxCacheAge", "7200"});
    QVERIFY2(set.exitCode == 0, qPrintable(set.err));
    QVERIFY2(!set.err.contains("warning"), qPrintable(set.err));

    // An agent starting later replaces the stale socket and sees the change.
    QVERIFY(startAgent());
    QCOMPARE(m_agent->policySnapshot().find("DOMaxCacheAge")->value, QString("7200"));
    QCOMPARE(doctl({"config", "get", "DOMaxCacheAge"}).out.trimmed(), QString("7200"));
}

void ControlEndpointTest::clientLeavingMidCommandDoesNotHurtTheServer()
{
    QTcpServer silentOrigin;
    const QString url = addStalledDownload(silentOrigin);
    QVERIFY(!url.isEmpty());
    {
        QLocalSocket socket;
        socket.connectToServer(m_server->socketPath());
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QLocalSocket::ConnectedState, 5000);
        socket.write(cli::encodeRequest({{"download", url}, "/", false}));
        QTRY_VERIFY_WITH_TIMEOUT(!m_agent->jobs().isEmpty(), 5000);
        QTest::qWait(300);
        socket.abort();
    }
    QTest::qWait(300);
    const DoctlRun r = doctl({"config", "get", "DOMaxCacheSize"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // The abandoned command still waits for its download; shutting down does not wait for it.
    QElapsedTimer clock;
    clock.start();
    m_server.reset();
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
}

void ControlEndpointTest::shutdownEndsAWaitingDownloadCommand()
{
    QTcpServer silentOrigin;
    const QString url = addStalledDownload(silentOrigin);
    QVERIFY(!url.isEmpty());
    QProcess process;
    startDoctl(process, {"download", url});
    QVERIFY(process.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!m_agent->jobs().isEmpty(), 10000);
    const QString jobId = m_agent->jobs().constFirst().jobId;
    m_server.reset();
    const DoctlRun r = finishDoctl(process);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("the agent is shutting down") && r.err.contains(jobId),
             qPrintable(r.err));
}

void ControlEndpointTest::agentGoingAwayMidCommandIsReported()
{
    // An agent that dies mid-command, played by a bare socket that answers half and hangs up.
    m_server.reset();
    QLocalServer fake;
    QVERIFY(fake.listen(cli::controlSocketPath(m_dataDir)));
    QByteArray request;
    connect(&fake, &QLocalServer::newConnection, this, [&] {
        QLocalSocket* client = fake.nextPendingConnection();
        connect(client, &QLocalSocket::readyRead, client, [&request, client] {
            request += client->readAll();
            if (request.endsWith('\n')) {
                client->write(R"({"out":"half an answer\n"})"
                              "\n");
                client->flush();
                client->disconnectFromServer();
            }
        });
    });
    const QString work = m_dir->filePath("work");
    QVERIFY(QDir().mkpath(work));
    const DoctlRun r = doctl({"download", "some.torrent", "--out", "x.bin"}, work);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.out, QString("half an answer\n"));
    QVERIFY2(
        r.err.contains("error: the agent on " + m_dataDir + " stopped before the command finished"),
        qPrintable(r.err));

    // What doctl sent: a version 1 request, paths made absolute with its working directory.
    const QJsonObject sent = QJsonDocument::fromJson(request.trimmed()).object();
    QCOMPARE(sent["v"].toInt(), 1);
    QCOMPARE(sent["cwd"].toString(), work);
    QCOMPARE(sent["args"].toArray(), QJsonArray::fromStringList({"download", work + "/some.torrent",
                                                                 "--out", work + "/x.bin"}));
}

QTEST_GUILESS_MAIN(ControlEndpointTest)
#include "test_control_endpoint.moc"
