#include "transfer/CacheServerPlan.h"

#include <QCoreApplication>
#include <QUrlQuery>

namespace opendo::transfer {

namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct CacheServerPlanText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::transfer)
};

// Every item must be a host: a DHCP server that sends garbage should not half-configure us.
std::optional<QList<policy::CacheHostEntry>> parseOption235(const QString& value, QString* why)
{
    QStringList items = value.split(QLatin1Char(','));
    items.removeIf([](const QString& item) { return item.trimmed().isEmpty(); });
    auto hosts = policy::parseEveryCacheHost(items, why);
    if (hosts && hosts->isEmpty()) {
        *why = CacheServerPlanText::tr("it names no server");
        return std::nullopt;
    }
    return hosts;
}

// The hosts from DHCP option 235 when DOCacheHostSource wants them; nullopt otherwise, with
// plan.hostsProblem saying why when it was asked for.
std::optional<QList<policy::CacheHostEntry>>
hostsFromDhcp(int source, const DhcpOptionFound& option, CacheServerPlan& plan)
{
    if (source != 1 && source != 2)
        return std::nullopt;
    if (!option.found()) {
        plan.hostsProblem =
            CacheServerPlanText::tr("DOCacheHostSource is %1 but no DHCP lease carries option 235")
                .arg(source);
        return std::nullopt;
    }
    QString why;
    auto hosts = parseOption235(option.value, &why);
    if (!hosts)
        plan.hostsProblem =
            CacheServerPlanText::tr("DHCP option 235 in %1 is not a list of servers (%2)")
                .arg(option.leaseFile, why);
    return hosts;
}

} // namespace

bool cacheHostsFromDhcp(const policy::PolicySnapshot& policies)
{
    const qint64 source = policies.number(QStringLiteral("DOCacheHostSource"));
    return source == 1 || source == 2;
}

bool cacheHostsFromDnsSd(const policy::PolicySnapshot& policies)
{
    if (policies.number(QStringLiteral("DOCacheHostSource"), -1) != -1)
        return false;
    const policy::EffectivePolicy* configured = policies.find(QStringLiteral("DOCacheHost"));
    return !configured || policy::parseCacheHostList(configured->value).isEmpty();
}

CacheServerPlan withoutUnverifiedServers(CacheServerPlan plan)
{
    if (plan.announcedOnLink && !plan.servers.isEmpty()) {
        plan.servers.clear();
        plan.skippedReason = CacheServerPlanText::tr(
            "they were found by DNS-SD, and without metainfo their bytes cannot be verified");
    }
    return plan;
}

CacheServerPlan cacheServerPlan(const policy::PolicySnapshot& policies, bool foreground, bool onVpn,
                                const DhcpOptionFound& dhcpOption235,
                                const QList<policy::CacheHostEntry>& linkServers,
                                const QList<policy::CacheHostEntry>& serviceServers)
{
    CacheServerPlan plan;
    const int source = int(policies.number(QStringLiteral("DOCacheHostSource")));
    const policy::EffectivePolicy* configured = policies.find(QStringLiteral("DOCacheHost"));
    const QList<policy::CacheHostEntry> fromPolicy =
        configured ? policy::parseCacheHostList(configured->value)
                   : QList<policy::CacheHostEntry>{};
    // 1 reads the option only when DOCacheHost names no server; 2 reads it first.
    const bool wantDhcp = source == 2 || (source == 1 && fromPolicy.isEmpty());
    const auto fromDhcp = wantDhcp ? hostsFromDhcp(source, dhcpOption235, plan) : std::nullopt;
    if (fromDhcp) {
        plan.hosts = *fromDhcp;
        plan.hostsSource =
            CacheServerPlanText::tr("DHCP option 235 (%1)").arg(dhcpOption235.leaseFile);
    } else if (!fromPolicy.isEmpty()) {
        plan.hosts = fromPolicy;
        plan.hostsSource = QStringLiteral("DOCacheHost");
    } else if (!serviceServers.isEmpty()) {
        plan.hosts = serviceServers;
        plan.hostsSource = CacheServerPlanText::tr("the discovery service");
    } else if (cacheHostsFromDnsSd(policies) && !linkServers.isEmpty()) {
        plan.hosts = linkServers;
        plan.hostsSource = CacheServerPlanText::tr("DNS-SD on the local link");
        plan.announcedOnLink = true;
    }
    if (plan.hosts.isEmpty())
        return plan;
    if (onVpn && policies.number(QStringLiteral("DODisallowCacheServerDownloadsOnVPN")) == 1) {
        plan.skippedReason = QCoreApplication::translate(
            "opendo::transfer", "a VPN is up and DODisallowCacheServerDownloadsOnVPN is 1");
        return plan;
    }
    for (const policy::CacheHostEntry& entry : std::as_const(plan.hosts))
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
