#include "diagnostics/CacheServerContentCheck.h"

#include "diagnostics/CheckSupport.h"
#include "diagnostics/ConnectionProbeChecks.h"
#include "transfer/HttpRangeSource.h"
#include "transfer/UploadGates.h"

#include <QNetworkAccessManager>
#include <QProcess>
#include <QUrl>

namespace opendo::diagnostics {

namespace {

constexpr char kProbeRange[] = "bytes=0-9"; // what rangeAnswerProblem() expects

bool vpnIsUp(const DiagnosticInputs& in)
{
    const policy::EffectivePolicy* keywords = in.policies.find(QStringLiteral("DOVpnKeywords"));
    return !transfer::vpnInterfaces(in.system.interfaces,
                                    transfer::vpnKeywords(keywords ? keywords->value : QString()))
                .isEmpty();
}

QString answerText(const HttpProbeResult& h)
{
    return h.status ? QString::number(h.status) : h.error;
}

} // namespace

transfer::CacheServerPlan cacheServerPlanFor(const DiagnosticInputs& in, bool foreground)
{
    return transfer::cacheServerPlan(in.policies, foreground, vpnIsUp(in), in.dhcpOption235);
}

CacheServerContentCheck::CacheServerContentCheck()
    : Check(QStringLiteral("cache_server.serves_content"), CheckGroup::CacheServer,
            Diag::tr("Cache server serves the content"))
{}

void CacheServerContentCheck::start(const DiagnosticInputs& in, Done done)
{
    const transfer::CacheServerPlan plan = cacheServerPlanFor(in, true);
    if (plan.empty()) {
        done(result(
            Verdict::NotApplicable,
            plan.hosts.isEmpty()
                ? Diag::tr("No cache server is configured.")
                : Diag::tr("Downloads skip the cache servers: %1.").arg(plan.skippedReason)));
        return;
    }
    if (in.originUrl.isEmpty()) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("No HTTP origin is known yet: no download has used one.")));
        return;
    }
    const QUrl cacheUrl = transfer::cacheServerUrl(plan.servers.first(), QUrl(in.originUrl));
    if (cacheUrl.isEmpty()) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("The latest origin, %1, is not plain HTTP: cache servers cannot "
                             "serve it, so its downloads go to the origin.")
                        .arg(in.originUrl)));
        return;
    }
    m_done = std::move(done);
    m_server = plan.hosts.first().authority();
    m_cacheUrl = cacheUrl.toString();
    m_originUrl = in.originUrl;
    m_network = new QNetworkAccessManager(this);
    const int timeoutMs = std::max(200, in.request.timeoutMs - 500);
    const QStringList environment = QProcess::systemEnvironment();
    probeHttp(*m_network, m_cacheUrl, QString::fromLatin1(kProbeRange),
              transfer::proxyFor(cacheUrl, in.options.httpProxy, environment), timeoutMs, this,
              [this](HttpProbeResult h) {
                  m_viaCache = std::move(h);
                  finish();
              });
    probeHttp(*m_network, m_originUrl, QString::fromLatin1(kProbeRange), in.originProxy, timeoutMs,
              this, [this](HttpProbeResult h) {
                  m_fromOrigin = std::move(h);
                  finish();
              });
}

void CacheServerContentCheck::finish()
{
    if (!m_viaCache || !m_fromOrigin)
        return;
    const HttpProbeResult& cache = *m_viaCache;
    const HttpProbeResult& origin = *m_fromOrigin;
    const QString cacheProblem = rangeAnswerProblem(cache);
    const bool originUsable = rangeAnswerProblem(origin).isEmpty();
    CheckResult r;
    if (!cacheProblem.isEmpty()) {
        r = result(Verdict::Fail, Diag::tr("Cache server %1 does not serve the latest download's "
                                           "content: %2.")
                                      .arg(m_server, cacheProblem));
        r.remedy = Diag::tr("Check that the cache server can reach the origin it is asked for "
                            "(the cacheHostOrigin parameter of the request) and serves byte "
                            "ranges. Meanwhile downloads try the next server while "
                            "DODelayCacheServerFallbackForeground/Background runs, then the "
                            "origin.");
    } else if (originUsable &&
               (cache.body != origin.body ||
                cache.headers.value("content-range") != origin.headers.value("content-range"))) {
        r = result(Verdict::Fail, Diag::tr("Cache server %1 serves other bytes than the origin for "
                                           "the latest download's content (a stale or wrong "
                                           "copy).")
                                      .arg(m_server));
        r.remedy = Diag::tr("Purge that content on the cache server. Downloads verify every "
                            "piece, drop a server whose bytes fail and fetch the piece elsewhere, "
                            "so nothing wrong is stored, but the cache bytes are lost.");
    } else {
        r = result(Verdict::Pass,
                   originUsable
                       ? Diag::tr("Cache server %1 served the first bytes in %2 ms, the same as "
                                  "the origin's.")
                             .arg(m_server)
                             .arg(cache.elapsedMs)
                       : Diag::tr("Cache server %1 served the first bytes in %2 ms (the origin "
                                  "did not answer for a comparison).")
                             .arg(m_server)
                             .arg(cache.elapsedMs));
    }
    r.evidence << Diag::tr("GET %1 with Range: bytes=0-9 → %2 in %3 ms")
                      .arg(m_cacheUrl, answerText(cache))
                      .arg(cache.elapsedMs)
               << Diag::tr("GET %1 with Range: bytes=0-9 → %2 in %3 ms")
                      .arg(m_originUrl, answerText(origin))
                      .arg(origin.elapsedMs);
    if (cache.headers.contains("via"))
        r.evidence << QStringLiteral("Via: %1").arg(
            QString::fromLatin1(cache.headers.value("via")));
    m_done(r);
}

} // namespace opendo::diagnostics
