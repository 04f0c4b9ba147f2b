#pragma once

// Which cache servers the discovery service tells a device to use, as DO's cloud (its "geo"
// answer) names the Connected Cache for a device: rules "[SUBNET=]HOST[:PORT][,HOST…]" from
// do-discovery --cache-host, tried in order; the first whose subnet holds the device's address
// (as seen, or as the NAT map makes it) wins, a rule without a subnet applies to everyone. The
// device still obeys its own DOCacheHost / DHCP option 235 first.

#include "policy/CacheHostList.h"

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <optional>

namespace opendo::discovery {

struct CacheHostAssignment
{
    std::optional<QPair<QHostAddress, int>> subnet; // none: every device
    QList<policy::CacheHostEntry> hosts;
};

inline constexpr int kMaxAssignedCacheHosts = 16;

// One rule; nullopt with `why` set (translated) when it is not one.
std::optional<CacheHostAssignment> parseCacheHostAssignment(const QString& rule,
                                                            QString* why = nullptr);

// The servers for a device connecting from `seen` that stands for `mapped`; empty when no rule
// applies.
QList<policy::CacheHostEntry> cacheHostsFor(const QList<CacheHostAssignment>& rules,
                                            const QHostAddress& seen, const QHostAddress& mapped);

} // namespace opendo::discovery
