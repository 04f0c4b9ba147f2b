#include "discovery/server/SwarmRegistry.h"

#include "peer/PlainAddress.h"

#include <QRandomGenerator>
#include <algorithm>
#include <cstring>
#include <limits>
#include <numeric>

namespace opendo::discovery {
namespace {

// Twice libtorrent's 300 s announce floor, plus a minute of slack.
constexpr qint64 kStandardClientTtlSeconds = 2 * 300 + 60;

// A hash key for an address that is cheaper than QHostAddress's and equal for equal addresses.
QByteArray addressKey(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        QByteArray key(4, Qt::Uninitialized);
        std::memcpy(key.data(), &v4, 4);
        return key;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char*>(v6.c), 16);
}

// Fixed-size address first, so that no group id can make two (group, address) pairs collide.
QByteArray groupLanKey(const QByteArray& publicKey, const QString& groupId)
{
    return QByteArray::number(publicKey.size()) + publicKey + groupId.toUtf8();
}

bool registrable(int mode)
{
    return mode == 1 || mode == 2 || mode == 3;
}

} // namespace

// The registrations of one content. `peers` is dense; every index below holds positions in it
// and every peer remembers its position in each index, so that both removing a peer and moving
// the last one into its place are O(1).
struct SwarmRegistry::Swarm
{
    struct Peer
    {
        PeerRegistration reg;
        QByteArray publicKey;
        int posMode3 = -1;
        int posLan = -1;
        int posGroup = -1;
        int posGroupLan = -1;
    };
    using Index = std::vector<int>;

    std::vector<Peer> peers;
    QHash<QByteArray, int> byPeerId;
    Index mode3;                       // mode-3 peers: what an Internet asker draws from
    QHash<QByteArray, Index> lan;      // modes 1 and 3, by public address
    QHash<QString, Index> group;       // mode 2, by group id
    QHash<QByteArray, Index> groupLan; // mode 2, by (public address, group id)
    // HMAC through libcrypto costs about as much as the rest of an announce; a swarm's askers
    // come from a limited set of NATs and groups, so their keys are remembered (bounded).
    QHash<QString, QByteArray> keyCache;
    int seeds = 0;
    qint64 earliestExpiry = std::numeric_limits<qint64>::max(); // a lower bound

    static void addTo(Index& index, int* pos, int peer)
    {
        *pos = int(index.size());
        index.push_back(peer);
    }

    void removeFrom(Index& index, int Peer::*pos, int peer)
    {
        const int at = peers[size_t(peer)].*pos;
        const int last = index.back();
        index[size_t(at)] = last;
        peers[size_t(last)].*pos = at;
        index.pop_back();
        peers[size_t(peer)].*pos = -1;
    }

    template <typename Key>
    void removeFromBucket(QHash<Key, Index>& buckets, const Key& key, int Peer::*pos, int peer)
    {
        const auto it = buckets.find(key);
        Q_ASSERT(it != buckets.end());
        removeFrom(*it, pos, peer);
        if (it->empty())
            buckets.erase(it);
    }

    void index(int i)
    {
        Peer& p = peers[size_t(i)];
        if (p.reg.mode == 3)
            addTo(mode3, &p.posMode3, i);
        if (p.reg.mode == 1 || p.reg.mode == 3)
            addTo(lan[p.publicKey], &p.posLan, i);
        if (p.reg.mode == 2) {
            addTo(group[p.reg.groupId], &p.posGroup, i);
            addTo(groupLan[groupLanKey(p.publicKey, p.reg.groupId)], &p.posGroupLan, i);
        }
    }

    void unindex(int i)
    {
        // Copies: the bucket erase below may not touch what the key refers to.
        const Peer& p = peers[size_t(i)];
        const QByteArray publicKey = p.publicKey;
        const QString groupId = p.reg.groupId;
        if (p.posMode3 >= 0)
            removeFrom(mode3, &Peer::posMode3, i);
        if (p.posLan >= 0)
            removeFromBucket(lan, publicKey, &Peer::posLan, i);
        if (p.posGroup >= 0)
            removeFromBucket(group, groupId, &Peer::posGroup, i);
        if (p.posGroupLan >= 0)
            removeFromBucket(groupLan, groupLanKey(publicKey, groupId), &Peer::posGroupLan, i);
    }

    int insert(PeerRegistration reg)
    {
        const int i = int(peers.size());
        Peer p;
        p.publicKey = addressKey(reg.publicAddress);
        p.reg = std::move(reg);
        seeds += p.reg.seed ? 1 : 0;
        earliestExpiry = std::min(earliestExpiry, p.reg.expiresAtMs);
        byPeerId.insert(p.reg.peerId, i);
        peers.push_back(std::move(p));
        index(i);
        return i;
    }

    // Replaces a registration in place, moving it between indexes only when what they are keyed
    // on changed.
    void update(int i, PeerRegistration reg)
    {
        Peer& p = peers[size_t(i)];
        const QByteArray publicKey = addressKey(reg.publicAddress);
        const bool reindex =
            p.reg.mode != reg.mode || p.reg.groupId != reg.groupId || p.publicKey != publicKey;
        if (reindex)
            unindex(i);
        seeds += (reg.seed ? 1 : 0) - (p.reg.seed ? 1 : 0);
        earliestExpiry = std::min(earliestExpiry, reg.expiresAtMs);
        p.reg = std::move(reg);
        p.publicKey = publicKey;
        if (reindex)
            index(i);
    }

    void remove(int i)
    {
        unindex(i);
        seeds -= peers[size_t(i)].reg.seed ? 1 : 0;
        byPeerId.remove(peers[size_t(i)].reg.peerId);
        const int last = int(peers.size()) - 1;
        if (i != last) {
            peers[size_t(i)] = std::move(peers[size_t(last)]);
            Peer& moved = peers[size_t(i)];
            byPeerId[moved.reg.peerId] = i;
            if (moved.posMode3 >= 0)
                mode3[size_t(moved.posMode3)] = i;
            if (moved.posLan >= 0)
                lan[moved.publicKey][size_t(moved.posLan)] = i;
            if (moved.posGroup >= 0)
                group[moved.reg.groupId][size_t(moved.posGroup)] = i;
            if (moved.posGroupLan >= 0)
                groupLan[groupLanKey(moved.publicKey, moved.reg.groupId)]
                        [size_t(moved.posGroupLan)] = i;
        }
        peers.pop_back();
    }
};

SwarmRegistry::SwarmRegistry(const SwarmKeys& keys, Options options)
    : m_keys(keys), m_options(options), m_random(QRandomGenerator::system()->generate64())
{}

SwarmRegistry::~SwarmRegistry() = default;

namespace {

// Visits the positions 0..size-1 in a random order (random start, random stride coprime with
// size) without memory or setup cost, stopping after `budget` visits or when visit() says so.
// Not a uniform permutation, but every element is equally likely to come first, which is all
// that spreading load over a swarm needs.
template <typename Visit>
void visitRandomly(size_t size, size_t budget, std::mt19937_64& random, Visit visit)
{
    if (size == 0)
        return;
    const size_t start = size_t(random() % size);
    size_t stride = 1;
    if (size > 2) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            const size_t candidate = 1 + size_t(random() % (size - 1));
            if (std::gcd(candidate, size) == 1) {
                stride = candidate;
                break;
            }
        }
    }
    size_t at = start;
    for (size_t n = 0; n < std::min(size, budget); ++n) {
        if (!visit(at))
            return;
        at += stride;
        if (at >= size)
            at -= size;
    }
}

} // namespace

AnnounceResponse SwarmRegistry::announce(const AnnounceRequest& request, const QHostAddress& seen,
                                         const QHostAddress& publicAddress, qint64 nowMs)
{
    AnnounceResponse response;
    const QHostAddress seenAddress = peer::plainAddress(seen);
    const QHostAddress publicAddr = peer::plainAddress(publicAddress);
    const int mode = request.downloadMode;
    if (mode == 2 && request.groupId.isEmpty()) {
        response.failureReason = QStringLiteral("do_mode 2 (Group) needs do_group");
        return response;
    }
    response.intervalSeconds = m_options.intervalSeconds;
    response.minIntervalSeconds = m_options.minIntervalSeconds;
    response.hasOpendo = request.opendo;
    response.appliedMode = mode;
    response.publicAddress = publicAddr;

    auto swarmIt = m_swarms.find(request.infoHash);
    Swarm* swarm = swarmIt == m_swarms.end() ? nullptr : swarmIt->get();
    int self = -1;
    if (swarm) {
        const auto it = swarm->byPeerId.constFind(request.peerId);
        if (it != swarm->byPeerId.cend())
            self = *it;
    }

    const bool leaving = request.event == AnnounceEvent::Stopped || !registrable(mode);
    if (leaving) {
        if (self >= 0) {
            swarm->remove(self);
            --m_peerCount;
            if (swarm->peers.empty()) {
                m_swarms.erase(swarmIt);
                swarm = nullptr;
            }
        }
        if (swarm) {
            response.complete = swarm->seeds;
            response.incomplete = int(swarm->peers.size()) - swarm->seeds;
        }
        return response;
    }

    PeerRegistration reg;
    reg.infoHash = request.infoHash;
    reg.peerId = request.peerId;
    reg.seenAddress = seenAddress;
    reg.publicAddress = publicAddr;
    reg.localAddress =
        peer::plainAddress(!request.localAddress.isNull()      ? request.localAddress
                           : !request.reportedAddress.isNull() ? request.reportedAddress
                                                               : seenAddress);
    reg.port = request.port;
    reg.mode = mode;
    reg.groupId = mode == 2 ? request.groupId : QString();
    reg.subnetBase = request.subnetBase;
    reg.subnetPrefix = request.subnetPrefix;
    reg.seed = request.left == 0;
    reg.opendo = request.opendo;
    // Standard clients (libtorrent and those built on it) re-announce at most every 300 s
    // whatever interval we ask for; forgetting them sooner would hide live seeds.
    const qint64 ttlSeconds =
        request.opendo ? 2 * qint64(m_options.intervalSeconds)
                       : qMax(2 * qint64(m_options.intervalSeconds), kStandardClientTtlSeconds);
    reg.expiresAtMs = nowMs + ttlSeconds * 1000;

    if (!swarm) {
        swarmIt = m_swarms.insert(request.infoHash, std::make_shared<Swarm>());
        swarm = swarmIt->get();
    }
    if (self >= 0) {
        swarm->update(self, std::move(reg));
    } else {
        self = swarm->insert(std::move(reg));
        ++m_peerCount;
    }
    response.complete = swarm->seeds;
    response.incomplete = int(swarm->peers.size()) - swarm->seeds;

    const Swarm::Peer& asker = swarm->peers[size_t(self)];
    if (request.opendo) {
        response.scope = mode == 2 ? groupScope(request.groupId) : lanScope(publicAddr);
        constexpr qsizetype kMaxCachedKeys = 4096;
        if (const auto it = swarm->keyCache.constFind(response.scope);
            it != swarm->keyCache.cend()) {
            response.swarmKey = *it;
        } else {
            if (swarm->keyCache.size() >= kMaxCachedKeys)
                swarm->keyCache.clear();
            response.swarmKey = m_keys.keyFor(request.infoHash, response.scope);
            swarm->keyCache.insert(response.scope, response.swarmKey);
        }
    }

    const int want =
        std::clamp(std::min(request.numWant, m_options.maxPeersPerResponse), 0, kMaxNumWant);
    if (want == 0)
        return response;
    response.peers.reserve(size_t(want));
    // Bounded scanning: an index where few entries qualify (a subnet restriction) is only
    // sampled, never walked in full.
    const size_t budget = size_t(want) * 8 + 64;
    // DORestrictPeerSelectionBy 1 narrows modes 1 and 2 (not 3) to the asker's own subnet.
    const bool restrict =
        (mode == 1 || mode == 2) && request.restrictToSubnet && request.subnetPrefix >= 0;
    const QPair<QHostAddress, int> subnet{request.subnetBase, request.subnetPrefix};

    const auto take = [&](const Swarm::Index& index, PeerRelation relation, bool skipSameNat,
                          bool subnetOnly) {
        visitRandomly(index.size(), budget, m_random, [&](size_t at) {
            const int i = index[at];
            if (i == self)
                return true;
            const Swarm::Peer& peer = swarm->peers[size_t(i)];
            if (skipSameNat && peer.publicKey == asker.publicKey)
                return true; // already offered from the same-NAT index
            // The address offered is what has to be in the subnet: behind the asker's NAT the
            // peer's local address, elsewhere the one it connects from (in the subnet only when
            // no NAT lies between them).
            const bool sameNat = relation == PeerRelation::Lan;
            const QHostAddress& offered = sameNat ? peer.reg.localAddress : peer.reg.seenAddress;
            if (subnetOnly && !offered.isInSubnet(subnet))
                return true;
            response.peers.push_back({offered, peer.reg.port, relation});
            return int(response.peers.size()) < want;
        });
    };

    if (mode == 1 || mode == 3) {
        if (const auto it = swarm->lan.constFind(asker.publicKey); it != swarm->lan.cend())
            take(*it, PeerRelation::Lan, false, restrict);
        if (mode == 3 && int(response.peers.size()) < want)
            take(swarm->mode3, PeerRelation::Internet, true, false);
    } else {
        const QByteArray key = groupLanKey(asker.publicKey, request.groupId);
        if (const auto it = swarm->groupLan.constFind(key); it != swarm->groupLan.cend())
            take(*it, PeerRelation::Lan, false, restrict);
        if (int(response.peers.size()) < want) {
            if (const auto it = swarm->group.constFind(request.groupId); it != swarm->group.cend())
                take(*it, PeerRelation::Group, true, restrict);
        }
    }

    // The wire lists IPv4 before IPv6; keep the same-NAT-first order within each family.
    std::stable_partition(response.peers.begin(), response.peers.end(),
                          [](const AnnouncedPeer& peer) {
                              return peer.address.protocol() == QAbstractSocket::IPv4Protocol;
                          });
    return response;
}

int SwarmRegistry::expire(qint64 nowMs)
{
    int dropped = 0;
    for (auto it = m_swarms.begin(); it != m_swarms.end();) {
        Swarm& swarm = **it;
        // Renewals only ever push expiries later, so a swarm whose lower bound is not yet due
        // has nothing to drop and is skipped without looking at its peers.
        if (swarm.earliestExpiry >= nowMs) {
            ++it;
            continue;
        }
        // A swarm that is entirely due (a content nobody renews any more, or the server coming
        // back after a long pause) goes in one step instead of peer by peer.
        const bool allDue =
            std::all_of(swarm.peers.begin(), swarm.peers.end(),
                        [nowMs](const Swarm::Peer& peer) { return peer.reg.expiresAtMs < nowMs; });
        if (allDue) {
            dropped += int(swarm.peers.size());
            it = m_swarms.erase(it);
            continue;
        }
        qint64 earliest = std::numeric_limits<qint64>::max();
        for (size_t i = swarm.peers.size(); i-- > 0;) {
            const qint64 expiry = swarm.peers[i].reg.expiresAtMs;
            if (expiry < nowMs) {
                swarm.remove(int(i)); // moves a peer already visited into i
                ++dropped;
            } else {
                earliest = std::min(earliest, expiry);
            }
        }
        swarm.earliestExpiry = earliest;
        if (swarm.peers.empty())
            it = m_swarms.erase(it);
        else
            ++it;
    }
    m_peerCount -= dropped;
    return dropped;
}

int SwarmRegistry::swarmCount() const
{
    return int(m_swarms.size());
}

int SwarmRegistry::peerCount() const
{
    return m_peerCount;
}

namespace {

SwarmSummary summarize(const QByteArray& infoHash, const std::vector<PeerRegistration>& regs)
{
    SwarmSummary summary;
    summary.infoHash = infoHash;
    for (const PeerRegistration& reg : regs) {
        (reg.seed ? summary.seeds : summary.leechers) += 1;
        (reg.opendo ? summary.opendoPeers : summary.standardPeers) += 1;
        summary.byMode[reg.mode] += 1;
        const QString scope = reg.mode == 1   ? lanScope(reg.publicAddress)
                              : reg.mode == 2 ? groupScope(reg.groupId)
                                              : QStringLiteral("internet");
        summary.byScope[scope] += 1;
    }
    return summary;
}

} // namespace

std::vector<SwarmSummary> SwarmRegistry::summaries() const
{
    QList<QByteArray> hashes = m_swarms.keys();
    std::sort(hashes.begin(), hashes.end());
    std::vector<SwarmSummary> all;
    all.reserve(size_t(hashes.size()));
    for (const QByteArray& hash : hashes) {
        if (std::optional<SwarmSummary> one = summary(hash))
            all.push_back(std::move(*one));
    }
    return all;
}

std::optional<SwarmSummary> SwarmRegistry::summary(QByteArrayView infoHash) const
{
    const auto it = m_swarms.constFind(infoHash.toByteArray());
    if (it == m_swarms.cend())
        return std::nullopt;
    std::vector<PeerRegistration> regs;
    regs.reserve((*it)->peers.size());
    for (const Swarm::Peer& peer : (*it)->peers)
        regs.push_back(peer.reg);
    return summarize(it.key(), regs);
}

std::vector<PeerRegistration> SwarmRegistry::registrations() const
{
    std::vector<PeerRegistration> all;
    all.reserve(size_t(m_peerCount));
    for (const auto& swarm : m_swarms) {
        for (const Swarm::Peer& peer : swarm->peers)
            all.push_back(peer.reg);
    }
    return all;
}

void SwarmRegistry::restore(const std::vector<PeerRegistration>& registrations, qint64 nowMs)
{
    for (PeerRegistration reg : registrations) {
        if (reg.expiresAtMs < nowMs || !registrable(reg.mode) ||
            (reg.mode == 2 && reg.groupId.isEmpty()))
            continue;
        reg.seenAddress = peer::plainAddress(reg.seenAddress);
        reg.publicAddress = peer::plainAddress(reg.publicAddress);
        reg.localAddress = peer::plainAddress(reg.localAddress);
        if (reg.mode != 2)
            reg.groupId.clear();
        auto it = m_swarms.find(reg.infoHash);
        if (it == m_swarms.end())
            it = m_swarms.insert(reg.infoHash, std::make_shared<Swarm>());
        Swarm& swarm = **it;
        const auto existing = swarm.byPeerId.constFind(reg.peerId);
        if (existing != swarm.byPeerId.cend()) {
            swarm.update(*existing, std::move(reg));
        } else {
            swarm.insert(std::move(reg));
            ++m_peerCount;
        }
    }
}

} // namespace opendo::discovery
