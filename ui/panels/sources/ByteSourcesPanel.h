#pragma once

// The byte sources panel: where downloaded bytes came from (HTTP, cache servers, LAN, group and
// internet peers) and where uploaded bytes went, as a stacked rate chart over a chosen period,
// totals and shares per class, and PNG/CSV export. Answers "how much does peering save us?".

#include "panels/sources/SourceSeries.h"
#include "stats/DeviceStats.h"

#include <QElapsedTimer>
#include <QWidget>
#include <array>

class QComboBox;
class QCPGraph;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableView;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::ui {

class SourceTotalsModel;

class ByteSourcesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ByteSourcesPanel(agent::Agent& agent, QWidget* parent = nullptr);

    // Fixed per class so the chart, the table and exported images always agree.
    static QColor classColor(transfer::SourceClass sourceClass);
    static QString rangePhrase(SourceRange range); // "the last hour"

    SourceRange range() const { return m_range; }
    void setRange(SourceRange range);
    stats::Direction direction() const { return m_direction; }
    void setDirection(stats::Direction direction);

    // What the chart and the table show right now.
    const SourceSeries& series() const { return m_series; }
    SourceTotalsModel& totalsModel() { return *m_totals; }
    QCustomPlot& plot() { return *m_plot; }
    QString summaryText() const;
    int queriesStarted() const { return m_queriesStarted; }

    // Write the chart as PNG or the series as CSV (SourceSeries::toCsv); "" or what went wrong.
    QString exportPng(const QString& path);
    QString exportCsv(const QString& path);

Q_SIGNALS:
    // A query answered and the chart, table and summary show its result.
    void seriesUpdated();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void setupPlot();
    void onDeviceStats(const stats::DeviceStats& stats);
    void query();
    void showSeries();
    double visibleStart() const; // seconds since the epoch
    void showRates();
    void chooseExportPng();
    void chooseExportCsv();
    qint64 refreshIntervalMs() const;

    agent::Agent& m_agent;
    SourceRange m_range = SourceRange::LastHour;
    stats::Direction m_direction = stats::Direction::Download;

    // The last answer, kept with the time it was asked for, so switching the direction
    // re-bins it at once instead of asking again (samples hold both directions).
    QList<stats::HistorySample> m_samples;
    QDateTime m_samplesAt;
    SourceSeries m_series;
    stats::DeviceStats m_stats;

    // Coalescing: at most one query in flight; a refresh that comes due meanwhile is dropped,
    // a change of range is remembered and asked right after. Answers to an older generation
    // (a range no longer shown) are dropped.
    bool m_inFlight = false;
    bool m_queryAgain = false;
    quint64 m_generation = 0;
    QElapsedTimer m_sinceQuery;
    int m_queriesStarted = 0;

    QComboBox* m_rangeBox = nullptr;
    QComboBox* m_directionBox = nullptr;
    QPushButton* m_exportPng = nullptr;
    QPushButton* m_exportCsv = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_empty = nullptr;
    QCustomPlot* m_plot = nullptr;
    transfer::PerSourceClass<QCPGraph*> m_graphs{};
    stats::Direction m_legendDirection = stats::Direction::Download;
    SourceTotalsModel* m_totals = nullptr;
    QTableView* m_table = nullptr;
};

} // namespace opendo::ui
