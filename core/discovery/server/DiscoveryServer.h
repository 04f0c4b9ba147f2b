#pragma once

// The coordination service ("the DO cloud"): the tracker announce endpoint and the JSON
// metadata/admin endpoints, over HttpServer, with state in SwarmRegistry and MetainfoCatalog
// (persisted by DiscoveryStore when a database file is given). Runs standalone (do-discovery)
// or embedded in the console's process on its own thread.
//
// Endpoints:
//   GET  /announce?…            tracker announce (AnnounceProtocol.h); errors are bencoded
//                               "failure reason" with status 200, as trackers do
//   POST /v1/publish            body: a .torrent; → {"contentId","name","size","urls",
//                               "replaced":[{"url","previousContentId"}]}. With a publish token
//                               only for "Authorization: Bearer TOKEN" (else 401), without one
//                               only for loopback clients (else 403); checked on the request
//                               head, before the body is read. 507 when the catalogue is full.
//   GET  /v1/metainfo?url=URL   → the .torrent (application/x-bittorrent), 404 JSON if unknown
//   GET  /v1/metainfo?id=ID     same, by content id (hex info hash)
//   GET  /v1/health             → {"status":"ok","address" (the caller as seen),"version",
//                                  "uptimeSeconds","swarms","peers","published"}
//   GET  /v1/swarms             → {"swarms":[{"infoHash","contentId","name","seeds",
//                                  "leechers","byMode":{…},"byScope":{…}}]}
//   GET  /metrics               Prometheus text format
// JSON errors: {"error":"…"} with 4xx. Rate limit per client address → 429 (announce: a
// bencoded failure reason). Requests the HTTP layer refuses (oversize, malformed, too slow) are
// answered the same way by path: a bencoded failure reason for /announce, JSON for /v1/….

#include "discovery/server/CacheHostAssignment.h"
#include "discovery/server/HttpServer.h"
#include "discovery/server/MetainfoCatalog.h"
#include "discovery/server/NatMap.h"
#include "discovery/server/SwarmKeys.h"
#include "discovery/server/SwarmRegistry.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <memory>

namespace opendo::discovery {

class DiscoveryStore;

struct DiscoveryServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0;       // 0 = any free port
    QString databasePath{}; // "" = state in memory only
    NatMap natMap{};
    int intervalSeconds = 60;
    int maxPeersPerResponse = 50;
    double requestsPerSecondPerAddress = 200; // 0 = unlimited
    double burstPerAddress = 400;
    HttpServerLimits httpLimits{};
    // "" = POST /v1/publish only from loopback clients; else only with this bearer token.
    QString publishToken{};
    int maxPublished = kDefaultMaxPublishedItems;
    qint64 maxPublishedBytes = kDefaultMaxPublishedBytes;
    // Cache servers named to devices in /v1/health (do-discovery --cache-host).
    QList<CacheHostAssignment> cacheHosts{};
};

class DiscoveryServer : public QObject
{
    Q_OBJECT
public:
    explicit DiscoveryServer(DiscoveryServerOptions options, QObject* parent = nullptr);
    ~DiscoveryServer() override; // saves state when a database is used

    // Opens the database (loading registrations, published content and the key secret) and
    // starts listening. On failure returns false with a translated *error.
    bool start(QString* error);
    quint16 port() const;
    QHostAddress address() const;
    QString baseUrl() const; // "http://127.0.0.1:PORT"

    // Same as POST /v1/publish once authorised, for do-discovery --publish FILE; `by` names
    // the publisher in the log (URLs moved from other content are logged as warnings).
    PublishResult publish(const QByteArray& torrent,
                          const QString& by = QStringLiteral("the operator"));

    HttpResponse handle(const HttpRequest& request); // public for tests and the bench

    const SwarmRegistry& registry() const { return *m_registry; }
    const MetainfoCatalog& catalog() const { return m_catalog; }

private:
    HttpResponse handleAnnounce(const HttpRequest& request);
    HttpResponse handlePublish(const HttpRequest& request);
    // nullopt when the request may publish, else the refusal (401/403).
    std::optional<HttpResponse> publishRefusal(const HttpRequest& request) const;
    HttpResponse rejectResponse(const QByteArray& path, int status, const QByteArray& message);
    HttpResponse handleMetainfo(const HttpRequest& request);
    HttpResponse handleHealth(const HttpRequest& request) const;
    HttpResponse handleSwarms() const;
    HttpResponse handleMetrics() const;
    void expireAndSave();
    SwarmRegistry::Options registryOptions() const;

    DiscoveryServerOptions m_options;
    std::unique_ptr<SwarmKeys> m_keys;
    std::unique_ptr<SwarmRegistry> m_registry;
    MetainfoCatalog m_catalog;
    std::unique_ptr<DiscoveryStore> m_store;
    std::unique_ptr<HttpServer> m_http;
    RateLimiter m_rateLimiter;
    QElapsedTimer m_uptime;
    QTimer m_maintenanceTimer; // expiry + periodic save
    qint64 m_announces = 0;
    qint64 m_announceFailures = 0;
    qint64 m_rateLimited = 0;
    QElapsedTimer m_sinceSave;
    bool m_started = false;
};

} // namespace opendo::discovery
