#pragma once

// The cache panel: how full the cache has been over time against its limits (DOMaxCacheSize,
// DOAbsoluteMaxCacheSize and the limit in effect), what it holds now with how long each content
// stays, pin and evict actions, and the log of what was evicted and why.

#include <QFuture>
#include <QWidget>
#include <memory>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::cache {
struct CacheEntry;
} // namespace opendo::cache

namespace opendo::stats {
struct CacheSample;
struct DeviceStats;
} // namespace opendo::stats

namespace opendo::ui {

class CacheContentModel;
class EvictionLogModel;
class RefreshCoalescer;

class CachePanel : public QWidget
{
    Q_OBJECT
public:
    enum class Range
    {
        Day,
        Week,
        Month,
        Quarter
    };

    explicit CachePanel(agent::Agent& agent, QWidget* parent = nullptr);
    ~CachePanel() override;

    CacheContentModel& contentModel() { return *m_contentModel; }
    EvictionLogModel& evictionModel() { return *m_evictionModel; }
    QCustomPlot& chart() { return *m_chart; }
    QString summaryText() const;
    QString messageText() const; // the last action's error, "" when it worked

    static QString summary(const stats::DeviceStats& stats);
    static qint64 rangeSeconds(Range range);

    Range range() const { return m_range; }
    void setRange(Range range);

    bool selectContent(const QString& contentId);
    QString selectedContent() const;
    void setSelectedPinned(bool pinned);
    // Set-DeliveryOptimizationStatus -ExpireOn for the selected content.
    void keepSelectedUntil(const QDateTime& until);
    // Asks first unless `confirm` is false (tests, or callers that asked already).
    void evictSelected(bool confirm = true);

    // Coalesced: any number of calls make at most one fetch per 250 ms.
    void refreshContents();
    void refreshChart();
    int contentFetches() const;
    int chartFetches() const;

Q_SIGNALS:
    void contentsRefreshed();
    void chartRefreshed();

private:
    void fetchContents();
    void fetchChart();
    void showSamples(QList<stats::CacheSample> samples);
    void showStats(const stats::DeviceStats& stats);
    void showMessage(const QString& message);
    const cache::CacheEntry* selectedEntry() const; // null when nothing is selected
    // The agent's answer to an action on the selection: its error (or nothing) and fresh rows.
    void showAnswer(QFuture<QString> answer, bool cacheSizeChanges = false);
    void updateActions();

    agent::Agent& m_agent;
    Range m_range = Range::Day;
    CacheContentModel* m_contentModel = nullptr;
    EvictionLogModel* m_evictionModel = nullptr;
    QSortFilterProxyModel* m_contentProxy = nullptr;
    QTableView* m_contentTable = nullptr;
    QTableView* m_evictionTable = nullptr;
    QCustomPlot* m_chart = nullptr;
    QComboBox* m_rangeBox = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_pin = nullptr;
    QPushButton* m_unpin = nullptr;
    QPushButton* m_evict = nullptr;
    QPushButton* m_keep = nullptr;
    std::unique_ptr<RefreshCoalescer> m_contents;
    std::unique_ptr<RefreshCoalescer> m_history;
    int m_lastFiles = -1;
    qint64 m_lastCacheBytes = -1;
};

} // namespace opendo::ui
