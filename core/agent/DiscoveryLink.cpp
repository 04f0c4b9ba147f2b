#include "agent/DiscoveryLink.h"

#include "agent/AgentSettings.h"
#include "cache/PieceStore.h"
#include "common/WildcardAddress.h"
#include "discovery/GroupIdResolver.h"
#include "log/LogCategories.h"
#include "peer/PlainAddress.h"
#include "stats/ErrorJournal.h"
#include "transfer/CacheServerPlan.h"
#include "transfer/DownloadManager.h"
#include "transfer/PeerHub.h"

#include <QNetworkInterface>

namespace opendo::agent {

namespace {

constexpr int kTrackIntervalMs = 3'000;

transfer::SourceClass classOf(discovery::PeerRelation relation)
{
    switch (relation) {
    case discovery::PeerRelation::Lan:
        return transfer::SourceClass::LanPeer;
    case discovery::PeerRelation::Group:
        return transfer::SourceClass::GroupPeer;
    case discovery::PeerRelation::Internet:
        break;
    }
    return transfer::SourceClass::InternetPeer;
}

// The 20 bytes peers and trackers know a content by: the v1 info hash, or the v2 one cut to
// 20 bytes (BEP 52). Content ids are those hashes in hex.
QByteArray handshakeHashOf(const QString& contentId)
{
    return QByteArray::fromHex(contentId.toLatin1()).left(20);
}

} // namespace

QPair<QHostAddress, int> subnetOf(const QHostAddress& address)
{
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        if (!(iface.flags() & QNetworkInterface::IsUp))
            continue;
        for (const QNetworkAddressEntry& entry : iface.addressEntries()) {
            const bool matches = isWildcardAddress(address)
                                     ? !(iface.flags() & QNetworkInterface::IsLoopBack) &&
                                           entry.ip().protocol() == QHostAddress::IPv4Protocol
                                     : address.isInSubnet(entry.ip(), entry.prefixLength());
            if (matches && entry.prefixLength() >= 0) {
                const auto subnet = QHostAddress::parseSubnet(
                    entry.ip().toString() + u'/' + QString::number(entry.prefixLength()));
                return {subnet.first, subnet.second};
            }
        }
    }
    return {QHostAddress(), -1};
}

DiscoveryLink::DiscoveryLink(cache::PieceStore& store, transfer::PeerHub& peers, QObject* parent)
    : QObject(parent), m_client(this), m_store(store), m_peers(peers)
{
    connect(&m_client, &discovery::DiscoveryClient::peersOffered, this,
            &DiscoveryLink::onPeersOffered);
    connect(&m_client, &discovery::DiscoveryClient::statusChanged, this,
            &DiscoveryLink::onStatusChanged);
    m_trackTimer.setInterval(kTrackIntervalMs);
    connect(&m_trackTimer, &QTimer::timeout, this, [this] {
        m_rescanCache = true;
        refreshTracked();
    });
    m_trackTimer.start();
    m_refreshSoon.setSingleShot(true);
    m_refreshSoon.setInterval(100);
    connect(&m_refreshSoon, &QTimer::timeout, this, &DiscoveryLink::refreshTracked);
    connect(&m_peers, &transfer::PeerHub::unknownPeerConnected, this,
            &DiscoveryLink::askAboutNewPeer);
    connect(&m_local, &discovery::local::LocalPeerDiscovery::peersChanged, this,
            &DiscoveryLink::applyLocalRestriction);
    connect(&m_local, &discovery::local::LocalPeerDiscovery::cacheServersChanged, this,
            &DiscoveryLink::onLinkCacheServersChanged);
    connect(&m_client, &discovery::DiscoveryClient::cacheHostsChanged, this, [this] {
        if (m_downloads)
            m_downloads->setServiceCacheServers(m_client.cacheHosts());
    });
    m_sinceStart.start();
}

DiscoveryLink::~DiscoveryLink()
{
    // The hub outlives the link: it must not ask a link that is gone about local peers, and
    // local discovery's goodbye must not come back here as a change of peers.
    m_peers.setLocalPeerRestriction({});
    m_local.blockSignals(true);
}

void DiscoveryLink::askAboutNewPeer(const QString& contentId)
{
    // A peer that announced after our last announce connects before our next one (up to the
    // service's interval later): its class is only known from a fresh answer. Bounded per
    // content, so a flood of unknown connections cannot turn into a flood of announces.
    const qint64 now = m_sinceStart.elapsed();
    const auto last = m_askedAboutPeers.constFind(contentId);
    if (last != m_askedAboutPeers.cend() && now - *last < kAskAboutPeersMs)
        return;
    m_askedAboutPeers.insert(contentId, now);
    m_client.announceSoon(contentId);
}

void DiscoveryLink::scheduleRefresh()
{
    if (!m_refreshSoon.isActive())
        m_refreshSoon.start();
}

void DiscoveryLink::configure(const QString& explicitUrl, const QString& settingUrl,
                              const QString& fallbackUrl)
{
    QString url = explicitUrl;
    if (url.isEmpty())
        url = settingUrl;
    if (url.isEmpty())
        url = fallbackUrl;
    updateIdentity();
    m_client.setServiceUrl(url.isEmpty() ? QUrl() : QUrl(url));
    m_peers.setDiscoveryActive(!url.isEmpty());
    onStatusChanged();
    updateLocalDiscovery();
    refreshTracked();
}

void DiscoveryLink::updateIdentity()
{
    discovery::AnnounceIdentity identity;
    identity.peerId = m_peers.identity().peerId;
    identity.port = m_peers.listenPort();
    if (!isWildcardAddress(m_peers.listenAddress()))
        identity.localAddress = m_peers.listenAddress();
    m_client.setIdentity(identity);
}

void DiscoveryLink::setPolicies(const policy::PolicySnapshot& policies,
                                const QMap<QString, QString>& agentSettings)
{
    m_policies = policies;
    discovery::AnnounceScope scope;
    scope.mode = int(policies.number(QStringLiteral("DODownloadMode"), 1));
    QString groupSource;
    m_groupProblem.clear();
    if (scope.mode == 2) {
        discovery::GroupIdInputs inputs;
        inputs.adSite = agentSettings.value(QString::fromLatin1(kAdSiteSetting));
        inputs.domainSid = agentSettings.value(QString::fromLatin1(kAdDomainSidSetting));
        inputs.entraTenantId = agentSettings.value(QString::fromLatin1(kEntraTenantIdSetting));
        inputs.leaseDirectories =
            dhcpLeaseFolders(agentSettings.value(QString::fromLatin1(kDhcpLeaseFoldersSetting)));
        const discovery::GroupIdResolution group = discovery::resolveGroupId(policies, inputs);
        scope.groupId = group.groupId;
        groupSource = group.source;
        m_groupProblem = group.problem;
    }
    // DORestrictPeerSelectionBy 1: only peers in our own subnet; 2: only peers found on the
    // local link by DNS-SD (the service still matches content and mode; this narrows its answer).
    const qint64 restriction = policies.number(QStringLiteral("DORestrictPeerSelectionBy"));
    m_localOnly = transfer::restrictsToLocalPeers(policies);
    m_groupTag = scope.mode == 2 ? discovery::local::groupTagOf(scope.groupId) : QByteArray();
    m_localPort =
        localDiscoveryPort(agentSettings.value(QString::fromLatin1(kLocalDiscoveryPortSetting)))
            .value_or(discovery::local::kMulticastDnsPort);
    if (restriction == 1) {
        const auto subnet = subnetOf(m_peers.listenAddress());
        scope.subnetBase = subnet.first;
        scope.subnetPrefix = subnet.second;
        scope.restrictToSubnet = subnet.second >= 0;
    }
    if (scope.restrictToSubnet)
        m_peers.setSubnetRestriction(scope.subnetBase, scope.subnetPrefix);
    else
        m_peers.setSubnetRestriction(QHostAddress(), -1);
    updateIdentity();
    updateLocalDiscovery();
    m_client.setScope(scope, groupSource);
    m_rescanCache = true; // DOMinFileSizeToCache decides what is offered
    refreshTracked();
}

void DiscoveryLink::refreshTracked()
{
    const int mode = int(m_policies.number(QStringLiteral("DODownloadMode"), 1));
    QList<discovery::TrackedContent> tracked;
    const bool peering = (mode == 1 || mode == 2 || mode == 3) && !m_client.serviceUrl().isEmpty();
    // Mode 2 without a group id has no swarm to join: say so rather than announce.
    if (peering && !(mode == 2 && m_groupProblem.size() > 0)) {
        QSet<QString> seen;
        if (m_downloads) {
            for (const transfer::JobStatus& job : m_downloads->statuses()) {
                if (job.state != transfer::JobState::Downloading || !job.shareable ||
                    job.fileSize <= 0 || !m_peers.largeEnoughToPeer(job.fileSize))
                    continue;
                discovery::TrackedContent c;
                c.contentId = job.fileId;
                c.infoHash = handshakeHashOf(job.fileId);
                c.left = qMax<qint64>(0, job.fileSize - job.fileSizeInCache);
                c.downloaded = job.totalBytesDownloaded;
                tracked << c;
                seen.insert(job.fileId);
            }
        }
        // What we can serve: verified pieces whose metainfo we hold. Reading the whole cache
        // index is not free, so it happens on the periodic pass and after a completion, not on
        // every progress tick of a download.
        if (m_rescanCache) {
            m_rescanCache = false;
            m_cachedContent.clear();
            for (const cache::CachedContent& content : m_store.all()) {
                if (!content.shareable() || content.present.count(true) == 0 ||
                    !m_peers.largeEnoughToPeer(content.geometry.fileSize))
                    continue;
                discovery::TrackedContent c;
                c.contentId = content.geometry.contentId;
                c.infoHash = handshakeHashOf(c.contentId);
                c.left = qMax<qint64>(0, content.geometry.fileSize - content.bytesPresent());
                m_cachedContent << c;
            }
        }
        for (const discovery::TrackedContent& c : std::as_const(m_cachedContent)) {
            if (!seen.contains(c.contentId))
                tracked << c;
        }
    }
    // Answers for content no longer announced are not needed to re-apply the restriction.
    QSet<QString> ids;
    for (const discovery::TrackedContent& c : std::as_const(tracked))
        ids.insert(c.contentId);
    for (auto it = m_offered.begin(); it != m_offered.end();)
        it = ids.contains(it.key()) ? std::next(it) : m_offered.erase(it);
    m_client.setTracked(tracked);
}

void DiscoveryLink::contentCompleted(const QString& contentId)
{
    m_rescanCache = true;
    refreshTracked();
    m_client.announceSoon(contentId);
}

void DiscoveryLink::onPeersOffered(const QString& contentId,
                                   const discovery::AnnounceResponse& response)
{
    QList<transfer::DiscoveredPeer> peers;
    for (const discovery::AnnouncedPeer& p : response.peers)
        peers.append({{p.address, p.port}, classOf(p.relation)});
    m_offered.insert(contentId, peers);
    m_peers.setSwarmKey(contentId, response.swarmKey);
    m_peers.setDiscoveredPeers(contentId, admittedOf(peers));
}

void DiscoveryLink::updateLocalDiscovery()
{
    const int mode = int(m_policies.number(QStringLiteral("DODownloadMode"), 1));
    discovery::local::LocalDiscoveryConfig config;
    // Anyone who peers answers, so that devices restricted to local peers can find it.
    config.advertise = (mode == 1 || mode == 2 || mode == 3) && m_peers.isListening();
    config.search = m_localOnly;
    config.browseCacheServers = transfer::cacheHostsFromDnsSd(m_policies);
    config.port = m_localPort;
    config.listenAddress = m_peers.listenAddress();
    config.advert.peerId = m_peers.identity().peerId;
    config.advert.port = m_peers.listenPort();
    config.advert.groupTag = m_groupTag;
    m_local.configure(config);
    if (m_localOnly)
        m_peers.setLocalPeerRestriction(
            [this](const QHostAddress& address) { return m_local.hasPeerAt(address); });
    else
        m_peers.setLocalPeerRestriction({});
    applyLocalRestriction();
}

QList<policy::CacheHostEntry> DiscoveryLink::linkCacheServers() const
{
    QList<policy::CacheHostEntry> hosts;
    for (const discovery::local::LinkCacheServer& s : m_local.cacheServers())
        hosts.append({s.address.toString(), s.port});
    return hosts;
}

void DiscoveryLink::onLinkCacheServersChanged()
{
    // Said as the status says it ("ADDR:PORT (name)"), so the log and doctl peers match.
    const QStringList found = m_local.status().cacheServers;
    if (found.isEmpty())
        qCInfo(log::lcAgent) << "no cache server is announced on the local link any more";
    else
        qCInfo(log::lcAgent).noquote() << "cache servers announced on the local link (DNS-SD):"
                                       << found.join(QStringLiteral(", "));
    if (m_downloads)
        m_downloads->setLinkCacheServers(linkCacheServers());
}

bool DiscoveryLink::foundLocally(const transfer::DiscoveredPeer& peer) const
{
    const QHostAddress address = peer::plainAddress(peer.endpoint.address);
    // In Group mode a local peer must also carry our group's tag (DO: "a locally found peer
    // must also carry the same Group ID").
    return std::any_of(m_local.peers().cbegin(), m_local.peers().cend(),
                       [&](const discovery::local::LocalPeer& l) {
                           return l.address.isEqual(address) && l.port == peer.endpoint.port &&
                                  (m_groupTag.isEmpty() || l.groupTag == m_groupTag);
                       });
}

QList<transfer::DiscoveredPeer>
DiscoveryLink::admittedOf(const QList<transfer::DiscoveredPeer>& offered) const
{
    if (!m_localOnly)
        return offered;
    QList<transfer::DiscoveredPeer> admitted;
    for (transfer::DiscoveredPeer p : offered) {
        if (foundLocally(p)) {
            // Found on this link: DO's LinkLocal peers, whatever scope the service matched.
            p.cls = transfer::SourceClass::LinkLocalPeer;
            admitted << p;
        }
    }
    return admitted;
}

void DiscoveryLink::applyLocalRestriction()
{
    for (auto it = m_offered.cbegin(); it != m_offered.cend(); ++it) {
        const QList<transfer::DiscoveredPeer> admitted = admittedOf(it.value());
        if (admitted != m_peers.discoveredPeers(it.key()))
            m_peers.setDiscoveredPeers(it.key(), admitted);
    }
}

void DiscoveryLink::onStatusChanged()
{
    if (m_client.unreachable()) {
        const discovery::DiscoveryStatus s = m_client.status();
        const QString reason =
            tr("discovery service %1 is unreachable (%2)").arg(s.serviceUrl, s.lastError);
        if (m_peers.fallbackReason().isEmpty())
            stats::reportError(
                m_peers.errorJournal(), log::DoErrorCode::ServiceUnreachable, log::lcAgent(),
                QStringLiteral("%1; downloading in mode 99 (HTTP only)").arg(reason));
        m_peers.setFallback(reason);
    } else {
        m_peers.setFallback({});
    }
}

discovery::DiscoveryStatus DiscoveryLink::status() const
{
    discovery::DiscoveryStatus s = m_client.status();
    if (s.refusal.isEmpty() && !m_groupProblem.isEmpty())
        s.refusal = m_groupProblem;
    s.local = m_local.status();
    if (m_localOnly) {
        QSet<QString> excluded; // a peer of several contents is one device
        for (const QList<transfer::DiscoveredPeer>& offered : m_offered) {
            for (const transfer::DiscoveredPeer& p : offered) {
                if (!foundLocally(p))
                    excluded.insert(p.endpoint.toString());
            }
        }
        s.local.excluded = excluded.values();
        s.local.excluded.sort();
    }
    return s;
}

} // namespace opendo::agent
