#pragma once

// Connects the agent to its discovery service: decides which service (do-agent --discovery,
// the DiscoveryUrl setting, or the console's built-in one), what to announce (content being
// downloaded, and verified content in the cache that peers may fetch), the scope to announce in
// (download mode, group id and its source, subnet), and feeds the answers to the peer hub —
// peers with their class, swarm keys — and the fallback to mode 99 while the service is gone.
// Also runs DNS-SD on the local link: answering for the agent, finding local peers, and finding
// cache servers for the downloads when none is configured.

#include "discovery/DiscoveryClient.h"
#include "discovery/local/LocalPeerDiscovery.h"
#include "policy/PolicyState.h"
#include "transfer/PeerHub.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTimer>

namespace opendo::cache {
class PieceStore;
}
namespace opendo::transfer {
class DownloadManager;
} // namespace opendo::transfer

namespace opendo::agent {

class DiscoveryLink : public QObject
{
    Q_OBJECT
public:
    DiscoveryLink(cache::PieceStore& store, transfer::PeerHub& peers, QObject* parent = nullptr);
    ~DiscoveryLink() override;

    void setDownloads(transfer::DownloadManager* downloads) { m_downloads = downloads; }
    // explicitUrl: --discovery (wins); settingUrl: DiscoveryUrl; fallbackUrl: the console's
    // built-in service. Any of them may be empty.
    void configure(const QString& explicitUrl, const QString& settingUrl,
                   const QString& fallbackUrl);
    void setPolicies(const policy::PolicySnapshot& policies,
                     const QMap<QString, QString>& agentSettings);
    void refreshTracked(); // also runs by itself every few seconds
    // Soon, coalesced: a download started or finished, so announce without waiting.
    void scheduleRefresh();
    // Cache servers DNS-SD found on the link, as downloads take them.
    QList<policy::CacheHostEntry> linkCacheServers() const;
    void contentCompleted(const QString& contentId);

    discovery::DiscoveryClient& client() { return m_client; }
    discovery::DiscoveryStatus status() const;
    discovery::local::LocalDiscoveryStatus localStatus() const { return m_local.status(); }
    const QList<discovery::local::LocalPeer>& localPeers() const { return m_local.peers(); }

private:
    void onPeersOffered(const QString& contentId, const discovery::AnnounceResponse& response);
    void onStatusChanged();
    void updateIdentity();
    void askAboutNewPeer(const QString& contentId);
    void updateLocalDiscovery();
    void onLinkCacheServersChanged();
    // DORestrictPeerSelectionBy 2: the offered peers that local discovery found (in Group
    // mode with our group's tag); all of them otherwise.
    QList<transfer::DiscoveredPeer>
    admittedOf(const QList<transfer::DiscoveredPeer>& offered) const;
    bool foundLocally(const transfer::DiscoveredPeer& peer) const;
    void applyLocalRestriction();

    static constexpr qint64 kAskAboutPeersMs = 5000;

    discovery::DiscoveryClient m_client;
    cache::PieceStore& m_store;
    transfer::PeerHub& m_peers;
    transfer::DownloadManager* m_downloads = nullptr;
    policy::PolicySnapshot m_policies;
    QString m_groupProblem;
    QList<discovery::TrackedContent> m_cachedContent; // shareable cache content, last scan
    bool m_rescanCache = true;
    QTimer m_trackTimer;
    QTimer m_refreshSoon;
    QElapsedTimer m_sinceStart;
    QHash<QString, qint64> m_askedAboutPeers; // content id -> when, on m_sinceStart
    discovery::local::LocalPeerDiscovery m_local;
    quint16 m_localPort = discovery::local::kMulticastDnsPort;
    QByteArray m_groupTag;    // of the group id we announce in mode 2
    bool m_localOnly = false; // DORestrictPeerSelectionBy 2 in LAN or Group mode
    QHash<QString, QList<transfer::DiscoveredPeer>> m_offered; // by content, before the restriction
};

// The subnet of the interface that carries `address` (or of the first up, non-loopback
// interface when it is a wildcard): base address and prefix length; prefix -1 when unknown.
QPair<QHostAddress, int> subnetOf(const QHostAddress& address);

} // namespace opendo::agent
