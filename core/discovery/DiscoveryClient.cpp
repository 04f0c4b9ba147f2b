#include "discovery/DiscoveryClient.h"

#include "log/LogCategories.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace opendo::discovery {

namespace {

constexpr int kAnnounceTickMs = 250;
constexpr int kMaxInFlight = 16;
constexpr qint64 kMaxBackoffMs = 30'000;
constexpr qint64 kHealthIntervalMs = 30'000;
constexpr qint64 kMaxResponseBytes = 1024 * 1024;
constexpr qint64 kMaxMetainfoBytes = 16 * 1024 * 1024;
constexpr qsizetype kMaxCacheHosts = 16;

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct DiscoveryClientText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::discovery)
};

// A reply that never arrived (refused, timeout, DNS) or a server error: the service is not
// there for us. A 4xx or a bencoded failure reason means it is there but said no.
bool isOutage(const HttpGetResult& reply)
{
    return !reply.answered || reply.status >= 500;
}

QString describe(const HttpGetResult& reply, const QUrl& url)
{
    const QString where = url.toString(QUrl::RemoveQuery);
    if (reply.answered)
        return DiscoveryClientText::tr("HTTP %1 from %2").arg(reply.status).arg(where);
    return DiscoveryClientText::tr("%1 (%2)").arg(reply.error, where);
}

} // namespace

QUrl serviceEndpoint(const QUrl& base, const QString& path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

DiscoveryClient::DiscoveryClient(QObject* parent) : QObject(parent), m_http(this)
{
    m_clock.start();
    m_tick.setInterval(kAnnounceTickMs);
    connect(&m_tick, &QTimer::timeout, this, &DiscoveryClient::tick);
}

DiscoveryClient::~DiscoveryClient() = default;

void DiscoveryClient::setServiceUrl(const QUrl& baseUrl)
{
    if (baseUrl == m_baseUrl)
        return;
    m_baseUrl = baseUrl;
    for (Item& item : m_items) {
        item.dueMs = 0;
        item.started = false;
        item.completedSent = false;
        item.failures = 0;
    }
    m_consecutiveFailures = 0;
    m_nextProbeMs = 0;
    if (!m_cacheHosts.isEmpty()) {
        m_cacheHosts.clear(); // another service names its own
        Q_EMIT cacheHostsChanged();
    }
    m_state = m_baseUrl.isEmpty() ? DiscoveryState::NotConfigured : DiscoveryState::Contacting;
    if (m_baseUrl.isEmpty())
        m_tick.stop();
    else
        m_tick.start();
    qCInfo(log::lcAgent).noquote()
        << "discovery service:"
        << (m_baseUrl.isEmpty() ? QStringLiteral("none") : m_baseUrl.toString());
    Q_EMIT statusChanged();
    tick();
}

void DiscoveryClient::setIdentity(const AnnounceIdentity& identity)
{
    m_identity = identity;
    // Announces leave from the address peers reach us at: that is the address the service
    // matches us by (and, behind a NAT, translates).
    m_http.setBindAddress(identity.localAddress);
}

void DiscoveryClient::setScope(const AnnounceScope& scope, const QString& groupIdSource)
{
    m_groupIdSource = groupIdSource;
    if (scope == m_scope)
        return;
    m_scope = scope;
    // Peers and keys depend on the scope: ask again now rather than at the next interval.
    for (Item& item : m_items)
        item.dueMs = 0;
    Q_EMIT statusChanged();
}

void DiscoveryClient::setTracked(const QList<TrackedContent>& contents)
{
    QSet<QString> seen;
    bool urgent = false;
    for (const TrackedContent& content : contents) {
        seen.insert(content.contentId);
        auto it = m_items.find(content.contentId);
        if (it == m_items.end()) {
            Item item;
            item.content = content;
            m_items.insert(content.contentId, item);
            urgent = true;
            continue;
        }
        const bool justCompleted = it->content.left > 0 && content.left == 0;
        it->content = content;
        if (justCompleted) {
            it->dueMs = 0;
            urgent = true;
        }
    }
    for (auto it = m_items.begin(); it != m_items.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        if (it->started && !m_baseUrl.isEmpty())
            sendStopped(it->content);
        it = m_items.erase(it);
    }
    // A download that starts should meet its peers before the origin has sent much.
    if (urgent)
        tick();
}

void DiscoveryClient::announceSoon(const QString& contentId)
{
    auto it = m_items.find(contentId);
    if (it != m_items.end()) {
        it->dueMs = 0;
        tick();
    }
}

void DiscoveryClient::tick()
{
    if (m_baseUrl.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    int inFlight = 0;
    for (const Item& item : std::as_const(m_items))
        inFlight += item.inFlight ? 1 : 0;
    for (Item& item : m_items) {
        if (inFlight >= kMaxInFlight)
            break;
        if (item.inFlight || item.dueMs > now)
            continue;
        AnnounceEvent event = AnnounceEvent::None;
        if (!item.started)
            event = AnnounceEvent::Started;
        else if (item.content.left == 0 && !item.completedSent)
            event = AnnounceEvent::Completed;
        sendAnnounce(item, event);
        ++inFlight;
    }
    // The health endpoint names this device's cache servers; with nothing to announce it also
    // keeps the state (and the mode) current.
    if (!m_probeInFlight && now >= m_nextProbeMs)
        probeHealth();
}

void DiscoveryClient::get(const QUrl& url, qint64 maxBody,
                          std::function<void(const HttpGetResult&)> done)
{
    m_lastAttempt = QDateTime::currentDateTime();
    m_http.get(url, m_timeoutMs, maxBody, std::move(done));
}

QUrl DiscoveryClient::announceUrl(const TrackedContent& content, AnnounceEvent event) const
{
    AnnounceRequest request;
    request.infoHash = content.infoHash;
    request.peerId = m_identity.peerId;
    request.port = m_identity.port;
    request.uploaded = content.uploaded;
    request.downloaded = content.downloaded;
    request.left = content.left;
    request.event = event;
    request.compact = true;
    request.opendo = true;
    request.downloadMode = m_scope.mode;
    request.groupId = m_scope.groupId;
    request.subnetBase = m_scope.subnetBase;
    request.subnetPrefix = m_scope.subnetPrefix;
    request.restrictToSubnet = m_scope.restrictToSubnet && m_scope.subnetPrefix >= 0;
    request.localAddress = m_identity.localAddress;
    QUrl url = serviceEndpoint(m_baseUrl, QStringLiteral("/announce"));
    url.setQuery(QString::fromLatin1(encodeAnnounceQuery(request)), QUrl::StrictMode);
    return url;
}

void DiscoveryClient::sendAnnounce(Item& item, AnnounceEvent event)
{
    const QUrl url = announceUrl(item.content, event);
    item.inFlight = true;
    const QString contentId = item.content.contentId;
    get(url, kMaxResponseBytes, [this, contentId, event](const HttpGetResult& reply) {
        onAnnounceFinished(reply, contentId, event);
    });
}

void DiscoveryClient::onAnnounceFinished(const HttpGetResult& reply, const QString& contentId,
                                         AnnounceEvent event)
{
    const QUrl announceUrl = serviceEndpoint(m_baseUrl, QStringLiteral("/announce"));
    auto it = m_items.find(contentId);
    if (it == m_items.end())
        return; // no longer tracked; its "stopped" went out separately
    Item& item = *it;
    item.inFlight = false;
    const qint64 now = m_clock.elapsed();
    if (isOutage(reply)) {
        ++item.failures;
        item.dueMs = now + backoffMs(item.failures);
        failed(describe(reply, announceUrl));
        return;
    }
    const AnnounceResponseParseResult parsed = parseAnnounceResponse(reply.body);
    if (reply.status != 200 || !parsed.ok) {
        // Answered, but not as a tracker: a proxy error page, a wrong URL.
        ++item.failures;
        item.dueMs = now + backoffMs(item.failures);
        failed(reply.status != 200
                   ? describe(reply, announceUrl)
                   : DiscoveryClientText::tr("malformed announce response from %1: %2")
                         .arg(m_baseUrl.toString(), parsed.error));
        return;
    }
    succeeded();
    const AnnounceResponse& response = parsed.response;
    if (!response.failureReason.isEmpty()) {
        // The service is there but refuses this announce (rate limit, mode 2 without group):
        // the mode stays, peers do not come; try again later.
        ++item.failures;
        item.dueMs = now + backoffMs(item.failures);
        if (m_refusal != response.failureReason) {
            m_refusal = response.failureReason;
            qCWarning(log::lcAgent).noquote()
                << "discovery refused the announce of" << contentId.left(12) << ":"
                << response.failureReason;
            Q_EMIT statusChanged();
        }
        return;
    }
    if (!m_refusal.isEmpty()) {
        m_refusal.clear();
        Q_EMIT statusChanged();
    }
    item.failures = 0;
    if (event == AnnounceEvent::Started)
        item.started = true;
    if (event == AnnounceEvent::Completed || (item.started && item.content.left == 0))
        item.completedSent = true;
    const int interval = qMax(response.intervalSeconds, qMax(1, response.minIntervalSeconds));
    item.dueMs = now + qint64(interval) * 1000;
    item.peersOffered = int(response.peers.size());
    if (response.hasOpendo && !response.publicAddress.isNull()) {
        const QString address = response.publicAddress.toString();
        if (address != m_publicAddress) {
            m_publicAddress = address;
            Q_EMIT statusChanged();
        }
    }
    Q_EMIT peersOffered(contentId, response);
}

void DiscoveryClient::sendStopped(const TrackedContent& content)
{
    get(announceUrl(content, AnnounceEvent::Stopped), kMaxResponseBytes,
        [](const HttpGetResult&) {});
}

void DiscoveryClient::probeHealth()
{
    m_probeInFlight = true;
    const QUrl url = serviceEndpoint(m_baseUrl, QStringLiteral("/v1/health"));
    get(url, kMaxResponseBytes, [this, url](const HttpGetResult& reply) {
        m_probeInFlight = false;
        const qint64 now = m_clock.elapsed();
        // Announces speak for the service's state while there are any.
        const bool decidesState = m_items.isEmpty();
        if (isOutage(reply) || reply.status != 200) {
            if (decidesState)
                failed(describe(reply, url));
            m_nextProbeMs =
                now + (decidesState ? backoffMs(m_consecutiveFailures) : kHealthIntervalMs);
            return;
        }
        if (decidesState)
            succeeded();
        m_nextProbeMs = now + kHealthIntervalMs;
        takeCacheHosts(reply.body);
    });
}

void DiscoveryClient::takeCacheHosts(const QByteArray& healthBody)
{
    const QJsonValue listed =
        QJsonDocument::fromJson(healthBody).object().value(QStringLiteral("cacheHosts"));
    QStringList items;
    for (const QJsonValue& item : listed.toArray())
        items << item.toString();
    QString problem;
    std::optional<QList<policy::CacheHostEntry>> hosts;
    if (!listed.isUndefined() && !listed.isArray())
        problem = DiscoveryClientText::tr("\"cacheHosts\" is not a list");
    else if (items.size() > kMaxCacheHosts)
        problem = DiscoveryClientText::tr("more than %1 cache servers").arg(kMaxCacheHosts);
    else
        hosts = policy::parseEveryCacheHost(items, &problem);
    // A service that names something that is not a server does not half-configure us.
    if (!hosts) {
        qCWarning(log::lcAgent).noquote()
            << "discovery service: ignoring its cache servers:" << problem;
        hosts.emplace();
    }
    if (*hosts == m_cacheHosts)
        return;
    m_cacheHosts = *hosts;
    const QStringList named = policy::cacheHostAuthorities(m_cacheHosts);
    qCInfo(log::lcAgent).noquote()
        << "discovery service: cache servers"
        << (named.isEmpty() ? QStringLiteral("none") : named.join(QStringLiteral(", ")));
    Q_EMIT cacheHostsChanged();
    Q_EMIT statusChanged();
}

void DiscoveryClient::lookupMetainfo(const QUrl& originUrl,
                                     std::function<void(MetainfoLookup)> done)
{
    if (m_baseUrl.isEmpty()) {
        done({});
        return;
    }
    QUrl url = serviceEndpoint(m_baseUrl, QStringLiteral("/v1/metainfo"));
    url.setQuery(QStringLiteral("url=") + QString::fromLatin1(QUrl::toPercentEncoding(
                                              originUrl.toString(QUrl::FullyEncoded))),
                 QUrl::StrictMode);
    get(url, kMaxMetainfoBytes, [this, url, done = std::move(done)](const HttpGetResult& reply) {
        MetainfoLookup result;
        if (reply.answered && reply.status == 404) {
            succeeded();
            done(result);
            return;
        }
        if (isOutage(reply) || reply.status != 200) {
            result.error = describe(reply, url);
            if (isOutage(reply))
                failed(result.error);
            done(result);
            return;
        }
        succeeded();
        result.torrent = reply.body;
        result.found = true;
        done(result);
    });
}

void DiscoveryClient::succeeded()
{
    m_lastContact = QDateTime::currentDateTime();
    m_consecutiveFailures = 0;
    if (m_state != DiscoveryState::Reachable) {
        if (m_state == DiscoveryState::Unreachable)
            qCInfo(log::lcAgent).noquote()
                << "discovery service" << m_baseUrl.toString() << "answers again";
        m_state = DiscoveryState::Reachable;
        Q_EMIT statusChanged();
    }
}

void DiscoveryClient::failed(const QString& error)
{
    ++m_consecutiveFailures;
    m_lastError = error;
    if (m_state != DiscoveryState::Unreachable) {
        qCWarning(log::lcAgent).noquote() << "discovery service unreachable:" << error;
        m_state = DiscoveryState::Unreachable;
    }
    Q_EMIT statusChanged();
}

qint64 DiscoveryClient::backoffMs(int failures) const
{
    // 1 s, 2 s, 4 s … 30 s: a restarted service is found again within half a minute.
    const int exponent = qBound(0, failures - 1, 10);
    return qMin<qint64>(kMaxBackoffMs, qint64(1000) << exponent);
}

DiscoveryStatus DiscoveryClient::status() const
{
    DiscoveryStatus s;
    s.state = m_state;
    s.serviceUrl = m_baseUrl.toString();
    s.lastError = m_lastError;
    s.refusal = m_refusal;
    s.lastContact = m_lastContact;
    s.lastAttempt = m_lastAttempt;
    s.publicAddress = m_publicAddress;
    s.groupId = m_scope.mode == 2 ? m_scope.groupId : QString();
    s.groupIdSource = m_scope.mode == 2 ? m_groupIdSource : QString();
    s.announcedContents = 0;
    for (const Item& item : m_items) {
        s.announcedContents += item.started ? 1 : 0;
        s.peersOffered += item.peersOffered;
    }
    s.consecutiveFailures = m_consecutiveFailures;
    s.cacheHosts = policy::cacheHostAuthorities(m_cacheHosts);
    if (m_state == DiscoveryState::Unreachable)
        s.retryInSeconds = int((backoffMs(m_consecutiveFailures) + 999) / 1000);
    return s;
}

} // namespace opendo::discovery
