#include "discovery/BoundHttpClient.h"

#include <QCoreApplication>
#include <QSslSocket>
#include <QTimer>

namespace opendo::discovery {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct BoundHttpClientText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::discovery)
};

// Decodes a chunked body; false while incomplete, true with *error set when malformed.
bool decodeChunked(QByteArrayView data, qint64 maxBody, QByteArray* body, QString* error)
{
    qsizetype pos = 0;
    body->clear();
    while (true) {
        const qsizetype lineEnd = data.indexOf("\r\n", pos);
        if (lineEnd < 0)
            return false;
        QByteArrayView sizeField = data.sliced(pos, lineEnd - pos);
        if (const qsizetype semi = sizeField.indexOf(';'); semi >= 0)
            sizeField = sizeField.first(semi);
        bool ok = false;
        const qint64 size = sizeField.trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > maxBody) {
            *error = BoundHttpClientText::tr("malformed chunk size in the response");
            return true;
        }
        pos = lineEnd + 2;
        if (size == 0)
            return data.indexOf("\r\n", pos) >= 0; // trailers end with an empty line
        if (data.size() < pos + size + 2)
            return false;
        body->append(data.sliced(pos, size));
        if (body->size() > maxBody) {
            *error = BoundHttpClientText::tr("response body is larger than %1 bytes").arg(maxBody);
            return true;
        }
        pos += size + 2;
    }
}

} // namespace

bool parseHttpResponse(const QByteArray& raw, bool complete, qint64 maxBodyBytes,
                       HttpGetResult* result)
{
    const qsizetype headerEnd = raw.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (complete || raw.size() > kMaxHeaderBytes) {
            result->error =
                raw.isEmpty()
                    ? BoundHttpClientText::tr("the server closed the connection without answering")
                    : BoundHttpClientText::tr("incomplete or oversized HTTP response header");
            return true;
        }
        return false;
    }
    const QList<QByteArray> lines = raw.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    bool ok = false;
    const int status = statusLine.value(1).toInt(&ok);
    if (!statusLine.value(0).startsWith("HTTP/1.") || !ok || status < 100 || status > 999) {
        result->error = BoundHttpClientText::tr("not an HTTP response");
        return true;
    }
    qint64 contentLength = -1;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                result->error = BoundHttpClientText::tr("malformed Content-Length in the response");
                return true;
            }
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            chunked = true;
        }
    }
    const QByteArrayView rest = QByteArrayView(raw).sliced(headerEnd + 4);
    result->status = status;
    if (chunked) {
        QString error;
        if (!decodeChunked(rest, maxBodyBytes, &result->body, &error)) {
            if (complete)
                result->error =
                    BoundHttpClientText::tr("the response ended in the middle of its body");
            return complete;
        }
        result->error = error;
        result->answered = error.isEmpty();
        return true;
    }
    if (contentLength > maxBodyBytes || rest.size() > maxBodyBytes) {
        result->error =
            BoundHttpClientText::tr("response body is larger than %1 bytes").arg(maxBodyBytes);
        return true;
    }
    if (contentLength >= 0) {
        if (rest.size() < contentLength) {
            if (complete)
                result->error =
                    BoundHttpClientText::tr("the response ended after %1 of %2 body bytes")
                        .arg(rest.size())
                        .arg(contentLength);
            return complete;
        }
        result->body = rest.first(contentLength).toByteArray();
        result->answered = true;
        return true;
    }
    if (!complete)
        return false;
    result->body = rest.toByteArray();
    result->answered = true;
    return true;
}

class BoundHttpClient::Request : public QObject
{
public:
    Request(BoundHttpClient* client, const QUrl& url, const QHostAddress& bind, int timeoutMs,
            qint64 maxBody, std::function<void(HttpGetResult)> done)
        : QObject(client), m_maxBody(maxBody), m_done(std::move(done))
    {
        const bool tls = url.scheme() == QLatin1String("https");
        m_socket = new QSslSocket(this);
        QByteArray target = url.path(QUrl::FullyEncoded).toLatin1();
        if (target.isEmpty())
            target = "/";
        if (url.hasQuery())
            target += '?' + url.query(QUrl::FullyEncoded).toLatin1();
        const quint16 port = quint16(url.port(tls ? 443 : 80));
        QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
        if (host.contains(':'))
            host = '[' + host + ']'; // an IPv6 literal
        m_request = "GET " + target + " HTTP/1.1\r\nHost: " + host + ':' +
                    QByteArray::number(port) +
                    "\r\nUser-Agent: OpenDO-agent\r\nAccept-Encoding: identity\r\n"
                    "Connection: close\r\n\r\n";
        connect(m_socket, &QSslSocket::readyRead, this, [this] { onData(false); });
        connect(m_socket, &QSslSocket::disconnected, this, [this] { onData(true); });
        connect(m_socket, &QSslSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                onData(true);
            else
                fail(m_socket->errorString());
        });
        if (tls)
            connect(m_socket, &QSslSocket::encrypted, this, [this] { m_socket->write(m_request); });
        else
            connect(m_socket, &QSslSocket::connected, this, [this] { m_socket->write(m_request); });
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this, timeoutMs] {
            fail(BoundHttpClientText::tr("no answer within %1 ms").arg(timeoutMs));
        });
        m_timer.start(timeoutMs);
        if (!bind.isNull() && !m_socket->bind(bind, 0)) {
            // Bind failures (address gone) are reported like any connection failure.
            QMetaObject::invokeMethod(
                this, [this] { fail(m_socket->errorString()); }, Qt::QueuedConnection);
            return;
        }
        if (tls)
            m_socket->connectToHostEncrypted(url.host(), port);
        else
            m_socket->connectToHost(url.host(), port);
    }

    ~Request() override
    {
        m_socket->disconnect(this);
        m_socket->abort();
    }

private:
    void onData(bool ended)
    {
        if (m_finished)
            return;
        m_raw += m_socket->readAll();
        HttpGetResult result;
        if (parseHttpResponse(m_raw, ended, m_maxBody, &result))
            finish(std::move(result));
        else if (ended)
            fail(BoundHttpClientText::tr("the connection ended early"));
    }

    void fail(const QString& error)
    {
        HttpGetResult result;
        result.error = error;
        finish(std::move(result));
    }

    void finish(HttpGetResult result)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        // Always later, from the event loop: bind() and connectToHost() can fail inside the
        // constructor, and callers must not be re-entered from get().
        QMetaObject::invokeMethod(
            parent(),
            [done = std::move(m_done), result = std::move(result)]() mutable {
                done(std::move(result));
            },
            Qt::QueuedConnection);
        deleteLater();
    }

    QSslSocket* m_socket = nullptr;
    QByteArray m_request;
    QByteArray m_raw;
    qint64 m_maxBody;
    std::function<void(HttpGetResult)> m_done;
    QTimer m_timer;
    bool m_finished = false;
};

BoundHttpClient::BoundHttpClient(QObject* parent) : QObject(parent) {}

BoundHttpClient::~BoundHttpClient() = default;

void BoundHttpClient::get(const QUrl& url, int timeoutMs, qint64 maxBodyBytes,
                          std::function<void(HttpGetResult)> done)
{
    QHostAddress bind = m_bindAddress;
    QHostAddress target(url.host());
    if (!target.isNull() && target.protocol() != bind.protocol())
        bind = QHostAddress();
    new Request(this, url, bind, timeoutMs, maxBodyBytes, std::move(done));
}

} // namespace opendo::discovery
