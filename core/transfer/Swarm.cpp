#include "transfer/Swarm.h"

#include "log/LogCategories.h"
#include "stats/ConnectionJournal.h"
#include "stats/ErrorJournal.h"
#include "transfer/DuplicateConnection.h"
#include "transfer/PeerHub.h"
#include "transfer/PiecePicker.h"
#include "transfer/PieceSink.h"
#include "transfer/SwarmRequests.h"
#include "transfer/SwarmUploader.h"
#include "transfer/UnchokeChoice.h"

#include <QRandomGenerator>
#include <algorithm>
#include <utility>

namespace opendo::transfer {

namespace {

using peer::BlockRequest;
using peer::PeerConnection;

constexpr int kUploadSlots = 8;
constexpr int kChokeRoundMs = 10'000;
// A peer that leaves our requests unanswered this long loses its pieces to other sources.
constexpr qint64 kSnubMs = 20'000;
// A fresh connection may still unchoke us: HTTP leaves its pieces alone this long.
constexpr qint64 kPendingGraceMs = 3'000;
// LAN and Group peers must prove swarm membership within this long of connecting.
constexpr qint64 kMembershipGraceMs = 15'000;

} // namespace

Swarm::Swarm(PeerHub& hub, std::shared_ptr<const content::Metainfo> metainfo, QString dataPath,
             QBitArray have, QObject* parent)
    : QObject(parent), m_hub(hub), m_metainfo(std::move(metainfo)), m_dataPath(std::move(dataPath)),
      m_have(std::move(have))
{
    m_contentId = m_metainfo->contentId();
    // Hybrid and v1 content is addressed by its v1 info hash, as BitTorrent clients do; pure v2
    // content by its v2 hash truncated to 20 bytes (BEP 52).
    m_infoHash = !m_metainfo->v1InfoHash().isEmpty() ? m_metainfo->v1InfoHash()
                                                     : m_metainfo->v2InfoHash().left(20);
    m_geometry.pieceCount = quint32(m_metainfo->pieceCount());
    m_geometry.pieceLength = m_metainfo->pieceLength();
    m_geometry.fileSize = m_metainfo->fileSize();
    m_have.resize(int(m_geometry.pieceCount));
    m_haveCount = int(m_have.count(true));
    m_uploader = new SwarmUploader(*this, m_hub, this);
    m_requests = std::make_unique<SwarmRequests>(*this);
    m_membership = SwarmMembership(m_infoHash);
    const SwarmAccess access = m_hub.accessFor(m_contentId);
    m_membership.configure(access.membershipRequired, access.swarmKey);

    m_chokeTimer.setInterval(kChokeRoundMs);
    connect(&m_chokeTimer, &QTimer::timeout, this, &Swarm::unchokeRound);
    m_chokeTimer.start();
    m_snubTimer.setInterval(5'000);
    connect(&m_snubTimer, &QTimer::timeout, this, [this] {
        for (const auto& p : m_peers) {
            Peer& peer = *p;
            if (peer.connection->outstandingRequests() > 0 && peer.lastBlock.isValid() &&
                peer.lastBlock.elapsed() > kSnubMs) {
                qCInfo(log::lcSwarm).noquote()
                    << m_contentId.left(12) << peer.connection->endpoint()
                    << "does not answer our requests; its pieces go to other sources";
                m_requests->releaseAll(peer);
                peer.lastBlock.invalidate();
            }
        }
        for (PeerConnection* c : m_membership.overdue(kMembershipGraceMs))
            c->close(tr("not admitted: %1").arg(m_membership.refusalReason(c)));
    });
    m_snubTimer.start();
}

namespace {

// The connection log's last word on a connection: what it carried each way, so "who sent
// whom how much" can be read from the log after the fact.
QString connectionTotals(const PeerConnection& connection)
{
    return QStringLiteral("(received %1, sent %2 bytes)")
        .arg(connection.payloadReceived())
        .arg(connection.payloadSent());
}

} // namespace

Swarm::~Swarm()
{
    // Connections are children; make sure none calls back into a half-destroyed swarm.
    m_endingByChoice = true;
    for (const auto& p : m_peers) {
        disconnect(p->connection, nullptr, this, nullptr);
        qCInfo(log::lcSwarm).noquote()
            << m_contentId.left(12) << "closing" << p->connection->endpoint() << "as the swarm ends"
            << connectionTotals(*p->connection);
        recordEnded(*p, tr("the download or seeding of this content ended"), false);
    }
}

Swarm::Peer* Swarm::peerOf(PeerConnection* connection)
{
    for (const auto& p : m_peers) {
        if (p->connection == connection)
            return p.get();
    }
    return nullptr;
}

Swarm::Peer* Swarm::peerByKey(int key)
{
    for (const auto& p : m_peers) {
        if (p->key == key)
            return p.get();
    }
    return nullptr;
}

void Swarm::attach(PieceSink* sink)
{
    m_sink = sink;
    for (const auto& p : m_peers) {
        p->countedInPicker = false;
        updatePickerAvailability(*p);
        updateInterest(*p);
    }
    m_requests->fillAll();
}

void Swarm::detach(PieceSink* sink)
{
    if (m_sink != sink)
        return;
    m_requests->abandonAll();
    m_sink = nullptr;
    for (const auto& p : m_peers)
        updateInterest(*p);
}

void Swarm::addConnection(PeerConnection* connection, SourceClass cls)
{
    auto owned = std::make_unique<Peer>();
    owned->connection = connection;
    owned->key = m_nextKey++;
    owned->cls = cls;
    m_peers.push_back(std::move(owned));
    connection->setParent(this);
    m_membership.add(connection);

    auto with = [this, connection](auto handler) {
        return [this, connection, handler](auto&&... args) {
            if (Peer* peer = peerOf(connection))
                handler(*peer, args...);
        };
    };
    connect(connection, &PeerConnection::ready, this, with([this](Peer& p) { onReady(p); }));
    connect(connection, &PeerConnection::availabilityReceived, this,
            with([this](Peer& p) { onAvailability(p); }));
    connect(connection, &PeerConnection::haveReceived, this,
            with([this](Peer& p, quint32 index) { onHave(p, index); }));
    connect(connection, &PeerConnection::peerChokeChanged, this,
            with([this](Peer& p, bool choking) { onPeerChoke(p, choking); }));
    connect(connection, &PeerConnection::allowedFastReceived, this,
            with([this](Peer& p, quint32) { onAllowedFast(p); }));
    connect(connection, &PeerConnection::peerInterestChanged, this,
            with([this](Peer& p, bool interested) { onPeerInterest(p, interested); }));
    connect(connection, &PeerConnection::blockReceived, this,
            with([this](Peer& p, quint32 index, quint32 begin, const QByteArray& data) {
                m_requests->onBlock(p, index, begin, data);
            }));
    connect(connection, &PeerConnection::requestDropped, this,
            with([this](Peer& p, const BlockRequest& block) { m_requests->onDropped(p, block); }));
    connect(connection, &PeerConnection::blockRequested, this,
            with([this](Peer& p, const BlockRequest& block) {
                m_uploader->onRequested(p.connection, block);
            }));
    connect(connection, &PeerConnection::requestCancelled, this,
            with([this](Peer& p, const BlockRequest& block) {
                m_uploader->onCancelled(p.connection, block);
            }));
    connect(connection, &PeerConnection::extensionHandshakeReceived, this,
            with([this](Peer& p) { applyVerdict(p, m_membership.onHandshake(p.connection)); }));
    connect(connection, &PeerConnection::extendedMessageReceived, this,
            with([this](Peer& p, const QByteArray& name, const QByteArray& payload) {
                if (name == peer::kSwarmKeyExtensionName)
                    applyVerdict(p, m_membership.onProof(p.connection, payload));
            }));
    connect(connection, &PeerConnection::sendBufferDrained, this,
            with([this](Peer&) { m_uploader->serveAll(); }));
    connect(connection, &PeerConnection::closed, this,
            [this, connection](const QString& reason, bool violation) {
                onClosed(connection, reason, violation);
            });
    if (connection->isReady())
        onReady(*m_peers.back());
    Q_EMIT peerCountChanged();
}

bool Swarm::hasConnectionTo(const QHostAddress& address, quint16 listenPort) const
{
    for (const auto& p : m_peers) {
        const PeerConnection* c = p->connection;
        if (!c->address().isEqual(address))
            continue;
        if (c->direction() == PeerConnection::Direction::Outgoing && c->port() == listenPort)
            return true;
        if (c->remoteExtensions().listenPort == listenPort)
            return true;
    }
    return false;
}

void Swarm::onReady(Peer& peer)
{
    // Two connections to the same agent (both sides dialled at once) waste a slot each way.
    PeerConnection* existing = nullptr;
    for (const auto& other : m_peers) {
        if (other.get() != &peer && other->connection->isReady() &&
            other->connection->remotePeerId() == peer.connection->remotePeerId()) {
            existing = other->connection;
            break;
        }
    }
    if (existing) {
        const bool outgoing = peer.connection->direction() == PeerConnection::Direction::Outgoing;
        const KeptConnection kept =
            keepOnDuplicate(m_hub.identity().peerId, peer.connection->remotePeerId(), outgoing,
                            existing->direction() == PeerConnection::Direction::Outgoing);
        const QString reason = tr("already connected to this peer");
        if (kept == KeptConnection::Existing) {
            peer.connection->close(reason);
            return;
        }
        existing->close(reason); // `peer` lives on: its Peer is not the one erased
    }
    if (peer.connection->remotePeerId() == m_hub.identity().peerId) {
        peer.connection->close(tr("connected to ourselves"));
        return;
    }
    peer.connection->sendAvailability(m_have);
    offerAllowedFast(peer);
    if (peer.connection->direction() == PeerConnection::Direction::Outgoing)
        m_hub.dialFailures().connected(m_contentId, peer.connection->endpoint());
    qCInfo(log::lcSwarm).noquote()
        << m_contentId.left(12) << "connected" << peer.connection->endpoint()
        << (peer.connection->direction() == PeerConnection::Direction::Incoming ? "(incoming)"
                                                                                : "(outgoing)")
        << peer.connection->clientName();
    // Without the extension protocol no extended handshake follows: judge the peer now.
    if (!peer.connection->extensionProtocol())
        applyVerdict(peer, m_membership.onHandshake(peer.connection));
}

void Swarm::applyVerdict(Peer& peer, SwarmMembership::Verdict verdict)
{
    if (verdict == SwarmMembership::Verdict::Refused) {
        peer.connection->close(
            tr("not admitted: %1").arg(m_membership.refusalReason(peer.connection)));
        return;
    }
    offerAllowedFast(peer); // a no-op until the peer is a member
    if (verdict != SwarmMembership::Verdict::Member || !m_membership.required())
        return;
    // Just proven: what was held back while it was a stranger starts now.
    updatePickerAvailability(peer);
    updateInterest(peer);
    tryUnchokeNow(peer);
    if (m_sink)
        m_sink->peersChanged();
    m_requests->fill(peer);
}

void Swarm::reclassify(const std::function<SourceClass(const QHostAddress&)>& classOf)
{
    bool changed = false;
    for (const auto& p : m_peers) {
        const SourceClass cls = classOf(p->connection->address());
        if (cls == p->cls)
            continue;
        qCInfo(log::lcSwarm).noquote() << m_contentId.left(12) << p->connection->endpoint()
                                       << "is now classed as" << sourceClassKey(cls);
        p->cls = cls;
        changed = true;
    }
    // A new class may be one peering is paused for (a VPN that exempts only local-discovery
    // peers, and the restriction to them was lifted).
    if (changed)
        uploadPermissionChanged();
}

void Swarm::setMembership(bool required, const QByteArray& key)
{
    if (!m_membership.configure(required, key))
        return;
    std::vector<Peer*> peers;
    for (const auto& p : m_peers)
        peers.push_back(p.get());
    for (Peer* p : peers) {
        const SwarmMembership::Verdict verdict = m_membership.verdict(p->connection);
        if (verdict == SwarmMembership::Verdict::Refused) {
            p->connection->close(
                tr("not admitted: %1").arg(m_membership.refusalReason(p->connection)));
            continue;
        }
        if (verdict == SwarmMembership::Verdict::Pending) {
            m_requests->releaseAll(*p);
            stopServing(*p);
        }
        updatePickerAvailability(*p);
        updateInterest(*p);
    }
    unchokeRound();
    m_requests->fillAll();
}

void Swarm::onAvailability(Peer& peer)
{
    peer.countedInPicker = false; // a bitfield replaces whatever was known
    updatePickerAvailability(peer);
    updateInterest(peer);
    if (m_sink)
        m_sink->peersChanged();
    m_requests->fill(peer);
}

void Swarm::onHave(Peer& peer, quint32 index)
{
    if (m_sink && peer.countedInPicker)
        m_sink->picker().addHave(int(index));
    updateInterest(peer);
    if (m_sink)
        m_sink->peersChanged();
    m_requests->fill(peer);
}

void Swarm::updatePickerAvailability(Peer& peer)
{
    if (!m_sink)
        return;
    const bool serving =
        peer.connection->isReady() && !peer.connection->peerChoking() && isMember(peer);
    if (serving && !peer.countedInPicker) {
        m_sink->picker().addAvailability(peer.connection->peerHas());
        peer.countedInPicker = true;
    } else if (!serving && peer.countedInPicker) {
        m_sink->picker().removeAvailability(peer.connection->peerHas());
        peer.countedInPicker = false;
    }
}

void Swarm::updateInterest(Peer& peer)
{
    PeerConnection* c = peer.connection;
    if (!c->isReady())
        return;
    bool wanted = false;
    if (m_sink && !complete() && isMember(peer)) {
        const QBitArray& has = c->peerHas();
        for (int i = 0; i < has.size() && !wanted; ++i)
            wanted = has.testBit(i) && !m_have.testBit(i);
    }
    if (wanted != c->amInterested())
        c->setInterested(wanted);
}

void Swarm::onPeerChoke(Peer& peer, bool choking)
{
    if (choking) {
        // With Fast the peer still serves what it allowed fast (BEP 6): that progress stays;
        // everything else goes back to other sources.
        std::vector<int> dropped;
        for (const auto& [piece, assembly] : peer.pieces) {
            if (!fetchableWhileChoked(peer, piece))
                dropped.push_back(piece);
        }
        for (int piece : dropped)
            m_requests->drop(peer, piece, true);
    }
    updatePickerAvailability(peer);
    if (m_sink)
        m_sink->peersChanged();
    if (!choking)
        peer.lastBlock.start();
    m_requests->fill(peer);
}

void Swarm::onAllowedFast(Peer& peer)
{
    if (peer.connection->peerChoking())
        m_requests->fill(peer);
}

bool Swarm::mayServe(const Peer& peer) const
{
    // The gates that decide whether we would ever unchoke this peer (tryUnchokeNow).
    return isMember(peer) && m_hub.uploadAllowedTo(peer.cls);
}

void Swarm::stopServing(Peer& peer)
{
    if (!peer.connection->amChoking())
        peer.connection->setChoking(true);
    // A choke keeps the requests for allowed-fast pieces; a peer we may not serve gets none.
    peer.connection->rejectAllPeerRequests();
}

void Swarm::offerAllowedFast(Peer& peer)
{
    if (peer.connection->isReady() && mayServe(peer))
        peer.connection->offerAllowedFast(m_have);
}

bool Swarm::fetchableWhileChoked(const Peer& peer, int piece) const
{
    return peer.connection->peerAllowsFast(quint32(piece)) && !peer.fastRefused.contains(piece);
}

void Swarm::onPeerInterest(Peer& peer, bool interested)
{
    if (interested) {
        tryUnchokeNow(peer);
        return;
    }
    if (!peer.connection->amChoking()) {
        peer.connection->setChoking(true);
        // The freed slot goes to someone waiting.
        for (const auto& p : m_peers) {
            if (tryUnchokeNow(*p))
                break;
        }
    }
}

int Swarm::unchokedCount() const
{
    return int(std::count_if(m_peers.begin(), m_peers.end(),
                             [](const auto& p) { return !p->connection->amChoking(); }));
}

bool Swarm::tryUnchokeNow(Peer& peer)
{
    PeerConnection* c = peer.connection;
    if (!c->isReady() || !c->peerInterested() || !c->amChoking() || !isMember(peer) ||
        !m_hub.uploadAllowedTo(peer.cls) || unchokedCount() >= kUploadSlots)
        return false;
    c->setChoking(false);
    return true;
}

void Swarm::unchokeRound()
{
    QList<UnchokeCandidate> interested;
    for (const auto& p : m_peers) {
        Peer& peer = *p;
        peer.downloadedLastRound = peer.connection->payloadReceived() - peer.lastDownloaded;
        peer.uploadedLastRound = peer.connection->payloadSent() - peer.lastUploaded;
        peer.lastDownloaded = peer.connection->payloadReceived();
        peer.lastUploaded = peer.connection->payloadSent();
        if (!peer.connection->isReady())
            continue;
        if (!mayServe(peer)) {
            stopServing(peer);
            continue;
        }
        // Gates may just have opened (membership, class, upload permission): every round that
        // may serve a peer offers its allowed-fast set; each piece goes out once.
        peer.connection->offerAllowedFast(m_have);
        if (peer.connection->peerInterested())
            interested.append({peer.key, peer.downloadedLastRound, peer.uploadedLastRound});
    }
    const QList<int> chosen =
        chooseUnchoked(interested, m_sink != nullptr, kUploadSlots,
                       [](int n) { return int(QRandomGenerator::global()->bounded(quint32(n))); });
    for (const auto& p : m_peers) {
        if (!p->connection->isReady() || !mayServe(*p))
            continue;
        const bool choke = !chosen.contains(p->key);
        if (choke != p->connection->amChoking())
            p->connection->setChoking(choke);
    }
}

void Swarm::uploadPermissionChanged()
{
    // Peering paused for some classes (a VPN came up): their connections end, not just choke.
    QList<PeerConnection*> paused;
    for (const auto& p : m_peers) {
        if (!m_hub.peeringAllowedWith(p->cls))
            paused.append(p->connection);
    }
    const bool wasEnding = std::exchange(m_endingByChoice, true);
    for (PeerConnection* c : paused)
        c->close(tr("peering paused: %1").arg(m_hub.gates().downloadBlockedReason()));
    m_endingByChoice = wasEnding;
    unchokeRound();
}

void Swarm::onClosed(PeerConnection* connection, const QString& reason, bool violation)
{
    const auto it = std::find_if(m_peers.begin(), m_peers.end(), [connection](const auto& p) {
        return p->connection == connection;
    });
    if (it == m_peers.end())
        return;
    Peer& peer = **it;
    if (violation)
        qCWarning(log::lcSwarm).noquote()
            << m_contentId.left(12) << "disconnected" << connection->endpoint()
            << "for breaking the protocol:" << reason << connectionTotals(*connection);
    else
        qCInfo(log::lcSwarm).noquote()
            << m_contentId.left(12) << "disconnected" << connection->endpoint() << reason
            << connectionTotals(*connection);
    recordEnded(peer, reason, violation);
    peer.pieces.clear();
    if (m_sink) {
        m_sink->picker().releaseAll(peer.key);
        if (peer.countedInPicker)
            m_sink->picker().removeAvailability(connection->peerHas());
    }
    m_uploader->forget(connection);
    m_membership.remove(connection);
    const bool wasUnchoked = !connection->amChoking();
    m_peers.erase(it);
    if (wasUnchoked) {
        for (const auto& p : m_peers) {
            if (tryUnchokeNow(*p))
                break;
        }
    }
    if (m_sink) {
        m_sink->peersChanged();
        m_requests->fillAll(); // others may take over the released pieces
    }
    Q_EMIT peerCountChanged();
}

void Swarm::pieceStored(const QList<int>& pieces)
{
    for (int piece : pieces) {
        if (piece < 0 || piece >= m_have.size() || m_have.testBit(piece))
            continue;
        m_have.setBit(piece);
        ++m_haveCount;
        for (const auto& p : m_peers) {
            PeerConnection* c = p->connection;
            if (c->isReady() && !(piece < c->peerHas().size() && c->peerHas().testBit(piece)))
                c->sendHave(quint32(piece));
        }
    }
    for (const auto& p : m_peers) {
        offerAllowedFast(*p); // after the have: a piece is announced before it is allowed
        updateInterest(*p);
    }
    m_requests->fillAll();
}

void Swarm::pieceRejected(int piece, int sourceKey)
{
    ++m_hashFailures;
    Peer* peer = peerByKey(sourceKey);
    if (!peer)
        return;
    ++peer->hashFailures;
    stats::reportError(m_hub.errorJournal(), log::DoErrorCode::PieceHashMismatch, log::lcSwarm(),
                       QStringLiteral("%1 piece %2 from %3 fails verification")
                           .arg(m_contentId.left(12))
                           .arg(piece)
                           .arg(peer->connection->endpoint()));
    ban(*peer, tr("sent piece %1 with data that fails verification").arg(piece));
}

void Swarm::ban(Peer& peer, const QString& reason)
{
    const QHostAddress address = peer.connection->address();
    m_banned.insert(address,
                    BannedPeer{m_contentId, address.toString(), peer.connection->endpoint(), reason,
                               QDateTime::currentDateTime()});
    stats::reportError(m_hub.errorJournal(), log::DoErrorCode::PeerBanned, log::lcSwarm(),
                       QStringLiteral("%1 banned %2: %3")
                           .arg(m_contentId.left(12), peer.connection->endpoint(), reason));
    peer.connection->close(tr("banned: %1").arg(reason), true);
}

int Swarm::connectionCount(SourceClass cls) const
{
    return int(std::count_if(m_peers.begin(), m_peers.end(),
                             [cls](const auto& p) { return p->cls == cls; }));
}

int Swarm::servingPeerCount() const
{
    return int(std::count_if(m_peers.begin(), m_peers.end(), [this](const auto& p) {
        return p->connection->isReady() && !p->connection->peerChoking() && isMember(*p);
    }));
}

int Swarm::pendingPeerCount() const
{
    return int(std::count_if(m_peers.begin(), m_peers.end(), [](const auto& p) {
        const PeerConnection* c = p->connection;
        return c->peerChoking() && c->connectedMs() < kPendingGraceMs;
    }));
}

QList<QByteArray> Swarm::coFetcherIds() const
{
    QList<QByteArray> ids;
    for (const auto& p : m_peers) {
        const PeerConnection* c = p->connection;
        if (c->isReady() && c->remotePeerId().startsWith("-OD") && !c->peerIsSeed() && isMember(*p))
            ids << c->remotePeerId();
    }
    return ids;
}

void Swarm::close(const QString& reason)
{
    // Closing removes entries from m_peers through onClosed; iterate over a copy.
    QList<PeerConnection*> connections;
    for (const auto& p : m_peers)
        connections.append(p->connection);
    const bool wasEnding = std::exchange(m_endingByChoice, true);
    for (PeerConnection* c : connections)
        c->close(reason);
    m_endingByChoice = wasEnding;
}

void Swarm::recordEnded(const Peer& peer, const QString& reason, bool violation)
{
    stats::ConnectionJournal* journal = m_hub.connectionJournal();
    const PeerConnection* c = peer.connection;
    // Attempts that never connected are not connections: they are tallied per endpoint instead,
    // since retries would crowd real records out of the journal.
    if (!c->wasConnected()) {
        if (c->direction() == PeerConnection::Direction::Outgoing && !m_endingByChoice)
            m_hub.dialFailures().failed(m_contentId, c->endpoint(), peer.cls, reason,
                                        QDateTime::currentDateTimeUtc());
        return;
    }
    if (!journal)
        return;
    stats::ConnectionRecord r = stats::connectionRecordOf(snapshotOf(peer));
    r.endedAt = QDateTime::currentDateTimeUtc();
    r.startedAt = r.endedAt.addMSecs(-c->connectedMs());
    r.endReason = reason;
    r.violation = violation;
    journal->record(r);
}

PeerSnapshot Swarm::snapshotOf(const Peer& peer) const
{
    const PeerConnection* c = peer.connection;
    PeerSnapshot s;
    s.contentId = m_contentId;
    s.endpoint = c->endpoint();
    s.incoming = c->direction() == PeerConnection::Direction::Incoming;
    s.sourceClass = peer.cls;
    s.client = c->clientName();
    s.bytesReceived = c->payloadReceived();
    s.bytesSent = c->payloadSent();
    s.amChoking = c->amChoking();
    s.amInterested = c->amInterested();
    s.peerChoking = c->peerChoking();
    s.peerInterested = c->peerInterested();
    s.peerPercent = m_geometry.pieceCount > 0
                        ? int(100 * qint64(c->peerPieceCount()) / m_geometry.pieceCount)
                        : 0;
    s.hashFailures = peer.hashFailures;
    const PacingState pacing = m_uploader->pacingOf(peer.connection);
    s.uploadWindow = pacing.windowBytes;
    s.queuingDelayMs = int(pacing.queuingDelayUs / 1000);
    return s;
}

QList<PeerSnapshot> Swarm::peerSnapshots() const
{
    QList<PeerSnapshot> out;
    out.reserve(qsizetype(m_peers.size()));
    for (const auto& p : m_peers)
        out.append(snapshotOf(*p));
    return out;
}

} // namespace opendo::transfer
