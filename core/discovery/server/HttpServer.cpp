#include "discovery/server/HttpServer.h"

#include "discovery/server/HttpRequestHead.h"
#include "peer/PlainAddress.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <cctype>
#include <string_view>
#include <sys/socket.h>

namespace opendo::discovery {
namespace {

// A client that pipelines requests without reading the answers must not grow our write buffer
// without bound: past this much unsent output we stop reading until the client catches up.
constexpr qint64 kMaxPendingOutput = 1024 * 1024;
// Reads from the kernel are capped so that TCP flow control, not our memory, absorbs a flood.
constexpr qint64 kSocketReadBuffer = 64 * 1024;
// After the last response of a closing connection, how long the client gets to hang up itself.
// Closing while its data is still unread would make the kernel send a reset that can destroy
// the response before the client has read it.
constexpr int kLingerMs = 2000;

// The path of a request whose head could not be parsed (or not completely received), from the
// start of its request line: "" unless the path is complete (followed by '?', ' ' or a line end).
QByteArray pathFromRequestLine(QByteArrayView buffer, qsizetype maxBytes)
{
    const QByteArrayView head = buffer.first(std::min(buffer.size(), maxBytes));
    const qsizetype space = head.indexOf(' ');
    if (space <= 0 || space + 1 >= head.size() || head[space + 1] != '/')
        return {};
    for (qsizetype i = space + 1; i < head.size(); ++i) {
        const char c = head[i];
        if (c == '?' || c == ' ' || c == '\r' || c == '\n')
            return head.sliced(space + 1, i - space - 1).toByteArray();
    }
    return {};
}

} // namespace

class HttpServer::Connection : public QObject
{
public:
    Connection(HttpServer* server, QTcpSocket* socket);
    void detach();
    const QHostAddress& address() const { return m_address; }

private:
    enum class State
    {
        Head,
        Body,
        Closing
    };
    struct Failure
    {
        int status;
        QByteArray message;
    };

    void onReadyRead();
    void process();
    bool parseHead(qsizetype headSize, Failure* failure);
    void dispatch();
    void reject(int status, const QByteArray& message);
    void writeResponse(const HttpResponse& response, bool close);
    void beginClose();
    void halfCloseWhenFlushed();
    void onTimeout();
    void armTimer();
    void finish();

    HttpServer* m_server;
    QTcpSocket* m_socket;
    QTimer m_timer;
    QHostAddress m_address;
    QByteArray m_buffer;
    State m_state = State::Head;
    bool m_requestStarted = false; // bytes of an unfinished request have arrived
    bool m_halfClosed = false;
    bool m_finished = false;
    HttpRequest m_request;
    bool m_http10 = false;
    bool m_keepAlive = true;
    qsizetype m_bodyLength = 0;
};

HttpServer::Connection::Connection(HttpServer* server, QTcpSocket* socket)
    : QObject(server), m_server(server), m_socket(socket),
      m_address(peer::plainAddress(socket->peerAddress()))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    // Every write is a whole response; holding it back for coalescing only adds latency (up to
    // the client's delayed-ACK timer when a response spans two segments).
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Connection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Closing) {
            halfCloseWhenFlushed();
        } else if (m_socket->bytesToWrite() < kMaxPendingOutput) {
            process();
        }
    });
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError) {
        // Remote resets and the like: nothing left to answer.
        if (m_socket->state() != QAbstractSocket::ConnectedState)
            finish();
    });
    armTimer();
}

void HttpServer::Connection::detach()
{
    m_finished = true;
    m_timer.stop();
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpServer::Connection::armTimer()
{
    if (m_state == State::Closing) {
        m_timer.start(std::min(kLingerMs, m_server->m_limits.idleTimeoutMs));
    } else if (m_requestStarted) {
        // Started when the first byte of a request came, not restarted by later bytes: a client
        // trickling one byte at a time still has to finish within the limit.
        if (!m_timer.isActive() || m_timer.interval() != m_server->m_limits.headerTimeoutMs)
            m_timer.start(m_server->m_limits.headerTimeoutMs);
    } else {
        m_timer.start(m_server->m_limits.idleTimeoutMs);
    }
}

void HttpServer::Connection::onTimeout()
{
    if (m_state == State::Closing || !m_requestStarted) {
        m_socket->abort();
        finish();
        return;
    }
    reject(408, "request not completed in time");
}

void HttpServer::Connection::onReadyRead()
{
    if (m_state == State::Closing) {
        m_socket->readAll(); // discarded: we are only waiting for the client to hang up
        return;
    }
    process();
}

void HttpServer::Connection::process()
{
    while (m_state != State::Closing && !m_finished) {
        if (m_socket->bytesToWrite() >= kMaxPendingOutput)
            return; // resumed from bytesWritten
        if (m_socket->bytesAvailable() > 0)
            m_buffer.append(m_socket->readAll());

        if (m_state == State::Head) {
            if (!m_requestStarted) {
                // RFC 9112 2.2: ignore empty lines before a request line.
                qsizetype skip = 0;
                while (skip < m_buffer.size() && (m_buffer[skip] == '\r' || m_buffer[skip] == '\n'))
                    ++skip;
                m_buffer.remove(0, skip);
                if (m_buffer.isEmpty())
                    break;
                m_requestStarted = true;
                armTimer();
            }
            const qsizetype crlf = m_buffer.indexOf("\n\r\n");
            const qsizetype lf = m_buffer.indexOf("\n\n");
            qsizetype headSize = -1;
            if (crlf >= 0 && (lf < 0 || crlf < lf))
                headSize = crlf + 3;
            else if (lf >= 0)
                headSize = lf + 2;
            if (headSize < 0 ? m_buffer.size() > m_server->m_limits.maxHeaderBytes
                             : headSize > m_server->m_limits.maxHeaderBytes) {
                reject(431, "request line and headers larger than " +
                                QByteArray::number(m_server->m_limits.maxHeaderBytes) + " bytes");
                break;
            }
            if (headSize < 0)
                break; // wait for more
            Failure failure{};
            if (!parseHead(headSize, &failure)) {
                reject(failure.status, failure.message);
                break;
            }
            if (m_server->m_headFilter) {
                if (std::optional<HttpResponse> refusal = m_server->m_headFilter(m_request)) {
                    ++m_server->m_requestsRejected;
                    writeResponse(*refusal, true);
                    beginClose();
                    break;
                }
            }
            m_buffer.remove(0, headSize);
            m_state = State::Body;
            if (m_bodyLength > 0 && m_buffer.size() < m_bodyLength && !m_http10 &&
                m_request.headers.value("expect").compare("100-continue", Qt::CaseInsensitive) ==
                    0) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
        }
        if (m_state == State::Body) {
            if (m_buffer.size() < m_bodyLength)
                break; // wait for more
            m_request.body = m_buffer.left(m_bodyLength);
            m_buffer.remove(0, m_bodyLength);
            dispatch();
        }
    }
    if (m_state != State::Closing && !m_finished)
        armTimer();
}

bool HttpServer::Connection::parseHead(qsizetype headSize, Failure* failure)
{
    HttpHead head = parseHttpRequestHead(QByteArrayView(m_buffer).first(headSize),
                                         m_server->m_limits.maxBodyBytes);
    if (!head.ok) {
        *failure = {head.status, head.message};
        return false;
    }
    m_request = std::move(head.request);
    m_request.peerAddress = m_address;
    m_http10 = head.http10;
    m_keepAlive = head.keepAlive;
    m_bodyLength = head.bodyLength;
    return true;
}

void HttpServer::Connection::dispatch()
{
    const bool close = !m_keepAlive;
    HttpResponse response;
    try {
        response = m_server->m_handler(m_request);
    } catch (...) {
        response = HttpResponse{500, "text/plain; charset=utf-8", "internal error\n", {}};
    }
    ++m_server->m_requestsServed;
    m_requestStarted = false;
    m_state = State::Head;
    m_request = HttpRequest{};
    writeResponse(response, close);
    if (close)
        beginClose();
    else
        m_timer.stop(); // re-armed for the next request by process()
}

void HttpServer::Connection::reject(int status, const QByteArray& message)
{
    ++m_server->m_requestsRejected;
    HttpResponse response{status, "text/plain; charset=utf-8", message + '\n', {}};
    if (m_server->m_rejectFormatter) {
        // parseHead sets the path once the request line is good; before that (or when it failed
        // on the request line) what arrived of the request line is all there is.
        const QByteArray path =
            !m_request.path.isEmpty()
                ? m_request.path
                : pathFromRequestLine(m_buffer, m_server->m_limits.maxHeaderBytes);
        response = m_server->m_rejectFormatter(path, status, message);
    }
    writeResponse(response, true);
    beginClose();
}

void HttpServer::Connection::writeResponse(const HttpResponse& response, bool close)
{
    QByteArray head;
    head.reserve(256 + response.body.size());
    head += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
            HttpServer::reasonPhrase(response.status) + "\r\n";
    head += "Content-Type: " + response.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        head += "Connection: close\r\n";
    else if (m_http10)
        head += "Connection: keep-alive\r\n";
    for (const auto& [name, value] : response.extraHeaders)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    // One write: QTcpSocket hands each buffered chunk to the kernel in a separate send, and a
    // body sent apart from its head would sit behind Nagle until the head is acknowledged.
    head += response.body;
    m_socket->write(head);
}

void HttpServer::Connection::beginClose()
{
    m_state = State::Closing;
    m_buffer.clear();
    m_request = HttpRequest{};
    m_timer.start(m_server->m_limits.idleTimeoutMs); // for the response to drain
    halfCloseWhenFlushed();
}

void HttpServer::Connection::halfCloseWhenFlushed()
{
    if (m_halfClosed || m_finished || m_socket->bytesToWrite() > 0)
        return;
    m_halfClosed = true;
    armTimer();
    // Send FIN but keep reading (and discarding) until the client closes or the linger timer
    // fires, so unread request bytes do not turn our close into a reset.
    m_socket->flush();
    if (m_socket->socketDescriptor() >= 0)
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
    m_socket->readAll();
}

void HttpServer::Connection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    m_server->connectionClosed(this);
}

HttpServer::HttpServer(Handler handler, HttpServerLimits limits, QObject* parent)
    : QObject(parent), m_handler(std::move(handler)), m_limits(limits)
{}

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        // Our own cap applies per address; the listen backlog only needs to absorb bursts.
        m_server->setMaxPendingConnections(std::max(30, m_limits.maxConnections));
        connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
    }
    if (m_server->listen(address, port))
        return true;
    if (error) {
        *error = tr("Cannot listen on %1 port %2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_server->errorString());
    }
    return false;
}

QHostAddress HttpServer::serverAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void HttpServer::close()
{
    if (m_server)
        m_server->close();
    const QSet<Connection*> live = std::exchange(m_live, {});
    for (Connection* connection : live) {
        connection->detach();
        delete connection;
    }
    m_connectionsPerAddress.clear();
    m_connections = 0;
}

int HttpServer::connectionCount() const
{
    return m_connections;
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket* socket = m_server->nextPendingConnection()) {
        const QHostAddress address = peer::plainAddress(socket->peerAddress());
        int& perAddress = m_connectionsPerAddress[address];
        if (m_connections >= m_limits.maxConnections ||
            perAddress >= m_limits.maxConnectionsPerAddress) {
            if (perAddress == 0)
                m_connectionsPerAddress.remove(address);
            ++m_requestsRejected;
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++perAddress;
        ++m_connections;
        m_live.insert(new Connection(this, socket));
    }
}

void HttpServer::connectionClosed(Connection* connection)
{
    if (!m_live.remove(connection))
        return;
    --m_connections;
    auto it = m_connectionsPerAddress.find(connection->address());
    if (it != m_connectionsPerAddress.end() && --*it <= 0)
        m_connectionsPerAddress.erase(it);
    connection->deleteLater();
}

QByteArray HttpServer::reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    case 507:
        return "Insufficient Storage";
    default:
        break;
    }
    if (status >= 200 && status < 300)
        return "OK";
    if (status >= 400 && status < 500)
        return "Client Error";
    if (status >= 500)
        return "Server Error";
    return "Unknown";
}

RateLimiter::RateLimiter(double ratePerSecond, double burst, int maxAddresses)
    : m_rate(ratePerSecond), m_burst(std::max(1.0, burst)),
      m_maxAddresses(std::max(1, maxAddresses))
{}

bool RateLimiter::allow(const QHostAddress& address, qint64 nowMs)
{
    if (unlimited())
        return true;
    auto it = m_buckets.find(address);
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_maxAddresses) {
            // Evicting in bulk keeps the cost amortised O(1) even when every request comes from
            // a new address: the least recently seen half goes at once. Exactly those: choosing
            // among equally old-looking entries in hash order could keep the oldest one.
            std::vector<std::pair<qint64, QHostAddress>> seen;
            seen.reserve(size_t(m_buckets.size()));
            for (auto b = m_buckets.cbegin(); b != m_buckets.cend(); ++b)
                seen.emplace_back(b->lastMs, b.key());
            const std::size_t toDrop = seen.size() - seen.size() / 2;
            std::nth_element(seen.begin(), seen.begin() + std::ptrdiff_t(toDrop - 1), seen.end(),
                             [](const auto& x, const auto& y) { return x.first < y.first; });
            for (std::size_t i = 0; i < toDrop; ++i)
                m_buckets.remove(seen[i].second);
        }
        it = m_buckets.insert(address, Bucket{m_burst, nowMs});
    } else if (nowMs > it->lastMs) {
        it->tokens = std::min(m_burst, it->tokens + double(nowMs - it->lastMs) * m_rate / 1000.0);
        it->lastMs = nowMs;
    }
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return true;
    }
    return false;
}

} // namespace opendo::discovery
