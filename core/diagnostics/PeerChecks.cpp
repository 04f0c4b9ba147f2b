// Peers: does discovery know other holders, could LAN mode ever match them, can their ports be
// reached, and were connections refused or peers banned.

#include "diagnostics/PeerChecks.h"

#include "cache/CacheEviction.h"
#include "diagnostics/CheckSupport.h"
#include "diagnostics/ConnectionProbeChecks.h"
#include "diagnostics/DownloadAnalysis.h"
#include "diagnostics/NetworkProbes.h"
#include "discovery/DiscoveryClient.h"
#include "transfer/UploadGates.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QUuid>

namespace opendo::diagnostics {

namespace {

constexpr int kMaxProbedPeers = 8;
constexpr int kMaxEventLines = 10;

CheckResult peersKnown(const InstantCheck& c, const DiagnosticInputs& in)
{
    const int mode = in.activity.downloadMode;
    if (!isPeeringMode(mode))
        return c.result(Verdict::NotApplicable,
                        Diag::tr("Download mode %1 asks for no peers.").arg(modeText(mode)));
    const discovery::DiscoveryStatus& d = in.activity.discovery;
    if (d.state == discovery::DiscoveryState::NotConfigured)
        return c.result(Verdict::NotApplicable, Diag::tr("No discovery service is configured."));
    if (d.state != discovery::DiscoveryState::Reachable)
        return c.result(Verdict::NotApplicable,
                        Diag::tr("The discovery service is not answering, so it offers no peers."));
    const QStringList contents = trackedContentIds(in);
    if (contents.isEmpty())
        return c.result(Verdict::NotApplicable,
                        Diag::tr("This device has no shareable content to find peers for yet."));
    QHash<QString, int> offeredBy;
    for (const agent::OfferedPeer& p : in.activity.offered)
        offeredBy[p.contentId] += 1;
    QStringList evidence;
    int withPeers = 0;
    for (const QString& id : contents) {
        const int n = offeredBy.value(id);
        withPeers += n > 0 ? 1 : 0;
        evidence << Diag::tr("%1…: %n peer(s) offered", nullptr, n).arg(id.left(12));
    }
    if (withPeers == 0) {
        CheckResult r = c.result(Verdict::Warn,
                                 Diag::tr("The discovery service knows no other device with this "
                                          "device's %n content(s) in download mode %1.",
                                          nullptr, int(contents.size()))
                                     .arg(modeText(mode)));
        r.evidence = evidence;
        r.remedy = Diag::tr("Peers must hold the content and share this device's scope: the same "
                            "public address in LAN mode, the same group id in Group mode. Run "
                            "the troubleshooter on a device that has the content.");
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass,
        Diag::tr("Peers are known for %1 of %2 contents.").arg(withPeers).arg(contents.size()));
    r.evidence = evidence;
    return r;
}

// DORestrictPeerSelectionBy 2: only peers that DNS-SD finds on the local link are used, so
// the service's offer means nothing for devices that do not answer there.
CheckResult localDiscovery(const InstantCheck& c, const DiagnosticInputs& in)
{
    const discovery::local::LocalDiscoveryStatus& l = in.activity.discovery.local;
    const qint64 restriction = in.policies.number(QStringLiteral("DORestrictPeerSelectionBy"));
    const int mode = in.activity.configuredMode;
    if (!transfer::restrictsToLocalPeers(in.policies)) {
        CheckResult r = c.result(Verdict::NotApplicable,
                                 Diag::tr("Peers are not restricted to those found by local "
                                          "discovery (DORestrictPeerSelectionBy %1, download "
                                          "mode %2).")
                                     .arg(restriction)
                                     .arg(modeText(mode)));
        if (!l.error.isEmpty())
            r.evidence << Diag::tr("Answering on the local link fails: %1").arg(l.error);
        return r;
    }
    QStringList evidence{
        Diag::tr("Multicast DNS on UDP %1, interfaces: %2")
            .arg(l.port)
            .arg(l.interfaces.isEmpty() ? Diag::tr("none")
                                        : l.interfaces.join(QStringLiteral(", "))),
        Diag::tr("Found on the local link: %1")
            .arg(l.peers.isEmpty() ? Diag::tr("nobody") : l.peers.join(QStringLiteral(", ")))};
    if (!l.excluded.isEmpty())
        evidence << Diag::tr("Offered by the discovery service but not found here, so not used: %1")
                        .arg(l.excluded.join(QStringLiteral(", ")));
    CheckResult r;
    if (!l.error.isEmpty()) {
        r = c.result(Verdict::Fail, Diag::tr("Local peer discovery cannot run: %1").arg(l.error));
        r.remedy = Diag::tr("Free UDP port %1 (or set LocalDiscoveryPort to the port the other "
                            "devices use), or set DORestrictPeerSelectionBy to 1 (same subnet) "
                            "or 0 (no restriction): without local discovery no peer can be used.")
                       .arg(l.port);
    } else if (l.peers.isEmpty()) {
        r = c.result(Verdict::Warn, Diag::tr("No other device answered on the local link, so no "
                                             "peer can be used (DORestrictPeerSelectionBy 2)."));
        r.remedy = Diag::tr("Local discovery finds devices on the same network segment only "
                            "(multicast DNS does not cross routers or VPNs) that peer in download "
                            "mode 1, 2 or 3 and accept UDP %1. Put the devices on one segment, "
                            "allow UDP %1 in their firewalls, or set DORestrictPeerSelectionBy "
                            "to 1 (same subnet) or 0.")
                       .arg(l.port);
    } else if (!l.excluded.isEmpty()) {
        r = c.result(Verdict::Warn, Diag::tr("%n peer(s) the discovery service offered are not "
                                             "on the local link and are not used.",
                                             nullptr, int(l.excluded.size())));
        r.remedy = Diag::tr("Expected with DORestrictPeerSelectionBy 2. To use peers in other "
                            "segments too, set it to 1 (same subnet) or 0.");
    } else {
        r = c.result(Verdict::Pass,
                     Diag::tr("%n device(s) found on the local link; peers come from them.",
                              nullptr, int(l.peers.size())));
    }
    r.evidence = evidence;
    return r;
}

CheckResult refusedOrBanned(const InstantCheck& c, const DiagnosticInputs& in)
{
    // Bans are listed from the swarms' ban records below, not again from their log lines.
    static const QStringList kMarkers = {QStringLiteral("not admitted"), QStringLiteral("refused"),
                                         QStringLiteral("hash")};
    QStringList events;
    for (const log::LogRecord& record : in.recentWarnings) {
        const bool peerSide = record.category.contains(QLatin1String("peer")) ||
                              record.category.contains(QLatin1String("swarm"));
        const bool relevant = std::any_of(kMarkers.begin(), kMarkers.end(), [&](const QString& m) {
            return record.message.contains(m, Qt::CaseInsensitive);
        });
        if (peerSide && relevant)
            events << QStringLiteral("%1 %2").arg(
                record.at.toLocalTime().toString(QStringLiteral("HH:mm:ss")), record.message);
    }
    if (events.size() > kMaxEventLines)
        events = events.mid(events.size() - kMaxEventLines);
    QStringList banLines;
    for (const transfer::BannedPeer& b : in.activity.banned)
        banLines << Diag::tr("%1 banned since %2 for content %3: %4")
                        .arg(b.address,
                             b.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
                             b.contentId.left(12), b.reason);
    if (banLines.size() > kMaxEventLines)
        banLines = banLines.mid(banLines.size() - kMaxEventLines);
    events = banLines + events;
    const int bans = in.activity.bans;
    const int failures = in.activity.hashFailures;
    if (bans == 0 && failures == 0 && events.isEmpty())
        return c.result(Verdict::Pass, Diag::tr("No peer connection was refused or banned."));
    CheckResult r = c.result(Verdict::Warn,
                             Diag::tr("%1 peer(s) banned, %2 piece(s) failed verification; recent "
                                      "refusals are listed.")
                                 .arg(bans)
                                 .arg(failures));
    r.evidence = events;
    r.remedy = Diag::tr("A banned peer sent data that failed verification: check that device "
                        "(disk, memory) and its cache. \"not admitted\" means the peer could not "
                        "prove the swarm key: it is in another LAN/group scope or not an OpenDO "
                        "device in download mode 1 or 2.");
    return r;
}

CheckResult efficiency(const InstantCheck& c, const DiagnosticInputs& in)
{
    using transfer::SourceClass;
    const stats::ClassBytes& down = in.month.down;
    const qint64 peers = transfer::peerClassesSum(down);
    const qint64 http = down[size_t(SourceClass::Http)];
    const qint64 cacheServer = down[size_t(SourceClass::CacheServer)];
    const qint64 total = peers + http + cacheServer;
    if (total == 0)
        return c.result(Verdict::NotApplicable, Diag::tr("Nothing was downloaded this month."));
    CheckResult r =
        c.result(Verdict::Pass, Diag::tr("%1 % of this month's downloads came from peers.")
                                    .arg(100.0 * double(peers) / double(total), 0, 'f', 1));
    r.evidence << Diag::tr("From peers: %1, from HTTP: %2, from cache servers: %3")
                      .arg(mbText(peers), mbText(http), mbText(cacheServer));
    return r;
}

CheckResult downloadAnalysis(const InstantCheck& c, const DiagnosticInputs& in)
{
    const DownloadAnalysis a =
        analyzeDownloads(in.jobs, cache::cacheLimitsFrom(in.policies).minFileSizeBytes);
    if (a.files == 0)
        return c.result(Verdict::NotApplicable, Diag::tr("The agent knows no downloads yet."));
    const QString summary =
        Diag::tr("%1 of %2 download(s) could use peers; %3 got bytes from them (%4 % of the "
                 "eligible downloads' bytes).")
            .arg(a.eligibleFiles)
            .arg(a.files)
            .arg(a.filesWithPeerBytes)
            .arg(a.eligibleEfficiency(), 0, 'f', 1);
    CheckResult r = a.eligibleFiles > 0 && a.filesWithPeerBytes == 0
                        ? c.result(Verdict::Warn, summary)
                        : c.result(Verdict::Pass, summary);
    r.evidence << Diag::tr("Foreground downloads: %1 of %2").arg(a.foregroundFiles).arg(a.files)
               << Diag::tr("Not eligible: %1 without metainfo (HTTP only), %2 below "
                           "DOMinFileSizeToCache (%3), %4 in a download mode without peers")
                      .arg(a.httpOnlyFiles)
                      .arg(a.belowMinSizeFiles)
                      .arg(mbText(a.minFileSizeToCache))
                      .arg(a.noPeeringModeFiles)
               << Diag::tr("From peers: %1 % of all bytes, %2 % among the downloads that got any")
                      .arg(a.efficiency(), 0, 'f', 1)
                      .arg(a.peeredEfficiency(), 0, 'f', 1);
    if (r.verdict == Verdict::Warn)
        r.remedy = Diag::tr("Run \"I don't see bytes from peers\" or trace one of the downloads "
                            "to see which gate stopped it.");
    return r;
}

} // namespace

QStringList trackedContentIds(const DiagnosticInputs& in)
{
    QStringList ids;
    for (const transfer::JobStatus& job : in.jobs)
        if (job.shareable && !job.fileId.isEmpty() && !ids.contains(job.fileId))
            ids << job.fileId;
    for (const cache::CacheEntry& e : in.cacheEntries)
        if (e.shareable && !ids.contains(e.contentId))
            ids << e.contentId;
    return ids;
}

// --- LanPublicAddressCheck --------------------------------------------------------------------

LanPublicAddressCheck::LanPublicAddressCheck()
    : Check(QStringLiteral("peers.lan_public_address"), CheckGroup::Peers,
            Diag::tr("LAN peers behind the same public address"))
{}

void LanPublicAddressCheck::start(const DiagnosticInputs& in, Done done)
{
    if (in.activity.configuredMode != 1) {
        done(result(Verdict::NotApplicable, Diag::tr("Download mode is not 1 (LAN).")));
        return;
    }
    const QString ours = in.activity.discovery.publicAddress;
    if (in.discoveryUrl.isEmpty() || ours.isEmpty()) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("The discovery service has not told this device its public address "
                             "yet.")));
        return;
    }
    const QStringList contents = trackedContentIds(in);
    if (contents.isEmpty()) {
        done(result(Verdict::NotApplicable, Diag::tr("This device has no shareable content yet.")));
        return;
    }
    const QString url =
        discovery::serviceEndpoint(QUrl(in.discoveryUrl), QStringLiteral("/v1/swarms")).toString();
    auto* network = new QNetworkAccessManager(this);
    probeHttp(
        *network, url, {}, QNetworkProxy(QNetworkProxy::NoProxy),
        std::max(200, in.request.timeoutMs - 500), this,
        [this, done, contents, ours, url](HttpProbeResult h) {
            if (h.status != 200) {
                CheckResult r = result(Verdict::NotApplicable,
                                       Diag::tr("The discovery service's swarm list is not "
                                                "available."));
                r.evidence << Diag::tr("GET %1 → %2")
                                  .arg(url, h.status ? QString::number(h.status) : h.error);
                done(r);
                return;
            }
            const QString ourScope = QStringLiteral("lan:") + ours;
            QMap<QString, int> elsewhere; // public address → devices
            int sameLan = 0;
            const QJsonArray swarms =
                QJsonDocument::fromJson(h.body).object().value(QStringLiteral("swarms")).toArray();
            for (const QJsonValue& s : swarms) {
                const QJsonObject swarm = s.toObject();
                if (!contents.contains(swarm.value(QStringLiteral("contentId")).toString()))
                    continue;
                const QJsonObject scopes = swarm.value(QStringLiteral("byScope")).toObject();
                for (auto it = scopes.begin(); it != scopes.end(); ++it) {
                    if (!it.key().startsWith(QLatin1String("lan:")))
                        continue;
                    if (it.key() == ourScope)
                        sameLan += it.value().toInt();
                    else
                        elsewhere[it.key().mid(4)] += it.value().toInt();
                }
            }
            QStringList evidence{Diag::tr("This device's public address: %1").arg(ours),
                                 Diag::tr("Devices in LAN mode behind it with this content "
                                          "(this one included): %1")
                                     .arg(sameLan)};
            int others = 0;
            for (auto it = elsewhere.begin(); it != elsewhere.end(); ++it) {
                evidence << Diag::tr("%1 device(s) behind public address %2")
                                .arg(it.value())
                                .arg(it.key());
                others += it.value();
            }
            if (others == 0) {
                CheckResult r =
                    result(Verdict::Pass, Diag::tr("No holder of this content is behind "
                                                   "another public address."));
                r.evidence = evidence;
                done(r);
                return;
            }
            CheckResult r =
                result(Verdict::Fail,
                       Diag::tr("%1 device(s) with this content are behind other public addresses; "
                                "LAN mode only matches devices behind %2.")
                           .arg(others)
                           .arg(ours));
            r.evidence = evidence;
            r.remedy = Diag::tr("If these devices belong together (e.g. sites with "
                                "separate Internet breakouts), use Group mode: set "
                                "DODownloadMode to 2 and the same DOGroupId on all of them.");
            r.fix << change(QStringLiteral("DODownloadMode"), QStringLiteral("2"))
                  << change(QStringLiteral("DOGroupId"),
                            QUuid::createUuid().toString(QUuid::WithoutBraces));
            done(r);
        });
}

// --- PeersReachableCheck ----------------------------------------------------------------------

namespace {

constexpr int kMaxDialLines = 10;

// The agent's own failed dials of the last hour: a probe sees the port now, these show what
// the downloads met (a peer that was off a minute ago, a firewall that drops some attempts).
QStringList dialEvidence(const DiagnosticInputs& in)
{
    QStringList lines;
    const QList<transfer::DialFailure>& failures = in.activity.unreachable;
    for (qsizetype i = failures.size() - 1; i >= 0 && lines.size() < kMaxDialLines; --i) {
        const transfer::DialFailure& f = failures.at(i);
        lines << Diag::tr("The agent could not connect to %1 (%n attempt(s) in the last hour, "
                          "last at %2): %3",
                          nullptr, f.attempts)
                     .arg(f.endpoint, f.lastAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")),
                          f.lastError);
    }
    return lines;
}

} // namespace

PeersReachableCheck::PeersReachableCheck()
    : Check(QStringLiteral("peers.reachable"), CheckGroup::Peers, Diag::tr("Peer reachability"))
{}

void PeersReachableCheck::start(const DiagnosticInputs& in, Done done)
{
    QStringList endpoints;
    for (const agent::OfferedPeer& p : in.activity.offered)
        if (!endpoints.contains(p.endpoint))
            endpoints << p.endpoint;
    for (const QString& p : staticPeers(in))
        if (!endpoints.contains(p))
            endpoints << p;
    const QStringList dials = dialEvidence(in);
    if (endpoints.isEmpty()) {
        CheckResult r =
            result(Verdict::NotApplicable, Diag::tr("No peer has been offered to test."));
        r.evidence = dials;
        done(r);
        return;
    }
    const int untested = int(endpoints.size()) - kMaxProbedPeers;
    endpoints = endpoints.mid(0, kMaxProbedPeers);
    struct Tally
    {
        QList<TcpProbeResult> results;
        qsizetype expected = 0;
    };
    auto tally = std::make_shared<Tally>();
    tally->expected = endpoints.size();
    const QHostAddress bind = agentBindAddress(in);
    const int timeout = std::max(200, std::min(3'000, in.request.timeoutMs - 500));
    for (const QString& endpoint : endpoints) {
        const auto [host, port] = splitEndpoint(endpoint);
        probeTcp(
            host, port, timeout, this,
            [this, tally, done, untested, dials](TcpProbeResult p) {
                tally->results << p;
                if (tally->results.size() < tally->expected)
                    return;
                int reachable = 0;
                QStringList evidence;
                QString remedy;
                for (const TcpProbeResult& r : tally->results) {
                    evidence << r.verdictText();
                    reachable += r.ok() ? 1 : 0;
                    if (!r.ok() && remedy.isEmpty())
                        remedy = peerProbeRemedy(r, splitEndpoint(r.address).second);
                }
                if (untested > 0)
                    evidence << Diag::tr("%1 more peer(s) not tested.").arg(untested);
                evidence << dials;
                const qsizetype n = tally->results.size();
                CheckResult r = result(
                    reachable == n   ? Verdict::Pass
                    : reachable == 0 ? Verdict::Fail
                                     : Verdict::Warn,
                    Diag::tr("%1 of %2 offered peer(s) accept connections.").arg(reachable).arg(n));
                r.evidence = evidence;
                r.remedy = remedy;
                done(r);
            },
            bind);
    }
}

QList<CheckFactory> peerChecks()
{
    return {
        instantCheck(QStringLiteral("peers.known"), CheckGroup::Peers, Diag::tr("Peers known"),
                     peersKnown),
        instantCheck(QStringLiteral("peers.local_discovery"), CheckGroup::Peers,
                     Diag::tr("Local peer discovery (DNS-SD)"), localDiscovery),
        {QStringLiteral("peers.lan_public_address"),
         [] { return std::make_unique<LanPublicAddressCheck>(); }},
        {QStringLiteral("peers.reachable"), [] { return std::make_unique<PeersReachableCheck>(); }},
        instantCheck(QStringLiteral("peers.refused_banned"), CheckGroup::Peers,
                     Diag::tr("Refused and banned peers"), refusedOrBanned),
        connectionHistoryCheck(),
        errorsFoundCheck(),
        instantCheck(QStringLiteral("peers.analysis"), CheckGroup::Peers,
                     Diag::tr("Downloads that used peers"), downloadAnalysis),
        instantCheck(QStringLiteral("peers.efficiency"), CheckGroup::Peers,
                     Diag::tr("Peer efficiency this month"), efficiency),
    };
}

} // namespace opendo::diagnostics
