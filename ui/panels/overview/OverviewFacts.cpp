#include "panels/overview/OverviewFacts.h"

#include "common/ByteUnits.h"
#include "panels/downloads/JobTableModel.h"

#include <QLocale>
#include <QStringList>
#include <cmath>

namespace opendo::ui {

using transfer::SourceClass;

namespace {

constexpr int kWarnPercent = 90;

qint64 classBytes(const stats::ClassBytes& bytes, SourceClass c)
{
    return qMax<qint64>(0, bytes[std::size_t(c)]);
}

qint64 sumBytes(const stats::ClassBytes& bytes)
{
    qint64 sum = 0;
    for (SourceClass c : transfer::kAllSourceClasses)
        sum += classBytes(bytes, c);
    return sum;
}

// Whole percent of part in whole for a bar, clamped so a figure past the limit fills the bar.
int barPercent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return 0;
    return int(qBound<double>(0, std::floor(100.0 * double(part) / double(whole)), 100));
}

bool usesPeers(int mode)
{
    return mode == 1 || mode == 2 || mode == 3;
}

} // namespace

QString OverviewFacts::modeName(int mode)
{
    switch (mode) {
    case 0:
        return tr("HTTP only");
    case 1:
        return tr("LAN");
    case 2:
        return tr("Group");
    case 3:
        return tr("Internet");
    case 99:
        return tr("Simple");
    case 100:
        return tr("Bypass");
    default:
        return {};
    }
}

QString OverviewFacts::modeText(int mode)
{
    const QString name = modeName(mode);
    return name.isEmpty() ? QString::number(mode) : tr("%1 — %2").arg(mode).arg(name);
}

double OverviewFacts::peerPercent(const stats::ClassBytes& down)
{
    const qint64 all = sumBytes(down);
    if (all <= 0)
        return -1;
    qint64 peers = 0;
    for (SourceClass c : transfer::kAllSourceClasses)
        peers += transfer::isPeerClass(c) ? classBytes(down, c) : 0;
    return qBound(0.0, 100.0 * double(peers) / double(all), 100.0);
}

QString OverviewFacts::percentText(double percent)
{
    // Rounded down: "100 %" must mean every byte, and a trickle must not read as "0 %".
    if (percent > 0 && percent < 10) {
        const double tenths = std::floor(percent * 10) / 10;
        if (tenths <= 0)
            return tr("< %1 %").arg(QLocale().toString(0.1, 'f', 1));
        return tr("%1 %").arg(QLocale().toString(tenths, 'f', 1));
    }
    return tr("%1 %").arg(QLocale().toString(std::floor(qBound(0.0, percent, 100.0)), 'f', 0));
}

QString OverviewFacts::text(const OverviewFact& fact)
{
    return fact.detail.isEmpty() ? fact.value : tr("%1: %2").arg(fact.value, fact.detail);
}

QString OverviewFacts::statusMarker(FactStatus status)
{
    switch (status) {
    case FactStatus::Ok:
        return tr("OK");
    case FactStatus::Warn:
        return tr("Check");
    case FactStatus::Bad:
        return tr("Problem");
    }
    return {};
}

OverviewFact OverviewFacts::downloadMode(const agent::PeerActivity& a)
{
    OverviewFact f{QLatin1String(kMode), tr("Download mode"), {}, FactStatus::Ok, {}, -1};
    if (a.downloadMode == 99 && a.configuredMode != 99) {
        // The fallback is temporary, so the configured mode and what brings it back matter most.
        f.value = tr("%1 (fallback)").arg(modeText(99));
        f.status = FactStatus::Warn;
        const QString reason = a.fallbackReason.isEmpty()
                                   ? tr("the discovery service is unreachable")
                                   : a.fallbackReason;
        f.detail = tr("%1; DODownloadMode %2 applies again when it answers")
                       .arg(reason, modeText(a.configuredMode));
        return f;
    }
    f.value = modeText(a.downloadMode);
    if (a.downloadMode != a.configuredMode)
        f.detail = tr("configured: %1").arg(modeText(a.configuredMode));
    else if (!usesPeers(a.downloadMode))
        f.detail = tr("peers are not used in this mode");
    return f;
}

OverviewFact OverviewFacts::discovery(const discovery::DiscoveryStatus& d)
{
    using discovery::DiscoveryState;
    OverviewFact f{QLatin1String(kDiscovery),
                   tr("Discovery"),
                   discovery::discoveryStateLabel(d.state),
                   FactStatus::Ok,
                   {},
                   -1};
    QStringList parts;
    if (!d.serviceUrl.isEmpty())
        parts << d.serviceUrl;
    switch (d.state) {
    case DiscoveryState::NotConfigured:
        parts << tr("no discovery service, static peers only");
        break;
    case DiscoveryState::Contacting:
        f.status = FactStatus::Warn;
        parts << tr("waiting for the first answer");
        break;
    case DiscoveryState::Reachable:
        if (!d.refusal.isEmpty()) {
            f.status = FactStatus::Warn;
            parts << tr("refused: %1").arg(d.refusal);
        }
        break;
    case DiscoveryState::Unreachable:
        f.status = FactStatus::Bad;
        if (!d.lastError.isEmpty())
            parts << d.lastError;
        if (d.retryInSeconds > 0)
            parts << tr("retry in %n second(s)", nullptr, d.retryInSeconds);
        break;
    }
    if (!d.publicAddress.isEmpty())
        parts << tr("sees this device as %1").arg(d.publicAddress);
    // DORestrictPeerSelectionBy 2 narrows the service's answer to what DNS-SD finds here, so
    // with nobody found locally a reachable service still yields no peer.
    if (d.local.restricting) {
        if (!d.local.error.isEmpty()) {
            f.status = FactStatus::Bad;
            parts << tr("local discovery fails: %1").arg(d.local.error);
        } else if (d.local.peers.isEmpty()) {
            if (f.status == FactStatus::Ok)
                f.status = FactStatus::Warn;
            parts << tr("only local peers (DNS-SD): none found yet");
        } else {
            parts << tr("only local peers (DNS-SD): %n found", nullptr, int(d.local.peers.size()));
        }
    }
    f.detail = parts.join(QStringLiteral(" · "));
    return f;
}

OverviewFact OverviewFacts::listening(const agent::PeerActivity& a)
{
    OverviewFact f{
        QLatin1String(kListening), tr("Listening"), a.listenEndpoint, FactStatus::Ok, {}, -1};
    if (a.listenEndpoint.isEmpty()) {
        f.value = tr("not listening");
        // Without a listener this device can still fetch from peers but nobody can fetch from it.
        if (usesPeers(a.downloadMode)) {
            f.status = FactStatus::Warn;
            f.detail = tr("other devices cannot connect to this one");
        }
    }
    if (!a.blockedReason.isEmpty() && (!a.peeringAllowed || !a.uploadAllowed)) {
        f.status = FactStatus::Warn;
        const QString what = a.peeringAllowed ? tr("uploading off") : tr("peering off");
        f.detail = f.detail.isEmpty() ? tr("%1: %2").arg(what, a.blockedReason)
                                      : tr("%1; %2: %3").arg(f.detail, what, a.blockedReason);
    }
    return f;
}

OverviewFact OverviewFacts::peers(const agent::PeerActivity& a)
{
    OverviewFact f{QLatin1String(kPeers), tr("Peers"), {}, FactStatus::Ok, {}, -1};
    f.value = tr("%n connection(s)", nullptr, int(a.peers.size()));
    // Counted from the same snapshot as the list, so the parts add up to the number shown.
    int lan = 0;
    int group = 0;
    int internet = 0;
    int linkLocal = 0;
    for (const transfer::PeerSnapshot& p : a.peers) {
        if (p.sourceClass == SourceClass::LanPeer)
            ++lan;
        else if (p.sourceClass == SourceClass::GroupPeer)
            ++group;
        else if (p.sourceClass == SourceClass::InternetPeer)
            ++internet;
        else if (p.sourceClass == SourceClass::LinkLocalPeer)
            ++linkLocal;
    }
    QStringList parts;
    parts << tr("LAN %1").arg(lan) << tr("group %1").arg(group) << tr("Internet %1").arg(internet);
    // Only agents restricted to local peer discovery have these; others need not read about it.
    if (linkLocal > 0)
        parts << tr("local discovery %1").arg(linkLocal);
    if (!a.offered.isEmpty())
        parts << tr("%n offered by discovery", nullptr, int(a.offered.size()));
    // Peers that never answered are the usual reason for "offered but no connection".
    if (!a.unreachable.isEmpty()) {
        parts << tr("%n could not be reached", nullptr, int(a.unreachable.size()));
        if (a.peers.isEmpty())
            f.status = FactStatus::Warn;
    }
    f.detail = parts.join(QStringLiteral(" · "));
    return f;
}

OverviewFact OverviewFacts::peerShare(const std::optional<stats::MonthTotals>& month)
{
    OverviewFact f{
        QLatin1String(kPeerShare), tr("From peers this month"), {}, FactStatus::Ok, {}, -1};
    if (!month) {
        f.value = tr("loading…");
        return f;
    }
    const double percent = peerPercent(month->down);
    if (percent < 0) {
        f.value = tr("no downloads this month yet");
        return f;
    }
    const qint64 all = sumBytes(month->down);
    const qint64 peers = all - classBytes(month->down, SourceClass::Http) -
                         classBytes(month->down, SourceClass::CacheServer);
    f.value = percentText(percent);
    f.detail = tr("%1 of %2 downloaded").arg(formatBytes(peers), formatBytes(all));
    return f;
}

OverviewFact OverviewFacts::cache(const std::optional<stats::DeviceStats>& s)
{
    OverviewFact f{QLatin1String(kCache), tr("Cache"), {}, FactStatus::Ok, {}, -1};
    if (!s) {
        f.value = tr("loading…");
        return f;
    }
    const QString files = tr("%n file(s)", nullptr, s->files);
    if (s->cacheLimitBytes <= 0) {
        f.value = tr("%1 (no limit)").arg(formatBytes(s->cacheBytes));
        f.detail = files;
    } else {
        const double exact = 100.0 * double(s->cacheBytes) / double(s->cacheLimitBytes);
        f.percent = barPercent(s->cacheBytes, s->cacheLimitBytes);
        f.value = tr("%1 of %2 (%3)")
                      .arg(formatBytes(s->cacheBytes), formatBytes(s->cacheLimitBytes),
                           percentText(exact));
        f.detail = files;
        if (exact >= kWarnPercent) {
            f.status = FactStatus::Warn;
            f.detail = tr("%1; near the limit, older content is evicted first").arg(files);
        }
    }
    if (s->diskTotalBytes > 0)
        f.detail += QStringLiteral(" · ") +
                    tr("%1 free of %2 on the drive")
                        .arg(formatBytes(s->diskFreeBytes), formatBytes(s->diskTotalBytes));
    return f;
}

OverviewFact OverviewFacts::uploads(const std::optional<stats::MonthTotals>& month, qint64 capGb)
{
    OverviewFact f{QLatin1String(kUploads), tr("Uploads this month"), {}, FactStatus::Ok, {}, -1};
    if (!month) {
        f.value = tr("loading…");
        return f;
    }
    const qint64 all = sumBytes(month->up);
    const qint64 internet = classBytes(month->up, SourceClass::InternetPeer);
    QString split =
        tr("LAN %1 · group %2 · Internet %3")
            .arg(formatBytes(classBytes(month->up, SourceClass::LanPeer)),
                 formatBytes(classBytes(month->up, SourceClass::GroupPeer)), formatBytes(internet));
    if (const qint64 linkLocal = classBytes(month->up, SourceClass::LinkLocalPeer); linkLocal > 0)
        split += tr(" · local discovery %1").arg(formatBytes(linkLocal));
    if (capGb <= 0) {
        f.value = tr("%1 (no cap)").arg(formatBytes(all));
        f.detail = tr("%1; DOMonthlyUploadDataCap is 0, so uploads to Internet peers are "
                      "unlimited")
                       .arg(split);
        return f;
    }
    // The cap counts only uploads to Internet peers (as on Windows), so the bar does too: the
    // ledger's figure, which the agent's upload gate enforces.
    const qint64 capBytes = capGb * kGiB;
    const qint64 counted = qMax<qint64>(0, month->capCountedBytes);
    const double exact = 100.0 * double(counted) / double(capBytes);
    f.percent = barPercent(counted, capBytes);
    f.value = tr("%1 of %2 cap").arg(formatBytes(counted), formatBytes(capBytes));
    if (counted >= capBytes) {
        f.status = FactStatus::Bad;
        f.detail = tr("cap reached: no uploads to Internet peers until next month; %1 in all "
                      "(%2); DOMonthlyUploadDataCap applies to Internet peers only")
                       .arg(formatBytes(all), split);
        return f;
    }
    if (exact >= kWarnPercent)
        f.status = FactStatus::Warn;
    f.detail = tr("the cap (DOMonthlyUploadDataCap) applies to uploads to Internet peers only; "
                  "%1 in all (%2)")
                   .arg(formatBytes(all), split);
    return f;
}

OverviewFact OverviewFacts::agentCost(const std::optional<stats::DeviceStats>& s)
{
    OverviewFact f{QLatin1String(kAgent), tr("Agent"), {}, FactStatus::Ok, {}, -1};
    if (!s) {
        f.value = tr("loading…");
        return f;
    }
    f.value = tr("CPU %1 % · memory %2")
                  .arg(QLocale().toString(s->cpuPercent, 'f', 1), formatBytes(s->memoryBytes));
    f.detail = tr("%n active download(s)", nullptr, s->activeDownloads);
    return f;
}

OverviewFact OverviewFacts::cacheServer(const QString& hosts, int source,
                                        const std::optional<stats::MonthTotals>& month,
                                        const discovery::local::LocalDiscoveryStatus& local,
                                        const QStringList& assigned)
{
    OverviewFact f{QLatin1String(kCacheServer), tr("Cache servers"), {}, FactStatus::Ok, {}, -1};
    const bool fromDhcp = source == 2 || (source == 1 && hosts.isEmpty());
    // The discovery service's assignment counts when the device names none itself.
    const bool fromService = hosts.isEmpty() && !fromDhcp && !assigned.isEmpty();
    const bool announced =
        hosts.isEmpty() && !fromDhcp && local.browsingCacheServers && !local.cacheServers.isEmpty();
    if (hosts.isEmpty() && !fromDhcp && !fromService && !announced) {
        f.value =
            local.browsingCacheServers ? tr("none configured or announced") : tr("none configured");
        f.detail = tr("DOCacheHost (or DOCacheHostSource for DHCP option 235) names Connected "
                      "Cache servers that downloads ask first; without them the discovery "
                      "service may assign some (do-discovery --cache-host)");
        if (local.browsingCacheServers)
            f.detail += QStringLiteral("; ") +
                        tr("with neither set, servers announced on the local link by DNS-SD "
                           "(_opendo-cache._tcp) are used");
        return f;
    }
    if (fromService)
        f.value =
            tr("assigned by the discovery service: %1").arg(assigned.join(QStringLiteral(", ")));
    else if (announced)
        f.value =
            tr("announced on the link: %1").arg(local.cacheServers.join(QStringLiteral(", ")));
    else
        f.value =
            fromDhcp ? tr("from DHCP option 235")
                     : hosts.split(QLatin1Char(','), Qt::SkipEmptyParts).join(QStringLiteral(", "));
    if (!month) {
        f.detail = tr("loading…");
        return f;
    }
    const qint64 all = sumBytes(month->down);
    const qint64 fromCache = classBytes(month->down, SourceClass::CacheServer);
    f.detail = tr("%1 from cache servers this month").arg(formatBytes(fromCache));
    if (all > 0)
        f.detail +=
            QStringLiteral(" (%1)").arg(percentText(100.0 * double(fromCache) / double(all)));
    if (all > 0 && fromCache == 0) {
        f.status = FactStatus::Warn;
        f.detail += QStringLiteral(" · ") +
                    tr("nothing came from them: see Troubleshooting, cache server checks");
    }
    return f;
}

QList<OverviewFact> OverviewFacts::compute(const OverviewInput& in)
{
    return {downloadMode(in.activity),
            discovery(in.activity.discovery),
            listening(in.activity),
            peers(in.activity),
            peerShare(in.month),
            cache(in.stats),
            uploads(in.month, in.monthlyUploadCapGb),
            agentCost(in.stats),
            cacheServer(in.cacheHosts, in.cacheHostSource, in.month, in.activity.discovery.local,
                        in.activity.discovery.cacheHosts)};
}

} // namespace opendo::ui
