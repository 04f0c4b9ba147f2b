#pragma once

// The byte sources chart as plain data: per-class transfer history binned for one range, with
// stacked rates for the plot, totals and shares for the table and a CSV form for export. No
// widgets, so the arithmetic (bins, gaps, sums that add up) is tested on its own.

#include "stats/TransferHistory.h"
#include "transfer/SourceClass.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <array>
#include <utility>

namespace opendo::ui {

// The ranges the panel offers, shortest first (the combo box uses the same order).
enum class SourceRange
{
    Last5Minutes,
    LastHour,
    Last24Hours,
    Last7Days,
    Last30Days,
    Last90Days
};

inline constexpr std::array<SourceRange, 6> kAllSourceRanges = {
    SourceRange::Last5Minutes, SourceRange::LastHour,   SourceRange::Last24Hours,
    SourceRange::Last7Days,    SourceRange::Last30Days, SourceRange::Last90Days};

class SourceSeries
{
public:
    static constexpr int kClassCount = int(transfer::kAllSourceClasses.size());

    static qint64 rangeSeconds(SourceRange range);
    // Chosen so a range has at most ~600 bins (5 min: 1 s, 1 h: 6 s, 24 h: 150 s, 7 d: 20 min,
    // 30 d: 1 h, 90 d: 4 h); each divides a day, so bins start at the same instants on every
    // refresh and the chart does not shimmer.
    static qint64 binSeconds(SourceRange range);
    // The interval [from, to) to ask the agent for: whole bins aligned to the epoch, the last
    // one holding `now` and ending just after it.
    static std::pair<QDateTime, QDateTime> window(SourceRange range, const QDateTime& now);
    // Uploads only ever go to peers; HTTP and cache servers never receive bytes from us.
    static bool carries(stats::Direction direction, transfer::SourceClass sourceClass);

    SourceSeries() = default;
    // Bins `samples` (as Agent::transferHistory returns them for window(range, now)) for one
    // direction. Bins without samples stay zero: idle time is shown as idle, never bridged.
    static SourceSeries build(const QList<stats::HistorySample>& samples,
                              stats::Direction direction, SourceRange range, const QDateTime& now);
    // The general form: `binCount` bins of `binSeconds` from `start`, the last one cut at `end`.
    static SourceSeries build(const QList<stats::HistorySample>& samples,
                              stats::Direction direction, const QDateTime& start, qint64 binSeconds,
                              int binCount, const QDateTime& end);

    stats::Direction direction() const { return m_direction; }
    int binCount() const { return int(m_bins.size()); }
    qint64 binSeconds() const { return m_binSeconds; }
    QDateTime start() const; // UTC
    QDateTime end() const;   // UTC, exclusive
    QDateTime binStart(int bin) const;
    qint64 binLength(int bin) const; // seconds; the last bin may be cut short at end()
    const stats::ClassBytes& binBytes(int bin) const { return m_bins[bin]; }

    // Per bin, in bytes per second: one class alone, and that class stacked on all classes
    // before it (enum order, HTTP at the bottom), which is what the plot draws.
    QList<double> rates(transfer::SourceClass sourceClass) const;
    QList<double> stackedRates(transfer::SourceClass sourceClass) const;
    double maxStackedRate() const; // the top of the stack at its highest
    // Bin starts as seconds since the epoch, what QCPAxisTickerDateTime expects.
    QList<double> binKeys() const;

    const stats::ClassBytes& totals() const { return m_totals; }
    qint64 total() const;
    qint64 peerBytes() const;
    bool isEmpty() const { return total() == 0; }
    // Percent of total(), 0 when nothing moved; never above 100.
    double share(transfer::SourceClass sourceClass) const;
    double peerShare() const;

    // One line per bin, oldest first, bytes (not rates) so the rows add up to the totals:
    //   start_utc,seconds,http,cache_server,lan,group,internet
    //   2026-11-27T10:00:00Z,6,1048576,0,0,0,0
    // start_utc is ISO 8601 in UTC; seconds is the bin's length (the last bin may be shorter).
    // The column set and order are stable: scripts may rely on them.
    QString toCsv() const;
    static QString csvHeader();

private:
    stats::Direction m_direction = stats::Direction::Download;
    qint64 m_startSecs = 0;
    qint64 m_binSeconds = 1;
    qint64 m_endSecs = 0;
    QList<stats::ClassBytes> m_bins;
    stats::ClassBytes m_totals{};
};

} // namespace opendo::ui
