#include "transfer/HttpSourceChain.h"

#include "log/LogCategories.h"

namespace opendo::transfer {

namespace {
// Pause before asking the first cache server again after all of them failed, so a list of
// servers that refuse at once does not spin while the fallback delay runs.
constexpr int kCacheRetryPauseMs = 1000;
// A cache server gets one attempt per range: DO moves on after the first failure.
constexpr int kCacheServerAttempts = 1;
constexpr int kCacheServerStallMs = 10'000;
} // namespace

HttpSourceChain::HttpSourceChain(QNetworkAccessManager& network, QUrl origin, CacheServerPlan plan,
                                 HttpSourceOptions options, BandwidthLimiter* limiter,
                                 QObject* parent)
    : QObject(parent), m_network(network), m_origin(std::move(origin)), m_plan(std::move(plan)),
      m_options(options), m_limiter(limiter)
{
    m_sinceStart.start();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &HttpSourceChain::open);
    // Only origins a cache server can stand in for (plain HTTP) go through one.
    if (!m_plan.empty() && cacheServerUrl(m_plan.servers.front(), m_origin).isValid())
        m_index = 0;
    open();
}

HttpSourceChain::~HttpSourceChain()
{
    dropSource();
}

SourceClass HttpSourceChain::sourceClass() const
{
    return m_index >= 0 ? SourceClass::CacheServer : SourceClass::Http;
}

QUrl HttpSourceChain::cacheServer() const
{
    return m_index >= 0 ? m_plan.servers.at(m_index) : QUrl();
}

bool HttpSourceChain::rangesSupported() const
{
    return !m_source || m_source->rangesSupported();
}

void HttpSourceChain::setExpectedSize(qint64 size)
{
    m_expectedSize = size;
    if (m_source)
        m_source->setExpectedSize(size);
}

QUrl HttpSourceChain::targetUrl() const
{
    return m_index >= 0 ? cacheServerUrl(m_plan.servers.at(m_index), m_origin) : m_origin;
}

void HttpSourceChain::open()
{
    HttpSourceOptions options = m_options;
    if (m_index >= 0) {
        options.maxAttempts = kCacheServerAttempts;
        options.stallTimeoutMs = qMin(options.stallTimeoutMs, kCacheServerStallMs);
    }
    m_source = new HttpRangeSource(m_network, targetUrl(), options, m_limiter, this);
    m_source->setExpectedSize(m_expectedSize);
    connect(m_source, &HttpRangeSource::dataReceived, this, &HttpSourceChain::dataReceived);
    connect(m_source, &HttpRangeSource::rangeFinished, this, [this](quint64 tag) {
        m_inFlight.remove(tag);
        Q_EMIT rangeFinished(tag);
    });
    connect(m_source, &HttpRangeSource::rangeFailed, this,
            [this](quint64 tag, const HttpError& error) {
                if (m_index >= 0) {
                    fallBack(error.message, true); // ends this range with the others
                    return;
                }
                m_inFlight.remove(tag);
                Q_EMIT rangeFailed(tag, error);
            });
    connect(m_source, &HttpRangeSource::connectionOpened, this,
            [this] { Q_EMIT connectionOpened(sourceClass()); });
    connect(m_source, &HttpRangeSource::probed, this, [this](qint64 size, bool ranges) {
        m_probing = false;
        Q_EMIT probed(size, ranges);
    });
    connect(m_source, &HttpRangeSource::probeFailed, this, [this](const HttpError& error) {
        if (m_index >= 0) {
            fallBack(error.message, true); // probes the next one
            return;
        }
        m_probing = false;
        Q_EMIT probeFailed(error);
    });
    if (m_probing)
        m_source->probe();
    for (const PendingFetch& f : std::exchange(m_pending, {}))
        m_source->fetch(f.tag, f.offset, f.length);
}

void HttpSourceChain::dropSource()
{
    if (!m_source)
        return;
    m_source->disconnect(this);
    m_source->cancelAll();
    m_source->deleteLater(); // it may be the sender of the signal being handled
    m_source = nullptr;
}

void HttpSourceChain::probe()
{
    m_probing = true;
    if (m_source)
        m_source->probe();
}

void HttpSourceChain::fetch(quint64 tag, qint64 offset, qint64 length)
{
    m_inFlight.insert(tag);
    if (m_source)
        m_source->fetch(tag, offset, length);
    else
        m_pending.append({tag, offset, length});
}

void HttpSourceChain::cancelAll()
{
    m_inFlight.clear();
    m_pending.clear();
    if (m_source)
        m_source->cancelAll();
}

void HttpSourceChain::distrustCacheServer(const QString& why)
{
    if (m_index >= 0)
        fallBack(why, false);
}

void HttpSourceChain::fallBack(const QString& why, bool otherCacheServersAllowed)
{
    const QString failed = m_plan.servers.at(m_index).authority();
    dropSource();
    const qint64 delayMs = qint64(m_plan.fallbackDelaySeconds) * 1000;
    const bool stayWithCaches = otherCacheServersAllowed && m_sinceStart.elapsed() < delayMs;
    if (stayWithCaches) {
        m_index = (m_index + 1) % int(m_plan.servers.size());
        qCInfo(log::lcTransfer).noquote()
            << "cache server" << failed << "failed:" << why << "- trying"
            << m_plan.servers.at(m_index).authority() << "(origin in"
            << (delayMs - m_sinceStart.elapsed()) / 1000 << "s)";
    } else {
        m_index = -1;
        qCInfo(log::lcTransfer).noquote() << "cache server" << failed << "failed:" << why
                                          << "- falling back to" << m_origin.toString();
    }
    // The ranges of the server that failed end here; the download asks for them again.
    const QSet<quint64> abandoned = std::exchange(m_inFlight, {});
    m_pending.clear();
    if (stayWithCaches && m_index == 0)
        m_retry.start(kCacheRetryPauseMs); // round the list once more, after a pause
    else
        open();
    for (quint64 tag : abandoned)
        Q_EMIT rangeFinished(tag);
}

} // namespace opendo::transfer
