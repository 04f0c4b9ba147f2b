#pragma once

// The overview panel: the few facts that answer "is Delivery Optimization working on this
// device?" as a grid of cards, each with a status marker that reads without colour.

#include "panels/overview/OverviewFacts.h"

#include <QDateTime>
#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::ui {

class OverviewPanel : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPanel(agent::Agent& agent, QWidget* parent = nullptr);

    const QList<OverviewFact>& facts() const { return m_facts; }
    // The fact with this id as shown (value: detail), "" when unknown.
    QString factText(const QString& id) const;
    std::optional<OverviewFact> fact(const QString& id) const;

    // Snapshots arrive up to three times a second from three signals; redraws are coalesced
    // to at most this often.
    static constexpr int kRefreshMs = 250;
    // Month totals are a database query on the agent's thread; asked for at most this often.
    static constexpr int kMonthRefreshMs = 5000;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    struct Card
    {
        QLabel* marker = nullptr;
        QLabel* value = nullptr;
        QLabel* detail = nullptr;
        QProgressBar* bar = nullptr;
    };

    void scheduleRefresh();
    void refresh();
    void queryMonth();
    void showFacts();
    void applyStatusColour(QLabel* marker, FactStatus status) const;

    agent::Agent& m_agent;
    QTimer* m_refreshTimer = nullptr;
    QTimer* m_monthTimer = nullptr;
    QHash<QString, Card> m_cards;
    QList<OverviewFact> m_facts;
    std::optional<stats::MonthTotals> m_month;
    bool m_monthPending = false;
    QDateTime m_lastMonthQuery;
};

} // namespace opendo::ui
