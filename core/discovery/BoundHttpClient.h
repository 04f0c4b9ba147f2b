#pragma once

// A minimal HTTP/1.1 GET client whose connections leave from a chosen local address. Agents
// talk to the discovery service from the address they listen on for peers, because that is
// the address the service matches them by — QNetworkAccessManager cannot bind, and on a lab
// machine with agents on 127.0.0.2, 127.0.0.3, … the service would otherwise see them all as
// 127.0.0.1, one device. One request per connection ("Connection: close"); bodies by
// Content-Length, chunked or until close; size-capped; timed out as a whole.

#include <QByteArray>
#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>

namespace opendo::discovery {

struct HttpGetResult
{
    bool answered = false; // a complete HTTP response arrived (any status)
    int status = 0;
    QByteArray body;
    QString error; // translated; when !answered, or the response was malformed/too large
};

class BoundHttpClient : public QObject
{
    Q_OBJECT
public:
    explicit BoundHttpClient(QObject* parent = nullptr);
    ~BoundHttpClient() override;

    // Null = let the system choose (also used when the families differ).
    void setBindAddress(const QHostAddress& address) { m_bindAddress = address; }

    // Calls done exactly once, on this object's thread, unless the client is destroyed first.
    void get(const QUrl& url, int timeoutMs, qint64 maxBodyBytes,
             std::function<void(HttpGetResult)> done);

private:
    class Request;
    QHostAddress m_bindAddress;
};

// Parses a complete response held in `raw` (status line, headers, body); public for tests.
// `complete` says whether the connection has ended (a body without a length runs to the end).
// Returns false while more bytes are needed; on a definite error sets result->error.
bool parseHttpResponse(const QByteArray& raw, bool complete, qint64 maxBodyBytes,
                       HttpGetResult* result);

} // namespace opendo::discovery
