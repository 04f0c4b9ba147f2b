#pragma once

// Would the kernel firewall let a peer's new TCP connection to the peer port in? This walks the
// nftables ruleset (the JSON `nft -j list ruleset` prints; iptables on Debian 12 writes into
// the same tables) the way the input hook does: every filter base chain on the input hook, in
// priority order, rule by rule, following jumps. Matches it can decide for such a packet (TCP
// destination port, protocol, connection state "new", loopback or not) are decided; matches on
// the remote address or on anything else make the rule "may apply", and the answer uncertain.

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::diagnostics {

struct InboundConnection
{
    quint16 port = 7680;
    bool ipv6 = false;
    // The interface it arrives on: "lo" for a loopback listen address, "" for "some interface
    // other than lo" (a wildcard listen address: peers come from the network).
    QString interfaceName;
};

struct FirewallDecision
{
    enum class Outcome
    {
        Accepted,
        Dropped,
        Uncertain
    };
    Outcome outcome = Outcome::Accepted;
    int baseChains = 0; // filter chains on the input hook that the packet passes
    QString decidedBy;  // "inet filter input: policy drop", "ip filter INPUT rule 7: … drop"
    QString family, table, chain; // the base chain whose verdict decided (empty: none did)
    QStringList undecided;        // rules that may or may not apply to such a connection
};

// nullopt with `error` set when `json` is not nftables' JSON output.
std::optional<FirewallDecision>
evaluateInbound(const QByteArray& json, const InboundConnection& connection, QString* error);

} // namespace opendo::diagnostics
