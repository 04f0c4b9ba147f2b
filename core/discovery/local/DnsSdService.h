#pragma once

// What an OpenDO agent says about itself on the local link (DNS-SD over multicast DNS,
// RFC 6762/6763), and how it asks who else is there: the records behind
// DORestrictPeerSelectionBy = 2, "only peers found by local discovery".
//
// One service instance per agent: "<peer id in hex>._opendo._tcp.local" with an SRV record
// (peer port and host name), an A record for that host and a TXT record carrying a short tag of
// the agent's group id in Group mode, so that a Group-mode agent can insist that a local peer
// is in its group without anyone publishing the group id itself on the LAN.

#include "discovery/local/DnsMessage.h"

#include <QHostAddress>
#include <optional>

namespace opendo::discovery::local {

// The port of multicast DNS (RFC 6762); labs may choose another (LocalDiscoveryPort).
inline constexpr quint16 kMulticastDnsPort = 5353;

// "_opendo._tcp.local"
DnsName serviceType();
// "<peer id in hex>._opendo._tcp.local" and "opendo-<peer id in hex>.local": an agent's
// service instance and the host name its SRV record points at.
DnsName instanceName(const QByteArray& peerId);
DnsName hostName(const QByteArray& peerId);

struct LocalAdvert
{
    QByteArray peerId; // 20 bytes
    QHostAddress address;
    quint16 port = 0;
    QByteArray groupTag; // empty outside Group mode
    bool operator==(const LocalAdvert&) const = default;
};

// Seconds a record of ours stays valid in other agents' tables (RFC 6762's value for records
// naming a host); 0 says goodbye.
inline constexpr quint32 kAdvertTtlSeconds = 120;

// The PTR record that lists an agent's instance under our service type.
DnsRecord instancePointer(const QByteArray& peerId, quint32 ttlSeconds);
// The unsolicited or answering response that describes `advert`.
DnsMessage advertisement(const LocalAdvert& advert, quint32 ttlSeconds);
// A query for every instance of our service type, listing the instances the asker already
// knows (PTR records with their remaining TTL, RFC 6762 §7.1 known-answer suppression).
DnsMessage serviceQuery(const QList<DnsRecord>& knownAnswers = {});
// The query asks for our service type (or for our own instance) and so wants our records —
// unless it lists our instance among its known answers with at least half our TTL left.
bool asksForUs(const DnsMessage& query, const QByteArray& peerId);

// The tag of a group id in TXT records: 8 bytes of its SHA-256, as hex. Empty for no group.
QByteArray groupTagOf(const QString& groupId);

// The peer id an instance name of our service type carries; nullopt for any other name.
std::optional<QByteArray> peerIdOfInstance(const DnsName& instance);

} // namespace opendo::discovery::local
