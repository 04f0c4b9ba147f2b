#pragma once

// Which cache servers (Connected Cache in DO) a download asks first, and for how long, from the
// policies: the servers come from DOCacheHost or from DHCP option 235 as DOCacheHostSource says,
// else from the discovery service's assignment (as DO's cloud names a Connected Cache), or —
// DOCacheHostSource not set and DOCacheHost empty — from DNS-SD on the local link;
// DODelayCacheServerFallbackForeground/Background and DODisallowCacheServerDownloadsOnVPN decide
// how long they are tried and whether at all. A cache server is asked for the origin's path with
// the origin named in the query (cacheHostOrigin=), as Connected Cache expects, and fills its
// cache from there.

#include "common/DhcpLeaseOptions.h"
#include "policy/CacheHostList.h"
#include "policy/PolicyState.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace opendo::transfer {

struct CacheServerPlan
{
    QList<policy::CacheHostEntry> hosts; // in the order to try
    QList<QUrl> servers;                 // their base URLs (http://host[:port])
    // How long the download keeps trying cache servers (one after the other, round robin)
    // before the origin takes over; 0 = the origin right after the first failure.
    int fallbackDelaySeconds = 0;
    QString hostsSource;   // for users: "DOCacheHost", "DHCP option 235 (/var/lib/dhcp/…)"
    QString hostsProblem;  // why DHCP option 235 was asked for but not used (translated)
    QString skippedReason; // set when servers are configured but not used (VPN)
    // Announced on the link by DNS-SD: anyone there can announce one, so only downloads whose
    // pieces are verified against metainfo use them (see withoutUnverifiedServers).
    bool announcedOnLink = false;

    bool empty() const { return servers.isEmpty(); }
};

// `dhcpOption235` is what the lease files hold; only read when DOCacheHostSource is 1 or 2.
// DOCacheHostSource 1 uses the option when DOCacheHost is empty; 2 ("force") prefers it to
// DOCacheHost; a missing or malformed option leaves DOCacheHost in charge, as in DO.
// `serviceServers` are those the discovery service assigns to this device: used when neither
// DOCacheHost nor DHCP option 235 names a server, before any that DNS-SD found.
// `linkServers` are the servers DNS-SD found; used only when cacheHostsFromDnsSd().
CacheServerPlan cacheServerPlan(const policy::PolicySnapshot& policies, bool foreground, bool onVpn,
                                const DhcpOptionFound& dhcpOption235 = {},
                                const QList<policy::CacheHostEntry>& linkServers = {},
                                const QList<policy::CacheHostEntry>& serviceServers = {});

// Whether the policies ask for DHCP option 235 at all (so callers read leases only then).
bool cacheHostsFromDhcp(const policy::PolicySnapshot& policies);
// Whether cache servers are looked for by DNS-SD: DOCacheHostSource not set (0 switches it
// off, 1 and 2 ask DHCP instead) and DOCacheHost naming no server.
bool cacheHostsFromDnsSd(const policy::PolicySnapshot& policies);

// The plan for a download that has no metainfo, whose bytes nothing can verify: servers that
// merely announced themselves on the link are not trusted with it.
CacheServerPlan withoutUnverifiedServers(CacheServerPlan plan);

// The URL for `origin` on cache server `server`; empty for an origin that is not plain HTTP
// (a cache server cannot serve TLS content on the origin's behalf).
QUrl cacheServerUrl(const QUrl& server, const QUrl& origin);

} // namespace opendo::transfer
