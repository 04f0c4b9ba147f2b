#pragma once

// A small HTTP/1.1 server on QTcpServer for the discovery service: GET and POST, keep-alive,
// Content-Length bodies only (no chunked uploads), strict limits so a hostile client costs
// little — request line + headers ≤ 8 KiB, body ≤ the configured maximum, a bounded number of
// connections per client address, idle and header timeouts. Malformed requests get a 400 (or
// 408/413/431/501/505) and the connection is closed; the owner can shape those answers per path
// (setRejectFormatter) and refuse a request from its head alone, before its body is read
// (setHeadFilter). Handlers run on the server's thread and answer synchronously.

#include "discovery/server/HttpRequestHead.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QString>
#include <QUrlQuery>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace opendo::discovery {

struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "text/plain; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
};

struct HttpServerLimits
{
    qsizetype maxHeaderBytes = 8 * 1024;
    qsizetype maxBodyBytes = 16 * 1024 * 1024;
    int maxConnectionsPerAddress = 256;
    int maxConnections = 4096;
    int headerTimeoutMs = 10'000; // a request must be complete this long after it started
    int idleTimeoutMs = 60'000;   // keep-alive connections with nothing to do
};

class HttpServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest&)>;
    // Builds the answer to a request refused by the server itself (malformed, over a limit, too
    // slow). `path` is the request's path when it could be read ("" otherwise); `status` and
    // `message` say why. The connection is closed after it.
    using RejectFormatter =
        std::function<HttpResponse(const QByteArray& path, int status, const QByteArray& message)>;
    // Called once the head of a request is parsed, before its body is read (the request has no
    // body yet). Returning a response refuses the request with it and closes the connection.
    using HeadFilter = std::function<std::optional<HttpResponse>(const HttpRequest&)>;

    explicit HttpServer(Handler handler, HttpServerLimits limits = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress& address, quint16 port, QString* error);
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    void close();
    void setRejectFormatter(RejectFormatter formatter) { m_rejectFormatter = std::move(formatter); }
    void setHeadFilter(HeadFilter filter) { m_headFilter = std::move(filter); }

    int connectionCount() const;
    qint64 requestsServed() const { return m_requestsServed; }
    qint64 requestsRejected() const { return m_requestsRejected; } // malformed / over limits

    static QByteArray reasonPhrase(int status);

private:
    class Connection;
    void onNewConnection();
    void connectionClosed(Connection* connection);

    Handler m_handler;
    RejectFormatter m_rejectFormatter;
    HeadFilter m_headFilter;
    HttpServerLimits m_limits;
    QTcpServer* m_server = nullptr;
    QSet<Connection*> m_live;
    QHash<QHostAddress, int> m_connectionsPerAddress;
    int m_connections = 0;
    qint64 m_requestsServed = 0;
    qint64 m_requestsRejected = 0;
};

// Token bucket per client address: `ratePerSecond` sustained, `burst` at once; 0 = unlimited.
// The table of addresses is bounded (least recently seen dropped first).
class RateLimiter
{
public:
    RateLimiter(double ratePerSecond, double burst, int maxAddresses = 65536);
    bool allow(const QHostAddress& address, qint64 nowMs);
    bool unlimited() const { return m_rate <= 0; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    double m_rate;
    double m_burst;
    int m_maxAddresses;
    QHash<QHostAddress, Bucket> m_buckets;
};

} // namespace opendo::discovery
