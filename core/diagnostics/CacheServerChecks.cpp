// Cache servers (Connected Cache in DO): which ones downloads ask first and how long they keep
// trying them (or why they skip them), and whether each answers on its port.

#include "diagnostics/CheckSupport.h"
#include "diagnostics/NetworkProbes.h"
#include "policy/CacheHostList.h"
#include "transfer/CacheServerPlan.h"
#include "transfer/UploadGates.h"

namespace opendo::diagnostics {

namespace {

QList<policy::CacheHostEntry> cacheHosts(const DiagnosticInputs& in)
{
    const policy::EffectivePolicy* p = in.policies.find(QStringLiteral("DOCacheHost"));
    return p ? policy::parseCacheHostList(p->value) : QList<policy::CacheHostEntry>{};
}

bool onVpn(const DiagnosticInputs& in)
{
    const policy::EffectivePolicy* keywords = in.policies.find(QStringLiteral("DOVpnKeywords"));
    return !transfer::vpnInterfaces(in.system.interfaces,
                                    transfer::vpnKeywords(keywords ? keywords->value : QString()))
                .isEmpty();
}

QString fallbackText(int seconds)
{
    return seconds > 0 ? Diag::tr("keeps trying them for %1 s, then the origin").arg(seconds)
                       : Diag::tr("goes to the origin after the first failure");
}

CheckResult configured(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QList<policy::CacheHostEntry> hosts = cacheHosts(in);
    if (hosts.isEmpty()) {
        CheckResult r = c.result(Verdict::NotApplicable,
                                 Diag::tr("No cache server is configured (DOCacheHost)."));
        r.evidence << settingText(in.policies, QStringLiteral("DOCacheHostSource"));
        return r;
    }
    QStringList names;
    for (const policy::CacheHostEntry& h : hosts)
        names << h.authority();
    const transfer::CacheServerPlan foreground =
        transfer::cacheServerPlan(in.policies, true, onVpn(in));
    const transfer::CacheServerPlan background =
        transfer::cacheServerPlan(in.policies, false, onVpn(in));
    CheckResult r = foreground.skippedReason.isEmpty()
                        ? c.result(Verdict::Pass,
                                   Diag::tr("Downloads ask %1 first; a foreground download %2, a "
                                            "background download %3.")
                                       .arg(names.join(QStringLiteral(", ")),
                                            fallbackText(foreground.fallbackDelaySeconds),
                                            fallbackText(background.fallbackDelaySeconds)))
                        : c.result(Verdict::Warn, Diag::tr("Cache server(s) %1 are skipped: %2.")
                                                      .arg(names.join(QStringLiteral(", ")),
                                                           foreground.skippedReason));
    r.evidence << settingText(in.policies, QStringLiteral("DOCacheHost"))
               << settingText(in.policies, QStringLiteral("DOCacheHostSource"))
               << settingText(in.policies, QStringLiteral("DODelayCacheServerFallbackForeground"))
               << settingText(in.policies, QStringLiteral("DODelayCacheServerFallbackBackground"))
               << settingText(in.policies, QStringLiteral("DODisallowCacheServerDownloadsOnVPN"));
    if (!foreground.skippedReason.isEmpty())
        r.remedy = Diag::tr("Set DODisallowCacheServerDownloadsOnVPN to 0 to use the cache "
                            "server over the VPN, or download once the VPN is down.");
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
        const QList<policy::CacheHostEntry> hosts = cacheHosts(in).mid(0, 4);
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
                             r.remedy = Diag::tr("Check the names in DOCacheHost and allow "
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
    };
}

} // namespace opendo::diagnostics
