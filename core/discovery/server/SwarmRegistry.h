#pragma once

// Who holds which content, and who may be told about whom. One registration per (content,
// peer id); it expires after twice the announce interval unless renewed. Matching follows the
// download mode of the asker:
//   mode 1 (LAN): peers in mode 1 or 3 with the same public address; when the asker restricts
//                 to its subnet (do_restrict=1), only those whose local address is in it;
//   mode 2 (Group): peers in mode 2 with the same group id; with do_restrict=1 only those whose
//                 offered address (see below) is in the asker's subnet;
//   mode 3 (Internet): every peer in mode 3, plus mode-1 peers with the same public address;
//   modes 0, 99, 100: no peers, and the asker is not registered as a source.
// Peers with the asker's public address come first (relation Lan), the rest are sampled at
// random; the count is capped by numwant and the server's maximum. A peer never sees itself.
// Peers with the asker's public address are returned under their local address (reachable
// inside that NAT), all others under the address the server saw them connect from.
// Keys: asker in mode 1 or 3 gets the key of scope lanScope(public), mode 2 of
// groupScope(group id) — so a mode-3 device can still prove LAN membership to mode-1 peers.
//
// Cost: an announce touches O(numwant) registrations plus O(1) hash lookups, independent of
// the swarm size (bench/discovery_load: 100k registered peers).

#include "discovery/AnnounceProtocol.h"
#include "discovery/server/SwarmKeys.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <functional>
#include <memory>
#include <random>
#include <vector>

namespace opendo::discovery {

struct PeerRegistration
{
    QByteArray infoHash;
    QByteArray peerId;
    QHostAddress seenAddress;   // TCP source of the announce
    QHostAddress publicAddress; // seenAddress after the server's NAT map
    QHostAddress localAddress;  // do_local, else "ip"/"ipv6", else seenAddress
    quint16 port = 0;
    int mode = 3; // 1, 2 or 3
    QString groupId;
    QHostAddress subnetBase;
    int subnetPrefix = -1;
    bool seed = false; // left == 0
    bool opendo = false;
    qint64 expiresAtMs = 0; // in the clock the caller passes as nowMs (ms since epoch)
};

struct SwarmSummary
{
    QByteArray infoHash;
    int seeds = 0;
    int leechers = 0;
    int opendoPeers = 0;
    int standardPeers = 0;
    // peers per scope: "lan:ADDR" → n, "group:ID" → n, "internet" → n (mode-3 peers).
    QHash<QString, int> byScope;
    QHash<int, int> byMode; // download mode → n
};

class SwarmRegistry
{
public:
    struct Options
    {
        int intervalSeconds = 60;
        int minIntervalSeconds = 10;
        int maxPeersPerResponse = 50;
    };

    SwarmRegistry(const SwarmKeys& keys, Options options);
    ~SwarmRegistry();

    // Registers or renews (or removes, on event=stopped) the asker and answers with the peers it
    // may use. `seen` is the TCP source address; `publicAddress` the same after the NAT map.
    // Never fails for a request parseAnnounceQuery accepted, except mode 2 without a group id
    // (failure reason).
    AnnounceResponse announce(const AnnounceRequest& request, const QHostAddress& seen,
                              const QHostAddress& publicAddress, qint64 nowMs);

    // Drops registrations whose expiry is before nowMs; returns how many.
    int expire(qint64 nowMs);

    int swarmCount() const;
    int peerCount() const;
    std::vector<SwarmSummary> summaries() const; // sorted by info hash
    std::optional<SwarmSummary> summary(QByteArrayView infoHash) const;

    // Persistence: every live registration, and restoring them (expired ones are skipped).
    std::vector<PeerRegistration> registrations() const;
    void restore(const std::vector<PeerRegistration>& registrations, qint64 nowMs);

    const Options& options() const { return m_options; }

private:
    struct Swarm;
    const SwarmKeys& m_keys;
    Options m_options;
    QHash<QByteArray, std::shared_ptr<Swarm>> m_swarms;
    std::mt19937_64 m_random;
    int m_peerCount = 0;
};

} // namespace opendo::discovery
