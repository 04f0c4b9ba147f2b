// Cache servers (Connected Cache in DO): which ones downloads ask first and how long they keep
// trying them (or why they skip them), and whether each answers on its port.

#include "agent/AgentSettings.h"
#include "diagnostics/CacheServerContentCheck.h"
#include "diagnostics/CheckSupport.h"
#include "diagnostics/NetworkProbes.h"
#include "policy/CacheHostList.h"
#include "transfer/CacheServerPlan.h"

namespace opendo::diagnostics {

namespace {

QString fallbackText(int seconds)
{
    return seconds > 0 ? Diag::tr("keeps trying them for %1 s, then the origin").arg(seconds)
                       : Diag::tr("goes to the origin after the first failure");
}

QStringList cacheServerEvidence(const DiagnosticInputs& in)
{
    QStringList evidence;
    for (const char* key :
         {"DOCacheHost", "DOCacheHostSource", "DODelayCacheServerFallbackForeground",
          "DODelayCacheServerFallbackBackground", "DODisallowCacheServerDownloadsOnVPN"})
        evidence << settingText(in.policies, QString::fromLatin1(key));
    if (in.dhcpOption235.found())
        evidence << Diag::tr("DHCP option 235: %1 (%2)")
                        .arg(in.dhcpOption235.value, in.dhcpOption235.leaseFile);
    else if (transfer::cacheHostsFromDhcp(in.policies))
        evidence << Diag::tr("DHCP option 235: in no lease file under %1")
                        .arg(dhcpLeaseFolders(in.agentSettings.value(QString::fromLatin1(
                                                  agent::kDhcpLeaseFoldersSetting)))
                                 .join(QStringLiteral(", ")));
    if (const discovery::DiscoveryStatus& service = in.activity.discovery;
        !service.serviceUrl.isEmpty())
        evidence << Diag::tr("Discovery service %1 assigns: %2")
                        .arg(service.serviceUrl,
                             service.cacheHosts.isEmpty()
                                 ? Diag::tr("no cache server")
                                 : service.cacheHosts.join(QStringLiteral(", ")));
    if (transfer::cacheHostsFromDnsSd(in.policies)) {
        const discovery::local::LocalDiscoveryStatus& local = in.activity.discovery.local;
        const QString announced = local.cacheServers.isEmpty()
                                      ? Diag::tr("none announced")
                                      : local.cacheServers.join(QStringLiteral(", "));
        evidence << Diag::tr("DNS-SD (_opendo-cache._tcp.local on UDP %1, %2): %3")
                        .arg(QString::number(local.port),
                             local.interfaces.isEmpty()
                                 ? Diag::tr("no interface")
                                 : local.interfaces.join(QStringLiteral(", ")),
                             local.error.isEmpty() ? announced : local.error);
    }
    return evidence;
}

QString dhcpRemedy()
{
    return Diag::tr("Have the DHCP server hand out option 235 as a comma-separated list of cache "
                    "server names or addresses, make the DHCP client request it (dhclient: "
                    "\"also request\" the option) and allow DHCP through the firewall (UDP 68 "
                    "in, 67 out). If the leases live elsewhere, list their folders in the "
                    "DhcpLeaseFolders agent setting; or name the servers in DOCacheHost.");
}

CheckResult configured(const InstantCheck& c, const DiagnosticInputs& in)
{
    const transfer::CacheServerPlan foreground = cacheServerPlanFor(in, true);
    const transfer::CacheServerPlan background = cacheServerPlanFor(in, false);
    if (foreground.hosts.isEmpty()) {
        const QString none =
            transfer::cacheHostsFromDnsSd(in.policies)
                ? Diag::tr("No cache server is configured (DOCacheHost, DOCacheHostSource) and "
                           "none is announced on the local link (DNS-SD).")
                : Diag::tr("No cache server is configured (DOCacheHost, DOCacheHostSource).");
        CheckResult r =
            foreground.hostsProblem.isEmpty()
                ? c.result(Verdict::NotApplicable, none)
                : c.result(Verdict::Warn,
                           Diag::tr("No cache server: %1.").arg(foreground.hostsProblem));
        r.evidence = cacheServerEvidence(in);
        if (!foreground.hostsProblem.isEmpty())
            r.remedy = dhcpRemedy();
        return r;
    }
    const QString list = policy::cacheHostAuthorities(foreground.hosts).join(QStringLiteral(", "));
    CheckResult r;
    if (!foreground.skippedReason.isEmpty()) {
        r = c.result(Verdict::Warn,
                     Diag::tr("Cache server(s) %1 from %2 are skipped: %3.")
                         .arg(list, foreground.hostsSource, foreground.skippedReason));
        r.remedy = Diag::tr("Set DODisallowCacheServerDownloadsOnVPN to 0 to use the cache "
                            "server over the VPN, or download once the VPN is down.");
    } else {
        const QString summary =
            Diag::tr("Downloads ask %1 (from %2) first; a foreground download %3, a background "
                     "download %4.")
                .arg(list, foreground.hostsSource, fallbackText(foreground.fallbackDelaySeconds),
                     fallbackText(background.fallbackDelaySeconds));
        if (foreground.announcedOnLink) {
            r = c.result(Verdict::Pass,
                         QStringLiteral("%1 %2").arg(
                             summary, Diag::tr("Anyone on the link can announce a cache server, "
                                               "so only downloads with metainfo (every piece "
                                               "verified) use them.")));
        } else if (foreground.hostsProblem.isEmpty()) {
            r = c.result(Verdict::Pass, summary);
        } else {
            r = c.result(
                Verdict::Warn,
                QStringLiteral("%1 %2").arg(
                    summary,
                    Diag::tr("DHCP was asked but not used: %1.").arg(foreground.hostsProblem)));
            r.remedy = dhcpRemedy();
        }
    }
    r.evidence = cacheServerEvidence(in);
    return r;
}

// DO's troubleshooter reports the month's cache-server share for information; with servers
// configured, a share of nothing points at them.
CheckResult share(const InstantCheck& c, const DiagnosticInputs& in)
{
    using transfer::SourceClass;
    const qint64 total = stats::total(in.month.down);
    const qint64 fromCache = in.month.down[size_t(SourceClass::CacheServer)];
    // Servers skipped on a VPN (by policy) are not expected to deliver.
    const bool configured = !cacheServerPlanFor(in, true).empty();
    if (total == 0)
        return c.result(Verdict::NotApplicable, Diag::tr("Nothing was downloaded this month."));
    const QString percent = QString::number(100.0 * double(fromCache) / double(total), 'f', 1);
    CheckResult r =
        configured && fromCache == 0
            ? c.result(Verdict::Warn, Diag::tr("Cache servers are configured but delivered "
                                               "nothing of this month's %1.")
                                          .arg(mbText(total)))
            : c.result(Verdict::Pass, Diag::tr("%1 % of this month's downloads came from cache "
                                               "servers.")
                                          .arg(percent));
    r.evidence << Diag::tr("From cache servers: %1 of %2").arg(mbText(fromCache), mbText(total));
    if (r.verdict == Verdict::Warn)
        r.remedy = Diag::tr("See \"Cache server serves the content\" and \"Cache server "
                            "reachable\"; the downloads' CacheHost field (doctl status) shows "
                            "which server delivered.");
    return r;
}

class CacheHostReachableCheck : public Check
{
public:
    CacheHostReachableCheck()
        : Check(QStringLiteral("cache_server.reachable"), CheckGroup::CacheServer,
                Diag::tr("Cache server reachable"))
    {}

    void start(const DiagnosticInputs& in, Done done) override
    {
        const QList<policy::CacheHostEntry> hosts = cacheServerPlanFor(in, true).hosts.mid(0, 4);
        if (hosts.isEmpty()) {
            done(result(Verdict::NotApplicable, Diag::tr("No cache server is configured.")));
            return;
        }
        auto results = std::make_shared<QList<TcpProbeResult>>();
        const qsizetype expected = hosts.size();
        for (const policy::CacheHostEntry& host : hosts) {
            probeTcp(host.host, host.port, std::max(200, in.request.timeoutMs - 500), this,
                     [this, results, expected, done](TcpProbeResult p) {
                         results->append(p);
                         if (results->size() < expected)
                             return;
                         int ok = 0;
                         QStringList evidence;
                         for (const TcpProbeResult& r : *results) {
                             ok += r.ok() ? 1 : 0;
                             evidence << r.verdictText();
                         }
                         CheckResult r = result(
                             ok == expected ? Verdict::Pass : Verdict::Fail,
                             Diag::tr("%1 of %2 cache server(s) accept connections on their port.")
                                 .arg(ok)
                                 .arg(expected));
                         r.evidence = evidence;
                         if (ok != expected)
                             r.remedy = Diag::tr("Check the cache server names (DOCacheHost or "
                                                 "DHCP option 235) and allow "
                                                 "outbound TCP to them (port 80 unless the entry "
                                                 "names another).");
                         done(r);
                     });
        }
    }
};

} // namespace

QList<CheckFactory> cacheServerChecks()
{
    return {
        instantCheck(QStringLiteral("cache_server.configured"), CheckGroup::CacheServer,
                     Diag::tr("Cache server configured"), configured),
        {QStringLiteral("cache_server.reachable"),
         [] { return std::make_unique<CacheHostReachableCheck>(); }},
        {QStringLiteral("cache_server.serves_content"),
         [] { return std::make_unique<CacheServerContentCheck>(); }},
        instantCheck(QStringLiteral("cache_server.share"), CheckGroup::CacheServer,
                     Diag::tr("Cache server share this month"), share),
    };
}

} // namespace opendo::diagnostics
