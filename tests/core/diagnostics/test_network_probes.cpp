// The network probes against real sockets on loopback: a TCP connect that is answered, refused,
// dropped (a full accept queue) or cannot resolve its name, with and without a local address to
// connect from; name lookups; HTTP GETs with and without a Range to a real nginx, through a real
// proxy, to a dead port and to a silent server; and finding the process that listens on a port.
// Every callback comes once, later than the call, and never after its context is gone.

#include "diagnostics/NetworkProbes.h"
#include "support/FreePort.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TinyProxyServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <arpa/inet.h>
#include <memory>
#include <netinet/in.h>
#include <optional>
#include <sys/socket.h>
#include <unistd.h>

using namespace opendo::diagnostics;
using namespace opendo::test;

namespace {

constexpr int kWaitMs = 10000;
constexpr qint64 kFileSize = 256 * 1024 + 17;

// Collects one callback and counts them, to see there is exactly one.
template <typename Result> struct Outcome
{
    std::optional<Result> result;
    int calls = 0;
    std::function<void(Result)> callback()
    {
        return [this](Result r) {
            ++calls;
            result = std::move(r);
        };
    }
};

// The kernel keeps 15 characters of the executable's name.
QString ownComm()
{
    return QFileInfo(QCoreApplication::applicationFilePath()).fileName().left(15);
}

bool loopbackUsable(const QHostAddress& address)
{
    QTcpServer probe;
    return probe.listen(address, 0);
}

} // namespace

class TestNetworkProbes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void tcpConnects();
    void tcpRefused();
    void tcpTimesOutWhenNothingAnswers();
    void tcpLookupFails();
    void tcpConnectsFromTheBindAddress();
    void tcpNoCallbackAfterContextIsGone();
    void tcpVerdictTexts();

    void lookupLiteral();
    void lookupName();
    void lookupFails();

    void httpRange();
    void httpWithoutRangesIsTruncated();
    void httpThroughProxy();
    void httpRefused();
    void httpTimesOut();
    void httpNoCallbackAfterContextIsGone();

    void listenerFound();
    void listenerOnWildcardAddress();
    void noListener();

private:
    QTemporaryDir m_dir;
    QByteArray m_content;
};

void TestNetworkProbes::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir().mkpath(m_dir.filePath("www")));
    QVERIFY(writeRandomFile(m_dir.filePath("www/file.bin"), kFileSize, 7));
    QFile file(m_dir.filePath("www/file.bin"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_content = file.readAll();
    QCOMPARE(m_content.size(), kFileSize);
}

void TestNetworkProbes::tcpConnects()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QObject context;
    Outcome<TcpProbeResult> got;
    probeTcp("127.0.0.1", server.serverPort(), 5000, &context, got.callback());
    QCOMPARE(got.calls, 0); // never from inside the call
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->outcome, TcpOutcome::Connected);
    QVERIFY(got.result->ok());
    QCOMPARE(got.result->address, QStringLiteral("127.0.0.1:%1").arg(server.serverPort()));
    QVERIFY(got.result->error.isEmpty());
    QVERIFY(got.result->elapsedMs < 5000);
    QVERIFY2(got.result->verdictText().startsWith(
                 QStringLiteral("connected to 127.0.0.1:%1 in ").arg(server.serverPort())),
             qPrintable(got.result->verdictText()));
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestNetworkProbes::tcpRefused()
{
    const quint16 port = freePort();
    QObject context;
    Outcome<TcpProbeResult> got;
    probeTcp("127.0.0.1", port, 5000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->outcome, TcpOutcome::Refused);
    QVERIFY(!got.result->ok());
    QVERIFY(!got.result->error.isEmpty());
    QCOMPARE(got.result->verdictText(),
             QStringLiteral("refused by 127.0.0.1:%1: the host answered but nothing listens on "
                            "that port")
                 .arg(port));
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

// A listening socket on 127.0.0.1 and a free port, below Qt: its accept queue is the test's
// to fill or drain. Returns {-1, 0} on failure.
std::pair<int, quint16> rawListener(int flags, int backlog)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | flags, 0);
    if (fd < 0)
        return {-1, 0};
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(fd, backlog) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        ::close(fd);
        return {-1, 0};
    }
    return {fd, ntohs(address.sin_port)};
}

// A listening socket that never accepts, its queue already full: the kernel drops further SYNs
// without an answer, as a firewall that drops would.
void TestNetworkProbes::tcpTimesOutWhenNothingAnswers()
{
    const auto [fd, port] = rawListener(0, 0);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd = fd] { ::close(fd); });

    std::vector<std::unique_ptr<QTcpSocket>> fillers;
    for (int i = 0; i < 3; ++i) {
        fillers.push_back(std::make_unique<QTcpSocket>());
        fillers.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    QTest::qWait(200);

    QObject context;
    Outcome<TcpProbeResult> got;
    probeTcp("127.0.0.1", port, 300, &context, got.callback());
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->outcome, TcpOutcome::TimedOut);
    QCOMPARE(got.result->error, QStringLiteral("no answer within 300 ms"));
    // Coarse timers may fire up to 5 % early.
    QVERIFY2(got.result->elapsedMs >= 250, qPrintable(QString::number(got.result->elapsedMs)));
    QVERIFY2(got.result->verdictText().startsWith(
                 QStringLiteral("no answer from 127.0.0.1:%1 within ").arg(port)),
             qPrintable(got.result->verdictText()));
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestNetworkProbes::tcpLookupFails()
{
    QObject context;
    Outcome<TcpProbeResult> got;
    probeTcp("no-such-host.invalid", 80, 8000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->outcome, TcpOutcome::LookupFailed);
    QCOMPARE(got.result->address, QStringLiteral("no-such-host.invalid:80"));
    QVERIFY(!got.result->error.isEmpty());
    QVERIFY2(got.result->verdictText().startsWith(
                 QStringLiteral("the name in no-such-host.invalid:80 does not resolve: ")),
             qPrintable(got.result->verdictText()));
}

// The peer address of the next connection on a raw listening socket, read by accept() itself:
// the probe closes its side at once, after which Qt's socket could no longer tell.
QHostAddress acceptPeer(int fd)
{
    for (int i = 0; i < 100; ++i) {
        sockaddr_in peer{};
        socklen_t length = sizeof peer;
        const int client =
            ::accept4(fd, reinterpret_cast<sockaddr*>(&peer), &length, SOCK_NONBLOCK);
        if (client >= 0) {
            ::close(client);
            return QHostAddress(ntohl(peer.sin_addr.s_addr));
        }
        QTest::qWait(50);
    }
    return {};
}

void TestNetworkProbes::tcpConnectsFromTheBindAddress()
{
    // All of 127.0.0.0/8 is local on Linux; 127.0.0.2 shows the binding is not a coincidence.
    const QHostAddress second(QStringLiteral("127.0.0.2"));
    const QHostAddress from =
        loopbackUsable(second) ? second : QHostAddress(QHostAddress::LocalHost);

    const auto [fd, port] = rawListener(SOCK_NONBLOCK, 8);
    QVERIFY(fd >= 0);
    const auto closeFd = qScopeGuard([fd = fd] { ::close(fd); });

    QObject context;
    Outcome<TcpProbeResult> got;
    probeTcp("127.0.0.1", port, 5000, &context, got.callback(), from);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->outcome, TcpOutcome::Connected);
    QCOMPARE(acceptPeer(fd), from);

    // By name too: the lookup keeps to the bound address's family.
    Outcome<TcpProbeResult> byName;
    probeTcp("localhost", port, 5000, &context, byName.callback(), from);
    QTRY_VERIFY_WITH_TIMEOUT(byName.result.has_value(), kWaitMs);
    QCOMPARE(byName.result->outcome, TcpOutcome::Connected);
    QCOMPARE(acceptPeer(fd), from);
}

void TestNetworkProbes::tcpNoCallbackAfterContextIsGone()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    int calls = 0;
    auto context = std::make_unique<QObject>();
    probeTcp("127.0.0.1", server.serverPort(), 5000, context.get(),
             [&calls](TcpProbeResult) { ++calls; });
    probeTcp("127.0.0.1", freePort(), 5000, context.get(), [&calls](TcpProbeResult) { ++calls; });
    context.reset();
    QTest::qWait(300);
    QCOMPARE(calls, 0);

    // Also when the result is already queued: the context goes before the event loop runs.
    auto late = std::make_unique<QObject>();
    probeTcp("127.0.0.1", server.serverPort(), 5000, late.get(),
             [&calls](TcpProbeResult) { ++calls; });
    QTest::qWait(0);
    QTRY_VERIFY_WITH_TIMEOUT(server.hasPendingConnections(), kWaitMs);
    late.reset();
    QTest::qWait(300);
    QVERIFY(calls <= 1); // either delivered before the reset, or not at all
}

void TestNetworkProbes::tcpVerdictTexts()
{
    TcpProbeResult r;
    r.address = "10.0.0.1:7680";
    r.outcome = TcpOutcome::Connected;
    r.elapsedMs = 0;
    QCOMPARE(r.verdictText(), QStringLiteral("connected to 10.0.0.1:7680 in <1 ms"));
    r.elapsedMs = 12;
    QCOMPARE(r.verdictText(), QStringLiteral("connected to 10.0.0.1:7680 in 12 ms"));
    r.outcome = TcpOutcome::TimedOut;
    r.elapsedMs = 3000;
    QCOMPARE(r.verdictText(), QStringLiteral("no answer from 10.0.0.1:7680 within 3000 ms: a "
                                             "firewall drops the connection or the host is down"));
    r.outcome = TcpOutcome::Unreachable;
    QCOMPARE(r.verdictText(), QStringLiteral("10.0.0.1:7680 is unreachable from here (no route)"));
    r.outcome = TcpOutcome::OtherError;
    r.error = "Permission denied";
    QCOMPARE(r.verdictText(),
             QStringLiteral("could not connect to 10.0.0.1:7680: Permission denied"));
}

void TestNetworkProbes::lookupLiteral()
{
    QObject context;
    Outcome<LookupResult> got;
    probeLookup("127.0.0.1", 5000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->addresses, QList<QHostAddress>{QHostAddress(QHostAddress::LocalHost)});
    QVERIFY(got.result->error.isEmpty());

    Outcome<LookupResult> v6;
    probeLookup("[::1]", 5000, &context, v6.callback());
    QTRY_VERIFY_WITH_TIMEOUT(v6.result.has_value(), kWaitMs);
    QCOMPARE(v6.result->addresses, QList<QHostAddress>{QHostAddress(QHostAddress::LocalHostIPv6)});
}

void TestNetworkProbes::lookupName()
{
    QObject context;
    Outcome<LookupResult> got;
    probeLookup("localhost", 5000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QVERIFY2(got.result->error.isEmpty(), qPrintable(got.result->error));
    QVERIFY(!got.result->addresses.isEmpty());
    for (const QHostAddress& a : got.result->addresses)
        QVERIFY2(a.isLoopback(), qPrintable(a.toString()));
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestNetworkProbes::lookupFails()
{
    QObject context;
    Outcome<LookupResult> got;
    probeLookup("no-such-host.invalid", 8000, &context, got.callback());
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QVERIFY(got.result->addresses.isEmpty());
    QVERIFY(!got.result->error.isEmpty());

    int calls = 0;
    auto gone = std::make_unique<QObject>();
    probeLookup("localhost", 5000, gone.get(), [&calls](LookupResult) { ++calls; });
    probeLookup("127.0.0.1", 5000, gone.get(), [&calls](LookupResult) { ++calls; });
    gone.reset();
    QTest::qWait(300);
    QCOMPARE(calls, 0);
}

void TestNetworkProbes::httpRange()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    NginxServer nginx(options);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    QNetworkAccessManager network;
    QObject context;
    Outcome<HttpProbeResult> got;
    probeHttp(network, nginx.url("/file.bin").toString(), "bytes=0-9",
              QNetworkProxy(QNetworkProxy::NoProxy), 5000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QVERIFY2(got.result->error.isEmpty(), qPrintable(got.result->error));
    QCOMPARE(got.result->status, 206);
    QCOMPARE(got.result->headers.value("content-range"),
             "bytes 0-9/" + QByteArray::number(kFileSize));
    QCOMPARE(got.result->headers.value("content-length"), QByteArray("10"));
    QVERIFY(got.result->headers.contains("server"));
    for (auto it = got.result->headers.cbegin(); it != got.result->headers.cend(); ++it)
        QCOMPARE(it.key(), it.key().toLower());
    QCOMPARE(got.result->body, m_content.left(10));
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
    QTRY_VERIFY_WITH_TIMEOUT(!nginx.accessLog().isEmpty() &&
                                 nginx.accessLog().last().contains("\"bytes=0-9\""),
                             kWaitMs);
}

void TestNetworkProbes::httpWithoutRangesIsTruncated()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    options.rangesEnabled = false;
    NginxServer nginx(options);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    QNetworkAccessManager network;
    QObject context;
    Outcome<HttpProbeResult> got;
    probeHttp(network, nginx.url("/file.bin").toString(), "bytes=0-9",
              QNetworkProxy(QNetworkProxy::DefaultProxy), 5000, &context, got.callback());
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QVERIFY2(got.result->error.isEmpty(), qPrintable(got.result->error));
    QCOMPARE(got.result->status, 200);
    QVERIFY(!got.result->headers.contains("content-range"));
    QCOMPARE(got.result->headers.value("content-length"), QByteArray::number(kFileSize));
    QVERIFY(!got.result->body.isEmpty());
    QVERIFY2(got.result->body.size() <= 64 * 1024,
             qPrintable(QString::number(got.result->body.size())));
    QCOMPARE(got.result->body, m_content.left(got.result->body.size()));

    // A 404 is an HTTP answer: a status, no error.
    Outcome<HttpProbeResult> missing;
    probeHttp(network, nginx.url("/missing.bin").toString(), QString(),
              QNetworkProxy(QNetworkProxy::DefaultProxy), 5000, &context, missing.callback());
    QTRY_VERIFY_WITH_TIMEOUT(missing.result.has_value(), kWaitMs);
    QCOMPARE(missing.result->status, 404);
    QVERIFY(missing.result->error.isEmpty());
}

void TestNetworkProbes::httpThroughProxy()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    if (!TinyProxyServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("tinyproxy is not installed (Debian: install tinyproxy)");
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    NginxServer nginx(options);
    TinyProxyServer proxy;
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));
    QVERIFY2(proxy.start(&error), qPrintable(error));

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    QObject context;
    Outcome<HttpProbeResult> got;
    probeHttp(network, nginx.url("/file.bin").toString(), "bytes=100-199",
              QNetworkProxy(QNetworkProxy::HttpProxy, "127.0.0.1", proxy.port()), 5000, &context,
              got.callback());
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QVERIFY2(got.result->error.isEmpty(), qPrintable(got.result->error));
    QCOMPARE(got.result->status, 206);
    QCOMPARE(got.result->body, m_content.mid(100, 100));
    QTRY_COMPARE_WITH_TIMEOUT(proxy.requestCount(), 1, kWaitMs);
    // The shared manager is left as it was.
    QCOMPARE(network.proxy().type(), QNetworkProxy::NoProxy);

    // The manager's own setting: straight to nginx.
    Outcome<HttpProbeResult> direct;
    probeHttp(network, nginx.url("/file.bin").toString(), "bytes=0-0",
              QNetworkProxy(QNetworkProxy::NoProxy), 5000, &context, direct.callback());
    QTRY_VERIFY_WITH_TIMEOUT(direct.result.has_value(), kWaitMs);
    QCOMPARE(direct.result->status, 206);
    QCOMPARE(proxy.requestCount(), 1);
}

void TestNetworkProbes::httpRefused()
{
    QNetworkAccessManager network;
    QObject context;
    Outcome<HttpProbeResult> got;
    probeHttp(network, QStringLiteral("http://127.0.0.1:%1/x").arg(freePort()), "bytes=0-9",
              QNetworkProxy(QNetworkProxy::NoProxy), 5000, &context, got.callback());
    QCOMPARE(got.calls, 0);
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->status, 0);
    QVERIFY(!got.result->error.isEmpty());
    QVERIFY(got.result->body.isEmpty());
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestNetworkProbes::httpTimesOut()
{
    QTcpServer silent; // accepts, never answers
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QNetworkAccessManager network;
    QObject context;
    Outcome<HttpProbeResult> got;
    probeHttp(network, QStringLiteral("http://127.0.0.1:%1/x").arg(silent.serverPort()), QString(),
              QNetworkProxy(QNetworkProxy::NoProxy), 300, &context, got.callback());
    QTRY_VERIFY_WITH_TIMEOUT(got.result.has_value(), kWaitMs);
    QCOMPARE(got.result->status, 0);
    QCOMPARE(got.result->error, QStringLiteral("no answer within 300 ms"));
    QVERIFY(got.result->elapsedMs >= 250);
    QTest::qWait(100);
    QCOMPARE(got.calls, 1);
}

void TestNetworkProbes::httpNoCallbackAfterContextIsGone()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    QNetworkAccessManager network;
    int calls = 0;
    auto context = std::make_unique<QObject>();
    probeHttp(network, QStringLiteral("http://127.0.0.1:%1/x").arg(silent.serverPort()), QString(),
              QNetworkProxy(QNetworkProxy::NoProxy), 5000, context.get(),
              [&calls](HttpProbeResult) { ++calls; });
    // Through a proxy that never answers either: the probe's private manager goes too.
    probeHttp(network, QStringLiteral("http://127.0.0.1:%1/y").arg(silent.serverPort()), QString(),
              QNetworkProxy(QNetworkProxy::HttpProxy, "127.0.0.1", silent.serverPort()), 5000,
              context.get(), [&calls](HttpProbeResult) { ++calls; });
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), kWaitMs);
    QTest::qWait(100);
    context.reset();
    QTest::qWait(500);
    QCOMPARE(calls, 0);
}

void TestNetworkProbes::listenerFound()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    const QString expected =
        QStringLiteral("%1 (pid %2)").arg(ownComm()).arg(QCoreApplication::applicationPid());
    QCOMPARE(processListeningOn(QHostAddress::LocalHost, server.serverPort()), expected);
    QCOMPARE(processListeningOn(QHostAddress(), server.serverPort()), expected);
    QCOMPARE(processListeningOn(QHostAddress::AnyIPv4, server.serverPort()), expected);
    // Another address, not a wildcard: not this socket.
    QCOMPARE(processListeningOn(QHostAddress("127.0.0.2"), server.serverPort()), QString());

    QTcpServer v6;
    if (v6.listen(QHostAddress::LocalHostIPv6, 0))
        QCOMPARE(processListeningOn(QHostAddress::LocalHostIPv6, v6.serverPort()), expected);
}

void TestNetworkProbes::listenerOnWildcardAddress()
{
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::AnyIPv4, 0));
    const QString expected =
        QStringLiteral("%1 (pid %2)").arg(ownComm()).arg(QCoreApplication::applicationPid());
    QCOMPARE(processListeningOn(QHostAddress::LocalHost, server.serverPort()), expected);

    QTcpServer dual; // "::", IPv4 too
    if (dual.listen(QHostAddress::Any, 0))
        QCOMPARE(processListeningOn(QHostAddress::LocalHost, dual.serverPort()), expected);
}

void TestNetworkProbes::noListener()
{
    QCOMPARE(processListeningOn(QHostAddress::LocalHost, freePort()), QString());
    QCOMPARE(processListeningOn(QHostAddress(), freePort()), QString());

    // A connected (not listening) socket on the port does not count.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost, 0));
    QTcpSocket client;
    client.connectToHost(QHostAddress::LocalHost, server.serverPort());
    QVERIFY(client.waitForConnected(5000));
    const quint16 clientPort = client.localPort();
    QCOMPARE(processListeningOn(QHostAddress::LocalHost, clientPort), QString());
}

QTEST_GUILESS_MAIN(TestNetworkProbes)
#include "test_network_probes.moc"
