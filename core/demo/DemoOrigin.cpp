#include "demo/DemoOrigin.h"

#include "discovery/server/HttpServer.h"

namespace opendo::demo {

namespace {

// "bytes=FIRST-LAST", "bytes=FIRST-" or "bytes=-SUFFIX" for a file of `size` bytes; one range is
// all an agent asks for. False when the header is not something we serve.
bool parseRange(const QByteArray& header, qint64 size, qint64* first, qint64* last)
{
    if (!header.startsWith("bytes=") || header.contains(','))
        return false;
    const QByteArray spec = header.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return false;
    bool okFirst = true;
    bool okLast = true;
    const QByteArray a = spec.left(dash);
    const QByteArray b = spec.mid(dash + 1);
    if (a.isEmpty()) {
        const qint64 suffix = b.toLongLong(&okLast);
        if (!okLast || suffix <= 0)
            return false;
        *first = qMax<qint64>(0, size - suffix);
        *last = size - 1;
    } else {
        *first = a.toLongLong(&okFirst);
        *last = b.isEmpty() ? size - 1 : qMin(b.toLongLong(&okLast), size - 1);
    }
    return okFirst && okLast && *first >= 0 && *first <= *last && *first < size;
}

discovery::HttpResponse plain(int status, const QByteArray& text)
{
    discovery::HttpResponse r;
    r.status = status;
    r.body = text + '\n';
    return r;
}

} // namespace

QUrl DemoOrigin::start(const QHostAddress& address, const QString& fileName, QString* error)
{
    const QByteArray path = '/' + QUrl::toPercentEncoding(fileName);
    auto handler = [state = m_state, path](const discovery::HttpRequest& request) {
        if (request.method != "GET")
            return plain(405, "only GET is served here");
        if (request.path != path)
            return plain(404, "no such file");
        QByteArray content;
        {
            QMutexLocker lock(&state->mutex);
            content = state->content;
        }
        const qint64 size = content.size();
        discovery::HttpResponse r;
        r.contentType = "application/octet-stream";
        r.extraHeaders << qMakePair(QByteArray("Accept-Ranges"), QByteArray("bytes"));
        const QByteArray rangeHeader = request.headers.value("range");
        if (rangeHeader.isEmpty()) {
            r.body = content;
        } else {
            qint64 first = 0;
            qint64 last = 0;
            if (!parseRange(rangeHeader, size, &first, &last)) {
                r = plain(416, "range not satisfiable");
                r.extraHeaders << qMakePair(QByteArray("Content-Range"),
                                            "bytes */" + QByteArray::number(size));
                return r;
            }
            r.status = 206;
            r.body = content.mid(first, last - first + 1);
            r.extraHeaders << qMakePair(QByteArray("Content-Range"),
                                        "bytes " + QByteArray::number(first) + '-' +
                                            QByteArray::number(last) + '/' +
                                            QByteArray::number(size));
        }
        state->served += r.body.size();
        return r;
    };
    auto* server = new discovery::HttpServer(handler);
    server->moveToThread(m_thread.start());
    m_thread.adopt(server);
    bool listening = false;
    quint16 port = 0;
    QMetaObject::invokeMethod(
        server,
        [server, address, error, &listening, &port] {
            listening = server->listen(address, 0, error);
            port = server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!listening)
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(address.toString());
    url.setPort(port);
    url.setPath(QString::fromLatin1(path), QUrl::TolerantMode);
    return url;
}

void DemoOrigin::setContent(QByteArray content)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->content = std::move(content);
}

} // namespace opendo::demo
