// Cache server (Microsoft Connected Cache in DO): is one configured, and does it answer on
// TCP 80. OpenDO counts cache-server bytes but does not fetch from DOCacheHost itself, which the
// result says, so nobody waits for bytes that cannot come.

#include "diagnostics/CheckSupport.h"
#include "diagnostics/NetworkProbes.h"

namespace opendo::diagnostics {

namespace {

QStringList cacheHosts(const DiagnosticInputs& in)
{
    const policy::EffectivePolicy* p = in.policies.find(QStringLiteral("DOCacheHost"));
    QStringList hosts;
    if (p)
        for (const QString& h : p->value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            hosts << h.trimmed();
    return hosts;
}

CheckResult configured(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QStringList hosts = cacheHosts(in);
    if (hosts.isEmpty()) {
        CheckResult r = c.result(Verdict::NotApplicable,
                                 Diag::tr("No cache server is configured (DOCacheHost)."));
        r.evidence << settingText(in.policies, QStringLiteral("DOCacheHostSource"));
        return r;
    }
    CheckResult r = c.result(Verdict::Warn,
                             Diag::tr("Cache server(s) configured: %1. OpenDO does not download "
                                      "from cache servers; bytes come from peers and the origin.")
                                 .arg(hosts.join(QStringLiteral(", "))));
    r.evidence << settingText(in.policies, QStringLiteral("DOCacheHost"))
               << settingText(in.policies, QStringLiteral("DOCacheHostSource"))
               << settingText(in.policies, QStringLiteral("DODelayCacheServerFallbackBackground"))
               << settingText(in.policies, QStringLiteral("DODelayCacheServerFallbackForeground"));
    r.remedy = Diag::tr("Windows devices on the same policy use the cache server; for OpenDO "
                        "devices rely on peers (download mode 1 or 2).");
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
        const QStringList hosts = cacheHosts(in).mid(0, 4);
        if (hosts.isEmpty()) {
            done(result(Verdict::NotApplicable, Diag::tr("No cache server is configured.")));
            return;
        }
        auto results = std::make_shared<QList<TcpProbeResult>>();
        const qsizetype expected = hosts.size();
        for (const QString& host : hosts) {
            probeTcp(
                host, 80, std::max(200, in.request.timeoutMs - 500), this,
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
                        Diag::tr("%1 of %2 cache server(s) accept TCP 80.").arg(ok).arg(expected));
                    r.evidence = evidence;
                    if (ok != expected)
                        r.remedy = Diag::tr("Check the names in DOCacheHost and allow "
                                            "outbound TCP 80 to them.");
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
