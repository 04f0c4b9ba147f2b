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
constexpr qsizetype kMaxServersProbed = 4;

QString answerText(const HttpProbeResult& h)
{
    return h.status ? QString::number(h.status) : h.error;
}

} // namespace

transfer::CacheServerPlan cacheServerPlanFor(const DiagnosticInputs& in, bool foreground)
{
    const bool onVpn = !transfer::vpnInterfacesFor(in.policies, in.system.interfaces).isEmpty();
    return transfer::cacheServerPlan(in.policies, foreground, onVpn, in.dhcpOption235,
                                     in.linkCacheServers, in.serviceCacheServers);
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
    if (transfer::cacheServerUrl(plan.servers.first(), QUrl(in.originUrl)).isEmpty()) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("The latest origin, %1, is not plain HTTP: cache servers cannot "
                             "serve it, so its downloads go to the origin.")
                        .arg(in.originUrl)));
        return;
    }
    m_done = std::move(done);
    m_originUrl = in.originUrl;
    m_network = new QNetworkAccessManager(this);
    const int timeoutMs = std::max(200, in.request.timeoutMs - 500);
    const QStringList environment = QProcess::systemEnvironment();
    // As DO's troubleshooter does, every listed server is asked (the first few of a long list).
    for (qsizetype i = 0; i < std::min<qsizetype>(plan.servers.size(), kMaxServersProbed); ++i) {
        const QUrl url = transfer::cacheServerUrl(plan.servers.at(i), QUrl(in.originUrl));
        m_servers.append({plan.hosts.at(i).authority(), url.toString(), std::nullopt});
    }
    for (qsizetype i = 0; i < m_servers.size(); ++i) {
        const QUrl url(m_servers.at(i).url);
        probeHttp(*m_network, m_servers.at(i).url, QString::fromLatin1(kProbeRange),
                  transfer::proxyFor(url, in.options.httpProxy, environment), timeoutMs, this,
                  [this, i](HttpProbeResult h) {
                      m_servers[i].answer = std::move(h);
                      finish();
                  });
    }
    probeHttp(*m_network, m_originUrl, QString::fromLatin1(kProbeRange), in.originProxy, timeoutMs,
              this, [this](HttpProbeResult h) {
                  m_fromOrigin = std::move(h);
                  finish();
              });
}

QString CacheServerContentCheck::problemOf(const HttpProbeResult& answer,
                                           bool compareWithOrigin) const
{
    if (const QString problem = rangeAnswerProblem(answer); !problem.isEmpty())
        return problem;
    const HttpProbeResult& origin = *m_fromOrigin;
    if (compareWithOrigin &&
        (answer.body != origin.body ||
         answer.headers.value("content-range") != origin.headers.value("content-range")))
        return Diag::tr("other bytes than the origin (a stale or wrong copy)");
    return {};
}

void CacheServerContentCheck::finish()
{
    if (!m_fromOrigin)
        return;
    for (const ServerProbe& probe : std::as_const(m_servers)) {
        if (!probe.answer)
            return;
    }
    const HttpProbeResult& origin = *m_fromOrigin;
    const bool compared = rangeAnswerProblem(origin).isEmpty();
    QStringList evidence;
    QStringList failures;
    bool stale = false; // a server answered the range right, with the wrong bytes
    for (const ServerProbe& probe : std::as_const(m_servers)) {
        const HttpProbeResult& answer = *probe.answer;
        evidence << Diag::tr("GET %1 with Range: bytes=0-9 → %2 in %3 ms")
                        .arg(probe.url, answerText(answer))
                        .arg(answer.elapsedMs);
        if (const QString problem = problemOf(answer, compared); !problem.isEmpty()) {
            stale = stale || rangeAnswerProblem(answer).isEmpty();
            failures << QStringLiteral("%1: %2").arg(probe.server, problem);
        }
    }
    evidence << Diag::tr("GET %1 with Range: bytes=0-9 → %2 in %3 ms")
                    .arg(m_originUrl, answerText(origin))
                    .arg(origin.elapsedMs);
    CheckResult r;
    if (failures.isEmpty()) {
        r = result(Verdict::Pass,
                   compared ? Diag::tr("%n cache server(s) served the latest download's first "
                                       "bytes, the same as the origin's.",
                                       nullptr, int(m_servers.size()))
                            : Diag::tr("%n cache server(s) served the latest download's first "
                                       "bytes (the origin did not answer for a comparison).",
                                       nullptr, int(m_servers.size())));
    } else {
        r = result(Verdict::Fail, Diag::tr("%1 of %2 cache server(s) do not serve the latest "
                                           "download's content: %3.")
                                      .arg(failures.size())
                                      .arg(m_servers.size())
                                      .arg(failures.join(QStringLiteral("; "))));
        r.remedy =
            stale ? Diag::tr("Purge that content on the cache server. Downloads verify every "
                             "piece, drop a server whose bytes fail and fetch the piece "
                             "elsewhere, so nothing wrong is stored, but the cache bytes are lost.")
                  : Diag::tr("Check that the cache server can reach the origin it is asked for "
                             "(the cacheHostOrigin parameter of the request) and serves byte "
                             "ranges. Meanwhile downloads try the next server while "
                             "DODelayCacheServerFallbackForeground/Background runs, then the "
                             "origin.");
    }
    r.evidence = evidence;
    m_done(r);
}

} // namespace opendo::diagnostics
