#include "transfer/HttpRangeSource.h"

#include "transfer/HttpContentRange.h"
#include "transfer/HttpFailure.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>
#include <algorithm>
#include <map>
#include <memory>

namespace opendo::transfer {

namespace {
// Largest piece handed to a receiver, and Qt's read buffer per reply: once it is full Qt stops
// reading the socket, so a throttled range holds at most this much and TCP slows the sender.
constexpr qint64 kChunkBytes = 256 * 1024;
constexpr int kMaxRedirects = 10;
constexpr int kMaxBackoffMs = 60000;
const QByteArray kUserAgent = QByteArrayLiteral("OpenDO/0.1");

enum class Step
{
    Continue, // headers fine, read the body
    NotYet,   // no final answer yet
    Done,     // the request was answered, failed or rescheduled: stop touching it
};
} // namespace

struct HttpRangeSource::Request
{
    quint64 tag = 0;
    bool probe = false;
    quint64 serial = 0;   // unique per request object, so a stale pointer is never trusted
    qint64 offset = 0;    // first byte of the range in the file
    qint64 length = 0;    // bytes in the range
    qint64 delivered = 0; // bytes already passed on; a retry asks for the rest only
    int attempts = 0;     // requests sent so far, the first one included
    QPointer<QNetworkReply> reply;
    bool headersChecked = false;
    bool replyDone = false; // Qt finished the reply; its buffer may still hold data
    bool started = false;   // left Qt's per-host queue: a silence now is the server's
    qint64 skip = 0;        // body bytes before the range (a server that ignored Range)
    bool gracefulEnd = false;
    quint64 retryTicket = 0; // matches the pending backoff timer, if any
    QElapsedTimer idle;      // since the last sign of life from the server
};

class HttpRangeSource::Impl
{
public:
    explicit Impl(HttpRangeSource* owner);
    ~Impl();

    void startProbe();
    void startFetch(quint64 tag, qint64 offset, qint64 length);
    void cancel(quint64 tag);
    void cancelAll();
    int inFlight() const { return static_cast<int>(m_ranges.size()); }

private:
    void send(Request& r);
    void pump(Request& r);
    void pumpAll();
    Step checkHeaders(Request& r);
    Step checkProbeHeaders(Request& r, int status);
    void replyEnded(Request& r);
    void fail(Request& r, const HttpFailure& failure);
    void finishRange(Request& r);
    void dropReply(Request& r, bool abort);
    void destroy(Request& r);
    // Re-finds a request after a signal went out: receivers may cancel or replace it.
    struct Key
    {
        bool probe;
        quint64 tag;
        quint64 serial;
    };
    static Key keyOf(const Request& r) { return {r.probe, r.tag, r.serial}; }
    Request* find(const Key& key) const;
    Request* adopt(std::unique_ptr<Request> r);
    qint64 grant(qint64 wanted);
    void watch();

    HttpRangeSource* q;
    std::map<quint64, std::unique_ptr<Request>> m_ranges;
    std::unique_ptr<Request> m_probe;
    QTimer m_watchdog;
    quint64 m_nextTicket = 1;
    quint64 m_nextSerial = 1;
};

HttpRangeSource::Impl::Impl(HttpRangeSource* owner) : q(owner)
{
    // One watchdog for all requests instead of a timer restarted on every read.
    const int stallMs = std::max(1, q->m_options.stallTimeoutMs);
    m_watchdog.setInterval(std::clamp(stallMs / 4, 10, 1000));
    QObject::connect(&m_watchdog, &QTimer::timeout, q, [this] { watch(); });
    if (q->m_limiter)
        QObject::connect(q->m_limiter, &BandwidthLimiter::available, q, [this] { pumpAll(); });
}

HttpRangeSource::Impl::~Impl()
{
    if (m_probe)
        dropReply(*m_probe, true);
    for (auto& [tag, r] : m_ranges)
        dropReply(*r, true);
}

HttpRangeSource::Request* HttpRangeSource::Impl::find(const Key& key) const
{
    Request* r = nullptr;
    if (key.probe) {
        r = m_probe.get();
    } else if (const auto it = m_ranges.find(key.tag); it != m_ranges.end()) {
        r = it->second.get();
    }
    return r && r->serial == key.serial ? r : nullptr;
}

HttpRangeSource::Request* HttpRangeSource::Impl::adopt(std::unique_ptr<Request> r)
{
    r->serial = m_nextSerial++;
    Request* raw = r.get();
    if (r->probe)
        m_probe = std::move(r);
    else
        m_ranges[raw->tag] = std::move(r);
    return raw;
}

void HttpRangeSource::Impl::startProbe()
{
    if (m_probe)
        destroy(*m_probe);
    auto r = std::make_unique<Request>();
    r->probe = true;
    r->length = 1;
    send(*adopt(std::move(r)));
}

void HttpRangeSource::Impl::startFetch(quint64 tag, qint64 offset, qint64 length)
{
    cancel(tag); // a tag names one range: asking again replaces the old request
    if (offset < 0 || length <= 0) {
        // Reported later, like every outcome, so callers never see a signal from inside fetch().
        HttpFailure failure;
        failure.cause =
            QCoreApplication::translate("opendo::transfer", "the range is empty or negative");
        const HttpError error = describeFailure(q->m_url, failure, offset, offset + length - 1, 0);
        QMetaObject::invokeMethod(
            q,
            [self = QPointer<HttpRangeSource>(q), tag, error] {
                if (self)
                    Q_EMIT self->rangeFailed(tag, error);
            },
            Qt::QueuedConnection);
        return;
    }
    auto r = std::make_unique<Request>();
    r->tag = tag;
    r->offset = offset;
    r->length = length;
    send(*adopt(std::move(r)));
}

void HttpRangeSource::Impl::cancel(quint64 tag)
{
    if (const auto it = m_ranges.find(tag); it != m_ranges.end())
        destroy(*it->second);
}

void HttpRangeSource::Impl::cancelAll()
{
    while (!m_ranges.empty())
        destroy(*m_ranges.begin()->second);
    if (m_probe)
        destroy(*m_probe);
}

void HttpRangeSource::Impl::send(Request& r)
{
    ++r.attempts;
    r.headersChecked = false;
    r.replyDone = false;
    r.started = false;
    r.skip = 0;
    r.gracefulEnd = false;
    r.idle.start();

    const qint64 first = r.offset + r.delivered;
    const qint64 last = r.offset + r.length - 1;
    QNetworkRequest request(q->m_url);
    request.setRawHeader("Range",
                         "bytes=" + QByteArray::number(first) + '-' + QByteArray::number(last));
    // Qt would otherwise ask for gzip and inflate it, and offsets would stop meaning bytes of
    // the file.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setHeader(QNetworkRequest::UserAgentHeader, kUserAgent);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    // One TCP connection per range: HTTP/2 would multiplex every range over one connection,
    // where the per-reply read buffer no longer turns into TCP backpressure.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);

    QNetworkReply* reply = q->m_network.get(request);
    reply->setReadBufferSize(kChunkBytes);
    r.reply = reply;
    Request* rp = &r;
    const auto lifeSign = [rp] {
        rp->started = true;
        rp->idle.restart();
    };
    QObject::connect(reply, &QNetworkReply::socketStartedConnecting, q, lifeSign);
    QObject::connect(reply, &QNetworkReply::requestSent, q, lifeSign);
    QObject::connect(reply, &QNetworkReply::metaDataChanged, q, [this, rp, lifeSign] {
        lifeSign();
        pump(*rp);
    });
    QObject::connect(reply, &QNetworkReply::readyRead, q, [this, rp, lifeSign] {
        lifeSign();
        pump(*rp);
    });
    QObject::connect(reply, &QNetworkReply::finished, q, [this, rp] {
        rp->replyDone = true;
        pump(*rp);
    });
    if (!m_watchdog.isActive())
        m_watchdog.start();
    Q_EMIT q->connectionOpened();
}

qint64 HttpRangeSource::Impl::grant(qint64 wanted)
{
    return q->m_limiter ? q->m_limiter->take(q->m_options.trafficClass, wanted) : wanted;
}

void HttpRangeSource::Impl::pump(Request& r)
{
    if (!r.reply)
        return;
    if (!r.headersChecked) {
        const Step step = checkHeaders(r);
        if (step == Step::Done)
            return;
        if (step == Step::NotYet) {
            if (r.replyDone)
                replyEnded(r);
            return;
        }
    }

    const QPointer<HttpRangeSource> guard(q);
    const Key key = keyOf(r);
    while (r.reply && r.delivered < r.length) {
        const qint64 available = r.reply->bytesAvailable();
        if (available <= 0)
            break;
        // Bytes skipped still crossed the network, so they are paid for like delivered ones.
        const qint64 wanted =
            std::min({available, r.skip > 0 ? r.skip : r.length - r.delivered, kChunkBytes});
        const qint64 granted = grant(wanted);
        if (granted <= 0)
            return; // the limiter's available() brings us back
        r.idle.restart();
        if (r.skip > 0) {
            r.skip -= std::max<qint64>(0, r.reply->skip(granted));
            continue;
        }
        const QByteArray chunk = r.reply->read(granted);
        if (chunk.isEmpty())
            break;
        const qint64 at = r.offset + r.delivered;
        r.delivered += chunk.size();
        Q_EMIT q->dataReceived(r.tag, at, chunk);
        if (!guard || find(key) != &r)
            return; // the receiver cancelled the range (or deleted us)
    }

    if (r.delivered >= r.length)
        finishRange(r);
    else if (r.replyDone && r.reply && r.reply->bytesAvailable() <= 0)
        replyEnded(r);
}

void HttpRangeSource::Impl::pumpAll()
{
    // Collect first: pumping emits, and receivers may cancel or start ranges meanwhile.
    QList<Key> waiting;
    for (auto& [tag, r] : m_ranges) {
        if (r->reply && r->reply->bytesAvailable() > 0)
            waiting << keyOf(*r);
    }
    const QPointer<HttpRangeSource> guard(q);
    for (const Key& key : waiting) {
        if (!guard)
            return;
        if (Request* r = find(key))
            pump(*r);
    }
}

Step HttpRangeSource::Impl::checkHeaders(Request& r)
{
    const QVariant statusAttr = r.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!statusAttr.isValid())
        return Step::NotYet; // nothing from the server yet (or a transport error, see finished)
    const int status = statusAttr.toInt();
    if (status >= 300 && status < 400)
        return Step::NotYet; // Qt follows redirects itself; a final 3xx is judged at the end
    if (r.probe)
        return checkProbeHeaders(r, status);

    const qint64 first = r.offset + r.delivered;
    const qint64 last = r.offset + r.length - 1;
    qint64& expected = q->m_expectedSize;
    if (status == 206) {
        const QByteArray header = r.reply->rawHeader("Content-Range");
        const auto range = parseContentRange(header);
        if (!range || range->first != first || range->last != last) {
            HttpFailure failure;
            failure.kind = HttpError::Kind::BadContentRange;
            failure.cause = QCoreApplication::translate(
                                "opendo::transfer",
                                "the server sent Content-Range \"%1\" for a request of bytes %2-%3")
                                .arg(QString::fromLatin1(header))
                                .arg(first)
                                .arg(last);
            fail(r, failure);
            return Step::Done;
        }
        if (range->total >= 0 && expected >= 0 && range->total != expected) {
            HttpFailure failure;
            failure.kind = HttpError::Kind::SizeChanged;
            failure.cause = QCoreApplication::translate("opendo::transfer",
                                                        "the file is now %1 bytes instead of %2")
                                .arg(range->total)
                                .arg(expected);
            fail(r, failure);
            return Step::Done;
        }
        // An unknown size is learned from the first answer, so later answers must agree.
        if (expected < 0 && range->total >= 0)
            expected = range->total;
        r.gracefulEnd = true;
    } else if (status == 200) {
        // The server ignores Range and sends the whole file: keep the part we want and tell the
        // caller to stop splitting the file into ranges.
        q->m_rangesSupported = false;
        const QVariant lengthAttr = r.reply->header(QNetworkRequest::ContentLengthHeader);
        const qint64 size = lengthAttr.isValid() ? lengthAttr.toLongLong() : -1;
        if (size >= 0 && expected >= 0 && size != expected) {
            HttpFailure failure;
            failure.kind = HttpError::Kind::SizeChanged;
            failure.cause = QCoreApplication::translate("opendo::transfer",
                                                        "the file is now %1 bytes instead of %2")
                                .arg(size)
                                .arg(expected);
            fail(r, failure);
            return Step::Done;
        }
        if (expected < 0 && size >= 0)
            expected = size;
        r.skip = first;
        r.gracefulEnd = size >= 0 && last == size - 1; // the body ends where the range ends
    } else {
        fail(r, statusFailure(
                    status,
                    r.reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
        return Step::Done;
    }
    r.headersChecked = true;
    return Step::Continue;
}

Step HttpRangeSource::Impl::checkProbeHeaders(Request& r, int status)
{
    qint64 size = -1;
    bool ranges = false;
    if (status == 206) {
        const auto range = parseContentRange(r.reply->rawHeader("Content-Range"));
        if (!range || range->first != 0 || range->last != 0 || range->total < 0) {
            HttpFailure failure;
            failure.kind = HttpError::Kind::BadContentRange;
            failure.cause = QCoreApplication::translate(
                                "opendo::transfer",
                                "the server sent Content-Range \"%1\" for a request of bytes 0-0")
                                .arg(QString::fromLatin1(r.reply->rawHeader("Content-Range")));
            fail(r, failure);
            return Step::Done;
        }
        size = range->total;
        ranges = true;
    } else if (status == 200) {
        const QVariant lengthAttr = r.reply->header(QNetworkRequest::ContentLengthHeader);
        if (!lengthAttr.isValid()) {
            HttpFailure failure;
            failure.cause = QCoreApplication::translate(
                "opendo::transfer", "the server ignores byte ranges and does not state the size");
            fail(r, failure);
            return Step::Done;
        }
        size = lengthAttr.toLongLong();
    } else {
        fail(r, statusFailure(
                    status,
                    r.reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
        return Step::Done;
    }

    qint64& expected = q->m_expectedSize;
    if (expected >= 0 && size != expected) {
        HttpFailure failure;
        failure.kind = HttpError::Kind::SizeChanged;
        failure.cause = QCoreApplication::translate("opendo::transfer",
                                                    "the file is now %1 bytes instead of %2")
                            .arg(size)
                            .arg(expected);
        fail(r, failure);
        return Step::Done;
    }
    expected = size;
    q->m_rangesSupported = ranges;
    // A 200 would go on to send the whole file: stop it at once.
    dropReply(r, !ranges);
    m_probe.reset();
    Q_EMIT q->probed(size, ranges);
    return Step::Done;
}

void HttpRangeSource::Impl::replyEnded(Request& r)
{
    QNetworkReply* reply = r.reply;
    if (r.headersChecked) {
        // A good answer whose body stopped short: the server or the path closed it.
        HttpFailure failure;
        failure.kind = HttpError::Kind::Truncated;
        failure.retry = true;
        failure.cause =
            QCoreApplication::translate("opendo::transfer",
                                        "the server closed the connection after %1 of %2 bytes")
                .arg(r.delivered)
                .arg(r.length);
        fail(r, failure);
        return;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (reply->error() == QNetworkReply::NoError && status.isValid()) {
        // A final 3xx that Qt did not follow (no Location, say).
        fail(r, statusFailure(
                    status.toInt(),
                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray()));
        return;
    }
    fail(r, networkFailure(reply->error(), reply->errorString(), q->m_url));
}

void HttpRangeSource::Impl::fail(Request& r, const HttpFailure& failure)
{
    dropReply(r, true);
    if (failure.retry && r.attempts < std::max(1, q->m_options.maxAttempts)) {
        // Exponential backoff: initial, 2x, 4x ... capped at a minute.
        const int shift = std::min(r.attempts - 1, 16);
        const qint64 delay = std::min<qint64>(
            static_cast<qint64>(std::max(0, q->m_options.initialBackoffMs)) << shift,
            kMaxBackoffMs);
        const quint64 ticket = m_nextTicket++;
        r.retryTicket = ticket;
        QTimer::singleShot(static_cast<int>(delay), q, [this, key = keyOf(r), ticket] {
            // Cancelled or replaced meanwhile: the key or the ticket no longer matches.
            Request* again = find(key);
            if (again && again->retryTicket == ticket && !again->reply)
                send(*again);
        });
        return;
    }
    const HttpError error =
        describeFailure(q->m_url, failure, r.offset, r.offset + r.length - 1, r.attempts);
    if (r.probe) {
        m_probe.reset();
        Q_EMIT q->probeFailed(error);
        return;
    }
    const quint64 tag = r.tag;
    m_ranges.erase(tag);
    Q_EMIT q->rangeFailed(tag, error);
}

void HttpRangeSource::Impl::finishRange(Request& r)
{
    // A 206 that ended exactly at the range can finish on its own and leave its connection for
    // the next request; anything with more body to come is cut off.
    const bool graceful = r.gracefulEnd && r.reply && r.reply->bytesAvailable() <= 0;
    dropReply(r, !graceful);
    const quint64 tag = r.tag;
    m_ranges.erase(tag);
    Q_EMIT q->rangeFinished(tag);
}

void HttpRangeSource::Impl::dropReply(Request& r, bool abort)
{
    QNetworkReply* reply = r.reply;
    r.reply = nullptr;
    if (!reply)
        return;
    QObject::disconnect(reply, nullptr, q, nullptr);
    if (!abort && reply->isRunning()) {
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
        return;
    }
    // Deleting a running reply cancels its HTTP request (and closes the connection). abort()
    // would do it a moment earlier but races with an error the HTTP thread may already have
    // queued for the reply, which Qt reports as an "internal problem".
    reply->deleteLater();
}

void HttpRangeSource::Impl::destroy(Request& r)
{
    dropReply(r, true);
    if (r.probe)
        m_probe.reset();
    else
        m_ranges.erase(r.tag);
}

void HttpRangeSource::Impl::watch()
{
    QList<Key> stalled;
    const auto inspect = [&](Request* r) {
        if (!r->reply || r->replyDone || !r->started)
            return; // waiting for a retry, for our reading, or in Qt's queue for a connection
        if (r->reply->bytesAvailable() > 0)
            r->idle.restart(); // data is there: we are the slow side (throttled), not the server
        else if (q->m_options.stallTimeoutMs > 0 &&
                 r->idle.elapsed() >= q->m_options.stallTimeoutMs)
            stalled << keyOf(*r);
    };
    if (m_probe)
        inspect(m_probe.get());
    for (auto& [tag, r] : m_ranges)
        inspect(r.get());
    if (!m_probe && m_ranges.empty())
        m_watchdog.stop();

    const QPointer<HttpRangeSource> guard(q);
    for (const Key& key : stalled) {
        if (!guard)
            return;
        Request* r = find(key);
        if (!r)
            continue;
        HttpFailure failure;
        failure.kind = HttpError::Kind::Timeout;
        failure.retry = true;
        failure.cause = QCoreApplication::translate(
                            "opendo::transfer", "no data arrived for %1 ms after %2 of %3 bytes")
                            .arg(q->m_options.stallTimeoutMs)
                            .arg(r->delivered)
                            .arg(r->length);
        fail(*r, failure);
    }
}

HttpRangeSource::HttpRangeSource(QNetworkAccessManager& network, QUrl url,
                                 HttpSourceOptions options, BandwidthLimiter* limiter,
                                 QObject* parent)
    : QObject(parent), m_network(network), m_url(std::move(url)), m_options(options),
      m_limiter(limiter)
{
    qRegisterMetaType<opendo::transfer::HttpError>();
    m_impl = new Impl(this);
}

HttpRangeSource::~HttpRangeSource()
{
    delete m_impl;
}

void HttpRangeSource::probe()
{
    m_impl->startProbe();
}

void HttpRangeSource::fetch(quint64 tag, qint64 offset, qint64 length)
{
    m_impl->startFetch(tag, offset, length);
}

void HttpRangeSource::cancel(quint64 tag)
{
    m_impl->cancel(tag);
}

void HttpRangeSource::cancelAll()
{
    m_impl->cancelAll();
}

int HttpRangeSource::inFlight() const
{
    return m_impl->inFlight();
}

} // namespace opendo::transfer
