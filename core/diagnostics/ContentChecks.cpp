// Content gates: what decides, per download, whether peers can take part at all — its size
// against DOMinFileSizeToCache, whether it has metainfo (a published URL), and how long HTTP is
// held back for peers.

#include "common/ByteUnits.h"
#include "diagnostics/CheckSupport.h"

namespace opendo::diagnostics {

namespace {

constexpr int kMaxListed = 8;

QStringList listed(QStringList lines)
{
    if (lines.size() > kMaxListed) {
        const qsizetype more = lines.size() - kMaxListed;
        lines = lines.mid(0, kMaxListed);
        lines << Diag::tr("… and %1 more").arg(more);
    }
    return lines;
}

CheckResult minFileSize(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (in.jobs.isEmpty())
        return c.result(Verdict::NotApplicable, Diag::tr("No downloads to judge."));
    const qint64 minimumMb = in.policies.number(QStringLiteral("DOMinFileSizeToCache"), 50);
    QStringList small;
    qint64 smallest = std::numeric_limits<qint64>::max();
    for (const transfer::JobStatus& job : in.jobs) {
        if (job.fileSize < 0 || job.fileSize >= minimumMb * kMiB)
            continue;
        small << Diag::tr("%1: %2").arg(job.fileName, mbText(job.fileSize));
        smallest = std::min(smallest, job.fileSize);
    }
    if (small.isEmpty()) {
        CheckResult r =
            c.result(Verdict::Pass, Diag::tr("Every download is at least DOMinFileSizeToCache."));
        r.evidence << settingText(in.policies, QStringLiteral("DOMinFileSizeToCache"));
        return r;
    }
    CheckResult r =
        c.result(Verdict::Warn, Diag::tr("%n download(s) are smaller than DOMinFileSizeToCache (%1 "
                                         "MB), so peers never serve or receive them.",
                                         nullptr, int(small.size()))
                                    .arg(minimumMb));
    r.evidence = listed(small);
    r.evidence << settingText(in.policies, QStringLiteral("DOMinFileSizeToCache"));
    const qint64 fitting = std::max<qint64>(1, smallest / kMiB);
    r.remedy = Diag::tr("Lower DOMinFileSizeToCache to %1 MB or less if files this small should "
                        "be shared (small files cost more in overhead than peers save).")
                   .arg(fitting);
    r.fix << change(QStringLiteral("DOMinFileSizeToCache"), QString::number(fitting));
    return r;
}

CheckResult metainfo(const InstantCheck& c, const DiagnosticInputs& in)
{
    if (in.jobs.isEmpty())
        return c.result(Verdict::NotApplicable, Diag::tr("No downloads to judge."));
    QStringList httpOnly;
    for (const transfer::JobStatus& job : in.jobs)
        if (!job.shareable)
            httpOnly << Diag::tr("%1 (%2)").arg(
                job.fileName, job.sourceUrl.isEmpty() ? job.source : job.sourceUrl);
    if (httpOnly.isEmpty())
        return c.result(Verdict::Pass,
                        Diag::tr("Every download has metainfo, so its pieces can be verified and "
                                 "shared."));
    CheckResult r = c.result(Verdict::Warn,
                             Diag::tr("%n download(s) have no metainfo: their URL is not "
                                      "published at the discovery service, so they are HTTP only.",
                                      nullptr, int(httpOnly.size())));
    r.evidence = listed(httpOnly);
    r.remedy = Diag::tr("Publish the content once: doctl publish FILE --webseed URL --discovery "
                        "%1; later downloads of that URL become verifiable and peerable.")
                   .arg(in.discoveryUrl.isEmpty() ? QStringLiteral("URL") : in.discoveryUrl);
    return r;
}

CheckResult httpDelay(const InstantCheck& c, const DiagnosticInputs& in)
{
    const qint64 background =
        in.policies.number(QStringLiteral("DODelayBackgroundDownloadFromHttp"));
    const qint64 foreground =
        in.policies.number(QStringLiteral("DODelayForegroundDownloadFromHttp"));
    // DOMinBackgroundQos belongs here: peers slower than it get the origin's help, in the
    // background at once and in the foreground once the delay has passed.
    const QStringList evidence{
        settingText(in.policies, QStringLiteral("DODelayBackgroundDownloadFromHttp")),
        settingText(in.policies, QStringLiteral("DODelayForegroundDownloadFromHttp")),
        settingText(in.policies, QStringLiteral("DOMinBackgroundQos"))};
    const bool peersOffered = !in.activity.offered.isEmpty() || !staticPeers(in).isEmpty();
    if ((background > 0 || foreground > 0) && !peersOffered &&
        isPeeringMode(in.activity.downloadMode)) {
        CheckResult r =
            c.result(Verdict::Warn, Diag::tr("HTTP is held back for peers (%1 s background, %2 s "
                                             "foreground) although no peer is offered: downloads "
                                             "wait for nothing.")
                                        .arg(background)
                                        .arg(foreground));
        r.evidence = evidence;
        r.remedy = Diag::tr("Fix peer discovery first; if peers are rare here, lower "
                            "DODelayBackgroundDownloadFromHttp and "
                            "DODelayForegroundDownloadFromHttp (0 = no delay).");
        return r;
    }
    double peerShare = 0;
    qint64 total = 0;
    for (const transfer::JobStatus& job : in.jobs) {
        total += job.totalBytesDownloaded;
        peerShare += double(job.bytesFromPeers);
    }
    if (background == 0 && foreground == 0 && peersOffered && total > 0 &&
        peerShare / double(total) < 0.1) {
        CheckResult r = c.result(Verdict::Warn,
                                 Diag::tr("HTTP starts at once, so the origin serves most pieces "
                                          "before peers can (%1 % from peers).")
                                     .arg(100.0 * peerShare / double(total), 0, 'f', 1));
        r.evidence = evidence;
        r.remedy = Diag::tr("Hold background HTTP back for a minute so peers serve first: set "
                            "DODelayBackgroundDownloadFromHttp to 60.");
        r.fix << change(QStringLiteral("DODelayBackgroundDownloadFromHttp"), QStringLiteral("60"));
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass,
        Diag::tr("HTTP delays: %1 s background, %2 s foreground.").arg(background).arg(foreground));
    r.evidence = evidence;
    return r;
}

} // namespace

QList<CheckFactory> contentChecks()
{
    return {
        instantCheck(QStringLiteral("content.min_file_size"), CheckGroup::Content,
                     Diag::tr("Minimum file size to cache"), minFileSize),
        instantCheck(QStringLiteral("content.metainfo"), CheckGroup::Content,
                     Diag::tr("Metainfo (published content)"), metainfo),
        instantCheck(QStringLiteral("content.http_delay"), CheckGroup::Content,
                     Diag::tr("HTTP delay for peers"), httpDelay),
    };
}

} // namespace opendo::diagnostics
