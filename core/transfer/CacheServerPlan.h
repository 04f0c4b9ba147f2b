#pragma once

// Which cache servers (Connected Cache in DO) a download asks first, and for how long, from the
// policies: DOCacheHost in order, DODelayCacheServerFallbackForeground/Background, and
// DODisallowCacheServerDownloadsOnVPN. A cache server is asked for the origin's path with the
// origin named in the query (cacheHostOrigin=), as Connected Cache expects, and fills its cache
// from there.

#include "policy/PolicyState.h"

#include <QList>
#include <QString>
#include <QUrl>

namespace opendo::transfer {

struct CacheServerPlan
{
    QList<QUrl> servers; // base URLs (http://host[:port]), in the order to try
    // How long the download keeps trying cache servers (one after the other, round robin)
    // before the origin takes over; 0 = the origin right after the first failure.
    int fallbackDelaySeconds = 0;
    QString skippedReason; // set when servers are configured but not used (VPN)

    bool empty() const { return servers.isEmpty(); }
};

CacheServerPlan cacheServerPlan(const policy::PolicySnapshot& policies, bool foreground,
                                bool onVpn);

// The URL for `origin` on cache server `server`; empty for an origin that is not plain HTTP
// (a cache server cannot serve TLS content on the origin's behalf).
QUrl cacheServerUrl(const QUrl& server, const QUrl& origin);

} // namespace opendo::transfer
