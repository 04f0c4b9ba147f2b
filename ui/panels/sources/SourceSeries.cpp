#include "panels/sources/SourceSeries.h"

#include <QStringList>
#include <algorithm>

namespace opendo::ui {

using stats::ClassBytes;
using stats::Direction;
using stats::HistorySample;
using transfer::SourceClass;

qint64 SourceSeries::rangeSeconds(SourceRange range)
{
    switch (range) {
    case SourceRange::Last5Minutes:
        return 5 * 60;
    case SourceRange::LastHour:
        return 3600;
    case SourceRange::Last24Hours:
        return 24 * 3600;
    case SourceRange::Last7Days:
        return 7 * 24 * 3600;
    case SourceRange::Last30Days:
        return 30 * 24 * 3600;
    case SourceRange::Last90Days:
        return 90 * 24 * 3600;
    }
    return 3600;
}

qint64 SourceSeries::binSeconds(SourceRange range)
{
    switch (range) {
    case SourceRange::Last5Minutes:
        return 1;
    case SourceRange::LastHour:
        return 6;
    case SourceRange::Last24Hours:
        return 150;
    case SourceRange::Last7Days:
        return 20 * 60;
    case SourceRange::Last30Days:
        return 3600;
    case SourceRange::Last90Days:
        return 4 * 3600;
    }
    return 6;
}

namespace {

struct Window
{
    qint64 start = 0;
    qint64 end = 0;
    int bins = 0;
};

Window windowOf(SourceRange range, const QDateTime& now)
{
    const qint64 bin = SourceSeries::binSeconds(range);
    const qint64 t = now.toSecsSinceEpoch();
    // Floor division, so times before 1970 (only ever in tests) bin the same way.
    const qint64 lastStart = t - ((t % bin) + bin) % bin;
    Window w;
    w.bins = int(SourceSeries::rangeSeconds(range) / bin);
    w.start = lastStart - qint64(w.bins - 1) * bin;
    // The agent files the bytes of a second under that second, so the current one counts.
    w.end = t + 1;
    return w;
}

} // namespace

std::pair<QDateTime, QDateTime> SourceSeries::window(SourceRange range, const QDateTime& now)
{
    const Window w = windowOf(range, now);
    return {QDateTime::fromSecsSinceEpoch(w.start, Qt::UTC),
            QDateTime::fromSecsSinceEpoch(w.end, Qt::UTC)};
}

bool SourceSeries::carries(Direction direction, SourceClass sourceClass)
{
    return direction == Direction::Download || transfer::isPeerClass(sourceClass);
}

SourceSeries SourceSeries::build(const QList<HistorySample>& samples, Direction direction,
                                 SourceRange range, const QDateTime& now)
{
    const Window w = windowOf(range, now);
    return build(samples, direction, QDateTime::fromSecsSinceEpoch(w.start, Qt::UTC),
                 binSeconds(range), w.bins, QDateTime::fromSecsSinceEpoch(w.end, Qt::UTC));
}

SourceSeries SourceSeries::build(const QList<HistorySample>& samples, Direction direction,
                                 const QDateTime& start, qint64 binSeconds, int binCount,
                                 const QDateTime& end)
{
    SourceSeries s;
    s.m_direction = direction;
    s.m_binSeconds = std::max<qint64>(1, binSeconds);
    s.m_startSecs = start.toSecsSinceEpoch();
    const int bins = std::max(0, binCount);
    s.m_endSecs = std::clamp(end.toSecsSinceEpoch(), s.m_startSecs,
                             s.m_startSecs + qint64(bins) * s.m_binSeconds);
    s.m_bins.fill(ClassBytes{}, bins);

    for (const HistorySample& sample : samples) {
        const qint64 from = sample.start.toSecsSinceEpoch();
        const qint64 length = std::max(1, sample.seconds);
        const qint64 first = std::max(from, s.m_startSecs);
        const qint64 last = std::min(from + length, s.m_endSecs);
        if (first >= last)
            continue;
        const ClassBytes& bytes = direction == Direction::Upload ? sample.up : sample.down;
        // A minute row can span several short bins (the start of "last hour" after compaction,
        // or 150 s bins): its bytes are spread evenly over the minute it covers, split with
        // running sums so the parts add up exactly. Parts outside the window are left out.
        auto upTo = [&](qint64 bytesOfClass, qint64 t) {
            return bytesOfClass * (t - from) / length;
        };
        qint64 at = first;
        int bin = int((first - s.m_startSecs) / s.m_binSeconds);
        while (at < last && bin < bins) {
            const qint64 binEnd = std::min(s.m_startSecs + qint64(bin + 1) * s.m_binSeconds, last);
            for (size_t c = 0; c < bytes.size(); ++c) {
                const qint64 part = upTo(std::max<qint64>(0, bytes[c]), binEnd) -
                                    upTo(std::max<qint64>(0, bytes[c]), at);
                s.m_bins[bin][c] += part;
                s.m_totals[c] += part;
            }
            at = binEnd;
            ++bin;
        }
    }
    return s;
}

QDateTime SourceSeries::start() const
{
    return QDateTime::fromSecsSinceEpoch(m_startSecs, Qt::UTC);
}

QDateTime SourceSeries::end() const
{
    return QDateTime::fromSecsSinceEpoch(m_endSecs, Qt::UTC);
}

QDateTime SourceSeries::binStart(int bin) const
{
    return QDateTime::fromSecsSinceEpoch(m_startSecs + qint64(bin) * m_binSeconds, Qt::UTC);
}

qint64 SourceSeries::binLength(int bin) const
{
    const qint64 from = m_startSecs + qint64(bin) * m_binSeconds;
    return std::clamp<qint64>(m_endSecs - from, 0, m_binSeconds);
}

QList<double> SourceSeries::rates(SourceClass sourceClass) const
{
    QList<double> out;
    out.reserve(m_bins.size());
    const auto c = size_t(sourceClass);
    for (int bin = 0; bin < m_bins.size(); ++bin) {
        // The current bin is still filling; dividing by the time it has covered so far keeps
        // the right edge of the chart from dropping while transfers run at a steady rate.
        const qint64 length = std::max<qint64>(1, binLength(bin));
        out.append(double(m_bins[bin][c]) / double(length));
    }
    return out;
}

QList<double> SourceSeries::stackedRates(SourceClass sourceClass) const
{
    QList<double> out(m_bins.size(), 0.0);
    for (SourceClass c : transfer::kAllSourceClasses) {
        const QList<double> r = rates(c);
        for (qsizetype i = 0; i < out.size(); ++i)
            out[i] += r[i];
        if (c == sourceClass)
            break;
    }
    return out;
}

double SourceSeries::maxStackedRate() const
{
    const QList<double> top = stackedRates(transfer::kAllSourceClasses.back());
    return top.isEmpty() ? 0.0 : *std::max_element(top.begin(), top.end());
}

QList<double> SourceSeries::binKeys() const
{
    QList<double> keys;
    keys.reserve(m_bins.size());
    for (int bin = 0; bin < m_bins.size(); ++bin)
        keys.append(double(m_startSecs + qint64(bin) * m_binSeconds));
    return keys;
}

qint64 SourceSeries::total() const
{
    return stats::total(m_totals);
}

qint64 SourceSeries::peerBytes() const
{
    qint64 sum = 0;
    for (SourceClass c : transfer::kAllSourceClasses) {
        if (transfer::isPeerClass(c))
            sum += m_totals[size_t(c)];
    }
    return sum;
}

namespace {

double percent(qint64 part, qint64 whole)
{
    if (whole <= 0 || part <= 0)
        return 0.0;
    return std::min(100.0, 100.0 * double(part) / double(whole));
}

} // namespace

double SourceSeries::share(SourceClass sourceClass) const
{
    return percent(m_totals[size_t(sourceClass)], total());
}

double SourceSeries::peerShare() const
{
    return percent(peerBytes(), total());
}

QString SourceSeries::csvHeader()
{
    QStringList columns{QStringLiteral("start_utc"), QStringLiteral("seconds")};
    for (SourceClass c : transfer::kAllSourceClasses)
        columns << transfer::sourceClassKey(c);
    return columns.join(QLatin1Char(','));
}

QString SourceSeries::toCsv() const
{
    QString out = csvHeader() + QLatin1Char('\n');
    for (int bin = 0; bin < m_bins.size(); ++bin) {
        out += binStart(bin).toString(Qt::ISODate) + QLatin1Char(',') +
               QString::number(binLength(bin));
        for (qint64 bytes : m_bins[bin])
            out += QLatin1Char(',') + QString::number(bytes);
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace opendo::ui
