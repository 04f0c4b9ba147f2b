#include "diagnostics/ConnectionProbeChecks.h"

#include "diagnostics/CheckSupport.h"
#include "discovery/DiscoveryClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QUrl>

namespace opendo::diagnostics {

namespace {

// Probes must finish well inside the runner's per-check timeout to report their own verdict.
int probeTimeout(const DiagnosticInputs& in, int parts = 1)
{
    return std::max(200, (in.request.timeoutMs - 500) / parts);
}

} // namespace

QString rangeAnswerProblem(const HttpProbeResult& answer)
{
    if (answer.status == 0)
        return Diag::tr("no HTTP answer: %1").arg(answer.error);
    if (answer.status == 200)
        return Diag::tr("it ignored the Range header and answered 200 with the whole file");
    if (answer.status != 206)
        return Diag::tr("it answered HTTP %1 instead of 206").arg(answer.status);
    const QByteArray range = answer.headers.value("content-range");
    if (!range.startsWith("bytes 0-9/"))
        return Diag::tr("206 with Content-Range \"%1\" instead of bytes 0-9/size")
            .arg(QString::fromLatin1(range));
    if (answer.body.size() != 10)
        return Diag::tr("206 with %1 bytes of body instead of 10").arg(answer.body.size());
    return {};
}

QString peerProbeRemedy(const TcpProbeResult& probe, quint16 port)
{
    switch (probe.outcome) {
    case TcpOutcome::Connected:
        return {};
    case TcpOutcome::Refused:
        return Diag::tr("Nothing listens on %1: start the agent on that device (do-agent, or the "
                        "console) and check the port it listens on (doctl peers shows it).")
            .arg(probe.address);
    case TcpOutcome::TimedOut:
        return Diag::tr("Allow inbound TCP %1 on that device's firewall (Linux: nft add rule inet "
                        "filter input tcp dport %1 accept; Windows: New-NetFirewallRule "
                        "-DisplayName \"Delivery Optimization\" -Direction Inbound -Protocol TCP "
                        "-LocalPort %1 -Action Allow).")
            .arg(port);
    case TcpOutcome::Unreachable:
        return Diag::tr("There is no route to that address: check that both devices are on "
                        "networks that can reach each other (ip route).");
    case TcpOutcome::LookupFailed:
        return Diag::tr("Use an address that resolves, or fix the name in DNS.");
    case TcpOutcome::OtherError:
        break;
    }
    return Diag::tr("Check the address and the network between the devices.");
}

// --- PeerPortCheck ----------------------------------------------------------------------------

PeerPortCheck::PeerPortCheck()
    : Check(QStringLiteral("connection.peer_port"), CheckGroup::Connection, Diag::tr("Peer port"))
{}

void PeerPortCheck::start(const DiagnosticInputs& in, Done done)
{
    if (in.options.listen.isEmpty()) {
        CheckResult r = result(in.request.temporaryAgent ? Verdict::NotApplicable : Verdict::Fail,
                               in.request.temporaryAgent
                                   ? Diag::tr("Not checked: no agent is running to listen for "
                                              "peers (see Agent running).")
                                   : Diag::tr("The agent is configured not to listen, so no "
                                              "peer can download from this device."));
        if (r.verdict == Verdict::Fail)
            r.remedy = Diag::tr("Start the agent with --listen ADDR:PORT (default 0.0.0.0:7680).");
        done(r);
        return;
    }
    const auto [host, port] = splitEndpoint(in.options.listen);
    if (!in.listenError.isEmpty() || in.activity.listenEndpoint.isEmpty()) {
        const QString owner = processListeningOn(QHostAddress(host), port);
        CheckResult r = result(
            Verdict::Fail,
            Diag::tr("The agent cannot listen on %1: %2").arg(in.options.listen, in.listenError));
        r.evidence << Diag::tr("Configured listen address: %1").arg(in.options.listen);
        if (!owner.isEmpty())
            r.evidence << Diag::tr("TCP %1 is held by %2").arg(port).arg(owner);
        r.remedy = Diag::tr("Stop the process that holds TCP %1 (ss -ltnp 'sport = :%1' shows it), "
                            "or start the agent with --listen ADDR:OTHER_PORT and allow that port "
                            "in the firewall.")
                       .arg(port);
        done(r);
        return;
    }
    const QString dial = dialableHost(host);
    probeTcp(
        dial, port, probeTimeout(in), this,
        [this, done, in_listen = in.activity.listenEndpoint, dial, port](TcpProbeResult p) {
            CheckResult r;
            if (p.ok()) {
                r = result(
                    Verdict::Pass,
                    Diag::tr("The agent listens on %1 and accepts connections.").arg(in_listen));
            } else {
                r = result(Verdict::Fail, Diag::tr("The agent reports listening on %1, but a test "
                                                   "connection failed.")
                                              .arg(in_listen));
                r.remedy = peerProbeRemedy(p, port);
            }
            r.evidence << p.verdictText();
            const QHostAddress listen(splitEndpoint(in_listen).first);
            if (listen.isLoopback()) {
                r.evidence << Diag::tr("%1 is a loopback address: only agents on this "
                                       "machine can reach it.")
                                  .arg(listen.toString());
            } else {
                r.evidence << Diag::tr("Other devices also need an inbound firewall rule "
                                       "for TCP %1.")
                                  .arg(port);
            }
            done(r);
        });
}

// --- DiscoveryCheck ---------------------------------------------------------------------------

DiscoveryCheck::DiscoveryCheck()
    : Check(QStringLiteral("connection.discovery"), CheckGroup::Connection,
            Diag::tr("Discovery service"))
{}

void DiscoveryCheck::start(const DiagnosticInputs& in, Done done)
{
    m_in = &in;
    m_done = std::move(done);
    m_url = in.discoveryUrl;
    if (m_url.isEmpty()) {
        const bool hasStaticPeers = !staticPeers(in).isEmpty();
        CheckResult r = result(hasStaticPeers ? Verdict::NotApplicable : Verdict::Warn,
                               Diag::tr("No discovery service is configured: only peers given "
                                        "statically are used."));
        if (!hasStaticPeers)
            r.remedy = Diag::tr("Set the service: doctl config set DiscoveryUrl http://HOST:7681 "
                                "(or start the agent with --discovery URL).");
        m_done(r);
        return;
    }
    const QUrl url(m_url);
    m_host = url.host();
    m_port = quint16(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    m_evidence << Diag::tr("Service: %1").arg(m_url);
    const discovery::DiscoveryStatus& d = in.activity.discovery;
    m_evidence << Diag::tr("Agent's view: %1").arg(discovery::discoveryStateLabel(d.state));
    if (!d.lastError.isEmpty())
        m_evidence << Diag::tr("Last error: %1").arg(d.lastError);
    if (m_host.isEmpty()) {
        finish(Verdict::Fail, Diag::tr("The discovery URL %1 has no host.").arg(m_url),
               Diag::tr("Correct it: doctl config set DiscoveryUrl http://HOST:PORT"));
        return;
    }
    const QHostAddress literal(m_host);
    if (!literal.isNull()) {
        connectTo(literal);
        return;
    }
    probeLookup(m_host, probeTimeout(in, 3), this, [this](LookupResult lookup) {
        if (lookup.addresses.isEmpty()) {
            m_evidence << Diag::tr("DNS: %1 does not resolve (%2 ms): %3")
                              .arg(m_host)
                              .arg(lookup.elapsedMs)
                              .arg(lookup.error);
            finish(Verdict::Fail,
                   Diag::tr("The discovery service's name %1 does not resolve.").arg(m_host),
                   Diag::tr("Fix DNS for %1 or use the service's address in DiscoveryUrl.")
                       .arg(m_host));
            return;
        }
        m_evidence << Diag::tr("DNS: %1 → %2 (%3 ms)")
                          .arg(m_host, lookup.addresses.first().toString())
                          .arg(lookup.elapsedMs);
        connectTo(lookup.addresses.first());
    });
}

void DiscoveryCheck::connectTo(const QHostAddress& address)
{
    probeTcp(address.toString(), m_port, probeTimeout(*m_in, 3), this, [this](TcpProbeResult p) {
        m_evidence << Diag::tr("TCP: %1").arg(p.verdictText());
        if (!p.ok()) {
            const QString remedy =
                p.outcome == TcpOutcome::Refused
                    ? Diag::tr("The service is not running at %1:%2: start it (do-discovery "
                               "--listen ADDR:%2, or the console's built-in service) or correct "
                               "DiscoveryUrl. Until it answers the agent uses download mode 99 "
                               "(HTTP only).")
                          .arg(m_host)
                          .arg(m_port)
                    : Diag::tr("Allow outbound TCP %1 to %2 in the firewall, or check the route "
                               "to it. Until it answers the agent uses download mode 99 (HTTP "
                               "only).")
                          .arg(m_port)
                          .arg(m_host);
            finish(Verdict::Fail,
                   Diag::tr("The discovery service %1 cannot be reached.").arg(m_url), remedy);
            return;
        }
        askHealth();
    });
}

void DiscoveryCheck::askHealth()
{
    m_network = new QNetworkAccessManager(this);
    const QString healthUrl =
        discovery::serviceEndpoint(QUrl(m_url), QStringLiteral("/v1/health")).toString();
    probeHttp(
        *m_network, healthUrl, {}, QNetworkProxy(QNetworkProxy::NoProxy), probeTimeout(*m_in, 3),
        this, [this, healthUrl](HttpProbeResult h) {
            if (h.status != 200) {
                m_evidence << Diag::tr("HTTP: GET %1 → %2 (%3 ms)")
                                  .arg(healthUrl, h.status ? QString::number(h.status) : h.error)
                                  .arg(h.elapsedMs);
                finish(Verdict::Fail,
                       Diag::tr("Something answers at %1 but it is not a healthy OpenDO "
                                "discovery service.")
                           .arg(m_url),
                       Diag::tr("Check that DiscoveryUrl points at do-discovery (its "
                                "/v1/health answers 200)."));
                return;
            }
            const QJsonObject health = QJsonDocument::fromJson(h.body).object();
            m_evidence << Diag::tr("HTTP: /v1/health → 200 in %1 ms (version %2, %3 "
                                   "swarms, %4 peers)")
                              .arg(h.elapsedMs)
                              .arg(health.value(QStringLiteral("version")).toString())
                              .arg(health.value(QStringLiteral("swarms")).toInteger())
                              .arg(health.value(QStringLiteral("peers")).toInteger());
            const discovery::DiscoveryStatus& d = m_in->activity.discovery;
            if (!d.publicAddress.isEmpty())
                m_evidence
                    << Diag::tr("Public address it sees for this device: %1").arg(d.publicAddress);
            else if (const QString seen = health.value(QStringLiteral("address")).toString();
                     !seen.isEmpty())
                m_evidence << Diag::tr("Public address it sees for this check's connection: %1 "
                                       "(the agent has announced nothing yet)")
                                  .arg(seen);
            if (!d.refusal.isEmpty()) {
                finish(Verdict::Fail,
                       Diag::tr("The service refused this device's announce: %1").arg(d.refusal),
                       Diag::tr("Fix what the refusal names (group id, mode, rate limit) "
                                "and the agent retries by itself."));
                return;
            }
            if (d.state == discovery::DiscoveryState::Unreachable) {
                finish(Verdict::Warn,
                       Diag::tr("The service answers now, but the agent's last request "
                                "failed; it retries in %1 s.")
                           .arg(d.retryInSeconds),
                       Diag::tr("Wait for the retry, or check the agent's log (doctl log "
                                "--component discovery)."));
                return;
            }
            finish(Verdict::Pass, Diag::tr("The discovery service is reachable and healthy."), {});
        });
}

void DiscoveryCheck::finish(Verdict verdict, const QString& summary, const QString& remedy)
{
    CheckResult r = result(verdict, summary);
    r.evidence = m_evidence;
    r.remedy = remedy;
    m_done(r);
}

// --- OriginRangesCheck ------------------------------------------------------------------------

OriginRangesCheck::OriginRangesCheck()
    : Check(QStringLiteral("connection.origin_ranges"), CheckGroup::Connection,
            Diag::tr("HTTP byte-range support"))
{}

void OriginRangesCheck::start(const DiagnosticInputs& in, Done done)
{
    if (in.originUrl.isEmpty()) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("No HTTP origin is known yet: no download has used one.")));
        return;
    }
    auto* network = new QNetworkAccessManager(this);
    const QString url = in.originUrl;
    probeHttp(*network, url, QStringLiteral("bytes=0-9"), in.originProxy, probeTimeout(in), this,
              [this, done, url](HttpProbeResult h) {
                  const QString problem = rangeAnswerProblem(h);
                  CheckResult r = result(
                      problem.isEmpty() ? Verdict::Pass : Verdict::Fail,
                      problem.isEmpty()
                          ? Diag::tr("The origin answers byte ranges.")
                          : Diag::tr("The origin does not serve byte ranges: %1.").arg(problem));
                  r.evidence << Diag::tr("GET %1 with Range: bytes=0-9 → %2 in %3 ms")
                                    .arg(url, h.status ? QString::number(h.status) : h.error)
                                    .arg(h.elapsedMs);
                  if (h.headers.contains("content-range"))
                      r.evidence << Diag::tr("Content-Range: %1")
                                        .arg(QString::fromLatin1(h.headers.value("content-range")));
                  if (!problem.isEmpty())
                      r.remedy = Diag::tr(
                          "Enable byte ranges on the origin (nginx: remove \"max_ranges 0\"; a "
                          "CDN or proxy in between may strip the Range header). Without them "
                          "every HTTP fetch starts the file from the beginning and pieces "
                          "cannot be taken from HTTP one by one (DO error 0x80D05011).");
                  done(r);
              });
}

// --- ProxyCheck -------------------------------------------------------------------------------

ProxyCheck::ProxyCheck()
    : Check(QStringLiteral("connection.proxy"), CheckGroup::Connection, Diag::tr("Proxy"))
{}

void ProxyCheck::start(const DiagnosticInputs& in, Done done)
{
    const QNetworkProxy& proxy = in.originProxy;
    const QString explicitProxy = in.options.httpProxy;
    if (proxy.type() == QNetworkProxy::NoProxy) {
        CheckResult r =
            result(Verdict::Pass, in.originUrl.isEmpty()
                                      ? Diag::tr("No proxy is configured.")
                                      : Diag::tr("Downloads from %1 go directly, without a proxy.")
                                            .arg(QUrl(in.originUrl).host()));
        r.evidence << Diag::tr("Explicit proxy: %1")
                          .arg(explicitProxy.isEmpty() ? Diag::tr("none") : explicitProxy)
                   << Diag::tr("http_proxy / https_proxy / no_proxy from the environment are "
                               "honoured.");
        done(r);
        return;
    }
    const QString proxyName = QStringLiteral("%1:%2").arg(proxy.hostName()).arg(proxy.port());
    if (in.originUrl.isEmpty()) {
        CheckResult r =
            result(Verdict::Pass, Diag::tr("Downloads use the proxy %1; not tested, no origin is "
                                           "known yet.")
                                      .arg(proxyName));
        done(r);
        return;
    }
    auto* network = new QNetworkAccessManager(this);
    const QString url = in.originUrl;
    const int timeout = probeTimeout(in, 2);
    probeHttp(*network, url, QStringLiteral("bytes=0-9"), proxy, timeout, this,
              [this, &in, network, url, timeout, proxyName, done](HttpProbeResult viaProxy) {
                  probeHttp(*network, url, QStringLiteral("bytes=0-9"),
                            QNetworkProxy(QNetworkProxy::NoProxy), timeout, this,
                            [this, &in, viaProxy, proxyName, done](HttpProbeResult direct) {
                                compare(in, viaProxy, direct, proxyName, done);
                            });
              });
}

void ProxyCheck::compare(const DiagnosticInputs& in, const HttpProbeResult& viaProxy,
                         const HttpProbeResult& direct, const QString& proxyName, Done done)
{
    const QString proxyProblem = rangeAnswerProblem(viaProxy);
    const QString directProblem = rangeAnswerProblem(direct);
    const QString status = [](const HttpProbeResult& h) {
        return h.status ? QString::number(h.status) : h.error;
    }(viaProxy);
    CheckResult r;
    if (viaProxy.status == 0) {
        r = result(Verdict::Fail,
                   Diag::tr("The proxy %1 does not answer: %2").arg(proxyName, viaProxy.error));
        r.remedy = Diag::tr("Check the proxy (http_proxy / the agent's --proxy) or remove it.");
    } else if (proxyProblem.isEmpty()) {
        r = result(
            Verdict::Pass,
            Diag::tr("Downloads use the proxy %1, which passes byte ranges.").arg(proxyName));
    } else if (directProblem.isEmpty()) {
        r = result(Verdict::Fail, Diag::tr("The proxy %1 breaks byte ranges (%2), although the "
                                           "origin serves them directly.")
                                      .arg(proxyName, proxyProblem));
        r.remedy = Diag::tr("Let the proxy pass Range requests (squid: range_offset_limit; "
                            "tinyproxy passes them), or exempt the origin with no_proxy.");
    } else {
        r = result(Verdict::Warn, Diag::tr("Downloads use the proxy %1; byte ranges fail with and "
                                           "without it (see HTTP byte-range support).")
                                      .arg(proxyName));
    }
    r.evidence << Diag::tr("Through %1: GET %2 → %3 (%4 ms)")
                      .arg(proxyName, in.originUrl, status)
                      .arg(viaProxy.elapsedMs)
               << Diag::tr("Direct: → %1 (%2 ms)")
                      .arg(direct.status ? QString::number(direct.status) : direct.error)
                      .arg(direct.elapsedMs);
    done(r);
}

// --- PeerTestCheck ----------------------------------------------------------------------------

PeerTestCheck::PeerTestCheck()
    : Check(QStringLiteral("connection.peer_test"), CheckGroup::Connection,
            Diag::tr("Connection to a peer"))
{}

void PeerTestCheck::start(const DiagnosticInputs& in, Done done)
{
    const auto [host, port] = splitEndpoint(in.request.peerEndpoint);
    if (in.request.peerEndpoint.isEmpty()) {
        done(result(Verdict::NotApplicable, Diag::tr("No peer address was given to test.")));
        return;
    }
    if (host.isEmpty() || port == 0) {
        CheckResult r =
            result(Verdict::Fail,
                   Diag::tr("\"%1\" is not an address and port.").arg(in.request.peerEndpoint));
        r.remedy = Diag::tr("Give the peer as ADDRESS:PORT, e.g. 192.168.1.20:7680 or "
                            "[fd00::20]:7680.");
        done(r);
        return;
    }
    const QHostAddress bind = agentBindAddress(in);
    probeTcp(
        host, port, probeTimeout(in), this,
        [this, done, port, bind](TcpProbeResult p) {
            CheckResult r = result(p.ok() ? Verdict::Pass : Verdict::Fail,
                                   p.ok() ? Diag::tr("The peer's port accepts connections.")
                                          : Diag::tr("The peer cannot be reached."));
            r.evidence << p.verdictText();
            if (!bind.isNull())
                r.evidence
                    << Diag::tr("Connected from %1, the agent's own address.").arg(bind.toString());
            r.remedy = peerProbeRemedy(p, port);
            done(r);
        },
        bind);
}

} // namespace opendo::diagnostics
