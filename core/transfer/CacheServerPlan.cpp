#include "transfer/CacheServerPlan.h"

#include "policy/CacheHostList.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace opendo::transfer {

CacheServerPlan cacheServerPlan(const policy::PolicySnapshot& policies, bool foreground, bool onVpn)
{
    CacheServerPlan plan;
    const policy::EffectivePolicy* hosts = policies.find(QStringLiteral("DOCacheHost"));
    if (!hosts || hosts->value.trimmed().isEmpty())
        return plan;
    if (onVpn && policies.number(QStringLiteral("DODisallowCacheServerDownloadsOnVPN")) == 1) {
        plan.skippedReason = QCoreApplication::translate(
            "opendo::transfer", "a VPN is up and DODisallowCacheServerDownloadsOnVPN is 1");
        return plan;
    }
    for (const policy::CacheHostEntry& entry : policy::parseCacheHostList(hosts->value))
        plan.servers << QUrl(QStringLiteral("http://%1").arg(entry.authority()));
    plan.fallbackDelaySeconds =
        int(policies.number(foreground ? QStringLiteral("DODelayCacheServerFallbackForeground")
                                       : QStringLiteral("DODelayCacheServerFallbackBackground")));
    return plan;
}

QUrl cacheServerUrl(const QUrl& server, const QUrl& origin)
{
    if (origin.scheme() != QLatin1String("http") || origin.host().isEmpty())
        return {};
    QUrl url = server;
    url.setPath(origin.path().isEmpty() ? QStringLiteral("/") : origin.path());
    QUrlQuery query(origin);
    QString originHost = origin.host();
    if (originHost.contains(QLatin1Char(':')))
        originHost = QStringLiteral("[%1]").arg(originHost);
    if (origin.port() > 0 && origin.port() != 80)
        originHost += QStringLiteral(":%1").arg(origin.port());
    query.addQueryItem(QStringLiteral("cacheHostOrigin"), originHost);
    url.setQuery(query);
    return url;
}

} // namespace opendo::transfer
