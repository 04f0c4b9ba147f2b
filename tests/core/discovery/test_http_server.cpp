// The discovery service's HTTP server, driven over real loopback sockets: request parsing,
// keep-alive and pipelining, the limits that make hostile clients cheap (header and body size,
// connections per address, timeouts), garbage input, and the per-address rate limiter.

#include "discovery/server/HttpServer.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <memory>

using namespace opendo::discovery;

namespace {

struct ParsedResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

// Splits everything received on a connection into complete responses; stops at the first
// incomplete one.
QList<ParsedResponse> parseResponses(QByteArray data)
{
    QList<ParsedResponse> responses;
    while (true) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            break;
        const QList<QByteArray> lines = data.left(end).split('\n');
        ParsedResponse r;
        const QList<QByteArray> statusLine = lines.first().trimmed().split(' ');
        if (statusLine.size() < 2 || !statusLine[0].startsWith("HTTP/1."))
            break;
        r.status = statusLine[1].toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        if (r.status >= 100 && r.status < 200) { // interim: no body
            data.remove(0, end + 4);
            continue;
        }
        const qsizetype length = r.headers.value("content-length", "-1").toLongLong();
        if (length < 0 || data.size() < end + 4 + length)
            break;
        r.body = data.mid(end + 4, length);
        data.remove(0, end + 4 + length);
        responses.append(r);
    }
    return responses;
}

class Client
{
public:
    explicit Client(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, [this] { closed = true; });
        socket.connectToHost(QHostAddress::LocalHost, port);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; },
                               5000);
    }
    void send(const QByteArray& data) { socket.write(data); }
    bool waitResponses(int count, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return parseResponses(received).size() >= count; }, timeoutMs);
    }
    bool waitClosed(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [this] { return closed || socket.state() == QAbstractSocket::UnconnectedState; },
            timeoutMs);
    }
    QList<ParsedResponse> responses() const { return parseResponses(received); }

    QTcpSocket socket;
    QByteArray received;
    bool closed = false;
};

// Answers with what it was asked, so tests can check the parse.
HttpResponse echo(const HttpRequest& request)
{
    HttpResponse response;
    response.body = request.method + ' ' + request.path + '?' + request.query + '|' +
                    request.headers.value("x-test") + '|' + request.body;
    response.extraHeaders.append(
        qMakePair(QByteArray("X-Peer"), request.peerAddress.toString().toLatin1()));
    return response;
}

} // namespace

class HttpServerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void simpleGet();
    void keepAliveTwoRequests();
    void pipelining();
    void postBody();
    void postBodyInPieces();
    void http10ClosesUnlessKeepAlive();
    void connectionCloseHonoured();
    void headerTooLarge();
    void bodyTooLarge();
    void malformed_data();
    void malformed();
    void garbageNeverKillsTheServer();
    void connectionCapPerAddress();
    void connectionCapTotal();
    void headerTimeout();
    void idleTimeout();
    void listenFailure();
    void reasonPhrases();
    void rateLimiterBurstAndRefill();
    void rateLimiterPerAddress();
    void rateLimiterUnlimited();
    void rateLimiterBoundedTable();

private:
    std::unique_ptr<HttpServer> startServer(HttpServerLimits limits = {});
};

std::unique_ptr<HttpServer> HttpServerTest::startServer(HttpServerLimits limits)
{
    auto server = std::make_unique<HttpServer>(echo, limits);
    QString error;
    if (!server->listen(QHostAddress::LocalHost, 0, &error))
        qWarning() << error;
    return server;
}

void HttpServerTest::simpleGet()
{
    auto server = startServer();
    QVERIFY(server->serverPort() != 0);
    Client client(server->serverPort());
    client.send("GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: t\r\nX-Test: hello\r\n\r\n");
    QVERIFY(client.waitResponses(1));
    const ParsedResponse r = client.responses().first();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("GET /a/b?x=1&y=%20|hello|"));
    QCOMPARE(r.headers.value("content-type"), QByteArray("text/plain; charset=utf-8"));
    QCOMPARE(r.headers.value("content-length"), QByteArray::number(r.body.size()));
    QCOMPARE(r.headers.value("x-peer"), QByteArray("127.0.0.1"));
    QVERIFY(!r.headers.contains("connection"));
    QCOMPARE(server->requestsServed(), 1);
    QCOMPARE(server->requestsRejected(), 0);
}

void HttpServerTest::keepAliveTwoRequests()
{
    auto server = startServer();
    Client client(server->serverPort());
    client.send("GET /one HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(client.waitResponses(1));
    QCOMPARE(client.socket.state(), QAbstractSocket::ConnectedState);
    client.send("GET /two HTTP/1.1\r\nHost: t\r\n\r\n");
    QVERIFY(client.waitResponses(2));
    const auto responses = client.responses();
    QVERIFY(responses[0].body.startsWith("GET /one?"));
    QVERIFY(responses[1].body.startsWith("GET /two?"));
    QVERIFY(!client.closed);
    QCOMPARE(server->connectionCount(), 1);
    QCOMPARE(server->requestsServed(), 2);
}

void HttpServerTest::pipelining()
{
    auto server = startServer();
    Client client(server->serverPort());
    QByteArray batch;
    for (int i = 0; i < 20; ++i)
        batch += "GET /" + QByteArray::number(i) + " HTTP/1.1\r\nHost: t\r\n\r\n";
    batch += "POST /last HTTP/1.1\r\nContent-Length: 3\r\n\r\nxyz";
    client.send(batch);
    QVERIFY(client.waitResponses(21));
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 21);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(responses[i].body, "GET /" + QByteArray::number(i) + "?||");
    QCOMPARE(responses[20].body, QByteArray("POST /last?||xyz"));
    QCOMPARE(server->connectionCount(), 1);
}

void HttpServerTest::postBody()
{
    auto server = startServer();
    Client client(server->serverPort());
    const QByteArray body(100'000, 'b');
    client.send("POST /upload HTTP/1.1\r\nContent-Length: " + QByteArray::number(body.size()) +
                "\r\n\r\n" + body);
    QVERIFY(client.waitResponses(1));
    QCOMPARE(client.responses().first().body, "POST /upload?||" + body);
}

void HttpServerTest::postBodyInPieces()
{
    auto server = startServer();
    Client client(server->serverPort());
    client.send("POST /p HTTP/1.1\r\nExpect: 100-continue\r\nContent-Len");
    QVERIFY(client.waitConnected());
    QTest::qWait(0);
    client.send("gth: 10\r\n\r\n0123");
    // The server invites the rest of the body (curl waits for this before sending).
    QVERIFY(QTest::qWaitFor([&] { return client.received.startsWith("HTTP/1.1 100"); }, 5000));
    client.send("456789");
    QVERIFY(client.waitResponses(1));
    QCOMPARE(client.responses().first().body, QByteArray("POST /p?||0123456789"));
}

void HttpServerTest::http10ClosesUnlessKeepAlive()
{
    auto server = startServer();
    {
        Client client(server->serverPort());
        client.send("GET /old HTTP/1.0\r\n\r\n");
        QVERIFY(client.waitResponses(1));
        QCOMPARE(client.responses().first().headers.value("connection").toLower(),
                 QByteArray("close"));
        QVERIFY(client.waitClosed());
    }
    {
        Client client(server->serverPort());
        client.send("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        QVERIFY(client.waitResponses(1));
        QCOMPARE(client.responses().first().headers.value("connection").toLower(),
                 QByteArray("keep-alive"));
        client.send("GET /b HTTP/1.0\r\n\r\n");
        QVERIFY(client.waitResponses(2));
        QVERIFY(client.waitClosed());
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, 5000);
}

void HttpServerTest::connectionCloseHonoured()
{
    auto server = startServer();
    Client client(server->serverPort());
    // The request after the closing one must not be answered.
    client.send("GET /a HTTP/1.1\r\nConnection: close\r\n\r\nGET /b HTTP/1.1\r\n\r\n");
    QVERIFY(client.waitClosed());
    const auto responses = client.responses();
    QCOMPARE(responses.size(), 1);
    QCOMPARE(responses[0].headers.value("connection"), QByteArray("close"));
    QCOMPARE(server->requestsServed(), 1);
}

void HttpServerTest::headerTooLarge()
{
    HttpServerLimits limits;
    limits.maxHeaderBytes = 1024;
    auto server = startServer(limits);
    {
        // Never terminated: refused as soon as it outgrows the limit.
        Client client(server->serverPort());
        client.send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(2000, 'x'));
        QVERIFY(client.waitResponses(1));
        QCOMPARE(client.responses().first().status, 431);
        QCOMPARE(client.responses().first().headers.value("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }
    {
        // Complete but too big.
        Client client(server->serverPort());
        client.send("GET / HTTP/1.1\r\nX-Big: " + QByteArray(1100, 'x') + "\r\n\r\n");
        QVERIFY(client.waitResponses(1));
        QCOMPARE(client.responses().first().status, 431);
    }
    QCOMPARE(server->requestsRejected(), 2);
    QCOMPARE(server->requestsServed(), 0);
}

void HttpServerTest::bodyTooLarge()
{
    HttpServerLimits limits;
    limits.maxBodyBytes = 100;
    auto server = startServer(limits);
    Client client(server->serverPort());
    client.send("POST / HTTP/1.1\r\nContent-Length: 101\r\n\r\n");
    QVERIFY(client.waitResponses(1));
    QCOMPARE(client.responses().first().status, 413);
    QVERIFY(client.waitClosed());

    Client ok(server->serverPort());
    ok.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n" + QByteArray(100, 'z'));
    QVERIFY(ok.waitResponses(1));
    QCOMPARE(ok.responses().first().status, 200);
}

void HttpServerTest::malformed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n") << 400;
    QTest::newRow("two words") << QByteArray("GET /\r\n\r\n") << 400;
    QTest::newRow("extra space") << QByteArray("GET  / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("not origin form") << QByteArray("GET x HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("bad method") << QByteArray("G(T / HTTP/1.1\r\n\r\n") << 400;
    QTest::newRow("not http") << QByteArray("GET / FTP/1.1\r\n\r\n") << 400;
    QTest::newRow("http 2") << QByteArray("GET / HTTP/2.0\r\n\r\n") << 505;
    QTest::newRow("http 0.9") << QByteArray("GET / HTTP/0.9\r\n\r\n") << 505;
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost t\r\n\r\n") << 400;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : t\r\n\r\n") << 400;
    QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n") << 400;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                             << 501;
    QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n")
                                << 400;
    QTest::newRow("negative length")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n") << 400;
    QTest::newRow("conflicting lengths")
        << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab") << 400;
    QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n") << 400;
}

void HttpServerTest::malformed()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    auto server = startServer();
    Client client(server->serverPort());
    client.send(request);
    QVERIFY(client.waitResponses(1));
    QCOMPARE(client.responses().first().status, status);
    QCOMPARE(client.responses().first().headers.value("connection"), QByteArray("close"));
    QVERIFY(client.waitClosed());
    QCOMPARE(server->requestsRejected(), 1);
    QCOMPARE(server->requestsServed(), 0);
}

void HttpServerTest::garbageNeverKillsTheServer()
{
    HttpServerLimits limits;
    limits.headerTimeoutMs = 500;
    auto server = startServer(limits);
    QRandomGenerator random(1234);
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 40; ++i) {
        QByteArray junk(random.bounded(1, 4000), Qt::Uninitialized);
        for (char& c : junk)
            c = char(random.bounded(256));
        // Half of them look like the start of a request, to get past the request line.
        if (i % 2)
            junk.prepend("GET /x HTTP/1.1\r\n");
        if (i % 4 == 1)
            junk.append("\r\n\r\n");
        auto client = std::make_unique<Client>(server->serverPort());
        client->send(junk);
        clients.push_back(std::move(client));
    }
    for (auto& client : clients)
        QVERIFY(client->waitClosed(5000));
    Client good(server->serverPort());
    good.send("GET /still-alive HTTP/1.1\r\n\r\n");
    QVERIFY(good.waitResponses(1));
    QCOMPARE(good.responses().first().status, 200);
}

void HttpServerTest::connectionCapPerAddress()
{
    HttpServerLimits limits;
    limits.maxConnectionsPerAddress = 2;
    auto server = startServer(limits);
    Client a(server->serverPort());
    Client b(server->serverPort());
    QVERIFY(a.waitConnected());
    QVERIFY(b.waitConnected());
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 2, 5000);
    Client c(server->serverPort());
    QVERIFY(c.waitClosed());
    QCOMPARE(server->connectionCount(), 2);
    QVERIFY(server->requestsRejected() >= 1);

    // Room again once one of them goes.
    a.socket.disconnectFromHost();
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, 5000);
    Client d(server->serverPort());
    d.send("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(d.waitResponses(1));
}

void HttpServerTest::connectionCapTotal()
{
    HttpServerLimits limits;
    limits.maxConnections = 3;
    auto server = startServer(limits);
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(std::make_unique<Client>(server->serverPort()));
        QVERIFY(clients.back()->waitConnected());
    }
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 3, 5000);
    Client extra(server->serverPort());
    QVERIFY(extra.waitClosed());
    QCOMPARE(server->connectionCount(), 3);
    for (auto& client : clients) {
        client->send("GET / HTTP/1.1\r\n\r\n");
        QVERIFY(client->waitResponses(1));
    }
}

void HttpServerTest::headerTimeout()
{
    HttpServerLimits limits;
    limits.headerTimeoutMs = 300;
    auto server = startServer(limits);
    Client client(server->serverPort());
    client.send("GET / HTTP/1.1\r\nHost:");
    QVERIFY(client.waitConnected());
    // Trickling bytes does not extend the deadline.
    for (int i = 0; i < 3; ++i) {
        QTest::qWait(50);
        client.send("x");
    }
    QVERIFY(client.waitResponses(1, 3000));
    QCOMPARE(client.responses().first().status, 408);
    QVERIFY(client.waitClosed(3000));
    QCOMPARE(server->requestsRejected(), 1);
}

void HttpServerTest::idleTimeout()
{
    HttpServerLimits limits;
    limits.idleTimeoutMs = 300;
    auto server = startServer(limits);
    Client client(server->serverPort());
    client.send("GET / HTTP/1.1\r\n\r\n");
    QVERIFY(client.waitResponses(1));
    QVERIFY(client.waitClosed(3000));
    QCOMPARE(client.responses().size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, 3000);
}

void HttpServerTest::listenFailure()
{
    auto first = startServer();
    HttpServer second(echo);
    QString error;
    QVERIFY(!second.listen(QHostAddress::LocalHost, first->serverPort(), &error));
    QVERIFY(!error.isEmpty());
}

void HttpServerTest::reasonPhrases()
{
    QCOMPARE(HttpServer::reasonPhrase(200), QByteArray("OK"));
    QCOMPARE(HttpServer::reasonPhrase(404), QByteArray("Not Found"));
    QCOMPARE(HttpServer::reasonPhrase(429), QByteArray("Too Many Requests"));
    QCOMPARE(HttpServer::reasonPhrase(431), QByteArray("Request Header Fields Too Large"));
    QCOMPARE(HttpServer::reasonPhrase(505), QByteArray("HTTP Version Not Supported"));
    QVERIFY(!HttpServer::reasonPhrase(599).isEmpty());
}

void HttpServerTest::rateLimiterBurstAndRefill()
{
    RateLimiter limiter(10, 5);
    const QHostAddress a(QStringLiteral("192.0.2.1"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(limiter.allow(a, 1000));
    QVERIFY(!limiter.allow(a, 1000));
    QVERIFY(!limiter.allow(a, 1050)); // half a token
    QVERIFY(limiter.allow(a, 1100));  // one token after 100 ms at 10/s
    QVERIFY(!limiter.allow(a, 1100));
    // A long pause refills to the burst, not beyond.
    int allowed = 0;
    for (int i = 0; i < 20; ++i)
        allowed += limiter.allow(a, 100'000) ? 1 : 0;
    QCOMPARE(allowed, 5);
    // A clock going backwards does not mint tokens.
    QVERIFY(!limiter.allow(a, 50'000));
}

void HttpServerTest::rateLimiterPerAddress()
{
    RateLimiter limiter(1, 1);
    const QHostAddress a(QStringLiteral("192.0.2.1"));
    const QHostAddress b(QStringLiteral("2001:db8::1"));
    QVERIFY(limiter.allow(a, 0));
    QVERIFY(!limiter.allow(a, 0));
    QVERIFY(limiter.allow(b, 0));
    QVERIFY(!limiter.allow(b, 0));
    QVERIFY(!limiter.unlimited());
}

void HttpServerTest::rateLimiterUnlimited()
{
    RateLimiter limiter(0, 0);
    QVERIFY(limiter.unlimited());
    for (int i = 0; i < 10'000; ++i)
        QVERIFY(limiter.allow(QHostAddress(QStringLiteral("192.0.2.1")), 0));
}

void HttpServerTest::rateLimiterBoundedTable()
{
    RateLimiter limiter(1, 1, 8);
    const QHostAddress old(QStringLiteral("198.51.100.1"));
    QVERIFY(limiter.allow(old, 0));
    QVERIFY(!limiter.allow(old, 0));
    // Many newer addresses push the oldest out; it then starts again with a full bucket.
    for (quint32 i = 0; i < 100; ++i)
        QVERIFY(limiter.allow(QHostAddress(0xC0000200u + i), 10 + i));
    QVERIFY(limiter.allow(old, 200));
    // Recently seen addresses are kept: this one was just limited and still is.
    const QHostAddress recent(0xC0000200u + 99);
    QVERIFY(!limiter.allow(recent, 200));
}

QTEST_GUILESS_MAIN(HttpServerTest)
#include "test_http_server.moc"
