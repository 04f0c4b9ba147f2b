#pragma once

// Fetches byte ranges of one origin URL with HTTP Range requests: several in flight, 206 and
// Content-Range checked, servers that ignore Range handled, redirects followed, transient
// failures retried with exponential backoff, the body streamed in chunks (never whole).

#include "transfer/BandwidthLimiter.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QObject>
#include <QUrl>

namespace opendo::transfer {

struct HttpError
{
    enum class Kind
    {
        None,
        HostNotFound,
        ConnectionRefused,
        Timeout,
        NotFound,        // 404/410
        HttpStatus,      // other 4xx/5xx after retries
        Truncated,       // body ended early, retries exhausted
        SizeChanged,     // Content-Range total / Content-Length differs from the expected size
        BadContentRange, // 206 whose range is not the one requested
        Proxy,
        Other,
    };
    Kind kind = Kind::None;
    QString message; // names the URL and what happened, for users
};

struct HttpSourceOptions
{
    int maxAttempts = 5;        // per range, first try included
    int initialBackoffMs = 500; // doubles per retry
    int stallTimeoutMs = 30000; // no bytes for this long -> retry
    TrafficClass trafficClass = TrafficClass::Foreground;
};

class HttpRangeSource : public QObject
{
    Q_OBJECT
public:
    HttpRangeSource(QNetworkAccessManager& network, QUrl url, HttpSourceOptions options,
                    BandwidthLimiter* limiter, QObject* parent = nullptr);
    ~HttpRangeSource() override;

    const QUrl& url() const { return m_url; }
    // The file size the ranges must agree with; -1 until known (then the first answer that
    // states a size sets it, and later answers must agree).
    void setExpectedSize(qint64 size) { m_expectedSize = size; }
    qint64 expectedSize() const { return m_expectedSize; }
    // Learns the size (and whether ranges work) with a HEAD-less probe: GET bytes=0-0.
    void probe();
    // False once the server answered a ranged GET with 200: callers should then ask for one
    // range covering everything still missing.
    bool rangesSupported() const { return m_rangesSupported; }

    // Starts fetching [offset, offset+length); data arrives through dataReceived in order.
    void fetch(quint64 tag, qint64 offset, qint64 length);
    void cancel(quint64 tag);
    void cancelAll();
    int inFlight() const;

    // Outcomes (data, finished, failed, probed) come from the event loop, never from inside
    // fetch()/probe(); connectionOpened comes as each request goes out. A receiver may cancel
    // or fetch from its slot; to get rid of the source there, use deleteLater().
Q_SIGNALS:
    void probed(qint64 size, bool rangesSupported);
    void probeFailed(const opendo::transfer::HttpError& error);
    void dataReceived(quint64 tag, qint64 offset, const QByteArray& chunk);
    void rangeFinished(quint64 tag);
    void rangeFailed(quint64 tag, const opendo::transfer::HttpError& error);
    void connectionOpened(); // per request started, for connection counts

private:
    struct Request;
    class Impl;
    QNetworkAccessManager& m_network;
    QUrl m_url;
    HttpSourceOptions m_options;
    BandwidthLimiter* m_limiter;
    qint64 m_expectedSize = -1;
    bool m_rangesSupported = true;
    Impl* m_impl = nullptr;
};

// Proxy for a URL: an explicit proxy URL wins; otherwise http_proxy / https_proxy (and their
// upper-case forms) with no_proxy exclusions, as curl reads them. `environment` is in
// QProcess::systemEnvironment() form ("NAME=value").
QNetworkProxy proxyFor(const QUrl& url, const QString& explicitProxy,
                       const QStringList& environment);

// Qt cannot set a proxy per request, so the agent's QNetworkAccessManager gets a proxy factory
// that answers every request with proxyFor(url, explicitProxy, the environment read at this call).
// The manager owns the factory; call again when the explicit proxy policy changes.
void configureProxy(QNetworkAccessManager& network, const QString& explicitProxy);

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::HttpError)
