#include "discovery/server/DiscoveryServer.h"

#include "discovery/server/DiscoveryStore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>
#include <algorithm>
#include <openssl/crypto.h>

namespace opendo::discovery {

Q_LOGGING_CATEGORY(lcDiscovery, "opendo.discovery")

namespace {

constexpr int kMaintenanceIntervalMs = 5'000;
constexpr qint64 kSaveIntervalMs = 30'000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

HttpResponse jsonResponse(int status, const QJsonObject& object)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "application/json";
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

HttpResponse jsonError(int status, const QString& message)
{
    return jsonResponse(status, QJsonObject{{QStringLiteral("error"), message}});
}

HttpResponse announceBody(const QByteArray& body)
{
    HttpResponse response;
    response.contentType = "text/plain";
    response.body = body;
    // Announce answers are per client and moment; caches in between must not replay them.
    response.extraHeaders.append(qMakePair(QByteArray("Cache-Control"), QByteArray("no-store")));
    return response;
}

QJsonObject countsObject(const QHash<QString, int>& counts)
{
    QJsonObject object;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// Compares digests, so neither the comparison's time nor its length check depends on where
// (or whether) the strings differ.
bool sameSecret(QByteArrayView given, QByteArrayView expected)
{
    const QByteArray a = QCryptographicHash::hash(given, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

QString applicationVersion()
{
    const QString version = QCoreApplication::applicationVersion();
    return version.isEmpty() ? QStringLiteral("0.1.0") : version;
}

} // namespace

DiscoveryServer::DiscoveryServer(DiscoveryServerOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)),
      m_keys(std::make_unique<SwarmKeys>(SwarmKeys::generateSecret())),
      m_catalog(m_options.maxPublished, m_options.maxPublishedBytes),
      m_rateLimiter(m_options.requestsPerSecondPerAddress, m_options.burstPerAddress)
{
    m_registry = std::make_unique<SwarmRegistry>(*m_keys, registryOptions());
    m_uptime.start();
    m_sinceSave.start();
    m_maintenanceTimer.setInterval(kMaintenanceIntervalMs);
    connect(&m_maintenanceTimer, &QTimer::timeout, this, &DiscoveryServer::expireAndSave);
}

DiscoveryServer::~DiscoveryServer()
{
    m_maintenanceTimer.stop();
    if (m_http)
        m_http->close();
    if (m_store && m_started) {
        const auto registrations = m_registry->registrations();
        if (m_store->saveRegistrations(registrations))
            qCInfo(lcDiscovery) << "saved" << registrations.size() << "registrations";
    }
}

SwarmRegistry::Options DiscoveryServer::registryOptions() const
{
    SwarmRegistry::Options options;
    options.intervalSeconds = std::max(1, m_options.intervalSeconds);
    options.minIntervalSeconds = std::min(options.minIntervalSeconds, options.intervalSeconds);
    options.maxPeersPerResponse = std::max(0, m_options.maxPeersPerResponse);
    return options;
}

bool DiscoveryServer::start(QString* error)
{
    if (m_started) {
        if (error)
            *error = tr("The discovery service is already running.");
        return false;
    }
    const qint64 now = nowMs();
    if (!m_options.databasePath.isEmpty()) {
        auto store = std::make_unique<DiscoveryStore>(m_options.databasePath);
        if (!store->open(error))
            return false;
        // The registry keeps a reference to the keys: replace both together, while empty.
        m_registry.reset();
        m_keys = std::make_unique<SwarmKeys>(store->loadOrCreateSecret());
        m_registry = std::make_unique<SwarmRegistry>(*m_keys, registryOptions());
        int published = 0;
        for (const QByteArray& torrent : store->loadPublished()) {
            const PublishResult result = m_catalog.publish(torrent, now);
            if (result.ok)
                ++published;
            else
                qCWarning(lcDiscovery) << "skipping stored content:" << result.error;
        }
        const auto registrations = store->loadRegistrations();
        m_registry->restore(registrations, now);
        m_store = std::move(store);
        qCInfo(lcDiscovery).noquote()
            << "database" << m_options.databasePath << "published:" << published
            << "registrations:" << m_registry->peerCount();
    }

    auto http = std::make_unique<HttpServer>(
        [this](const HttpRequest& request) { return handle(request); }, m_options.httpLimits);
    http->setRejectFormatter([this](const QByteArray& path, int status, const QByteArray& message) {
        return rejectResponse(path, status, message);
    });
    // An unauthorised publisher is refused before it can make us buffer its body.
    http->setHeadFilter([this](const HttpRequest& request) -> std::optional<HttpResponse> {
        if (request.path != "/v1/publish" || request.method != "POST")
            return std::nullopt;
        std::optional<HttpResponse> refusal = publishRefusal(request);
        // Refused attempts count against the client's rate limit, so tokens cannot be guessed
        // at line rate; accepted ones are counted by handle().
        if (refusal && !m_rateLimiter.allow(request.peerAddress, nowMs())) {
            ++m_rateLimited;
            refusal = jsonError(429, QStringLiteral("rate limit exceeded, retry later"));
            refusal->extraHeaders.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        }
        return refusal;
    });
    if (!http->listen(m_options.address, m_options.port, error))
        return false;
    m_http = std::move(http);
    m_started = true;
    m_uptime.start();
    m_sinceSave.start();
    m_maintenanceTimer.start();
    qCInfo(lcDiscovery).noquote() << "listening on" << baseUrl() << "- publishing"
                                  << (m_options.publishToken.isEmpty()
                                          ? "from loopback clients only"
                                          : "with the publish token only");
    return true;
}

quint16 DiscoveryServer::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

QHostAddress DiscoveryServer::address() const
{
    return m_http ? m_http->serverAddress() : m_options.address;
}

QString DiscoveryServer::baseUrl() const
{
    const QHostAddress host = address();
    QString text = host.toString();
    if (host == QHostAddress(QHostAddress::Any))
        text = QStringLiteral("*"); // every IPv4 and IPv6 address
    else if (host.protocol() == QAbstractSocket::IPv6Protocol)
        text = QLatin1Char('[') + text + QLatin1Char(']');
    return QStringLiteral("http://%1:%2").arg(text).arg(port());
}

PublishResult DiscoveryServer::publish(const QByteArray& torrent, const QString& by)
{
    PublishResult result = m_catalog.publish(torrent, nowMs());
    if (!result.ok) {
        if (result.refusal == PublishResult::Refusal::Full)
            qCWarning(lcDiscovery).noquote() << "publishing by" << by << "refused:" << result.error;
        return result;
    }
    if (m_store && !m_store->savePublished(result.content))
        qCWarning(lcDiscovery) << "published content not saved:" << result.content.contentId;
    qCInfo(lcDiscovery).noquote() << "published" << result.content.contentId << result.content.name
                                  << "by" << by;
    for (const ReplacedUrl& replaced : std::as_const(result.replacedUrls)) {
        qCWarning(lcDiscovery).noquote()
            << "URL" << replaced.url.toString(QUrl::FullyEncoded) << "re-pointed from content"
            << replaced.previousContentId << "to" << result.content.contentId << "by" << by;
    }
    return result;
}

std::optional<HttpResponse> DiscoveryServer::publishRefusal(const HttpRequest& request) const
{
    if (m_options.publishToken.isEmpty()) {
        if (request.peerAddress.isLoopback())
            return std::nullopt;
        return jsonError(403, QStringLiteral("publishing is accepted only from this host: the "
                                             "service was started without --publish-token"));
    }
    const QByteArray authorization = request.headers.value("authorization");
    const qsizetype space = authorization.indexOf(' ');
    const bool bearer =
        space > 0 && authorization.first(space).compare("Bearer", Qt::CaseInsensitive) == 0;
    if (bearer &&
        sameSecret(authorization.sliced(space + 1).trimmed(), m_options.publishToken.toUtf8()))
        return std::nullopt;
    HttpResponse response = jsonError(
        401, bearer ? QStringLiteral("wrong publish token")
                    : QStringLiteral("publishing needs the service's publish token: send "
                                     "\"Authorization: Bearer TOKEN\" (doctl publish --token, or "
                                     "OPENDO_PUBLISH_TOKEN)"));
    response.extraHeaders.append(
        qMakePair(QByteArray("WWW-Authenticate"),
                  QByteArray(bearer ? "Bearer realm=\"do-discovery\", error=\"invalid_token\""
                                    : "Bearer realm=\"do-discovery\"")));
    return response;
}

HttpResponse DiscoveryServer::rejectResponse(const QByteArray& path, int status,
                                             const QByteArray& message)
{
    if (path == "/announce") {
        // As for every other announce refusal: what a tracker client shows its user.
        ++m_announceFailures;
        return announceBody(encodeAnnounceFailure(QString::fromUtf8(message)));
    }
    if (path.startsWith("/v1/"))
        return jsonError(status, QString::fromUtf8(message));
    return HttpResponse{status, "text/plain; charset=utf-8", message + '\n', {}};
}

HttpResponse DiscoveryServer::handle(const HttpRequest& request)
{
    const bool isAnnounce = request.path == "/announce";
    if (!m_rateLimiter.allow(request.peerAddress, nowMs())) {
        ++m_rateLimited;
        if (isAnnounce)
            return announceBody(
                encodeAnnounceFailure(QStringLiteral("rate limit exceeded, retry later")));
        HttpResponse response = jsonError(429, QStringLiteral("rate limit exceeded, retry later"));
        response.extraHeaders.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
        return response;
    }

    struct Route
    {
        const char* path;
        const char* method;
    };
    static const Route kRoutes[] = {
        {"/announce", "GET"},  {"/v1/publish", "POST"}, {"/v1/metainfo", "GET"},
        {"/v1/health", "GET"}, {"/v1/swarms", "GET"},   {"/metrics", "GET"},
    };
    const auto route = std::find_if(std::begin(kRoutes), std::end(kRoutes),
                                    [&](const Route& r) { return r.path == request.path; });
    if (route == std::end(kRoutes))
        return jsonError(404, QStringLiteral("not found"));
    if (request.method != route->method) {
        HttpResponse response = jsonError(405, QStringLiteral("method not allowed"));
        response.extraHeaders.append(qMakePair(QByteArray("Allow"), QByteArray(route->method)));
        return response;
    }

    if (isAnnounce)
        return handleAnnounce(request);
    if (request.path == "/v1/publish")
        return handlePublish(request);
    if (request.path == "/v1/metainfo")
        return handleMetainfo(request);
    if (request.path == "/v1/health")
        return handleHealth(request);
    if (request.path == "/v1/swarms")
        return handleSwarms();
    return handleMetrics();
}

HttpResponse DiscoveryServer::handleAnnounce(const HttpRequest& request)
{
    ++m_announces;
    const AnnounceParseResult parsed = parseAnnounceQuery(request.query);
    if (!parsed.ok) {
        ++m_announceFailures;
        qCDebug(lcDiscovery).noquote()
            << "announce refused from" << request.peerAddress.toString() << parsed.error;
        return announceBody(encodeAnnounceFailure(parsed.error));
    }
    const QHostAddress& seen = request.peerAddress;
    const AnnounceResponse response =
        m_registry->announce(parsed.request, seen, m_options.natMap.publicAddressOf(seen), nowMs());
    if (!response.failureReason.isEmpty()) {
        ++m_announceFailures;
        return announceBody(encodeAnnounceFailure(response.failureReason));
    }
    const AnnounceRequest& req = parsed.request;
    return announceBody(encodeAnnounceResponse(response, req.compact || req.opendo, req.opendo));
}

HttpResponse DiscoveryServer::handlePublish(const HttpRequest& request)
{
    // Already checked on the head when the request came over HTTP; handle() is also called
    // directly (tests, the bench).
    if (std::optional<HttpResponse> refusal = publishRefusal(request))
        return *refusal;
    if (request.body.isEmpty())
        return jsonError(400, QStringLiteral("empty body: POST the .torrent file"));
    const QString by = request.peerAddress.toString() + (m_options.publishToken.isEmpty()
                                                             ? QStringLiteral(" (loopback)")
                                                             : QStringLiteral(" (token)"));
    const PublishResult result = publish(request.body, by);
    if (!result.ok)
        return jsonError(result.refusal == PublishResult::Refusal::Full ? 507 : 400, result.error);
    QJsonArray urls;
    for (const QUrl& url : result.content.fileUrls)
        urls.append(url.toString(QUrl::FullyEncoded));
    QJsonArray replaced;
    for (const ReplacedUrl& r : result.replacedUrls) {
        replaced.append(QJsonObject{{QStringLiteral("url"), r.url.toString(QUrl::FullyEncoded)},
                                    {QStringLiteral("previousContentId"), r.previousContentId}});
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("contentId"), result.content.contentId},
                                         {QStringLiteral("name"), result.content.name},
                                         {QStringLiteral("size"), result.content.size},
                                         {QStringLiteral("urls"), urls},
                                         {QStringLiteral("replaced"), replaced}});
}

HttpResponse DiscoveryServer::handleMetainfo(const HttpRequest& request)
{
    const QUrlQuery query(QString::fromUtf8(request.query));
    const PublishedContent* content = nullptr;
    if (query.hasQueryItem(QStringLiteral("url"))) {
        const QUrl url(query.queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded));
        if (!url.isValid() || url.isRelative())
            return jsonError(400, QStringLiteral("url is not an absolute URL"));
        content = m_catalog.byUrl(url);
    } else if (query.hasQueryItem(QStringLiteral("id"))) {
        content =
            m_catalog.byContentId(query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded));
    } else {
        return jsonError(400, QStringLiteral("give url=URL or id=CONTENT_ID"));
    }
    if (!content)
        return jsonError(404, QStringLiteral("not published"));
    HttpResponse response;
    response.contentType = "application/x-bittorrent";
    response.body = content->torrent;
    return response;
}

HttpResponse DiscoveryServer::handleHealth(const HttpRequest& request) const
{
    // "address": the caller as this service sees it (after the NAT map), like DO's geo
    // service's ExternalIpAddress, so a troubleshooter can show it before any announce;
    // "cacheHosts": the cache servers assigned to it, like the geo answer's CacheHost.
    const QHostAddress mapped = m_options.natMap.publicAddressOf(request.peerAddress);
    const QJsonArray cacheHosts = QJsonArray::fromStringList(policy::cacheHostAuthorities(
        cacheHostsFor(m_options.cacheHosts, request.peerAddress, mapped)));
    return jsonResponse(200, QJsonObject{
                                 {QStringLiteral("status"), QStringLiteral("ok")},
                                 {QStringLiteral("address"), mapped.toString()},
                                 {QStringLiteral("cacheHosts"), cacheHosts},
                                 {QStringLiteral("version"), applicationVersion()},
                                 {QStringLiteral("uptimeSeconds"), m_uptime.elapsed() / 1000},
                                 {QStringLiteral("swarms"), m_registry->swarmCount()},
                                 {QStringLiteral("peers"), m_registry->peerCount()},
                                 {QStringLiteral("published"), m_catalog.count()},
                             });
}

HttpResponse DiscoveryServer::handleSwarms() const
{
    QJsonArray swarms;
    for (const SwarmSummary& summary : m_registry->summaries()) {
        const PublishedContent* content = m_catalog.byHandshakeHash(summary.infoHash);
        QJsonObject byMode;
        for (auto it = summary.byMode.begin(); it != summary.byMode.end(); ++it)
            byMode.insert(QString::number(it.key()), it.value());
        swarms.append(QJsonObject{
            {QStringLiteral("infoHash"), QString::fromLatin1(summary.infoHash.toHex())},
            {QStringLiteral("contentId"),
             content ? content->contentId : QString::fromLatin1(summary.infoHash.toHex())},
            {QStringLiteral("name"), content ? content->name : QString()},
            {QStringLiteral("seeds"), summary.seeds},
            {QStringLiteral("leechers"), summary.leechers},
            {QStringLiteral("opendoPeers"), summary.opendoPeers},
            {QStringLiteral("standardPeers"), summary.standardPeers},
            {QStringLiteral("byMode"), byMode},
            {QStringLiteral("byScope"), countsObject(summary.byScope)},
        });
    }
    return jsonResponse(200, QJsonObject{{QStringLiteral("swarms"), swarms}});
}

HttpResponse DiscoveryServer::handleMetrics() const
{
    QByteArray out;
    auto metric = [&out](const char* name, const char* type, const char* help, qint64 value) {
        out += QByteArray("# HELP ") + name + ' ' + help + '\n';
        out += QByteArray("# TYPE ") + name + ' ' + type + '\n';
        out += QByteArray(name) + ' ' + QByteArray::number(value) + '\n';
    };
    metric("opendo_discovery_announces_total", "counter", "Announce requests received.",
           m_announces);
    metric("opendo_discovery_announce_failures_total", "counter",
           "Announce requests answered with a failure reason.", m_announceFailures);
    metric("opendo_discovery_rate_limited_total", "counter",
           "Requests refused by the per-address rate limit.", m_rateLimited);
    metric("opendo_discovery_http_requests_served_total", "counter",
           "HTTP requests passed to a handler.", m_http ? m_http->requestsServed() : 0);
    metric("opendo_discovery_http_requests_rejected_total", "counter",
           "HTTP requests and connections refused as malformed or over limits.",
           m_http ? m_http->requestsRejected() : 0);
    metric("opendo_discovery_http_connections", "gauge", "Open HTTP connections.",
           m_http ? m_http->connectionCount() : 0);

    const std::vector<SwarmSummary> summaries = m_registry->summaries();
    QHash<int, qint64> byMode;
    for (const SwarmSummary& summary : summaries) {
        for (auto it = summary.byMode.begin(); it != summary.byMode.end(); ++it)
            byMode[it.key()] += it.value();
    }
    metric("opendo_discovery_swarms", "gauge", "Swarms with at least one registered peer.",
           m_registry->swarmCount());
    metric("opendo_discovery_peers", "gauge", "Live peer registrations.", m_registry->peerCount());
    out += "# HELP opendo_discovery_peers_by_mode Live peer registrations by download mode.\n"
           "# TYPE opendo_discovery_peers_by_mode gauge\n";
    for (const int mode : {1, 2, 3}) {
        out += "opendo_discovery_peers_by_mode{mode=\"" + QByteArray::number(mode) + "\"} " +
               QByteArray::number(byMode.value(mode)) + '\n';
    }
    metric("opendo_discovery_published", "gauge", "Published contents.", m_catalog.count());
    metric("opendo_discovery_uptime_seconds", "gauge", "Seconds since the service started.",
           m_uptime.elapsed() / 1000);

    HttpResponse response;
    response.contentType = "text/plain; version=0.0.4";
    response.body = out;
    return response;
}

void DiscoveryServer::expireAndSave()
{
    const int expired = m_registry->expire(nowMs());
    if (expired > 0)
        qCDebug(lcDiscovery) << "expired" << expired << "registrations";
    if (m_store && m_sinceSave.elapsed() >= kSaveIntervalMs) {
        m_sinceSave.restart();
        m_store->saveRegistrations(m_registry->registrations());
    }
}

} // namespace opendo::discovery
