#include "panels/sources/ByteSourcesPanel.h"

#include "agent/Agent.h"
#include "charts/QCustomPlotCompat.h"
#include "common/WhenReady.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/sources/SourceTotalsModel.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace opendo::ui {

using stats::Direction;
using transfer::SourceClass;

namespace {

constexpr qint64 kShortRefreshMs = 1000;
constexpr qint64 kLongRefreshMs = 30'000;
// deviceStatsChanged arrives about once a second, never exactly; without some slack a 1 s
// refresh would skip every other tick whenever a tick comes a few milliseconds early.
constexpr qint64 kRefreshSlackMs = 150;
// Showing the panel asks at once, but never more than 4 times a second (ticks are 1 s apart).
constexpr qint64 kMinQueryGapMs = 250;
constexpr int kExportWidth = 1200;
constexpr int kExportHeight = 600;

// The binary unit that keeps the top of the chart between 1 and 1024, so the axis ticks stay
// round numbers ("2.5 MiB/s" at 2.5, not 2621440).
std::pair<double, QString> rateUnit(double maxBytesPerSecond)
{
    if (maxBytesPerSecond >= 1024.0 * 1024 * 1024)
        return {1024.0 * 1024 * 1024, ByteSourcesPanel::tr("GiB/s")};
    if (maxBytesPerSecond >= 1024.0 * 1024)
        return {1024.0 * 1024, ByteSourcesPanel::tr("MiB/s")};
    if (maxBytesPerSecond >= 1024.0)
        return {1024.0, ByteSourcesPanel::tr("KiB/s")};
    return {1.0, ByteSourcesPanel::tr("B/s")};
}

QString timeFormat(SourceRange range)
{
    switch (range) {
    case SourceRange::Last5Minutes:
        return QStringLiteral("hh:mm:ss");
    case SourceRange::LastHour:
    case SourceRange::Last24Hours:
        return QStringLiteral("hh:mm");
    case SourceRange::Last7Days:
        return QStringLiteral("d MMM\nhh:mm");
    case SourceRange::Last30Days:
    case SourceRange::Last90Days:
        return QStringLiteral("d MMM");
    }
    return QStringLiteral("hh:mm");
}

QString rangeLabel(SourceRange range)
{
    switch (range) {
    case SourceRange::Last5Minutes:
        return ByteSourcesPanel::tr("Last 5 minutes");
    case SourceRange::LastHour:
        return ByteSourcesPanel::tr("Last hour");
    case SourceRange::Last24Hours:
        return ByteSourcesPanel::tr("Last 24 hours");
    case SourceRange::Last7Days:
        return ByteSourcesPanel::tr("Last 7 days");
    case SourceRange::Last30Days:
        return ByteSourcesPanel::tr("Last 30 days");
    case SourceRange::Last90Days:
        return ByteSourcesPanel::tr("Last 90 days");
    }
    return {};
}

} // namespace

QColor ByteSourcesPanel::classColor(SourceClass sourceClass)
{
    // Hues far apart on the wheel, and lightness varied too, so neighbours in the stack stay
    // apart for the common colour vision deficiencies.
    switch (sourceClass) {
    case SourceClass::Http:
        return QColor(0x35, 0x6f, 0xb5); // blue
    case SourceClass::CacheServer:
        return QColor(0x8e, 0x5c, 0xc2); // purple
    case SourceClass::LanPeer:
        return QColor(0x2e, 0xa0, 0x43); // green
    case SourceClass::GroupPeer:
        return QColor(0xe3, 0x9a, 0x1c); // amber
    case SourceClass::InternetPeer:
        return QColor(0xc8, 0x3e, 0x3a); // red
    case SourceClass::LinkLocalPeer:
        return QColor(0x4f, 0xc3, 0xe0); // light cyan: lighter than LAN's green beside it
    }
    return Qt::gray;
}

QString ByteSourcesPanel::rangePhrase(SourceRange range)
{
    switch (range) {
    case SourceRange::Last5Minutes:
        return tr("the last 5 minutes");
    case SourceRange::LastHour:
        return tr("the last hour");
    case SourceRange::Last24Hours:
        return tr("the last 24 hours");
    case SourceRange::Last7Days:
        return tr("the last 7 days");
    case SourceRange::Last30Days:
        return tr("the last 30 days");
    case SourceRange::Last90Days:
        return tr("the last 90 days");
    }
    return {};
}

ByteSourcesPanel::ByteSourcesPanel(agent::Agent& agent, QWidget* parent)
    : QWidget(parent), m_agent(agent)
{
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("sourcesRange"));
    for (SourceRange r : kAllSourceRanges)
        m_rangeBox->addItem(rangeLabel(r), int(r));
    m_rangeBox->setCurrentIndex(int(m_range));

    m_directionBox = new QComboBox(this);
    m_directionBox->setObjectName(QStringLiteral("sourcesDirection"));
    m_directionBox->addItem(tr("Downloads"), int(Direction::Download));
    m_directionBox->addItem(tr("Uploads"), int(Direction::Upload));
    m_directionBox->setToolTip(tr("Downloads: where received bytes came from. Uploads: which "
                                  "peers this device sent bytes to."));

    m_exportPng = new QPushButton(tr("Export PNG…"), this);
    m_exportPng->setObjectName(QStringLiteral("sourcesExportPng"));
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportCsv->setObjectName(QStringLiteral("sourcesExportCsv"));
    m_exportCsv->setToolTip(tr("Bytes per interval and source class, one line per interval"));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("sourcesSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_empty = new QLabel(tr("No bytes moved in this period. Downloads and uploads show up here "
                            "by source within a second of moving; try a longer period."),
                         this);
    m_empty->setObjectName(QStringLiteral("sourcesEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("sourcesPlot"));
    m_plot->setMinimumHeight(220);
    setupPlot();

    m_totals = new SourceTotalsModel(this);
    transfer::PerSourceClass<QColor> colors;
    for (SourceClass c : transfer::kAllSourceClasses)
        colors[size_t(c)] = classColor(c);
    m_totals->setColors(colors);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("sourcesTotals"));
    m_table->setModel(m_totals);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    // One fixed row per class plus the total: size the table to them so the chart gets all the
    // remaining height.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    const int rowsHeight = m_table->verticalHeader()->length();
    m_table->setFixedHeight(rowsHeight + m_table->horizontalHeader()->sizeHint().height() +
                            2 * m_table->frameWidth());

    auto* controls = new QHBoxLayout;
    auto* periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_rangeBox);
    auto* directionLabel = new QLabel(tr("&Show:"), this);
    directionLabel->setBuddy(m_directionBox);
    controls->addWidget(periodLabel);
    controls->addWidget(m_rangeBox);
    controls->addSpacing(12);
    controls->addWidget(directionLabel);
    controls->addWidget(m_directionBox);
    controls->addStretch(1);
    controls->addWidget(m_exportPng);
    controls->addWidget(m_exportCsv);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_summary);
    layout->addWidget(m_empty);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_table);

    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
            [this](int index) { setRange(SourceRange(m_rangeBox->itemData(index).toInt())); });
    connect(m_directionBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        setDirection(Direction(m_directionBox->itemData(index).toInt()));
    });
    connect(m_exportPng, &QPushButton::clicked, this, &ByteSourcesPanel::chooseExportPng);
    connect(m_exportCsv, &QPushButton::clicked, this, &ByteSourcesPanel::chooseExportCsv);
    connect(&m_agent, &agent::Agent::deviceStatsChanged, this, &ByteSourcesPanel::onDeviceStats);

    if (m_agent.hasDeviceStats())
        m_stats = m_agent.deviceStats();
    showSeries();
    showRates();
}

void ByteSourcesPanel::setupPlot()
{
    // Rates stacked as filled areas, HTTP at the bottom: each graph draws the sum of its class
    // and all below it and fills down to the graph beneath, so a band's height is that class's
    // rate and the outline is the total. Steps, not lines: a bin is an interval, and a sloped
    // line would suggest a rate that was never measured.
    QCPGraph* below = nullptr;
    for (SourceClass c : transfer::kAllSourceClasses) {
        QCPGraph* g = m_plot->addGraph();
        const QColor color = classColor(c);
        g->setName(transfer::sourceClassLabel(c));
        // No outline: a class with nothing to show would draw its line on top of the stack
        // and make the total look like it came from that class.
        g->setPen(Qt::NoPen);
        QColor fill = color;
        fill.setAlpha(190);
        g->setBrush(fill);
        g->setLineStyle(QCPGraph::lsStepLeft);
        if (below)
            g->setChannelFillGraph(below);
        m_graphs[size_t(c)] = g;
        below = g;
    }

    auto ticker = QSharedPointer<QCPAxisTickerDateTime>::create();
    ticker->setDateTimeSpec(Qt::LocalTime);
    ticker->setTickCount(6);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setRangeLower(0);
    m_plot->xAxis->grid()->setVisible(false);

    // The legend sits in a row above the chart instead of over it, where it would hide the
    // latest (right) or oldest (left) data.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(6, 2, 6, 0));
}

QString ByteSourcesPanel::summaryText() const
{
    return m_summary->text();
}

void ByteSourcesPanel::setRange(SourceRange range)
{
    if (m_rangeBox->currentIndex() != int(range))
        m_rangeBox->setCurrentIndex(int(range)); // comes back here through the signal
    if (range == m_range)
        return;
    m_range = range;
    // The samples at hand are for the old window; showing them binned anew would be wrong for
    // a longer range (history missing) and an answer still on its way is for the old one.
    ++m_generation;
    m_samples.clear();
    m_samplesAt = QDateTime::currentDateTimeUtc();
    showSeries();
    if (m_inFlight)
        m_queryAgain = true;
    else
        query();
}

void ByteSourcesPanel::setDirection(Direction direction)
{
    if (m_directionBox->currentIndex() != int(direction))
        m_directionBox->setCurrentIndex(int(direction));
    if (direction == m_direction)
        return;
    m_direction = direction;
    m_totals->setDirection(direction);
    showSeries();
    showRates();
}

void ByteSourcesPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Hidden panels do not query; catch up as soon as this one is shown (unless it just did:
    // flipping between panels must not turn into a stream of queries).
    if (!m_inFlight && (!m_sinceQuery.isValid() || m_sinceQuery.elapsed() >= kMinQueryGapMs))
        query();
}

qint64 ByteSourcesPanel::refreshIntervalMs() const
{
    return m_range == SourceRange::Last5Minutes || m_range == SourceRange::LastHour
               ? kShortRefreshMs
               : kLongRefreshMs;
}

void ByteSourcesPanel::onDeviceStats(const stats::DeviceStats& stats)
{
    m_stats = stats;
    showRates();
    if (!isVisible() || m_inFlight)
        return;
    if (m_sinceQuery.isValid() && m_sinceQuery.elapsed() < refreshIntervalMs() - kRefreshSlackMs)
        return;
    query();
}

void ByteSourcesPanel::query()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto [from, to] = SourceSeries::window(m_range, now);
    const quint64 generation = m_generation;
    m_inFlight = true;
    m_queryAgain = false;
    m_sinceQuery.start();
    ++m_queriesStarted;
    onResult(
        this, m_agent.transferHistory(from, to),
        [this, generation, now](const QList<stats::HistorySample>& samples) {
            m_inFlight = false;
            if (generation == m_generation) {
                m_samples = samples;
                m_samplesAt = now;
                showSeries();
                Q_EMIT seriesUpdated();
            }
            if (m_queryAgain)
                query();
        },
        [this] {
            // The agent went away before answering; nothing to show, but do not stay stuck.
            m_inFlight = false;
        });
}

void ByteSourcesPanel::showSeries()
{
    const QDateTime at = m_samplesAt.isValid() ? m_samplesAt : QDateTime::currentDateTimeUtc();
    m_series = SourceSeries::build(m_samples, m_direction, m_range, at);
    m_totals->setTotals(m_series.totals());

    const bool empty = m_series.isEmpty();
    m_empty->setVisible(empty);
    m_summary->setVisible(!empty);
    if (!empty) {
        if (m_direction == Direction::Download) {
            // Rounded, but never to 100 % while any byte came from elsewhere, nor to 0 % when
            // peers gave something: the sentence answers "did peering help at all?".
            int percent = qRound(m_series.peerShare());
            if (m_series.peerBytes() < m_series.total())
                percent = std::min(percent, 99);
            if (m_series.peerBytes() > 0)
                percent = std::max(percent, 1);
            m_summary->setText(tr("%1 % from peers over %2: %3 of %4")
                                   .arg(percent)
                                   .arg(rangePhrase(m_range), formatBytes(m_series.peerBytes()),
                                        formatBytes(m_series.total())));
        } else {
            m_summary->setText(tr("%1 uploaded to peers over %2")
                                   .arg(formatBytes(m_series.total()), rangePhrase(m_range)));
        }
    }

    const auto [unit, unitName] = rateUnit(m_series.maxStackedRate());
    QList<double> keys = m_series.binKeys();
    // One more point at the end, so the last (step) bin has a width of its own.
    if (!keys.isEmpty())
        keys.append(double(m_series.end().toSecsSinceEpoch()));
    // Legend items are rebuilt only when the set of classes changes, not on every refresh.
    const bool rebuildLegend = m_plot->legend->itemCount() == 0 || m_legendDirection != m_direction;
    if (rebuildLegend)
        m_plot->legend->clearItems();
    m_legendDirection = m_direction;
    for (SourceClass c : transfer::kAllSourceClasses) {
        QCPGraph* g = m_graphs[size_t(c)];
        QList<double> values = m_series.stackedRates(c);
        for (double& v : values)
            v /= unit;
        if (!values.isEmpty())
            values.append(values.back());
        g->setData(keys, values, true);
        const bool shown = SourceSeries::carries(m_direction, c);
        g->setVisible(shown);
        if (shown && rebuildLegend)
            g->addToLegend();
    }
    const double start = visibleStart();
    const double end = double(m_series.end().toSecsSinceEpoch());
    m_plot->xAxis->setRange(start, end);
    // Seconds on the ticks whenever the visible span is short, or minutes would repeat.
    if (auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerDateTime>())
        ticker->setDateTimeFormat(end - start <= 15 * 60 ? timeFormat(SourceRange::Last5Minutes)
                                                         : timeFormat(m_range));
    const double top = m_series.maxStackedRate() / unit;
    m_plot->yAxis->setRange(0, top > 0 ? top * 1.1 : 1.0);
    m_plot->yAxis->setLabel(m_direction == Direction::Download
                                ? tr("Download rate (%1)").arg(unitName)
                                : tr("Upload rate (%1)").arg(unitName));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ByteSourcesPanel::showRates()
{
    m_totals->setRates(m_direction == Direction::Download ? m_stats.downloadRate
                                                          : m_stats.uploadRate);
    for (SourceClass c : transfer::kAllSourceClasses)
        m_table->setRowHidden(int(c), !SourceSeries::carries(m_direction, c));
}

QString ByteSourcesPanel::exportPng(const QString& path)
{
    if (path.isEmpty())
        return tr("No file name given.");
    // The queued replot may not have happened yet; the file must show what the data says.
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
    // A fixed size, so images look the same whatever the window's size (or with none shown).
    if (!m_plot->savePng(path, kExportWidth, kExportHeight))
        return tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
    return {};
}

QString ByteSourcesPanel::exportCsv(const QString& path)
{
    if (path.isEmpty())
        return tr("No file name given.");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    file.write(m_series.toCsv().toUtf8());
    if (!file.commit())
        return tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return {};
}

void ByteSourcesPanel::chooseExportPng()
{
    const QString name =
        QStringLiteral("byte-sources-%1.png").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), QDir::home().filePath(name), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportPng(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export chart"), error);
}

void ByteSourcesPanel::chooseExportCsv()
{
    const QString name =
        QStringLiteral("byte-sources-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export data"), QDir::home().filePath(name), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString error = exportCsv(path); !error.isEmpty())
        QMessageBox::warning(this, tr("Export data"), error);
}

double ByteSourcesPanel::visibleStart() const
{
    // The axis starts where the agent's history starts when that is later than the range's
    // start: a device set up ten minutes ago shows ten minutes across the whole width rather
    // than a sliver at the right edge of an empty day. Never narrower than a minute.
    const qint64 start = m_series.start().toSecsSinceEpoch();
    const qint64 end = m_series.end().toSecsSinceEpoch();
    qint64 first = end;
    for (const stats::HistorySample& sample : m_samples)
        first = std::min(first, sample.start.toSecsSinceEpoch());
    const qint64 firstBin = start + (first - start) / m_series.binSeconds() * m_series.binSeconds();
    return double(std::clamp(std::min(firstBin, end - 60), start, end));
}

} // namespace opendo::ui
