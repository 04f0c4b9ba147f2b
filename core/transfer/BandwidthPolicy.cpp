#include "transfer/BandwidthPolicy.h"

#include <algorithm>

namespace opendo::transfer {

namespace {

using policy::PolicySnapshot;

// The smaller of two caps where 0 means "no cap".
qint64 tighter(qint64 a, qint64 b)
{
    if (a <= 0)
        return std::max<qint64>(b, 0);
    if (b <= 0)
        return a;
    return std::min(a, b);
}

qint64 percentOf(qint64 percent, qint64 measured)
{
    if (percent <= 0 || measured <= 0)
        return 0; // 0 % is "no cap" in every DO percentage policy; unknown bandwidth caps nothing
    return measured * std::min<qint64>(percent, 100) / 100;
}

// Whether `hour` lies in the daily window [from, to). A window whose end is before its start
// wraps midnight (22 -> 6 covers 22:00-05:59). From == To is an empty window: the policy then
// names no business hours and the "outside" value applies all day.
bool inWindow(int hour, qint64 from, qint64 to)
{
    if (from == to)
        return false;
    if (from < to)
        return hour >= from && hour < to;
    return hour >= from || hour < to;
}

struct ClassKeys
{
    const char* absolute;
    const char* percentage;
    const char* hours; // prefix of the four business-hours sub-values
};

qint64 percentageFor(const PolicySnapshot& p, const ClassKeys& keys, const QTime& localTime)
{
    const QString hours = QString::fromLatin1(keys.hours);
    const QString from = hours + QStringLiteral("_From");
    const QString to = hours + QStringLiteral("_To");
    const QString in = hours + QStringLiteral("_In");
    const QString out = hours + QStringLiteral("_Out");
    // The catalog gives _From/_To defaults (8 and 17, the GP dialog preset), so the effective
    // values alone cannot tell whether an admin set business hours: only an explicitly
    // configured sub-value switches them on. Once on, In/Out decide alone — their 0 means
    // "unlimited" during that part of the day, not "fall back to the plain percentage".
    const bool businessHours = p.state.configured(from) || p.state.configured(to) ||
                               p.state.configured(in) || p.state.configured(out);
    if (businessHours) {
        const int hour = localTime.isValid() ? localTime.hour() : 0;
        const bool inside = inWindow(hour, p.number(from, 8), p.number(to, 17));
        return p.number(inside ? in : out);
    }
    // The per-class percentage replaced the legacy single one (Windows 10 1803); the legacy
    // value still applies to a class whose own percentage is 0.
    const qint64 own = p.number(QString::fromLatin1(keys.percentage));
    return own > 0 ? own : p.number(QStringLiteral("DOPercentageMaxDownloadBandwidth"));
}

qint64 rateFor(const PolicySnapshot& p, const ClassKeys& keys, const QTime& localTime,
               qint64 measured)
{
    // KB/s in the policies are KiB/s (Windows DO counts 1 KB as 1024 bytes).
    qint64 absoluteKb = p.number(QString::fromLatin1(keys.absolute));
    if (absoluteKb <= 0) // the legacy single cap applies to both classes until they are set
        absoluteKb = p.number(QStringLiteral("DOMaxDownloadBandwidth"));
    const qint64 absolute = std::max<qint64>(absoluteKb, 0) * 1024;
    return tighter(absolute, percentOf(percentageFor(p, keys, localTime), measured));
}

} // namespace

BandwidthRates bandwidthRatesFor(const policy::PolicySnapshot& policies, const QTime& localTime,
                                 qint64 measuredBytesPerSecond)
{
    static constexpr ClassKeys foreground{"DOMaxForegroundDownloadBandwidth",
                                          "DOPercentageMaxForegroundBandwidth",
                                          "DOSetHoursToLimitForegroundDownloadBandwidth"};
    static constexpr ClassKeys background{"DOMaxBackgroundDownloadBandwidth",
                                          "DOPercentageMaxBackgroundBandwidth",
                                          "DOSetHoursToLimitBackgroundDownloadBandwidth"};
    BandwidthRates rates;
    rates.foreground = rateFor(policies, foreground, localTime, measuredBytesPerSecond);
    rates.background = rateFor(policies, background, localTime, measuredBytesPerSecond);
    return rates;
}

} // namespace opendo::transfer
