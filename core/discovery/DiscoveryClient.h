#pragma once

// The agent's side of discovery: announces every content it downloads or seeds (on start,
// every interval the service asks for, on completion and when it stops), hands the peers and
// swarm keys it gets to the peer hub, and tells the agent whether the service answers — when
// it does not, the effective download mode falls back to 99 (Simple) until it does again.
// Failures back off exponentially; with nothing to announce a health probe keeps the state
// current. The health answer also names the cache servers the service assigns to this device.

#include "discovery/AnnounceProtocol.h"
#include "discovery/BoundHttpClient.h"
#include "discovery/DiscoveryStatus.h"
#include "policy/CacheHostList.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <functional>

namespace opendo::discovery {

// An endpoint of the service at `base` (its base URL, with or without a trailing slash):
// serviceEndpoint(base, "/v1/health").
QUrl serviceEndpoint(const QUrl& base, const QString& path);

struct AnnounceIdentity
{
    QByteArray peerId;
    quint16 port = 0;
    QHostAddress localAddress; // where peers on our LAN reach us; null = let the service see
};

struct AnnounceScope
{
    int mode = 1; // the configured DODownloadMode (announced even while in fallback)
    QString groupId;
    QHostAddress subnetBase;
    int subnetPrefix = -1;
    bool restrictToSubnet = false;
    friend bool operator==(const AnnounceScope&, const AnnounceScope&) = default;
};

struct TrackedContent
{
    QString contentId;
    QByteArray infoHash; // 20 bytes, as in handshakes
    qint64 left = 0;
    qint64 downloaded = 0;
    qint64 uploaded = 0;
};

struct MetainfoLookup
{
    bool found = false;
    QByteArray torrent;
    QString error; // translated; "" when simply not published
};

class DiscoveryClient : public QObject
{
    Q_OBJECT
public:
    explicit DiscoveryClient(QObject* parent = nullptr);
    ~DiscoveryClient() override;

    // "" = not configured. Changing it starts over (state Contacting, everything re-announced).
    void setServiceUrl(const QUrl& baseUrl);
    QUrl serviceUrl() const { return m_baseUrl; }
    void setIdentity(const AnnounceIdentity& identity);
    void setScope(const AnnounceScope& scope, const QString& groupIdSource);
    // The contents to announce now; new ones are announced at once, removed ones get "stopped".
    void setTracked(const QList<TrackedContent>& contents);
    void announceSoon(const QString& contentId); // e.g. a download just completed

    // GET /v1/metainfo?url=…; calls back on this object's thread.
    void lookupMetainfo(const QUrl& originUrl, std::function<void(MetainfoLookup)> done);

    DiscoveryStatus status() const;
    // The cache servers the service names for this device (its /v1/health answer).
    const QList<policy::CacheHostEntry>& cacheHosts() const { return m_cacheHosts; }
    bool unreachable() const { return m_state == DiscoveryState::Unreachable; }

    // Requests time out after this long (tests shorten it).
    void setRequestTimeoutMs(int ms) { m_timeoutMs = ms; }

Q_SIGNALS:
    void peersOffered(const QString& contentId, const opendo::discovery::AnnounceResponse& reply);
    void statusChanged();
    void cacheHostsChanged();

private:
    struct Item
    {
        TrackedContent content;
        qint64 dueMs = 0;
        bool inFlight = false;
        bool started = false; // "started" was accepted
        bool completedSent = false;
        int failures = 0;
        int peersOffered = 0;
    };
    void tick();
    QUrl announceUrl(const TrackedContent& content, AnnounceEvent event) const;
    void sendAnnounce(Item& item, AnnounceEvent event);
    void onAnnounceFinished(const HttpGetResult& reply, const QString& contentId,
                            AnnounceEvent event);
    void sendStopped(const TrackedContent& content);
    void probeHealth();
    void takeCacheHosts(const QByteArray& healthBody);
    void succeeded();
    void failed(const QString& error);
    qint64 backoffMs(int failures) const;
    void get(const QUrl& url, qint64 maxBody, std::function<void(const HttpGetResult&)> done);

    BoundHttpClient m_http;
    QUrl m_baseUrl;
    AnnounceIdentity m_identity;
    AnnounceScope m_scope;
    QString m_groupIdSource;
    QHash<QString, Item> m_items;
    QElapsedTimer m_clock;
    QTimer m_tick;
    qint64 m_nextProbeMs = 0;
    bool m_probeInFlight = false;
    int m_timeoutMs = 10'000;

    DiscoveryState m_state = DiscoveryState::NotConfigured;
    QString m_lastError;
    QString m_refusal;
    QDateTime m_lastContact;
    QDateTime m_lastAttempt;
    QString m_publicAddress;
    int m_consecutiveFailures = 0;
    QList<policy::CacheHostEntry> m_cacheHosts;
};

} // namespace opendo::discovery
