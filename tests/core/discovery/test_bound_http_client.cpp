// The discovery client's HTTP transport: parseHttpResponse (Content-Length, chunked,
// close-delimited, truncated, oversize, not HTTP) and BoundHttpClient against real sockets on
// loopback (connections leaving from the chosen local address, timeouts, refusals, bind
// failures reported asynchronously, no callback after the client is gone).

#include "discovery/BoundHttpClient.h"
#include "support/CannedHttpServer.h"
#include "support/FreePort.h"

#include <QElapsedTimer>
#include <QTest>
#include <memory>

using namespace opendo::discovery;
using opendo::test::CannedHttpServer;

namespace {

constexpr int kWait = 10'000;
constexpr qint64 kMax = 1024 * 1024;

const QHostAddress kLo1(QStringLiteral("127.0.0.1"));
const QHostAddress kLo2(QStringLiteral("127.0.0.2"));
const QHostAddress kLo3(QStringLiteral("127.0.0.3"));

HttpGetResult parse(const QByteArray& raw, bool complete, qint64 max, bool* done)
{
    HttpGetResult result;
    *done = parseHttpResponse(raw, complete, max, &result);
    return result;
}

struct GetOutcome
{
    int calls = 0;
    HttpGetResult result;
};

} // namespace

class BoundHttpClientTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // parseHttpResponse
    void parseContentLength();
    void parseChunked();
    void parseCloseDelimited();
    void parseTruncated();
    void parseOversize();
    void parseNotHttp_data();
    void parseNotHttp();

    // BoundHttpClient
    void getFromBoundAddress();
    void getUnbound();
    void getTimesOut();
    void getConnectionRefused();
    void getBindFailureIsAsynchronous();
    void getChunkedFromServer();
    void destroyedClientNeverCallsBack();
};

// --- parseHttpResponse ------------------------------------------------------------------------

void BoundHttpClientTest::parseContentLength()
{
    bool done = false;
    const QByteArray full = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n"
                            "\r\nhello";
    HttpGetResult r = parse(full, false, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello"));
    QVERIFY(r.error.isEmpty());

    // Bytes past the length are not body; header names are case-insensitive.
    r = parse("HTTP/1.1 404 Not Found\r\ncontent-LENGTH:  3 \r\n\r\nabcdef", false, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArray("abc"));

    // Still waiting for the body, then for the header.
    r = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", false, kMax, &done);
    QVERIFY(!done);
    r = parse("HTTP/1.1 200 OK\r\nContent-Len", false, kMax, &done);
    QVERIFY(!done);

    // Zero length.
    r = parse("HTTP/1.0 204 No Content\r\nContent-Length: 0\r\n\r\n", false, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.status, 204);
    QCOMPARE(r.body, QByteArray());

    // A malformed length is an error, not a guess.
    for (const QByteArray& length : {QByteArray("-1"), QByteArray("abc"), QByteArray("")}) {
        r = parse("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\nxyz", true, kMax,
                  &done);
        QVERIFY(done);
        QVERIFY(!r.answered);
        QVERIFY2(r.error.contains("Content-Length"), qPrintable(r.error));
    }
}

void BoundHttpClientTest::parseChunked()
{
    bool done = false;
    const QByteArray head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    const QByteArray body = "5\r\nhello\r\n6;ext=1\r\n world\r\nA\r\n0123456789\r\n0\r\n\r\n";
    HttpGetResult r = parse(head + body, false, kMax, &done);
    QVERIFY(done);
    QVERIFY2(r.answered, qPrintable(r.error));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("hello world0123456789"));

    // Every proper prefix is "need more" while the connection is open, and an error once it
    // ended.
    for (qsizetype cut = 1; cut < body.size() - 1; ++cut) {
        const QByteArray partial = head + body.left(cut);
        r = parse(partial, false, kMax, &done);
        QVERIFY2(!done, qPrintable(QString::number(cut)));
        r = parse(partial, true, kMax, &done);
        QVERIFY(done);
        QVERIFY(!r.answered);
        QVERIFY2(r.error.contains("middle of its body"), qPrintable(r.error));
    }

    // Trailers after the last chunk.
    r = parse(head + "3\r\nabc\r\n0\r\nX-Trailer: 1\r\n\r\n", false, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.body, QByteArray("abc"));

    // A chunk size that is not hex.
    r = parse(head + "zz\r\nabc\r\n0\r\n\r\n", false, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QVERIFY2(r.error.contains("chunk size"), qPrintable(r.error));
}

void BoundHttpClientTest::parseCloseDelimited()
{
    bool done = false;
    const QByteArray raw = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end";
    HttpGetResult r = parse(raw, false, kMax, &done);
    QVERIFY(!done); // no length: the body runs until the connection ends
    r = parse(raw, true, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArray("until the end"));
    r = parse("HTTP/1.1 500 Oops\r\n\r\n", true, kMax, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.status, 500);
    QCOMPARE(r.body, QByteArray());
}

void BoundHttpClientTest::parseTruncated()
{
    bool done = false;
    HttpGetResult r = parse({}, true, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QVERIFY2(r.error.contains("without answering"), qPrintable(r.error));

    r = parse("HTTP/1.1 200 OK\r\nContent-Le", true, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QVERIFY2(r.error.contains("incomplete or oversized"), qPrintable(r.error));

    r = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello", true, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QCOMPARE(r.error, QString("the response ended after 5 of 10 body bytes"));
}

void BoundHttpClientTest::parseOversize()
{
    bool done = false;
    // Declared too large: refused at once, before the body arrives.
    HttpGetResult r = parse("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n", false, 10, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QCOMPARE(r.error, QString("response body is larger than 10 bytes"));
    // Exactly the limit is fine.
    r = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789", false, 10, &done);
    QVERIFY(done);
    QVERIFY(r.answered);
    QCOMPARE(r.body, QByteArray("0123456789"));
    // Close-delimited: refused as soon as it grows past the limit.
    r = parse("HTTP/1.1 200 OK\r\n\r\n" + QByteArray(11, 'x'), false, 10, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QCOMPARE(r.error, QString("response body is larger than 10 bytes"));
    // Chunked: the sum of the chunks counts.
    r = parse("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nabcdef\r\n6\r\nghijkl\r\n"
              "0\r\n\r\n",
              false, 10, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QVERIFY2(r.error.contains("larger than 10 bytes"), qPrintable(r.error));
    // A header that never ends.
    r = parse("HTTP/1.1 200 OK\r\nX-Filler: " + QByteArray(70 * 1024, 'f'), false, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QVERIFY2(r.error.contains("oversized"), qPrintable(r.error));
}

void BoundHttpClientTest::parseNotHttp_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addRow("ssh banner") << QByteArray("SSH-2.0-OpenSSH_9.6\r\n\r\n");
    QTest::addRow("html") << QByteArray("<html><body>hi</body></html>\r\n\r\n");
    QTest::addRow("http/2 preface") << QByteArray("HTTP/2 200\r\n\r\n");
    QTest::addRow("status not a number") << QByteArray("HTTP/1.1 OK 200\r\n\r\n");
    QTest::addRow("status too small") << QByteArray("HTTP/1.1 99 Weird\r\n\r\n");
    QTest::addRow("status too large") << QByteArray("HTTP/1.1 1000 Weird\r\n\r\n");
    QTest::addRow("no status") << QByteArray("HTTP/1.1\r\n\r\n");
}

void BoundHttpClientTest::parseNotHttp()
{
    QFETCH(QByteArray, raw);
    bool done = false;
    const HttpGetResult r = parse(raw, false, kMax, &done);
    QVERIFY(done);
    QVERIFY(!r.answered);
    QCOMPARE(r.error, QString("not an HTTP response"));
}

// --- BoundHttpClient --------------------------------------------------------------------------

void BoundHttpClientTest::getFromBoundAddress()
{
    CannedHttpServer server;
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nConnection: close\r\n\r\npong";
    QVERIFY(server.listen());
    BoundHttpClient client;
    client.setBindAddress(kLo2);
    GetOutcome out;
    client.get(server.url("/v1/ping?x=1&y=%2F"), 5000, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY2(out.result.answered, qPrintable(out.result.error));
    QCOMPARE(out.result.status, 200);
    QCOMPARE(out.result.body, QByteArray("pong"));
    QCOMPARE(server.peers.size(), 1);
    QCOMPARE(server.peers.first(), kLo2); // left from the bound address
    QCOMPARE(server.requests.size(), 1);
    const QByteArray request = server.requests.first();
    QVERIFY2(request.startsWith("GET /v1/ping?x=1&y=%2F HTTP/1.1\r\n"), request.constData());
    QVERIFY2(request.contains(
                 QStringLiteral("\r\nHost: 127.0.0.1:%1\r\n").arg(server.port()).toLatin1()),
             request.constData());
    QVERIFY(request.contains("\r\nConnection: close\r\n"));
    QVERIFY(request.endsWith("\r\n\r\n"));
    // Once only, even after the server's close arrives.
    QTest::qWait(50);
    QCOMPARE(out.calls, 1);

    // And from another bound address with the same client.
    client.setBindAddress(kLo3);
    out = {};
    client.get(server.url("/"), 5000, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(out.result.answered);
    QCOMPARE(server.peers.size(), 2);
    QCOMPARE(server.peers.last(), kLo3);
    QVERIFY(server.requests.last().startsWith("GET / HTTP/1.1\r\n"));
}

void BoundHttpClientTest::getUnbound()
{
    CannedHttpServer server;
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    server.closeAfterResponse = false; // the length alone ends the response
    QVERIFY(server.listen());
    BoundHttpClient client;
    GetOutcome out;
    client.get(server.url("/x"), 5000, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(out.result.answered);
    QCOMPARE(out.result.body, QByteArray("ok"));
    QCOMPARE(server.peers.first(), kLo1);
}

void BoundHttpClientTest::getTimesOut()
{
    CannedHttpServer server; // accepts, reads, never answers
    QVERIFY(server.listen());
    BoundHttpClient client;
    GetOutcome out;
    QElapsedTimer clock;
    clock.start();
    client.get(server.url("/slow"), 300, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(clock.elapsed() >= 290);
    QVERIFY(!out.result.answered);
    QCOMPARE(out.result.error, QString("no answer within 300 ms"));
    QCOMPARE(server.requests.size(), 1);
}

void BoundHttpClientTest::getConnectionRefused()
{
    const quint16 port = opendo::test::freePort(kLo1);
    BoundHttpClient client;
    client.setBindAddress(kLo2);
    GetOutcome out;
    client.get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)), 5000, kMax,
               [&out](HttpGetResult r) {
                   ++out.calls;
                   out.result = std::move(r);
               });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(!out.result.answered);
    QVERIFY(!out.result.error.isEmpty());
    QTest::qWait(50);
    QCOMPARE(out.calls, 1);
}

void BoundHttpClientTest::getBindFailureIsAsynchronous()
{
    CannedHttpServer server;
    server.response = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    QVERIFY(server.listen());
    BoundHttpClient client;
    client.setBindAddress(QHostAddress(QStringLiteral("192.0.2.77"))); // TEST-NET-1, not ours
    GetOutcome out;
    client.get(server.url("/"), 5000, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    // Never from inside get(): callers (DiscoveryClient::tick) iterate their state meanwhile.
    QCOMPARE(out.calls, 0);
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(!out.result.answered);
    QVERIFY(!out.result.error.isEmpty());
    QVERIFY(server.peers.isEmpty());
}

void BoundHttpClientTest::getChunkedFromServer()
{
    CannedHttpServer server;
    server.response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                      "4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n";
    server.closeAfterResponse = false;
    QVERIFY(server.listen());
    BoundHttpClient client;
    client.setBindAddress(kLo2);
    GetOutcome out;
    client.get(server.url("/c"), 5000, kMax, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY2(out.result.answered, qPrintable(out.result.error));
    QCOMPARE(out.result.body, QByteArray("Wikipedia"));

    // Too large for the caller's limit.
    out = {};
    client.get(server.url("/c"), 5000, 8, [&out](HttpGetResult r) {
        ++out.calls;
        out.result = std::move(r);
    });
    QTRY_COMPARE_WITH_TIMEOUT(out.calls, 1, kWait);
    QVERIFY(!out.result.answered);
    QVERIFY2(out.result.error.contains("larger than 8 bytes"), qPrintable(out.result.error));
}

void BoundHttpClientTest::destroyedClientNeverCallsBack()
{
    CannedHttpServer server; // never answers
    QVERIFY(server.listen());
    int calls = 0;
    {
        BoundHttpClient client;
        client.get(server.url("/"), 200, kMax, [&calls](HttpGetResult) { ++calls; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requests.size(), 1, kWait);
    }
    QTest::qWait(400); // past the request's own timeout
    QCOMPARE(calls, 0);
}

QTEST_GUILESS_MAIN(BoundHttpClientTest)
#include "test_bound_http_client.moc"
