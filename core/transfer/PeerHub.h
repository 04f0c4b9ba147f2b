#pragma once

// The agent's peer side: the listener (TCP 7680 by default), one Swarm per content that has
// connections, the static peers every download tries, and the device-wide rules of peering —
// the download mode, the upload gates (RAM, disk, battery, monthly cap, VPN) and the upload
// bandwidth limit. Incoming connections are routed to a swarm by the info hash in their
// handshake; content is offered only when the cache holds its metainfo and verified pieces.

#include "peer/PeerConnection.h"
#include "policy/PolicyState.h"
#include "transfer/BandwidthLimiter.h"
#include "transfer/DialFailures.h"
#include "transfer/MonthlyUploads.h"
#include "transfer/PeerEndpoint.h"
#include "transfer/PeerSnapshot.h"
#include "transfer/UploadGates.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <array>
#include <functional>
#include <memory>
#include <optional>

class QTcpServer;

namespace opendo::cache {
class PieceStore;
}
namespace opendo::content {
class Metainfo;
}
namespace opendo::stats {
class ConnectionJournal;
class ErrorJournal;
class UploadLedger;
} // namespace opendo::stats

namespace opendo::transfer {

class Swarm;
class WorkerPool;

// What a swarm must demand of its peers (see SwarmMembership).
struct SwarmAccess
{
    bool membershipRequired = false;
    QByteArray swarmKey;
};

// A peer the discovery service offered for a content, with its class relative to us.
struct DiscoveredPeer
{
    PeerEndpoint endpoint;
    SourceClass cls = SourceClass::InternetPeer;
    friend bool operator==(const DiscoveredPeer&, const DiscoveredPeer&) = default;
};

class PeerHub : public QObject
{
    Q_OBJECT
public:
    PeerHub(cache::PieceStore& store, WorkerPool& workers, stats::UploadLedger* ledger,
            QObject* parent = nullptr);
    ~PeerHub() override;

    // Port 0 picks a free port. Outgoing connections bind to the same address (unless it is a
    // wildcard), so agents on 127.0.0.x appear to each other under their own addresses.
    bool listen(const QHostAddress& address, quint16 port, QString* error);
    // Where the peer side reports DO error codes (bans, bad pieces, gates); may stay null.
    void setErrorJournal(stats::ErrorJournal* errors);
    stats::ErrorJournal* errorJournal() const { return m_errors; }
    // Where swarms keep the connections that ended; may stay null.
    void setConnectionJournal(stats::ConnectionJournal* journal) { m_connections = journal; }
    // Peers we dialled that never answered (see DialFailures).
    DialFailures& dialFailures() { return m_dialFailures; }
    const DialFailures& dialFailures() const { return m_dialFailures; }
    stats::ConnectionJournal* connectionJournal() const { return m_connections; }
    bool isListening() const;
    QHostAddress listenAddress() const;
    quint16 listenPort() const;
    void setStaticPeers(const QList<PeerEndpoint>& peers);
    const QList<PeerEndpoint>& staticPeers() const { return m_staticPeers; }

    void setPolicies(const policy::PolicySnapshot& policies);
    // The mode in effect: DODownloadMode, or 99 while discovery is unreachable (fallback).
    int downloadMode() const { return m_mode; }
    int configuredMode() const { return m_configuredMode; }
    // Discovery in use: LAN and Group swarms then demand the swarm key, and peers come from it.
    void setDiscoveryActive(bool active);
    bool discoveryActive() const { return m_discoveryActive; }
    // Non-empty while discovery is unreachable: the effective mode falls back to 99 (Simple).
    void setFallback(const QString& reason);
    const QString& fallbackReason() const { return m_fallbackReason; }
    // DORestrictPeerSelectionBy 1: in LAN mode only peers in this subnet (prefix < 0 = none).
    // Discovery offers no others; this keeps out those that dial in anyway.
    void setSubnetRestriction(const QHostAddress& base, int prefixLength);
    // DORestrictPeerSelectionBy 2: in LAN and Group mode only peers that local discovery
    // (DNS-SD) found; `isLocalPeer` answers for an address, an empty function lifts it.
    void setLocalPeerRestriction(std::function<bool(const QHostAddress&)> isLocalPeer);
    void setSwarmKey(const QString& contentId, const QByteArray& key);
    SwarmAccess accessFor(const QString& contentId) const;
    // Replaces the peers discovery offered for a content and dials the new ones.
    void setDiscoveredPeers(const QString& contentId, const QList<DiscoveredPeer>& peers);
    QList<DiscoveredPeer> discoveredPeers(const QString& contentId) const;
    const QHash<QString, QList<DiscoveredPeer>>& allDiscoveredPeers() const { return m_discovered; }
    // Content ids of every swarm (downloads and seeding).
    QStringList swarmIds() const;
    // Peers are used at all: mode 1, 2 or 3 and the VPN gate lets some class we may use through
    // (it spares local-discovery peers; see GateVerdict::spared).
    bool peeringAllowed() const;
    bool peeringAllowedWith(SourceClass cls) const;
    // Uploads to every class we may use pass every gate (peering allowed too).
    bool uploadAllowed() const;
    // Uploads to peers of this class pass every gate (the cap holds back Internet peers only).
    bool uploadAllowedTo(SourceClass cls) const;
    const PeeringGates& gates() const { return m_gates; }
    QString peeringBlockedReason() const;          // "" when peering is allowed
    bool largeEnoughToPeer(qint64 fileSize) const; // DOMinFileSizeToCache
    // Seconds HTTP waits for peers before fetching pieces they could serve.
    int httpDelaySeconds(bool foreground) const;
    // DOMinBackgroundQos in bytes per second (the policy counts KB/s).
    qint64 minBackgroundQosBytesPerSecond() const;

    // The swarm of a download that may use peers, created on demand; null when peering is off
    // for it. `have` are the pieces already verified in the cache.
    Swarm* joinSwarm(std::shared_ptr<const content::Metainfo> metainfo, const QString& dataPath,
                     const QBitArray& have);
    Swarm* swarm(const QString& contentId) const;
    void dropSwarm(const QString& contentId, const QString& reason); // content evicted
    // Closes every swarm, e.g. before the cache folder moves; seeding swarms come back on demand
    // and downloads rejoin when they start again.
    void dropAllSwarms(const QString& reason);

    const peer::LocalIdentity& identity() const { return m_identity; }
    WorkerPool& workers() { return m_workers; }
    BandwidthLimiter& uploadLimiter() { return m_uploadLimiter; }
    void countUpload(SourceClass cls, qint64 bytes);
    qint64 uploadedThisMonth(SourceClass cls) const { return m_uploads.thisMonth(cls); }
    // Bytes uploaded since the agent started, by SourceClass (monotonic).
    const PerSourceClass<qint64>& uploadTotals() const { return m_uploads.totals(); }

    QList<PeerSnapshot> peers() const;
    int totalBans() const;
    QList<BannedPeer> bannedPeers() const; // of all swarms, oldest first
    int totalHashFailures() const;

Q_SIGNALS:
    void uploadPermissionChanged();
    // Peering became possible again (mode back from 99, gates open): downloads rejoin swarms.
    void peeringAvailable();
    // A peer connected that discovery has not told us about for this content: until it does,
    // the peer counts as what our mode admits (internet in mode 3), so ask it again soon.
    void unknownPeerConnected(const QString& contentId);

private:
    void onNewConnection();
    bool isStaticPeerAddress(const QHostAddress& address) const;
    // The class discovery gave `address` for this content; nullopt when it has not listed it.
    std::optional<SourceClass> discoveredClass(const QString& contentId,
                                               const QHostAddress& address) const;
    void routeIncoming(peer::PeerConnection* connection, const QByteArray& infoHash);
    Swarm* seedingSwarmFor(const QByteArray& infoHash);
    Swarm* createSwarm(std::shared_ptr<const content::Metainfo> metainfo, const QString& dataPath,
                       const QBitArray& have);
    void connectStaticPeers();
    void connectKnownPeers(Swarm& swarm);
    void applyMode();
    SourceClass classify(const QString& contentId, const QHostAddress& address) const;
    bool restrictedToLocalPeers() const; // DORestrictPeerSelectionBy 2 in effect
    // The classes of peers this device may use: local-discovery peers alone while restricted
    // to them, else the classes discovery hands out.
    QList<SourceClass> peerClasses() const;
    void connectOut(Swarm& swarm, const PeerEndpoint& endpoint, SourceClass cls);
    void refreshGates();
    void reportClosedGates(const PeeringGates& before); // gates closed now that were not then
    void flushUploadLedger(); // every few seconds; also starts a new month's count
    bool isSelf(const PeerEndpoint& endpoint) const;

    cache::PieceStore& m_store;
    WorkerPool& m_workers;
    stats::ErrorJournal* m_errors = nullptr;
    stats::ConnectionJournal* m_connections = nullptr;
    DialFailures m_dialFailures;
    QTcpServer* m_server = nullptr;
    peer::LocalIdentity m_identity;
    QList<PeerEndpoint> m_staticPeers;
    QPair<QHostAddress, int> m_subnet{QHostAddress(), -1};
    std::function<bool(const QHostAddress&)> m_isLocalPeer;
    QHash<QString, Swarm*> m_swarms; // by content id
    policy::PolicySnapshot m_policies;
    int m_mode = 1;
    int m_configuredMode = 1;
    bool m_discoveryActive = false;
    QString m_fallbackReason;
    QHash<QString, QByteArray> m_swarmKeys;             // by content id
    QHash<QString, QList<DiscoveredPeer>> m_discovered; // by content id
    PeeringGates m_gates;
    BandwidthLimiter m_uploadLimiter;
    // DOMonthlyUploadDataCap is enforced on its Internet-peer figure; perfsnap and the console
    // read the same ledger (MonthTotals::capCountedBytes).
    MonthlyUploads m_uploads;
    QTimer m_reconnectTimer;
    QTimer m_gateTimer;
    QTimer m_ledgerTimer;
};

} // namespace opendo::transfer
