#pragma once

// The discovery wire: a BitTorrent HTTP tracker announce (BEP 3, compact peers BEP 23, IPv6
// BEP 7) with Delivery Optimization parameters added as extra query keys. A standard client
// sends none of them and is treated as download mode 3 (Internet); an OpenDO agent sends
// "do_v=1" and gets an "opendo" dictionary back with the class of every returned peer and, in
// modes 1 and 2, the swarm key of its (content, scope).
//
// Query keys (all values percent-encoded):
//   info_hash (20 raw bytes), peer_id (20 raw bytes), port, uploaded, downloaded, left,
//   event (started|completed|stopped|empty), compact (0|1), numwant, key (opaque),
//   ip / ipv6 (BEP 7: an address the client reports; only used as the local address),
//   do_v=1, do_mode (0,1,2,3,99,100), do_group (group id, mode 2), do_subnet ("ADDR/PREFIX",
//   the client's own subnet), do_restrict (0 none | 1 subnet; DORestrictPeerSelectionBy),
//   do_local ("ADDR", the address peers on the same LAN should connect to).
//
// Response (bencoded dict): "interval", "min interval", "complete", "incomplete", "peers"
// (compact IPv4, 6 bytes each), "peers6" (compact IPv6, 18 bytes each) or "failure reason";
// for do_v=1 also "opendo" → { "mode": mode the server applied, "public ip": the address the
// server sees for the client (after its NAT map), "classes": one byte per returned peer, in
// the order of "peers" then "peers6": 'l' LAN, 'g' group, 'i' internet, "swarm key": 32 bytes
// (modes 1 and 2 only), "scope": the scope name the key belongs to }.

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>
#include <optional>
#include <vector>

namespace opendo::discovery {

inline constexpr qsizetype kMaxAnnounceQuerySize = 4096; // bytes of the query string
inline constexpr int kDefaultNumWant = 50;
inline constexpr int kMaxNumWant = 200;
inline constexpr int kMaxGroupIdLength = 128;
inline constexpr int kSwarmKeySize = 32;

enum class AnnounceEvent
{
    None,
    Started,
    Completed,
    Stopped
};

// How a returned peer relates to the asking client.
enum class PeerRelation
{
    Lan,     // same public address (same NAT)
    Group,   // same group id, another NAT
    Internet // anyone else
};

struct AnnounceRequest
{
    QByteArray infoHash; // 20 bytes
    QByteArray peerId;   // 20 bytes
    quint16 port = 0;    // 1..65535
    qint64 uploaded = 0;
    qint64 downloaded = 0;
    qint64 left = 0;
    AnnounceEvent event = AnnounceEvent::None;
    bool compact = true;
    int numWant = kDefaultNumWant; // clamped to 0..kMaxNumWant
    QByteArray key;                // "key", opaque, ≤ 64 bytes
    QHostAddress reportedAddress;  // "ip"/"ipv6"; null when absent

    // Delivery Optimization extension.
    bool opendo = false;           // do_v=1
    int downloadMode = 3;          // do_mode; standard clients: 3
    QString groupId;               // do_group; mode 2 requires it
    QHostAddress subnetBase;       // do_subnet, masked; null when absent
    int subnetPrefix = -1;         // do_subnet prefix length; -1 when absent
    bool restrictToSubnet = false; // do_restrict=1 (needs do_subnet)
    QHostAddress localAddress;     // do_local; null when absent

    friend bool operator==(const AnnounceRequest&, const AnnounceRequest&) = default;
};

struct AnnounceParseResult
{
    bool ok = false;
    AnnounceRequest request;
    QString error; // English, one line: goes into the bencoded "failure reason"
};

// Server side. `query` is the part after '?' of the request target. Strict: required keys
// present exactly once, numbers in range, hashes exactly 20 bytes, bad percent-encoding
// refused, unknown keys ignored, longer than kMaxAnnounceQuerySize refused.
AnnounceParseResult parseAnnounceQuery(QByteArrayView query);

// Client side: the query string (without '?') for a request.
QByteArray encodeAnnounceQuery(const AnnounceRequest& request);

struct AnnouncedPeer
{
    QHostAddress address;
    quint16 port = 0;
    PeerRelation relation = PeerRelation::Internet;
    friend bool operator==(const AnnouncedPeer&, const AnnouncedPeer&) = default;
};

struct AnnounceResponse
{
    QString failureReason; // non-empty: nothing else is meaningful
    QString warningMessage;
    int intervalSeconds = 0;
    int minIntervalSeconds = 0;
    int complete = 0;                 // seeds
    int incomplete = 0;               // leechers
    std::vector<AnnouncedPeer> peers; // IPv4 first, then IPv6 (the order of the wire)

    // The "opendo" dictionary; present only for do_v=1 requests.
    bool hasOpendo = false;
    int appliedMode = 3;
    QHostAddress publicAddress;
    QByteArray swarmKey; // empty or kSwarmKeySize bytes
    QString scope;       // e.g. "lan:203.0.113.7" or "group:{GUID}"

    friend bool operator==(const AnnounceResponse&, const AnnounceResponse&) = default;
};

// Server side: `compact` picks BEP 23 compact peers (always used for OpenDO clients) or the
// BEP 3 list of dicts; `withOpendo` adds the "opendo" dictionary.
QByteArray encodeAnnounceResponse(const AnnounceResponse& response, bool compact, bool withOpendo);
QByteArray encodeAnnounceFailure(const QString& reason);

struct AnnounceResponseParseResult
{
    bool ok = false;
    AnnounceResponse response;
    QString error; // translated: malformed response (a failure reason is ok = true)
};

// Client side: accepts compact and dict peer lists; a "classes" string that does not match the
// number of peers is an error; peers with port 0 are dropped.
AnnounceResponseParseResult parseAnnounceResponse(QByteArrayView body);

// An address as the wire carries it in "ip", "ipv6", "do_local" and dict peer lists: plain
// dotted-quad or RFC 4291 text only; null for anything else.
QHostAddress parseAnnounceAddress(const QByteArray& text);

// BEP 23 / BEP 7 compact forms.
QByteArray encodeCompactPeer(const QHostAddress& address, quint16 port); // 6 or 18 bytes
char relationCode(PeerRelation relation);                                // 'l', 'g', 'i'
std::optional<PeerRelation> relationFromCode(char code);

} // namespace opendo::discovery
