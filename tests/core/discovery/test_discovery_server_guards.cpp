// The discovery service's guards, in process over real loopback sockets: who may publish (a
// bearer token when one is configured, else loopback clients only), refusals sent before the
// body is read, the catalogue's cap, re-pointing a URL to other content (allowed for an
// authorised publisher, logged, reported), and requests the HTTP layer refuses as oversize
// answered in the format of their path (bencoded for /announce, JSON for /v1/…).

#include "discovery/AnnounceProtocol.h"
#include "discovery/server/DiscoveryServer.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo::discovery;

namespace {

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

// Sends `request` on a fresh connection and reads one response (the server closes after a
// refusal; for accepted requests the response is complete once Content-Length bytes are in).
std::optional<RawResponse> exchange(quint16 port, const QByteArray& request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return std::nullopt;
    socket.write(request);
    QByteArray received;
    std::optional<RawResponse> parsed;
    const auto complete = [&] {
        received += socket.readAll();
        const qsizetype end = received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        RawResponse r;
        const QList<QByteArray> lines = received.left(end).split('\n');
        r.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                 lines[i].mid(colon + 1).trimmed());
        }
        const qsizetype length = r.headers.value("content-length", "-1").toLongLong();
        if (length < 0 || received.size() < end + 4 + length)
            return false;
        r.body = received.mid(end + 4, length);
        parsed = r;
        return true;
    };
    if (!QTest::qWaitFor(complete, 10'000))
        return std::nullopt;
    return parsed;
}

QByteArray postPublish(const QByteArray& torrent, const QByteArray& authorization = {})
{
    QByteArray request = "POST /v1/publish HTTP/1.1\r\nHost: test\r\n"
                         "Content-Type: application/x-bittorrent\r\nContent-Length: " +
                         QByteArray::number(torrent.size()) + "\r\n";
    if (!authorization.isEmpty())
        request += "Authorization: " + authorization + "\r\n";
    return request + "\r\n" + torrent;
}

QJsonObject jsonOf(const RawResponse& response)
{
    return QJsonDocument::fromJson(response.body).object();
}

HttpRequest publishRequest(const QByteArray& torrent, const char* from)
{
    HttpRequest request;
    request.method = "POST";
    request.target = request.path = "/v1/publish";
    request.body = torrent;
    request.peerAddress = QHostAddress(QString::fromLatin1(from));
    return request;
}

} // namespace

class DiscoveryServerGuardsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void publishWithoutTokenOnlyFromLoopback();
    void publishWithToken();
    void unauthorisedPublishRefusedBeforeBody();
    void catalogueIsCapped();
    void repointingUrlIsReportedAndLogged();
    void oversizeAnnounceIsBencoded();
    void oversizeV1RequestsAreJson();

private:
    std::unique_ptr<DiscoveryServer> startServer(DiscoveryServerOptions options = {});
    QByteArray torrent(const QString& name, quint32 seed, const QUrl& webSeed);

    QTemporaryDir m_dir;
};

void DiscoveryServerGuardsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(QDir(m_dir.path()).mkpath("v1") && QDir(m_dir.path()).mkpath("v2"));
}

std::unique_ptr<DiscoveryServer>
DiscoveryServerGuardsTest::startServer(DiscoveryServerOptions options)
{
    options.address = QHostAddress::LocalHost;
    auto server = std::make_unique<DiscoveryServer>(std::move(options));
    QString error;
    if (!server->start(&error)) {
        qWarning() << error;
        return nullptr;
    }
    return server;
}

QByteArray DiscoveryServerGuardsTest::torrent(const QString& name, quint32 seed,
                                              const QUrl& webSeed)
{
    return opendo::test::makeWebSeedTorrent(m_dir.filePath(name), 20'000, seed, webSeed);
}

void DiscoveryServerGuardsTest::publishWithoutTokenOnlyFromLoopback()
{
    auto server = startServer();
    QVERIFY(server);
    const QByteArray a = torrent("a.bin", 1, QUrl("http://origin.example/a.bin"));
    QVERIFY(!a.isEmpty());

    // From another host: refused, nothing published.
    for (const char* from : {"192.0.2.10", "2001:db8::10", "10.1.2.3"}) {
        const HttpResponse refused = server->handle(publishRequest(a, from));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.contentType, QByteArray("application/json"));
        const QString error =
            QJsonDocument::fromJson(refused.body).object().value("error").toString();
        QVERIFY2(error.contains("--publish-token"), qPrintable(error));
    }
    QCOMPARE(server->catalog().count(), 0);

    // From this host (IPv4, IPv6 and IPv4-mapped loopback): accepted.
    QCOMPARE(server->handle(publishRequest(a, "::1")).status, 200);
    QCOMPARE(server->catalog().count(), 1);
    const auto over = exchange(server->port(), postPublish(a));
    QVERIFY(over);
    QCOMPARE(over->status, 200);
    QCOMPARE(jsonOf(*over).value("name").toString(), QString("a.bin"));
}

void DiscoveryServerGuardsTest::publishWithToken()
{
    DiscoveryServerOptions options;
    options.publishToken = "s3cret-Token";
    auto server = startServer(options);
    QVERIFY(server);
    const QByteArray a = torrent("b.bin", 2, QUrl("http://origin.example/b.bin"));

    // Loopback is no exemption once a token is configured.
    const auto missing = exchange(server->port(), postPublish(a));
    QVERIFY(missing);
    QCOMPARE(missing->status, 401);
    QVERIFY(missing->headers.value("www-authenticate").startsWith("Bearer"));
    QVERIFY(jsonOf(*missing).value("error").toString().contains("Authorization: Bearer"));

    for (const QByteArray& wrong :
         {QByteArray("Bearer s3cret-Toke"), QByteArray("Bearer s3cret-Token2"),
          QByteArray("Bearer S3CRET-TOKEN"), QByteArray("Basic czNjcmV0LVRva2Vu"),
          QByteArray("s3cret-Token"), QByteArray("Bearer ")}) {
        const auto refused = exchange(server->port(), postPublish(a, wrong));
        QVERIFY(refused);
        QVERIFY2(refused->status == 401, wrong.constData());
        QVERIFY(!jsonOf(*refused).value("error").toString().isEmpty());
    }
    QCOMPARE(server->catalog().count(), 0);

    // The right token, from anywhere; the scheme is case-insensitive.
    const auto accepted = exchange(server->port(), postPublish(a, "Bearer s3cret-Token"));
    QVERIFY(accepted);
    QCOMPARE(accepted->status, 200);
    HttpRequest remote = publishRequest(a, "192.0.2.10");
    remote.headers.insert("authorization", "bearer s3cret-Token");
    QCOMPARE(server->handle(remote).status, 200);
    remote.headers.insert("authorization", "Bearer wrong");
    QCOMPARE(server->handle(remote).status, 401);
    QCOMPARE(server->catalog().count(), 1);
}

void DiscoveryServerGuardsTest::unauthorisedPublishRefusedBeforeBody()
{
    DiscoveryServerOptions options;
    options.publishToken = "another-token";
    auto server = startServer(options);
    QVERIFY(server);
    // Announces 10 MB and sends none of it, asking to be told before sending: the refusal comes
    // at once, without a "100 Continue".
    const auto refused =
        exchange(server->port(), "POST /v1/publish HTTP/1.1\r\nHost: test\r\n"
                                 "Content-Length: 10000000\r\nExpect: 100-continue\r\n\r\n");
    QVERIFY(refused);
    QCOMPARE(refused->status, 401);
    QCOMPARE(refused->headers.value("content-type"), QByteArray("application/json"));
    QCOMPARE(refused->headers.value("connection"), QByteArray("close"));
}

void DiscoveryServerGuardsTest::catalogueIsCapped()
{
    DiscoveryServerOptions options;
    options.maxPublished = 2;
    auto server = startServer(options);
    QVERIFY(server);
    const QByteArray a = torrent("c1.bin", 11, QUrl("http://origin.example/c1.bin"));
    const QByteArray b = torrent("c2.bin", 12, QUrl("http://origin.example/c2.bin"));
    const QByteArray c = torrent("c3.bin", 13, QUrl("http://origin.example/c3.bin"));
    for (const QByteArray& t : {a, b}) {
        const auto published = exchange(server->port(), postPublish(t));
        QVERIFY(published);
        QCOMPARE(published->status, 200);
    }
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("refused: the catalogue is full"));
    const auto full = exchange(server->port(), postPublish(c));
    QVERIFY(full);
    QCOMPARE(full->status, 507);
    QVERIFY2(jsonOf(*full).value("error").toString().contains("catalogue is full"),
             full->body.constData());
    QCOMPARE(server->catalog().count(), 2);
    // Republishing what is already there still works when full.
    const auto again = exchange(server->port(), postPublish(a));
    QVERIFY(again);
    QCOMPARE(again->status, 200);
    QCOMPARE(server->catalog().count(), 2);
    QVERIFY(!server->catalog().byUrl(QUrl("http://origin.example/c3.bin")));
}

void DiscoveryServerGuardsTest::repointingUrlIsReportedAndLogged()
{
    auto server = startServer();
    QVERIFY(server);
    const QUrl url("http://origin.example/moving.bin");
    const QByteArray v1 = torrent("v1/moving.bin", 21, url);
    const QByteArray v2 = torrent("v2/moving.bin", 22, url);
    const auto first = exchange(server->port(), postPublish(v1));
    QVERIFY(first);
    QCOMPARE(first->status, 200);
    QCOMPARE(jsonOf(*first).value("replaced").toArray().size(), 0);
    const QString firstId = jsonOf(*first).value("contentId").toString();

    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression("URL http://origin.example/moving.bin re-pointed "
                                            "from content " +
                                            firstId + " to [0-9a-f]+ by 127.0.0.1"));
    const auto second = exchange(server->port(), postPublish(v2));
    QVERIFY(second);
    QCOMPARE(second->status, 200);
    const QJsonObject answer = jsonOf(*second);
    const QString secondId = answer.value("contentId").toString();
    QVERIFY(secondId != firstId);
    const QJsonArray replaced = answer.value("replaced").toArray();
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced[0].toObject().value("url").toString(), url.toString());
    QCOMPARE(replaced[0].toObject().value("previousContentId").toString(), firstId);
    QCOMPARE(server->catalog().byUrl(url)->contentId, secondId);

    // Not for an unauthorised publisher: the URL stays where it is.
    const HttpResponse refused = server->handle(publishRequest(v1, "192.0.2.99"));
    QCOMPARE(refused.status, 403);
    QCOMPARE(server->catalog().byUrl(url)->contentId, secondId);
}

void DiscoveryServerGuardsTest::oversizeAnnounceIsBencoded()
{
    auto server = startServer();
    QVERIFY(server);
    AnnounceRequest request;
    request.infoHash = QByteArray(20, 'h');
    request.peerId = QByteArray(20, 'p');
    request.port = 6881;
    request.left = 1;
    const QByteArray query = encodeAnnounceQuery(request);
    const QByteArray padding = "&pad=" + QByteArray(9000, 'x');

    // A request line longer than the header limit (it never ends within the limit), and a
    // normal request line with oversize headers.
    const QByteArray longLine = "GET /announce?" + query + padding + " HTTP/1.1\r\n\r\n";
    const QByteArray longHeader =
        "GET /announce?" + query + " HTTP/1.1\r\nHost: t\r\nX-Pad: " + padding + "\r\n\r\n";
    for (const QByteArray& raw : {longLine, longHeader}) {
        const auto response = exchange(server->port(), raw);
        QVERIFY(response);
        QCOMPARE(response->status, 200); // as every announce refusal, for tracker clients
        QVERIFY(response->headers.value("content-type").startsWith("text/plain"));
        const AnnounceResponseParseResult parsed = parseAnnounceResponse(response->body);
        QVERIFY2(parsed.ok, qPrintable(parsed.error + ": " + response->body.left(200)));
        QVERIFY2(parsed.response.failureReason.contains("larger than 8192 bytes"),
                 qPrintable(parsed.response.failureReason));
    }
    QCOMPARE(server->registry().peerCount(), 0);

    // Other paths the service does not know keep the plain text answer.
    const auto other = exchange(server->port(), "GET /elsewhere?" + padding + " HTTP/1.1\r\n\r\n");
    QVERIFY(other);
    QCOMPARE(other->status, 431);
    QVERIFY(other->headers.value("content-type").startsWith("text/plain"));
}

void DiscoveryServerGuardsTest::oversizeV1RequestsAreJson()
{
    auto server = startServer();
    QVERIFY(server);
    const QByteArray padding(9000, 'y');
    const auto header = exchange(
        server->port(), "GET /v1/health HTTP/1.1\r\nHost: t\r\nX-Pad: " + padding + "\r\n\r\n");
    QVERIFY(header);
    QCOMPARE(header->status, 431);
    QCOMPARE(header->headers.value("content-type"), QByteArray("application/json"));
    QVERIFY2(jsonOf(*header).value("error").toString().contains("larger than 8192 bytes"),
             header->body.constData());

    const auto longTarget =
        exchange(server->port(), "GET /v1/metainfo?url=" + padding + " HTTP/1.1\r\n\r\n");
    QVERIFY(longTarget);
    QCOMPARE(longTarget->status, 431);
    QCOMPARE(longTarget->headers.value("content-type"), QByteArray("application/json"));

    // A body over the limit is refused from its Content-Length, before it is sent.
    const auto body = exchange(server->port(), "POST /v1/publish HTTP/1.1\r\nHost: t\r\n"
                                               "Content-Length: 17000000\r\n\r\n");
    QVERIFY(body);
    QCOMPARE(body->status, 413);
    QCOMPARE(body->headers.value("content-type"), QByteArray("application/json"));
    QVERIFY2(jsonOf(*body).value("error").toString().contains("request body larger than"),
             body->body.constData());
}

QTEST_GUILESS_MAIN(DiscoveryServerGuardsTest)
#include "test_discovery_server_guards.moc"
