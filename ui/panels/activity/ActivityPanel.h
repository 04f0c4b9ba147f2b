#pragma once

// The activity monitor panel, after Windows' Settings → Delivery Optimization → Activity
// monitor: for a chosen month, what was downloaded and from where, what was uploaded and to
// whom, the share that came from peers and the Internet uploads against the monthly cap.

#include "stats/TransferHistory.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPBars;
class QLabel;
class QProgressBar;
class QTableView;
class QTimer;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::ui {

class ActivityMonthModel;

class ActivityPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ActivityPanel(agent::Agent& agent, QWidget* parent = nullptr);

    ActivityMonthModel& downloadsModel() { return *m_downloads; }
    ActivityMonthModel& uploadsModel() { return *m_uploads; }
    QDate selectedMonth() const;           // the first day of the month shown
    bool selectMonth(const QDate& anyDay); // false when the selector does not offer it
    bool hasTotals() const { return m_hasTotals; }
    QString summaryText() const;   // "Downloaded 4.0 MiB · 0 % from peers"
    QString uploadCapText() const; // Internet uploads against DOMonthlyUploadDataCap

    // The monthly figures are a database query on the agent's thread: the current month is
    // asked for again at most this often, past months once per selection.
    static constexpr int kMonthRefreshMs = 5000;
    static constexpr int kMonthsOffered = 12;

protected:
    void showEvent(QShowEvent* event) override;

private:
    void queryMonth();
    void showTotals(const stats::MonthTotals& totals);
    void showCap();
    void updateChart();

    agent::Agent& m_agent;
    ActivityMonthModel* m_downloads = nullptr;
    ActivityMonthModel* m_uploads = nullptr;
    QComboBox* m_month = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_uploadSummary = nullptr;
    QLabel* m_speedText = nullptr;
    QLabel* m_capText = nullptr;
    QProgressBar* m_capBar = nullptr;
    QCustomPlot* m_plot = nullptr;
    QCPBars* m_downBars = nullptr;
    QCPBars* m_upBars = nullptr;
    QTableView* m_downTable = nullptr;
    QTableView* m_upTable = nullptr;
    QTimer* m_timer = nullptr;
    quint64 m_request = 0; // answers to older requests are dropped
    QDate m_pendingMonth;  // the month a request is out for; null when none
    bool m_hasTotals = false;
    qint64 m_capCounted = 0; // MonthTotals::capCountedBytes of the month shown
};

} // namespace opendo::ui
