#include "transfer/PeerHub.h"

#include "cache/PieceStore.h"
#include "common/ByteUnits.h"
#include "content/Metainfo.h"
#include "log/LogCategories.h"
#include "peer/PlainAddress.h"
#include "stats/ErrorJournal.h"
#include "transfer/Swarm.h"

#include <QDate>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <algorithm>

namespace opendo::transfer {

namespace {

using peer::PeerConnection;

constexpr int kReconnectMs = 10'000;
constexpr int kGateRefreshMs = 30'000;
constexpr int kLedgerFlushMs = 5'000;

QByteArray makePeerId()
{
    // Azureus-style: client code and version, then random characters (BEP 20).
    static const char kAlphabet[] =
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    QByteArray id("-OD0100-");
    while (id.size() < peer::kPeerIdLength)
        id.append(kAlphabet[QRandomGenerator::global()->bounded(int(sizeof(kAlphabet) - 1))]);
    return id;
}

bool modeUsesPeers(int mode)
{
    return mode == 1 || mode == 2 || mode == 3;
}

} // namespace

PeerHub::PeerHub(cache::PieceStore& store, WorkerPool& workers, stats::UploadLedger* ledger,
                 QObject* parent)
    : QObject(parent), m_store(store), m_workers(workers), m_uploads(ledger, QDate::currentDate())
{
    m_identity.peerId = makePeerId();
    m_identity.client = QStringLiteral("OpenDO 0.1.0"); // matches the peer id prefix
    m_identity.extensions.emplace(QByteArray(peer::kSwarmKeyExtensionName), quint8(1));
    m_reconnectTimer.setInterval(kReconnectMs);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &PeerHub::connectStaticPeers);
    m_reconnectTimer.start();
    m_gateTimer.setInterval(kGateRefreshMs);
    connect(&m_gateTimer, &QTimer::timeout, this, &PeerHub::refreshGates);
    m_gateTimer.start();
    m_ledgerTimer.setInterval(kLedgerFlushMs);
    connect(&m_ledgerTimer, &QTimer::timeout, this, &PeerHub::flushUploadLedger);
    m_ledgerTimer.start();
    refreshGates();
}

PeerHub::~PeerHub()
{
    flushUploadLedger();
    for (Swarm* swarm : std::as_const(m_swarms))
        delete swarm;
}

bool PeerHub::listen(const QHostAddress& address, quint16 port, QString* error)
{
    if (!m_server) {
        m_server = new QTcpServer(this);
        connect(m_server, &QTcpServer::newConnection, this, &PeerHub::onNewConnection);
    }
    if (!m_server->listen(address, port)) {
        if (error)
            *error = tr("Cannot listen for peers on %1: %2")
                         .arg(PeerEndpoint{address, port}.toString(), m_server->errorString());
        return false;
    }
    m_identity.listenPort = m_server->serverPort();
    qCInfo(log::lcAgent).noquote()
        << "listening for peers on" << PeerEndpoint{listenAddress(), listenPort()}.toString();
    return true;
}

bool PeerHub::isListening() const
{
    return m_server && m_server->isListening();
}

QHostAddress PeerHub::listenAddress() const
{
    return m_server ? m_server->serverAddress() : QHostAddress();
}

quint16 PeerHub::listenPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

void PeerHub::setStaticPeers(const QList<PeerEndpoint>& peers)
{
    m_staticPeers = peers;
    connectStaticPeers();
}

bool PeerHub::isSelf(const PeerEndpoint& endpoint) const
{
    if (!isListening() || endpoint.port != listenPort())
        return false;
    const QHostAddress own = listenAddress();
    if (own == QHostAddress::Any || own == QHostAddress::AnyIPv4 || own == QHostAddress::AnyIPv6)
        return endpoint.address.isLoopback();
    return own.isEqual(endpoint.address);
}

void PeerHub::setPolicies(const policy::PolicySnapshot& policies)
{
    m_policies = policies;
    m_configuredMode = int(policies.number(QStringLiteral("DODownloadMode"), 1));
    m_uploadLimiter.setRate(
        TrafficClass::Foreground,
        qMax<qint64>(0, policies.number(QStringLiteral("DOMaxUploadBandwidth"))) * 1024);
    applyMode();
}

void PeerHub::setLocalPeerRestriction(std::function<bool(const QHostAddress&)> isLocalPeer)
{
    m_isLocalPeer = std::move(isLocalPeer);
}

void PeerHub::setSubnetRestriction(const QHostAddress& base, int prefixLength)
{
    m_subnet = {base, prefixLength};
}

void PeerHub::setDiscoveryActive(bool active)
{
    if (m_discoveryActive == active)
        return;
    m_discoveryActive = active;
    applyMode();
}

void PeerHub::setFallback(const QString& reason)
{
    if (m_fallbackReason == reason)
        return;
    m_fallbackReason = reason;
    applyMode();
}

void PeerHub::applyMode()
{
    const int mode = m_fallbackReason.isEmpty() ? m_configuredMode : 99;
    const bool wasPeering = modeUsesPeers(m_mode);
    m_mode = mode;
    if (wasPeering && !modeUsesPeers(mode)) {
        for (Swarm* swarm : std::as_const(m_swarms))
            swarm->close(tr("download mode %1 does not use peers").arg(mode));
    }
    for (auto it = m_swarms.cbegin(); it != m_swarms.cend(); ++it) {
        const SwarmAccess access = accessFor(it.key());
        it.value()->setMembership(access.membershipRequired, access.swarmKey);
    }
    refreshGates();
    if (!wasPeering && modeUsesPeers(mode))
        Q_EMIT peeringAvailable();
}

void PeerHub::setSwarmKey(const QString& contentId, const QByteArray& key)
{
    if (m_swarmKeys.value(contentId) == key)
        return;
    if (key.isEmpty())
        m_swarmKeys.remove(contentId);
    else
        m_swarmKeys.insert(contentId, key);
    if (Swarm* swarm = m_swarms.value(contentId)) {
        const SwarmAccess access = accessFor(contentId);
        swarm->setMembership(access.membershipRequired, access.swarmKey);
    }
}

SwarmAccess PeerHub::accessFor(const QString& contentId) const
{
    SwarmAccess access;
    access.membershipRequired = m_discoveryActive && (m_mode == 1 || m_mode == 2);
    access.swarmKey = m_swarmKeys.value(contentId);
    return access;
}

void PeerHub::setDiscoveredPeers(const QString& contentId, const QList<DiscoveredPeer>& peers)
{
    m_discovered.insert(contentId, peers);
    if (Swarm* swarm = m_swarms.value(contentId)) {
        swarm->reclassify([this, contentId](const QHostAddress& address) {
            return classify(contentId, address);
        });
        connectKnownPeers(*swarm);
    }
}

QList<DiscoveredPeer> PeerHub::discoveredPeers(const QString& contentId) const
{
    return m_discovered.value(contentId);
}

QStringList PeerHub::swarmIds() const
{
    return m_swarms.keys();
}

std::optional<SourceClass> PeerHub::discoveredClass(const QString& contentId,
                                                    const QHostAddress& address) const
{
    for (const DiscoveredPeer& peer : m_discovered.value(contentId)) {
        if (peer.endpoint.address.isEqual(address))
            return peer.cls;
    }
    return std::nullopt;
}

SourceClass PeerHub::classify(const QString& contentId, const QHostAddress& address) const
{
    if (!m_discoveryActive)
        return SourceClass::LanPeer; // static peers: a lab on one LAN
    if (const auto cls = discoveredClass(contentId, address))
        return *cls;
    if (restrictedToLocalPeers() && m_isLocalPeer(peer::plainAddress(address)))
        return SourceClass::LinkLocalPeer;
    // Someone discovery told about us but not (yet) us about them: what our mode admits.
    switch (m_mode) {
    case 1:
        return SourceClass::LanPeer;
    case 2:
        return SourceClass::GroupPeer;
    default:
        return SourceClass::InternetPeer;
    }
}

bool PeerHub::restrictedToLocalPeers() const
{
    return m_isLocalPeer && (m_mode == 1 || m_mode == 2);
}

QList<SourceClass> PeerHub::peerClasses() const
{
    if (restrictedToLocalPeers())
        return {SourceClass::LinkLocalPeer};
    return {SourceClass::LanPeer, SourceClass::GroupPeer, SourceClass::InternetPeer};
}

bool PeerHub::peeringAllowed() const
{
    const QList<SourceClass> classes = peerClasses();
    return std::any_of(classes.cbegin(), classes.cend(),
                       [this](SourceClass cls) { return peeringAllowedWith(cls); });
}

bool PeerHub::peeringAllowedWith(SourceClass cls) const
{
    return modeUsesPeers(m_mode) && m_gates.downloadsFrom(cls);
}

bool PeerHub::uploadAllowed() const
{
    const QList<SourceClass> classes = peerClasses();
    return peeringAllowed() && std::all_of(classes.cbegin(), classes.cend(),
                                           [this](SourceClass c) { return m_gates.uploadsTo(c); });
}

bool PeerHub::uploadAllowedTo(SourceClass cls) const
{
    return peeringAllowedWith(cls) && m_gates.uploadsTo(cls);
}

QString PeerHub::peeringBlockedReason() const
{
    if (!m_fallbackReason.isEmpty())
        return tr("Simple mode (99) because the %1; DODownloadMode %2 applies again once it "
                  "answers.")
            .arg(m_fallbackReason)
            .arg(m_configuredMode);
    if (!modeUsesPeers(m_mode))
        return tr("Download mode %1 does not use peers (DODownloadMode).").arg(m_mode);
    return m_gates.firstReason();
}

bool PeerHub::largeEnoughToPeer(qint64 fileSize) const
{
    // DOMinFileSizeToCache is in MB (MiB, as DO counts): smaller files are never peered.
    const qint64 minimum = m_policies.number(QStringLiteral("DOMinFileSizeToCache"), 50);
    return fileSize >= qMax<qint64>(0, minimum) * 1024 * 1024;
}

int PeerHub::httpDelaySeconds(bool foreground) const
{
    const qint64 seconds =
        m_policies.number(foreground ? QStringLiteral("DODelayForegroundDownloadFromHttp")
                                     : QStringLiteral("DODelayBackgroundDownloadFromHttp"));
    return int(std::clamp<qint64>(seconds, 0, 7 * 24 * 3600));
}

qint64 PeerHub::minBackgroundQosBytesPerSecond() const
{
    const qint64 kilobytes = m_policies.number(QStringLiteral("DOMinBackgroundQos"));
    return std::clamp<qint64>(kilobytes, 0, qint64(1) << 32) * kKiB;
}

namespace {

// The DO error code a closing gate raises, by the setting that decides it.
log::DoErrorCode gateErrorCode(const QString& policyKey)
{
    if (policyKey == QLatin1String("DOAllowVPNPeerCaching"))
        return log::DoErrorCode::VpnDetected;
    if (policyKey == QLatin1String("DOMinBatteryPercentageAllowedToUpload"))
        return log::DoErrorCode::OnBattery;
    if (policyKey == QLatin1String("DOMinRAMAllowedToPeer"))
        return log::DoErrorCode::NotEnoughMemory;
    if (policyKey == QLatin1String("DOMonthlyUploadDataCap"))
        return log::DoErrorCode::UploadCapReached;
    return log::DoErrorCode::BlockedBySettings; // DOMinDiskSizeAllowedToPeer
}

QStringList closedGates(const PeeringGates& gates)
{
    QStringList keys;
    for (const GateVerdict& v : gates.verdicts) {
        if (!v.allowed)
            keys << v.policyKey;
    }
    return keys;
}

bool wasClosed(const PeeringGates& gates, const QString& policyKey)
{
    return closedGates(gates).contains(policyKey);
}

} // namespace

void PeerHub::setErrorJournal(stats::ErrorJournal* errors)
{
    m_errors = errors;
    reportClosedGates({}); // gates already closed at start count as closing now
}

void PeerHub::reportClosedGates(const PeeringGates& before)
{
    if (!m_errors)
        return; // the first evaluation, before the agent hands over its journal
    for (const GateVerdict& v : std::as_const(m_gates.verdicts)) {
        if (!v.allowed && !wasClosed(before, v.policyKey))
            stats::reportError(m_errors, gateErrorCode(v.policyKey), log::lcAgent(),
                               QStringLiteral("%1 (%2)").arg(v.reason, v.evidence));
    }
}

void PeerHub::refreshGates()
{
    const PeeringGates before = m_gates;
    m_gates = evaluatePeeringGates(m_policies, probeSystemFacts(m_store.cacheDir()),
                                   uploadedThisMonth(SourceClass::InternetPeer));
    reportClosedGates(before);
    // Any gate that opened or closed: a gate can close for some classes of peers only.
    if (closedGates(before) != closedGates(m_gates)) {
        const QString reason = peeringBlockedReason();
        qCInfo(log::lcAgent).noquote()
            << "peering" << (peeringAllowed() ? "allowed" : "off") << "uploads"
            << (uploadAllowed() ? "allowed" : "off") << (reason.isEmpty() ? QString() : reason);
        for (Swarm* swarm : std::as_const(m_swarms))
            swarm->uploadPermissionChanged();
        Q_EMIT uploadPermissionChanged();
    }
}

Swarm* PeerHub::createSwarm(std::shared_ptr<const content::Metainfo> metainfo,
                            const QString& dataPath, const QBitArray& have)
{
    auto* swarm = new Swarm(*this, std::move(metainfo), dataPath, have);
    m_swarms.insert(swarm->contentId(), swarm);
    return swarm;
}

Swarm* PeerHub::joinSwarm(std::shared_ptr<const content::Metainfo> metainfo,
                          const QString& dataPath, const QBitArray& have)
{
    if (!metainfo || !peeringAllowed())
        return nullptr;
    if (!largeEnoughToPeer(metainfo->fileSize())) {
        qCInfo(log::lcSwarm).noquote()
            << metainfo->contentId().left(12) << "is smaller than DOMinFileSizeToCache; HTTP only";
        return nullptr;
    }
    Swarm* swarm = m_swarms.value(metainfo->contentId());
    if (!swarm)
        swarm = createSwarm(std::move(metainfo), dataPath, have);
    connectKnownPeers(*swarm);
    return swarm;
}

Swarm* PeerHub::swarm(const QString& contentId) const
{
    return m_swarms.value(contentId);
}

void PeerHub::dropSwarm(const QString& contentId, const QString& reason)
{
    if (Swarm* swarm = m_swarms.take(contentId)) {
        swarm->close(reason);
        swarm->deleteLater();
    }
}

void PeerHub::dropAllSwarms(const QString& reason)
{
    for (const QString& contentId : m_swarms.keys())
        dropSwarm(contentId, reason);
}

void PeerHub::connectStaticPeers()
{
    if (!peeringAllowed())
        return;
    for (Swarm* swarm : std::as_const(m_swarms)) {
        if (swarm->downloading() && !swarm->complete())
            connectKnownPeers(*swarm);
    }
}

void PeerHub::connectKnownPeers(Swarm& swarm)
{
    if (!peeringAllowed())
        return;
    auto dial = [this, &swarm](const PeerEndpoint& endpoint, SourceClass cls) {
        if (!isSelf(endpoint) && !swarm.isBanned(endpoint.address) &&
            !swarm.hasConnectionTo(endpoint.address, endpoint.port))
            connectOut(swarm, endpoint, cls);
    };
    if (peeringAllowedWith(SourceClass::LanPeer)) {
        for (const PeerEndpoint& endpoint : std::as_const(m_staticPeers))
            dial(endpoint, SourceClass::LanPeer);
    }
    // Seeds wait to be dialled: the downloaders are the ones that announce themselves.
    if (!swarm.downloading() || swarm.complete())
        return;
    for (const DiscoveredPeer& peer : m_discovered.value(swarm.contentId())) {
        if (peeringAllowedWith(peer.cls))
            dial(peer.endpoint, peer.cls);
    }
}

void PeerHub::connectOut(Swarm& swarm, const PeerEndpoint& endpoint, SourceClass cls)
{
    QHostAddress bind = listenAddress();
    if (bind == QHostAddress::Any || bind == QHostAddress::AnyIPv4 ||
        bind == QHostAddress::AnyIPv6 || bind.protocol() != endpoint.address.protocol())
        bind = QHostAddress();
    auto* connection = new PeerConnection(endpoint.address, endpoint.port, bind, swarm.infoHash(),
                                          swarm.geometry(), m_identity);
    swarm.addConnection(connection, cls);
}

void PeerHub::onNewConnection()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        if (!peeringAllowed()) {
            qCDebug(log::lcPeer).noquote()
                << "refused" << socket->peerAddress().toString() << ":" << peeringBlockedReason();
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto* connection = new PeerConnection(socket, m_identity, {}, this);
        connect(connection, &PeerConnection::handshakeReceived, this,
                [this, connection](const QByteArray& infoHash, const QByteArray&) {
                    routeIncoming(connection, infoHash);
                });
        connect(connection, &PeerConnection::closed, this,
                [connection](const QString& reason, bool violation) {
                    if (!connection->isReady())
                        qCDebug(log::lcPeer).noquote()
                            << "incoming" << connection->endpoint() << "closed:" << reason
                            << (violation ? "(protocol violation)" : "");
                });
    }
}

void PeerHub::routeIncoming(PeerConnection* connection, const QByteArray& infoHash)
{
    Swarm* target = nullptr;
    for (Swarm* swarm : std::as_const(m_swarms)) {
        if (swarm->infoHash() == infoHash ||
            swarm->metainfo().v2InfoHash().left(peer::kInfoHashLength) == infoHash) {
            target = swarm;
            break;
        }
    }
    if (!target)
        target = seedingSwarmFor(infoHash);
    if (!target) {
        connection->close(
            tr("we do not offer content %1").arg(QString::fromLatin1(infoHash.toHex())));
        return;
    }
    if (target->isBanned(connection->address())) {
        connection->close(tr("this peer is banned from the swarm"));
        return;
    }
    // Without a discovery service nothing proves LAN or Group membership, so those modes take
    // only the peers the admin listed; anyone else would be an internet peer, which only mode 3
    // admits (standard BitTorrent clients included).
    if (!m_discoveryActive && (m_mode == 1 || m_mode == 2) &&
        !isStaticPeerAddress(connection->address())) {
        connection->close(tr("not admitted: without a discovery service, download mode %1 "
                             "accepts only the configured peers (StaticPeers, --peer)")
                              .arg(m_mode));
        return;
    }
    // Configured peers are the admin's explicit choice and stay admitted.
    const QHostAddress plain = peer::plainAddress(connection->address());
    if (m_mode == 1 && m_subnet.second >= 0 && !plain.isInSubnet(m_subnet) &&
        !isStaticPeerAddress(plain)) {
        connection->close(tr("not admitted: %1 is outside our subnet %2/%3 "
                             "(DORestrictPeerSelectionBy = 1)")
                              .arg(plain.toString(), m_subnet.first.toString())
                              .arg(m_subnet.second));
        return;
    }
    if ((m_mode == 1 || m_mode == 2) && m_isLocalPeer && !m_isLocalPeer(plain) &&
        !isStaticPeerAddress(plain)) {
        connection->close(tr("not admitted: %1 was not found by local peer discovery (DNS-SD) "
                             "on this network (DORestrictPeerSelectionBy = 2)")
                              .arg(plain.toString()));
        return;
    }
    const SourceClass cls = classify(target->contentId(), connection->address());
    if (!peeringAllowedWith(cls)) {
        connection->close(tr("not admitted: %1").arg(m_gates.downloadBlockedReason()));
        return;
    }
    connection->acceptIncoming(target->geometry());
    target->addConnection(connection, cls);
    if (m_discoveryActive && !discoveredClass(target->contentId(), connection->address()))
        Q_EMIT unknownPeerConnected(target->contentId());
}

bool PeerHub::isStaticPeerAddress(const QHostAddress& address) const
{
    const QHostAddress plain = peer::plainAddress(address);
    return std::any_of(
        m_staticPeers.cbegin(), m_staticPeers.cend(),
        [&plain](const PeerEndpoint& e) { return peer::plainAddress(e.address).isEqual(plain); });
}

Swarm* PeerHub::seedingSwarmFor(const QByteArray& infoHash)
{
    // v1 and hybrid content is cached under its v1 info hash; v2-only content under its full
    // v2 hash, of which BEP 52 handshakes carry the first 20 bytes.
    QString contentId = QString::fromLatin1(infoHash.toHex());
    auto cached = m_store.find(contentId);
    if (!cached) {
        for (const cache::CachedContent& c : m_store.all()) {
            if (c.geometry.contentId.size() == 64 && c.geometry.contentId.startsWith(contentId)) {
                contentId = c.geometry.contentId;
                cached = c;
                break;
            }
        }
    }
    // Only content whose trusted hashes we hold, and of which something is verified, is served.
    if (!cached || !cached->shareable() || cached->present.count(true) == 0 ||
        !largeEnoughToPeer(cached->geometry.fileSize))
        return nullptr;
    const auto parsed = content::Metainfo::parse(cached->metainfo);
    if (!parsed.ok() || parsed.metainfo->contentId() != contentId) {
        qCWarning(log::lcCache).noquote()
            << "cached metainfo of" << contentId << "is unusable:" << parsed.error;
        return nullptr;
    }
    return createSwarm(std::make_shared<const content::Metainfo>(*parsed.metainfo),
                       m_store.dataPath(contentId), cached->present);
}

void PeerHub::countUpload(SourceClass cls, qint64 bytes)
{
    m_uploads.count(cls, bytes);
}

void PeerHub::flushUploadLedger()
{
    const MonthlyUploads::FlushResult flushed = m_uploads.flush(QDate::currentDate());
    // The cap may just have been reached, or a new month lifts it.
    if (flushed.newMonth ||
        (flushed.wroteBytes && m_policies.number(QStringLiteral("DOMonthlyUploadDataCap")) > 0))
        refreshGates();
}

QList<PeerSnapshot> PeerHub::peers() const
{
    QList<PeerSnapshot> out;
    for (const Swarm* swarm : std::as_const(m_swarms))
        out.append(swarm->peerSnapshots());
    return out;
}

int PeerHub::totalBans() const
{
    int bans = 0;
    for (const Swarm* swarm : std::as_const(m_swarms))
        bans += swarm->bans();
    return bans;
}

QList<BannedPeer> PeerHub::bannedPeers() const
{
    QList<BannedPeer> out;
    for (const Swarm* swarm : std::as_const(m_swarms))
        out.append(swarm->bannedPeers());
    std::sort(out.begin(), out.end(),
              [](const BannedPeer& a, const BannedPeer& b) { return a.at < b.at; });
    return out;
}

int PeerHub::totalHashFailures() const
{
    int failures = 0;
    for (const Swarm* swarm : std::as_const(m_swarms))
        failures += swarm->hashFailures();
    return failures;
}

} // namespace opendo::transfer
