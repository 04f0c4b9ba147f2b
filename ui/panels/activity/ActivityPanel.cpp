#include "panels/activity/ActivityPanel.h"

#include "agent/Agent.h"
#include "charts/CategoryBarChart.h"
#include "charts/QCustomPlotCompat.h"
#include "common/ByteUnits.h"
#include "common/WhenReady.h"
#include "panels/activity/ActivityMonthModel.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/overview/OverviewFacts.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace opendo::ui {

using transfer::SourceClass;

namespace {

QDate firstOfMonth(const QDate& day)
{
    return QDate(day.year(), day.month(), 1);
}

QTableView* makeTable(ActivityMonthModel* model, const QString& name, QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->verticalHeader()->hide();
    table->setShowGrid(false);
    table->horizontalHeader()->setSectionResizeMode(ActivityMonthModel::SourceColumn,
                                                    QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(ActivityMonthModel::BytesColumn,
                                                    QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(ActivityMonthModel::ShareColumn,
                                                    QHeaderView::ResizeToContents);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return table;
}

} // namespace

ActivityPanel::ActivityPanel(agent::Agent& agent, QWidget* parent) : QWidget(parent), m_agent(agent)
{
    m_downloads = new ActivityMonthModel(stats::Direction::Download, this);
    m_uploads = new ActivityMonthModel(stats::Direction::Upload, this);

    m_month = new QComboBox(this);
    m_month->setObjectName(QStringLiteral("activityMonth"));
    const QDate thisMonth = firstOfMonth(QDate::currentDate());
    for (int i = 0; i < kMonthsOffered; ++i) {
        const QDate month = thisMonth.addMonths(-i);
        const QString name = QLocale().toString(month, QStringLiteral("MMMM yyyy"));
        m_month->addItem(i == 0 ? tr("%1 (this month)").arg(name) : name, month);
    }
    auto* monthRow = new QHBoxLayout;
    auto* monthLabel = new QLabel(tr("&Month:"), this);
    monthLabel->setBuddy(m_month);
    monthRow->addWidget(monthLabel);
    monthRow->addWidget(m_month);
    monthRow->addStretch(1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("activitySummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_summary->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_summary->setFont(big);
    m_uploadSummary = new QLabel(this);
    m_uploadSummary->setObjectName(QStringLiteral("activityUploadSummary"));
    m_uploadSummary->setFont(big);
    m_uploadSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_speedText = new QLabel(this);
    m_speedText->setObjectName(QStringLiteral("activityAverageSpeed"));
    m_speedText->setWordWrap(true);
    m_speedText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_capText = new QLabel(this);
    m_capText->setObjectName(QStringLiteral("activityUploadCap"));
    m_capText->setWordWrap(true);
    m_capBar = new QProgressBar(this);
    m_capBar->setObjectName(QStringLiteral("activityUploadCapBar"));
    m_capBar->setRange(0, 100);
    m_capBar->setTextVisible(false);
    m_capBar->setMaximumHeight(8);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("activityChart"));
    m_plot->setMinimumHeight(240);
    // Horizontal bars: the classes run down the left axis, the bytes along the bottom.
    m_downBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_downBars->setName(tr("Downloads"));
    m_upBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_upBars->setName(tr("Uploads"));
    styleCategoryBarChart(m_plot, Qt::AlignBottom | Qt::AlignRight);

    m_downTable = makeTable(m_downloads, QStringLiteral("activityDownloadsTable"), this);
    m_upTable = makeTable(m_uploads, QStringLiteral("activityUploadsTable"), this);

    auto* downBox = new QGroupBox(tr("Download statistics"), this);
    auto* downLayout = new QVBoxLayout(downBox);
    downLayout->addWidget(m_summary);
    downLayout->addWidget(m_downTable);
    downLayout->addWidget(m_speedText);
    downLayout->addStretch(1);
    auto* upBox = new QGroupBox(tr("Upload statistics"), this);
    auto* upLayout = new QVBoxLayout(upBox);
    upLayout->addWidget(m_uploadSummary);
    upLayout->addWidget(m_upTable);
    upLayout->addWidget(m_capText);
    upLayout->addWidget(m_capBar);
    upLayout->addStretch(1);
    auto* tables = new QHBoxLayout;
    tables->addWidget(downBox, 1);
    tables->addWidget(upBox, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(monthRow);
    layout->addLayout(tables);
    layout->addWidget(m_plot, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(kMonthRefreshMs);
    connect(m_timer, &QTimer::timeout, this, [this] {
        // Past months do not change; a hidden panel asks again when it is shown.
        if (isVisible() && selectedMonth() == firstOfMonth(QDate::currentDate()))
            queryMonth();
    });
    m_timer->start();
    connect(m_month, &QComboBox::currentIndexChanged, this, &ActivityPanel::queryMonth);
    connect(&agent, &agent::Agent::policySnapshotChanged, this, &ActivityPanel::showCap);

    showTotals({});
    m_hasTotals = false;
    queryMonth();
}

QDate ActivityPanel::selectedMonth() const
{
    return m_month->currentData().toDate();
}

bool ActivityPanel::selectMonth(const QDate& anyDay)
{
    const int i = m_month->findData(firstOfMonth(anyDay));
    if (i < 0)
        return false;
    m_month->setCurrentIndex(i);
    return true;
}

QString ActivityPanel::summaryText() const
{
    return m_summary->text();
}

QString ActivityPanel::uploadCapText() const
{
    return m_capText->text();
}

void ActivityPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (selectedMonth() == firstOfMonth(QDate::currentDate()))
        queryMonth();
}

void ActivityPanel::queryMonth()
{
    const QDate month = selectedMonth();
    // One request per month at a time; a change of month supersedes what is out.
    if (m_pendingMonth == month)
        return;
    m_pendingMonth = month;
    const quint64 request = ++m_request;
    onResult(
        this, m_agent.monthTotals(month),
        [this, request](const stats::MonthTotals& totals) {
            if (request != m_request)
                return;
            m_pendingMonth = {};
            showTotals(totals);
        },
        [this, request] {
            if (request == m_request)
                m_pendingMonth = {};
        });
}

void ActivityPanel::showTotals(const stats::MonthTotals& totals)
{
    m_hasTotals = true;
    m_downloads->setTotals(totals);
    m_uploads->setTotals(totals);
    m_capCounted = totals.capCountedBytes;
    const double peers = OverviewFacts::peerPercent(totals.down);
    m_summary->setText(peers < 0 ? tr("Nothing downloaded")
                                 : tr("Downloaded %1 · %2 from peers")
                                       .arg(formatBytes(m_downloads->totalBytes()),
                                            OverviewFacts::percentText(peers)));
    m_uploadSummary->setText(tr("Uploaded %1").arg(formatBytes(m_uploads->totalBytes())));
    // As Windows' Activity monitor: megabits per second, user-started (foreground) downloads
    // apart from background ones, averaged over the time they were moving.
    auto speed = [this](qint64 bytesPerSecond) {
        return bytesPerSecond <= 0
                   ? tr("none")
                   : tr("%1 Mbit/s")
                         .arg(QLocale().toString(double(bytesPerSecond) * 8 / 1e6, 'f', 1));
    };
    m_speedText->setText(tr("Average speed: foreground %1 · background %2")
                             .arg(speed(totals.foregroundRate), speed(totals.backgroundRate)));
    showCap();
    updateChart();
}

void ActivityPanel::showCap()
{
    const qint64 capGb =
        m_agent.policySnapshot().number(QStringLiteral("DOMonthlyUploadDataCap"), 20);
    // What the agent's upload gate counts against the cap (the ledger's Internet uploads).
    const qint64 internet = qMax<qint64>(0, m_capCounted);
    if (capGb <= 0) {
        m_capText->setText(tr("Monthly upload limit: none (DOMonthlyUploadDataCap is 0). Uploads "
                              "to PCs on the Internet: %1.")
                               .arg(formatBytes(internet)));
        m_capBar->hide();
        return;
    }
    const qint64 cap = capGb * kGiB;
    const double percent = 100.0 * double(internet) / double(cap);
    // The cap is today's setting; for a past month it shows how that month compares with it.
    m_capText->setText(tr("Monthly upload limit (DOMonthlyUploadDataCap, uploads to PCs on the "
                          "Internet only): %1 of %2 (%3)%4")
                           .arg(formatBytes(internet), formatBytes(cap),
                                OverviewFacts::percentText(percent),
                                internet >= cap ? tr(" — reached") : QString()));
    m_capBar->setValue(int(qBound(0.0, percent, 100.0)));
    m_capBar->show();
}

void ActivityPanel::updateChart()
{
    // Downloads on rows 0..n-1, a gap, then uploads; each series fills only its own rows.
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QList<SourceClass> downClasses = m_downloads->classes();
    QList<SourceClass> upClasses = m_uploads->classes();
    qint64 largest = 0;
    for (SourceClass c : downClasses)
        largest = qMax(largest, m_downloads->bytes(c));
    for (SourceClass c : upClasses)
        largest = qMax(largest, m_uploads->bytes(c));
    // One binary unit for the whole axis, chosen so the largest bar reads below 1024.
    static const char* const kUnits[] = {QT_TR_NOOP("bytes"), QT_TR_NOOP("KiB"), QT_TR_NOOP("MiB"),
                                         QT_TR_NOOP("GiB"), QT_TR_NOOP("TiB")};
    int unit = 0;
    double scale = 1;
    while (unit < 4 && double(largest) / scale >= 1024) {
        scale *= 1024;
        ++unit;
    }

    QVector<double> downKeys;
    QVector<double> downValues;
    QVector<double> upKeys;
    QVector<double> upValues;
    double key = 0;
    for (SourceClass c : downClasses) {
        ticker->addTick(key, ActivityMonthModel::rowLabel(stats::Direction::Download, c));
        downKeys << key;
        downValues << double(m_downloads->bytes(c)) / scale;
        key += 1;
    }
    key += 0.5;
    for (SourceClass c : upClasses) {
        ticker->addTick(key, ActivityMonthModel::rowLabel(stats::Direction::Upload, c));
        upKeys << key;
        upValues << double(m_uploads->bytes(c)) / scale;
        key += 1;
    }
    m_downBars->setData(downKeys, downValues, true);
    m_upBars->setData(upKeys, upValues, true);

    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor down = pal.color(QPalette::Highlight);
    // A second hue that differs from the highlight in lightness too, for colour-blind users.
    const QColor up = down.lightness() > 128 ? down.darker(170) : down.lighter(160);
    m_downBars->setPen(QPen(down.darker(120)));
    m_downBars->setBrush(down);
    m_upBars->setPen(QPen(up.darker(120)));
    m_upBars->setBrush(QBrush(up, Qt::Dense3Pattern));
    m_plot->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setBasePen(QPen(text));
        axis->setTickPen(QPen(text));
        axis->setSubTickPen(QPen(text));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
    }
    m_plot->legend->setBrush(pal.brush(QPalette::Base));
    m_plot->legend->setTextColor(text);
    m_plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));

    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, key - 0.4);
    m_plot->xAxis->setLabel(tr(kUnits[unit]));
    m_plot->xAxis->setRange(0, largest > 0 ? double(largest) / scale * 1.1 : 1);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace opendo::ui
