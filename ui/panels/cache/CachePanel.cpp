#include "panels/cache/CachePanel.h"

#include "agent/Agent.h"
#include "charts/QCustomPlotCompat.h"
#include "common/WhenReady.h"
#include "panels/cache/CacheContentModel.h"
#include "panels/cache/EvictionLogModel.h"
#include "panels/cache/KeepUntilDialog.h"
#include "panels/cache/RefreshCoalescer.h"
#include "panels/downloads/JobTableModel.h"

#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace opendo::ui {

namespace {

constexpr int kContentsIntervalMs = 5'000;
constexpr int kChartIntervalMs = 60'000;
constexpr int kEvictionLogLimit = 200;
constexpr int kSuggestedKeepDays = 30; // the Keep until… dialog's first offer
// Samples are one a minute while the agent runs; a longer gap means it was not running, and
// drawing a line across it would claim a cache size nobody measured.
constexpr qint64 kGapSeconds = 5 * 60;

enum Graph
{
    CacheGraph,
    LimitGraph,
    MaxSizeGraph,
    AbsoluteMaxGraph
};

// Byte ticks at round binary steps ("512 MiB", "1.0 GiB"), not decimal ones that print as
// "0.9 GiB".
class ByteTicker : public QCPAxisTicker
{
protected:
    double getTickStep(const QCPRange& range) override
    {
        double unit = 1;
        while (unit < std::pow(1024.0, 4) && qMax(range.upper, range.size()) >= unit * 1024)
            unit *= 1024;
        return cleanMantissa(range.size() / unit / (mTickCount + 1e-10)) * unit;
    }
    QString getTickLabel(double tick, const QLocale&, QChar, int) override
    {
        return formatBytes(qint64(tick));
    }
};

} // namespace

CachePanel::CachePanel(agent::Agent& agent, QWidget* parent) : QWidget(parent), m_agent(agent)
{
    m_contents = std::make_unique<RefreshCoalescer>(this, [this] { fetchContents(); });
    m_history = std::make_unique<RefreshCoalescer>(this, [this] { fetchChart(); });

    m_summary = new QLabel(tr("Waiting for the agent…"), this);
    m_summary->setObjectName(QStringLiteral("cacheSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("cacheRange"));
    m_rangeBox->addItem(tr("Last 24 hours"), int(Range::Day));
    m_rangeBox->addItem(tr("Last 7 days"), int(Range::Week));
    m_rangeBox->addItem(tr("Last 30 days"), int(Range::Month));
    m_rangeBox->addItem(tr("Last 90 days"), int(Range::Quarter));

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("cacheMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->hide();

    // The chart: cache size filled, the three limits as steps (they change only when policy or
    // the drive does).
    m_chart = new QCustomPlot(this);
    m_chart->setObjectName(QStringLiteral("cacheChart"));
    m_chart->setMinimumHeight(200);
    const struct
    {
        QString name;
        QColor color;
        Qt::PenStyle style;
    } graphs[] = {
        {tr("Cache size"), QColor(0x1f, 0x77, 0xb4), Qt::SolidLine},
        {tr("Limit in effect"), QColor(0xd6, 0x27, 0x28), Qt::DashLine},
        {tr("DOMaxCacheSize"), QColor(0x7f, 0x7f, 0x7f), Qt::DotLine},
        {tr("DOAbsoluteMaxCacheSize"), QColor(0xff, 0x7f, 0x0e), Qt::DashDotLine},
    };
    for (const auto& g : graphs) {
        QCPGraph* graph = m_chart->addGraph();
        graph->setName(g.name);
        QPen pen(g.color, 2, g.style);
        graph->setPen(pen);
        graph->setLineStyle(QCPGraph::lsStepLeft);
    }
    QColor fill = graphs[CacheGraph].color;
    fill.setAlpha(60);
    m_chart->graph(CacheGraph)->setBrush(fill);
    auto timeTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    timeTicker->setDateTimeSpec(Qt::LocalTime);
    timeTicker->setTickCount(6);
    m_chart->xAxis->setTicker(timeTicker);
    m_chart->yAxis->setTicker(QSharedPointer<ByteTicker>::create());
    m_chart->yAxis->setLabel(tr("Bytes in the cache"));
    m_chart->legend->setVisible(true);
    m_chart->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    m_chart->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    // Only the value axis zooms: the limits often dwarf the cache, so users zoom in on it.
    m_chart->axisRect()->setRangeDrag(Qt::Vertical);
    m_chart->axisRect()->setRangeZoom(Qt::Vertical);

    m_contentModel = new CacheContentModel(this);
    m_contentProxy = new QSortFilterProxyModel(this);
    m_contentProxy->setSourceModel(m_contentModel);
    m_contentProxy->setSortRole(CacheContentModel::SortRole);
    m_contentProxy->setDynamicSortFilter(true);
    m_contentTable = new QTableView(this);
    m_contentTable->setObjectName(QStringLiteral("cacheTable"));
    m_contentTable->setModel(m_contentProxy);
    m_contentTable->setSortingEnabled(true);
    m_contentTable->sortByColumn(CacheContentModel::LastUsedColumn, Qt::DescendingOrder);
    m_contentTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_contentTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_contentTable->verticalHeader()->hide();
    m_contentTable->horizontalHeader()->setStretchLastSection(true);
    m_contentTable->horizontalHeader()->setSectionResizeMode(CacheContentModel::NameColumn,
                                                             QHeaderView::ResizeToContents);

    const QString pinHelp =
        tr("Pinned content is never removed by the cache janitor: not when it grows older than "
           "DOMaxCacheAge and not to make room under DOMaxCacheSize or DOAbsoluteMaxCacheSize. "
           "Unpin it to evict it.");
    m_pin = new QPushButton(tr("Pin"), this);
    m_pin->setObjectName(QStringLiteral("cachePin"));
    m_pin->setToolTip(pinHelp);
    m_unpin = new QPushButton(tr("Unpin"), this);
    m_unpin->setObjectName(QStringLiteral("cacheUnpin"));
    m_unpin->setToolTip(pinHelp);
    m_evict = new QPushButton(tr("Evict…"), this);
    m_evict->setObjectName(QStringLiteral("cacheEvict"));
    m_keep = new QPushButton(tr("Keep until…"), this);
    m_keep->setObjectName(QStringLiteral("cacheKeepUntil"));
    m_keep->setToolTip(tr("Keep the selected content at least until a time you choose, however "
                          "old it gets (ExpireOn; at most a year ahead)."));

    m_evictionModel = new EvictionLogModel(this);
    m_evictionTable = new QTableView(this);
    m_evictionTable->setObjectName(QStringLiteral("evictionTable"));
    m_evictionTable->setModel(m_evictionModel);
    m_evictionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_evictionTable->verticalHeader()->hide();
    m_evictionTable->horizontalHeader()->setStretchLastSection(true);
    m_evictionTable->horizontalHeader()->setSectionResizeMode(EvictionLogModel::TimeColumn,
                                                              QHeaderView::ResizeToContents);
    m_evictionTable->horizontalHeader()->setSectionResizeMode(EvictionLogModel::NameColumn,
                                                              QHeaderView::ResizeToContents);

    auto* top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_rangeBox);

    auto* contentsBox = new QGroupBox(tr("Contents"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_pin);
    buttons->addWidget(m_unpin);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_evict);
    buttons->addStretch(1);
    auto* contentsLayout = new QVBoxLayout(contentsBox);
    contentsLayout->addWidget(m_contentTable, 1);
    contentsLayout->addLayout(buttons);

    auto* evictionBox = new QGroupBox(tr("Eviction log"), this);
    auto* evictionLayout = new QVBoxLayout(evictionBox);
    evictionLayout->addWidget(m_evictionTable);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(contentsBox);
    splitter->addWidget(evictionBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setRange(Range(m_rangeBox->itemData(index).toInt())); });
    connect(m_pin, &QPushButton::clicked, this, [this] { setSelectedPinned(true); });
    connect(m_unpin, &QPushButton::clicked, this, [this] { setSelectedPinned(false); });
    connect(m_evict, &QPushButton::clicked, this, [this] { evictSelected(true); });
    connect(m_keep, &QPushButton::clicked, this, [this] {
        const cache::CacheEntry* entry = selectedEntry();
        if (!entry)
            return;
        const QDateTime suggested = QDateTime::currentDateTime().addDays(kSuggestedKeepDays);
        if (const auto until =
                askKeepUntil(this, entry->name, std::max(suggested, entry->expiresAt)))
            keepSelectedUntil(*until);
    });
    connect(m_contentTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CachePanel::updateActions);
    // Pinning changes a row in place; the buttons follow the selected row's new state.
    connect(m_contentModel, &QAbstractItemModel::dataChanged, this, &CachePanel::updateActions);
    connect(m_contentModel, &QAbstractItemModel::rowsRemoved, this, &CachePanel::updateActions);
    connect(&m_agent, &agent::Agent::deviceStatsChanged, this, &CachePanel::showStats);

    auto* contentsTimer = new QTimer(this);
    contentsTimer->setInterval(kContentsIntervalMs);
    connect(contentsTimer, &QTimer::timeout, this, &CachePanel::refreshContents);
    contentsTimer->start();
    auto* chartTimer = new QTimer(this);
    chartTimer->setInterval(kChartIntervalMs);
    connect(chartTimer, &QTimer::timeout, this, &CachePanel::refreshChart);
    chartTimer->start();

    if (m_agent.hasDeviceStats())
        showStats(m_agent.deviceStats());
    updateActions();
    refreshContents();
    refreshChart();
}

CachePanel::~CachePanel() = default;

QString CachePanel::summaryText() const
{
    return m_summary->text();
}

QString CachePanel::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QString CachePanel::summary(const stats::DeviceStats& s)
{
    const QString files = tr("%n file(s)", nullptr, s.files);
    QStringList parts;
    if (s.cacheLimitBytes <= 0) {
        parts << tr("%1, %2 (no size limit)").arg(files, formatBytes(s.cacheBytes));
    } else {
        // The limit in effect is the smaller of the two settings; name the one that set it.
        const bool absolute =
            s.absoluteMaxCacheBytes > 0 && s.cacheLimitBytes == s.absoluteMaxCacheBytes;
        parts << tr("%1, %2 of %3 limit (%4)")
                     .arg(files, formatBytes(s.cacheBytes), formatBytes(s.cacheLimitBytes),
                          absolute ? QStringLiteral("DOAbsoluteMaxCacheSize")
                                   : QStringLiteral("DOMaxCacheSize"));
    }
    if (s.diskTotalBytes > 0)
        parts << tr("%1 free of %2 on the cache drive")
                     .arg(formatBytes(s.diskFreeBytes), formatBytes(s.diskTotalBytes));
    if (!s.cacheFolder.isEmpty())
        parts << tr("in %1").arg(QDir::toNativeSeparators(s.cacheFolder));
    if (s.cacheMove.running())
        parts << tr("copying to %1: %2 % (downloads wait)")
                     .arg(QDir::toNativeSeparators(s.cacheMove.to))
                     .arg(s.cacheMove.percent());
    return parts.join(QStringLiteral(" · "));
}

qint64 CachePanel::rangeSeconds(Range range)
{
    switch (range) {
    case Range::Day:
        return 24 * 3600;
    case Range::Week:
        return 7 * 24 * 3600;
    case Range::Month:
        return 30 * 24 * 3600;
    case Range::Quarter:
        return 90 * 24 * 3600;
    }
    return 24 * 3600;
}

void CachePanel::setRange(Range range)
{
    if (range == m_range)
        return;
    m_range = range;
    const int index = m_rangeBox->findData(int(range));
    if (index >= 0 && index != m_rangeBox->currentIndex())
        m_rangeBox->setCurrentIndex(index); // comes back here and returns above
    refreshChart();
}

bool CachePanel::selectContent(const QString& contentId)
{
    const int row = m_contentModel->rowOf(contentId);
    if (row < 0)
        return false;
    const QModelIndex index = m_contentProxy->mapFromSource(m_contentModel->index(row, 0));
    m_contentTable->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect |
                                                        QItemSelectionModel::Rows);
    m_contentTable->setCurrentIndex(index);
    return true;
}

QString CachePanel::selectedContent() const
{
    const QModelIndexList rows = m_contentTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.front().data(CacheContentModel::ContentIdRole).toString();
}

const cache::CacheEntry* CachePanel::selectedEntry() const
{
    return m_contentModel->entry(m_contentModel->rowOf(selectedContent()));
}

void CachePanel::showAnswer(QFuture<QString> answer, bool cacheSizeChanges)
{
    showMessage({});
    onResult(this, answer, [this, cacheSizeChanges](const QString& error) {
        showMessage(error);
        refreshContents();
        if (cacheSizeChanges)
            refreshChart(); // the drop shows at once, not at the next minute's refresh
    });
}

void CachePanel::setSelectedPinned(bool pinned)
{
    const QString id = selectedContent();
    if (!id.isEmpty())
        showAnswer(m_agent.setPinned(id, pinned));
}

void CachePanel::keepSelectedUntil(const QDateTime& until)
{
    const QString id = selectedContent();
    if (!id.isEmpty())
        showAnswer(m_agent.setExpireOn(id, until));
}

void CachePanel::evictSelected(bool confirm)
{
    const cache::CacheEntry* entry = selectedEntry();
    if (!entry)
        return;
    // The agent would evict pinned content too; the console asks for an explicit unpin first so
    // a pin, which exists to keep content, is not undone by a stray click.
    if (entry->pinned) {
        showMessage(tr("%1 is pinned; unpin it before evicting it.").arg(entry->name));
        return;
    }
    if (confirm && QMessageBox::question(
                       this, tr("Evict content"),
                       tr("Remove %1 (%2) from the cache? Peers can no longer get it from "
                          "this device, and a later download fetches it again.")
                           .arg(entry->name, formatBytes(entry->bytesPresent)),
                       QMessageBox::Yes | QMessageBox::No, QMessageBox::No) != QMessageBox::Yes)
        return;
    showAnswer(m_agent.evictContent(entry->contentId), true);
}

void CachePanel::refreshContents()
{
    m_contents->request();
}

void CachePanel::refreshChart()
{
    m_history->request();
}

int CachePanel::contentFetches() const
{
    return m_contents->fetches();
}

int CachePanel::chartFetches() const
{
    return m_history->fetches();
}

void CachePanel::fetchContents()
{
    // Contents and eviction log together: every action changes both.
    auto pending = std::make_shared<int>(2);
    auto done = [this, pending] {
        if (--*pending == 0) {
            m_contents->finished();
            Q_EMIT contentsRefreshed();
        }
    };
    onResult(
        this, m_agent.cacheContents(),
        [this, done](const QList<cache::CacheEntry>& entries) {
            m_contentModel->setEntries(entries);
            done();
        },
        done);
    onResult(
        this, m_agent.evictions(kEvictionLogLimit),
        [this, done](const QList<cache::EvictionRecord>& records) {
            m_evictionModel->setRecords(records);
            done();
        },
        done);
}

void CachePanel::fetchChart()
{
    const QDateTime to = QDateTime::currentDateTimeUtc();
    const QDateTime from = to.addSecs(-rangeSeconds(m_range));
    onResult(
        this, m_agent.cacheHistory(from, to),
        [this, from, to](const QList<stats::CacheSample>& samples) {
            showSamples(samples);
            // From where the history starts when that is later than the range's start:
            // a young cache fills the width instead of hugging the right edge.
            qint64 start = from.toSecsSinceEpoch();
            if (!samples.isEmpty())
                start = std::max(start, samples.front().at.toSecsSinceEpoch() - 60);
            start = std::min(start, to.toSecsSinceEpoch() - 600);
            m_chart->xAxis->setRange(double(start), double(to.toSecsSinceEpoch()));
            m_chart->replot(QCustomPlot::rpQueuedReplot);
            m_history->finished();
            Q_EMIT chartRefreshed();
        },
        [this] { m_history->finished(); });
}

void CachePanel::showSamples(QList<stats::CacheSample> samples)
{
    // History has one row a minute; the live figures carry the lines to the present, so a
    // fresh agent shows lines, not a lone point, and an eviction shows before the next minute.
    if (m_agent.hasDeviceStats()) {
        const stats::CacheSample live = stats::cacheSampleOf(m_agent.deviceStats());
        if (live.at.isValid() && (samples.isEmpty() || samples.back().at < live.at))
            samples.append(live);
    }
    const qsizetype n = samples.size();
    QList<double> keys;
    std::array<QList<double>, 4> values;
    keys.reserve(n);
    for (auto& v : values)
        v.reserve(n);
    bool anyAbsolute = false;
    double top = 0;
    qint64 previous = 0;
    for (const stats::CacheSample& s : samples) {
        const qint64 at = s.at.toSecsSinceEpoch();
        if (!keys.isEmpty() && at - previous > kGapSeconds) {
            keys << double(previous + 60);
            for (auto& v : values)
                v << std::nan("");
        }
        previous = at;
        keys << double(at);
        values[CacheGraph] << double(s.cacheBytes);
        // 0 means "none" for these; a line at 0 would read as "nothing may be cached".
        values[LimitGraph] << (s.limitBytes > 0 ? double(s.limitBytes) : std::nan(""));
        values[MaxSizeGraph] << (s.maxSizeBytes > 0 ? double(s.maxSizeBytes) : std::nan(""));
        values[AbsoluteMaxGraph] << (s.absoluteMaxBytes > 0 ? double(s.absoluteMaxBytes)
                                                            : std::nan(""));
        anyAbsolute = anyAbsolute || s.absoluteMaxBytes > 0;
        // Scaled to the cache and the limit in effect: a DOMaxCacheSize of 20 % of a large
        // drive would otherwise flatten both to the axis (the value axis zooms to reach it).
        top = qMax(top, double(qMax(s.cacheBytes, s.limitBytes)));
    }
    for (int g = CacheGraph; g <= AbsoluteMaxGraph; ++g)
        m_chart->graph(g)->setData(keys, values[size_t(g)], true);
    // DOAbsoluteMaxCacheSize is usually not set; a legend entry for an absent line confuses.
    QCPGraph* absolute = m_chart->graph(AbsoluteMaxGraph);
    absolute->setVisible(anyAbsolute);
    if (anyAbsolute)
        absolute->addToLegend();
    else
        absolute->removeFromLegend();
    m_chart->yAxis->setRange(0, qMax(top * 1.1, 1024.0 * 1024.0));
}

void CachePanel::showStats(const stats::DeviceStats& s)
{
    m_summary->setText(summary(s));
    // A download finishing or the janitor evicting shows up here first (every second); the
    // table follows at once instead of at the next 5 s tick.
    if (s.files != m_lastFiles || s.cacheBytes != m_lastCacheBytes) {
        const bool first = m_lastFiles < 0;
        const bool filesChanged = s.files != m_lastFiles;
        m_lastFiles = s.files;
        m_lastCacheBytes = s.cacheBytes;
        if (!first)
            refreshContents();
        // The first figures end the chart at the present; a content coming or going is a step
        // worth showing before the next minute's refresh.
        if (first || filesChanged)
            refreshChart();
    }
}

void CachePanel::showMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void CachePanel::updateActions()
{
    const cache::CacheEntry* entry = selectedEntry();
    m_pin->setEnabled(entry && !entry->pinned);
    m_unpin->setEnabled(entry && entry->pinned);
    m_evict->setEnabled(entry && !entry->pinned && !entry->inUse);
    m_keep->setEnabled(entry && !entry->pinned); // pinned content never expires anyway
    if (entry && entry->pinned)
        m_evict->setToolTip(tr("Pinned content cannot be evicted; unpin it first."));
    else if (entry && entry->inUse)
        m_evict->setToolTip(tr("A download is using this content; cancel it first."));
    else
        m_evict->setToolTip(tr("Remove the selected content from the cache now."));
}

} // namespace opendo::ui
