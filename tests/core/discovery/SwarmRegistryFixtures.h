#pragma once

// Clients of the swarm registry tests: announces built from a few fields, and answers read back
// by client id (each client has its own port; peer ids are not on the wire).

#include "discovery/server/SwarmRegistry.h"

#include <QByteArray>
#include <QHostAddress>
#include <map>
#include <set>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define OPENDO_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) ||                         \
    __has_feature(undefined_behavior_sanitizer)
#define OPENDO_SANITIZED 1
#endif
#endif

namespace opendo::discovery::testing {

inline const QByteArray kSecret(32, 's');

inline QByteArray hashOf(int n)
{
    QByteArray hash(20, 'h');
    hash[0] = char(n);
    hash[1] = char(n >> 8);
    return hash;
}

inline QByteArray peerIdOf(int n)
{
    return QByteArray("-OD0100-") + QByteArray::number(n).rightJustified(12, '0');
}

inline QHostAddress ip(const char* text)
{
    return QHostAddress(QString::fromLatin1(text));
}

struct Client
{
    int id = 0;
    int mode = 3;
    QString group;
    QHostAddress seen;
    QHostAddress publicAddress; // defaults to seen
    QHostAddress local;         // do_local; null: none
    bool opendo = true;
    int numWant = 50;
    qint64 left = 100;
    AnnounceEvent event = AnnounceEvent::None;
    QHostAddress subnetBase;
    int subnetPrefix = -1;
    bool restrict = false;
    QByteArray infoHash = hashOf(1);

    quint16 port() const { return quint16(10000 + id); }

    AnnounceRequest request() const
    {
        AnnounceRequest r;
        r.infoHash = infoHash;
        r.peerId = peerIdOf(id);
        r.port = port();
        r.left = left;
        r.event = event;
        r.numWant = numWant;
        r.opendo = opendo;
        r.downloadMode = mode;
        r.groupId = group;
        r.localAddress = local;
        r.subnetBase = subnetBase;
        r.subnetPrefix = subnetPrefix;
        r.restrictToSubnet = restrict;
        return r;
    }
};

inline Client client(int id, int mode, const char* seen, const char* local = nullptr,
                     const char* publicAddress = nullptr)
{
    Client c;
    c.id = id;
    c.mode = mode;
    c.seen = ip(seen);
    c.publicAddress = publicAddress ? ip(publicAddress) : c.seen;
    if (local)
        c.local = ip(local);
    return c;
}

inline AnnounceResponse announce(SwarmRegistry& registry, const Client& c, qint64 nowMs = 1000)
{
    return registry.announce(c.request(), c.seen, c.publicAddress, nowMs);
}

// Peer ids are not on the wire; the tests give every client its own port instead.
inline std::map<int, AnnouncedPeer> byClient(const AnnounceResponse& response)
{
    std::map<int, AnnouncedPeer> peers;
    for (const AnnouncedPeer& peer : response.peers)
        peers[peer.port - 10000] = peer;
    return peers;
}

inline std::set<int> idsOf(const AnnounceResponse& response)
{
    std::set<int> ids;
    for (const AnnouncedPeer& peer : response.peers)
        ids.insert(peer.port - 10000);
    return ids;
}

inline SwarmRegistry::Options options(int maxPeers = 50)
{
    SwarmRegistry::Options o;
    o.intervalSeconds = 60;
    o.minIntervalSeconds = 10;
    o.maxPeersPerResponse = maxPeers;
    return o;
}

} // namespace opendo::discovery::testing
