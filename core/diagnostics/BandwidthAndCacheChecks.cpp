// Bandwidth and cache: the checks behind "downloads are slow or use too much bandwidth" and
// "the cache uses too much disk" — which limits apply now, what the agent does against them.

#include "cache/CacheEviction.h"
#include "diagnostics/CheckSupport.h"
#include "transfer/BandwidthPolicy.h"

#include <QTime>

namespace opendo::diagnostics {

namespace {

using transfer::SourceClass;

QString rateText(qint64 bytesPerSecond)
{
    return Diag::tr("%1 KB/s").arg(bytesPerSecond / 1024);
}

CheckResult limits(const InstantCheck& c, const DiagnosticInputs& in)
{
    const QStringList keys = {QStringLiteral("DOMaxBackgroundDownloadBandwidth"),
                              QStringLiteral("DOMaxForegroundDownloadBandwidth"),
                              QStringLiteral("DOPercentageMaxBackgroundBandwidth"),
                              QStringLiteral("DOPercentageMaxForegroundBandwidth"),
                              QStringLiteral("DOMaxDownloadBandwidth"),
                              QStringLiteral("DOPercentageMaxDownloadBandwidth"),
                              QStringLiteral("DOMaxUploadBandwidth")};
    QStringList evidence;
    for (const QString& key : keys)
        evidence << settingText(in.policies, key);
    const qint64 rateNow = stats::total(in.device.downloadRate);
    evidence << Diag::tr("Download rate now: %1").arg(rateText(rateNow));
    const transfer::BandwidthRates rates =
        transfer::bandwidthRatesFor(in.policies, QTime::currentTime(), rateNow);
    if (rates.background == 0 && rates.foreground == 0) {
        CheckResult r = c.result(Verdict::Pass,
                                 Diag::tr("No download bandwidth limit applies now: downloads use "
                                          "what the network gives."));
        r.evidence = evidence;
        r.remedy = Diag::tr("To use less bandwidth, set DOPercentageMaxBackgroundBandwidth (e.g. "
                            "50) or DOMaxBackgroundDownloadBandwidth in KB/s.");
        return r;
    }
    evidence << Diag::tr("In force now: background %1, foreground %2")
                    .arg(rates.background ? rateText(rates.background) : Diag::tr("unlimited"),
                         rates.foreground ? rateText(rates.foreground) : Diag::tr("unlimited"));
    bool anyForeground = false;
    bool anyBackground = false;
    for (const transfer::JobStatus& job : in.jobs)
        if (job.state == transfer::JobState::Downloading)
            (job.foreground ? anyForeground : anyBackground) = true;
    const qint64 binding = anyBackground && rates.background
                               ? rates.background
                               : (anyForeground ? rates.foreground : 0);
    if (binding > 0 && rateNow * 10 >= binding * 8) {
        const QString key = anyBackground && rates.background
                                ? QStringLiteral("DOMaxBackgroundDownloadBandwidth")
                                : QStringLiteral("DOMaxForegroundDownloadBandwidth");
        CheckResult r = c.result(
            Verdict::Warn,
            Diag::tr("Downloads run at the configured limit (%1).").arg(rateText(binding)));
        r.evidence = evidence;
        r.remedy = Diag::tr("If downloads are too slow, raise or clear the limit (%1 = 0 means "
                            "no limit) or the matching percentage setting.")
                       .arg(key);
        if (in.policies.number(key) > 0)
            r.fix << change(key, QStringLiteral("0"));
        return r;
    }
    CheckResult r =
        c.result(Verdict::Pass, Diag::tr("Bandwidth limits apply, and downloads are not held at "
                                         "them now."));
    r.evidence = evidence;
    return r;
}

CheckResult businessHours(const InstantCheck& c, const DiagnosticInputs& in)
{
    QStringList evidence;
    QString summary;
    bool limitingNow = false;
    const int hour = QTime::currentTime().hour();
    for (const QString& kind : {QStringLiteral("Background"), QStringLiteral("Foreground")}) {
        const QString base = QStringLiteral("DOSetHoursToLimit%1DownloadBandwidth").arg(kind);
        const policy::EffectivePolicy* from = in.policies.find(base + QStringLiteral("_From"));
        if (!from || from->source == policy::PolicySource::Default)
            continue;
        const int start = int(in.policies.number(base + QStringLiteral("_From")));
        const int end = int(in.policies.number(base + QStringLiteral("_To")));
        const int inside = int(in.policies.number(base + QStringLiteral("_In")));
        const int outside = int(in.policies.number(base + QStringLiteral("_Out")));
        const bool now =
            start < end ? (hour >= start && hour < end) : (hour >= start || hour < end);
        const int percentNow = now ? inside : outside;
        limitingNow = limitingNow || (percentNow > 0 && percentNow < 100);
        evidence << Diag::tr("%1: %2 % from %3:00 to %4:00, %5 % outside; now %6")
                        .arg(kind)
                        .arg(inside)
                        .arg(start)
                        .arg(end)
                        .arg(outside)
                        .arg(now ? Diag::tr("inside business hours") : Diag::tr("outside"));
    }
    if (evidence.isEmpty())
        return c.result(Verdict::NotApplicable, Diag::tr("No business-hours limits are set."));
    summary = limitingNow ? Diag::tr("A business-hours limit is in force now.")
                          : Diag::tr("Business-hours limits are set but do not limit now.");
    CheckResult r = c.result(limitingNow ? Verdict::Warn : Verdict::Pass, summary);
    r.evidence = evidence;
    if (limitingNow)
        r.remedy = Diag::tr("Downloads speed up outside business hours; to change that, edit "
                            "DOSetHoursToLimitBackgroundDownloadBandwidth (and the Foreground "
                            "one) in the policy editor (0 % = no limit).");
    return r;
}

CheckResult rates(const InstantCheck& c, const DiagnosticInputs& in)
{
    int foreground = 0;
    int background = 0;
    for (const transfer::JobStatus& job : in.jobs)
        if (job.state == transfer::JobState::Downloading)
            ++(job.foreground ? foreground : background);
    const stats::ClassBytes& d = in.device.downloadRate;
    QStringList evidence{
        Diag::tr("Active downloads: %1 foreground, %2 background").arg(foreground).arg(background),
        Diag::tr("Download now: HTTP %1, LAN peers %2, group peers %3, Internet peers %4, "
                 "local-discovery peers %5")
            .arg(rateText(d[size_t(SourceClass::Http)]), rateText(d[size_t(SourceClass::LanPeer)]),
                 rateText(d[size_t(SourceClass::GroupPeer)]),
                 rateText(d[size_t(SourceClass::InternetPeer)]),
                 rateText(d[size_t(SourceClass::LinkLocalPeer)])),
        Diag::tr("Upload now: %1").arg(rateText(stats::total(in.device.uploadRate)))};
    if (foreground + background == 0) {
        CheckResult r = c.result(Verdict::NotApplicable, Diag::tr("Nothing is downloading now."));
        r.evidence = evidence;
        return r;
    }
    if (stats::total(d) == 0) {
        CheckResult r =
            c.result(Verdict::Warn, Diag::tr("%1 download(s) are active but no byte arrived in the "
                                             "last second.")
                                        .arg(foreground + background));
        r.evidence = evidence;
        r.remedy = Diag::tr("See the origin, proxy and peer checks; doctl status shows each "
                            "download's error.");
        return r;
    }
    CheckResult r =
        c.result(Verdict::Pass, Diag::tr("Downloading at %1.").arg(rateText(stats::total(d))));
    r.evidence = evidence;
    return r;
}

// "My network is slow since this was installed": uploads to peers are paced on the queuing
// delay they add (LEDBAT), so they give way to the user's other traffic; where the system gives
// no round-trip figures, only DOMaxUploadBandwidth holds them back.
CheckResult uploadPacing(const InstantCheck& c, const DiagnosticInputs& in)
{
    QStringList evidence;
    int paced = 0;
    int unpaced = 0;
    int worstDelayMs = 0;
    for (const transfer::PeerSnapshot& p : in.activity.peers) {
        if (p.sendRate <= 0)
            continue;
        if (p.uploadWindow > 0) {
            ++paced;
            worstDelayMs = qMax(worstDelayMs, p.queuingDelayMs);
            evidence << Diag::tr("%1: sending %2, upload delay %3 ms, window %4")
                            .arg(p.endpoint, rateText(p.sendRate))
                            .arg(p.queuingDelayMs)
                            .arg(mbText(p.uploadWindow));
        } else {
            ++unpaced;
            evidence << Diag::tr("%1: sending %2, not paced (no round-trip figures)")
                            .arg(p.endpoint, rateText(p.sendRate));
        }
    }
    evidence << settingText(in.policies, QStringLiteral("DOMaxUploadBandwidth"));
    CheckResult r;
    if (paced + unpaced == 0) {
        r = c.result(Verdict::NotApplicable, Diag::tr("Nothing is being uploaded to peers now."));
    } else if (unpaced > 0) {
        r = c.result(Verdict::Warn,
                     Diag::tr("Uploads to %n peer(s) cannot be paced on queuing delay: the "
                              "system gives no TCP round-trip figures for them.",
                              nullptr, unpaced));
        r.remedy = Diag::tr("Limit uploads with DOMaxUploadBandwidth (KB/s) in the policy editor "
                            "if they slow down other traffic on this network.");
    } else {
        r = c.result(Verdict::Pass,
                     Diag::tr("Uploads to %n peer(s) yield to other traffic: each keeps the "
                              "delay it adds on the way near 100 ms (LEDBAT); %1 ms now at "
                              "most.",
                              nullptr, paced)
                         .arg(worstDelayMs));
    }
    r.evidence = evidence;
    return r;
}

CheckResult cacheUse(const InstantCheck& c, const DiagnosticInputs& in)
{
    const stats::DeviceStats& d = in.device;
    QStringList evidence{
        Diag::tr("Cache: %1 in %2 content(s)").arg(gbText(d.cacheBytes)).arg(d.files),
        Diag::tr("Limit in effect: %1")
            .arg(d.cacheLimitBytes ? gbText(d.cacheLimitBytes) : Diag::tr("none")),
        Diag::tr("Drive: %1 free of %2").arg(gbText(d.diskFreeBytes), gbText(d.diskTotalBytes))};
    const qint64 room = d.cacheBytes + d.diskFreeBytes;
    if (d.cacheLimitBytes > 0 && d.diskTotalBytes > 0 && d.cacheLimitBytes > room) {
        const qint64 suggestedGb = std::max<qint64>(1, room / 2 / (qint64(1024) * 1024 * 1024));
        CheckResult r = c.result(Verdict::Warn,
                                 Diag::tr("The cache may grow to %1, more than the drive can take "
                                          "(%2): it fills the disk before eviction starts.")
                                     .arg(gbText(d.cacheLimitBytes), gbText(room)));
        r.evidence = evidence;
        r.remedy = Diag::tr("Cap the cache: set DOAbsoluteMaxCacheSize to %1 GB (it wins over the "
                            "percentage DOMaxCacheSize).")
                       .arg(suggestedGb);
        if (const VolumeSpace* roomier = roomierVolume(in.volumes, in.cacheVolumeRoot, room)) {
            r.evidence << Diag::tr("Roomier drive: %1 (%2, %3 free of %4)")
                              .arg(roomier->rootPath, roomier->fileSystem,
                                   gbText(roomier->freeBytes), gbText(roomier->totalBytes));
            r.remedy += QLatin1Char(' ') +
                        Diag::tr("Or give the cache more room: set DOModifyCacheDrive to a folder "
                                 "on %1; the agent copies its cache there in the background and "
                                 "downloads wait until the copy is done.")
                            .arg(roomier->rootPath);
        }
        r.fix << change(QStringLiteral("DOAbsoluteMaxCacheSize"), QString::number(suggestedGb));
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass,
        d.cacheLimitBytes
            ? Diag::tr("The cache uses %1 of its %2 limit.")
                  .arg(gbText(d.cacheBytes), gbText(d.cacheLimitBytes))
            : Diag::tr("The cache uses %1; no size limit applies.").arg(gbText(d.cacheBytes)));
    r.evidence = evidence;
    return r;
}

CheckResult cacheLimits(const InstantCheck& c, const DiagnosticInputs& in)
{
    const cache::CacheLimits limits = cache::cacheLimitsFrom(in.policies);
    QStringList evidence;
    for (const char* key : {"DOMaxCacheSize", "DOAbsoluteMaxCacheSize", "DOMaxCacheAge",
                            "DOMinFileSizeToCache", "DOModifyCacheDrive"})
        evidence << settingText(in.policies, QString::fromLatin1(key));
    if (limits.maxAgeSeconds == 0) {
        CheckResult r = c.result(Verdict::Warn,
                                 Diag::tr("DOMaxCacheAge is 0: content stays until the size limit "
                                          "forces it out."));
        r.evidence = evidence;
        r.remedy = Diag::tr("Let content expire: set DOMaxCacheAge to 259200 (3 days, DO's "
                            "default) or what your peers need.");
        r.fix << change(QStringLiteral("DOMaxCacheAge"), QStringLiteral("259200"));
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass, Diag::tr("Content expires after %1 h; the size limit is %2.")
                           .arg(limits.maxAgeSeconds / 3600)
                           .arg(limits.absoluteMaxBytes
                                    ? gbText(limits.absoluteMaxBytes)
                                    : Diag::tr("%1 % of the drive").arg(limits.maxSizePercent)));
    r.evidence = evidence;
    return r;
}

CheckResult evictions(const InstantCheck& c, const DiagnosticInputs& in)
{
    qint64 pinnedBytes = 0;
    int pinned = 0;
    for (const cache::CacheEntry& e : in.cacheEntries)
        if (e.pinned) {
            pinnedBytes += e.bytesPresent;
            ++pinned;
        }
    QStringList evidence{
        Diag::tr("Pinned: %1 content(s), %2").arg(pinned).arg(gbText(pinnedBytes))};
    for (const cache::EvictionRecord& e : in.evictions.mid(0, 5))
        evidence << Diag::tr("%1 evicted %2 (%3): %4")
                        .arg(e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                             e.name, mbText(e.fileSize), e.reason);
    if (in.cacheEntries.isEmpty() && in.evictions.isEmpty())
        return c.result(Verdict::NotApplicable, Diag::tr("The cache is empty."));
    const qint64 limit = in.device.cacheLimitBytes;
    if (limit > 0 && pinnedBytes * 2 > limit) {
        CheckResult r = c.result(Verdict::Warn,
                                 Diag::tr("Pinned content (%1) takes more than half of the cache "
                                          "limit and is never evicted.")
                                     .arg(gbText(pinnedBytes)));
        r.evidence = evidence;
        r.remedy = Diag::tr("Unpin what is no longer needed (Cache panel or Downloads panel, "
                            "Unpin) so eviction can free it.");
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass, Diag::tr("%n eviction(s) recorded.", nullptr, int(in.evictions.size())));
    r.evidence = evidence;
    return r;
}

} // namespace

QList<CheckFactory> bandwidthAndCacheChecks()
{
    return {
        instantCheck(QStringLiteral("bandwidth.limits"), CheckGroup::Bandwidth,
                     Diag::tr("Bandwidth limits"), limits),
        instantCheck(QStringLiteral("bandwidth.business_hours"), CheckGroup::Bandwidth,
                     Diag::tr("Business hours"), businessHours),
        instantCheck(QStringLiteral("bandwidth.rates"), CheckGroup::Bandwidth,
                     Diag::tr("Current rates"), rates),
        instantCheck(QStringLiteral("bandwidth.upload_pacing"), CheckGroup::Bandwidth,
                     Diag::tr("Peer uploads yield to other traffic"), uploadPacing),
        instantCheck(QStringLiteral("cache.use"), CheckGroup::Cache, Diag::tr("Cache use"),
                     cacheUse),
        instantCheck(QStringLiteral("cache.limits"), CheckGroup::Cache, Diag::tr("Cache limits"),
                     cacheLimits),
        instantCheck(QStringLiteral("cache.evictions"), CheckGroup::Cache,
                     Diag::tr("Pinned content and evictions"), evictions),
    };
}

} // namespace opendo::diagnostics
