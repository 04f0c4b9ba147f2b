#include "panels/demo/SavingsDemoPanel.h"

#include "charts/CategoryBarChart.h"
#include "charts/QCustomPlotCompat.h"
#include "common/ByteUnits.h"
#include "panels/demo/DemoDeviceModel.h"
#include "panels/downloads/JobTableModel.h"
#include "panels/sources/ByteSourcesPanel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace opendo::ui {

namespace {

constexpr int kDefaultDevices = 4;
constexpr int kDefaultSizeMiB = 64;
constexpr double kDefaultStaggerSeconds = 1.5;

// The chart counts in MiB; tests and callers read bytes back.
QList<double> chartedBytes(const QCPBars& bars)
{
    QList<double> out;
    for (auto it = bars.data()->constBegin(); it != bars.data()->constEnd(); ++it)
        out << it->value * double(kMiB);
    return out;
}

} // namespace

SavingsDemoPanel::SavingsDemoPanel(QWidget* parent)
    : QWidget(parent), m_model(new DemoDeviceModel(this))
{
    auto* intro = new QLabel(
        tr("Several agents on this computer, each on its own loopback address, download the same "
           "file from a local origin one after another, in LAN mode with HTTP held back while a "
           "peer can serve. The first device pays for the file on the origin link; the others "
           "get it from their peers. Every byte is a real transfer, verified piece by piece."),
        this);
    intro->setWordWrap(true);

    m_devices = new QSpinBox(this);
    m_devices->setObjectName(QStringLiteral("demoDevices"));
    m_devices->setRange(demo::SavingsDemo::kMinDevices, demo::SavingsDemo::kMaxDevices);
    m_devices->setValue(kDefaultDevices);
    m_sizeMiB = new QSpinBox(this);
    m_sizeMiB->setObjectName(QStringLiteral("demoFileSize"));
    m_sizeMiB->setRange(1, 512);
    m_sizeMiB->setValue(kDefaultSizeMiB);
    m_sizeMiB->setSuffix(tr(" MiB"));
    m_stagger = new QDoubleSpinBox(this);
    m_stagger->setObjectName(QStringLiteral("demoStagger"));
    m_stagger->setRange(0, 30);
    m_stagger->setDecimals(1);
    m_stagger->setSingleStep(0.5);
    m_stagger->setValue(kDefaultStaggerSeconds);
    m_stagger->setSuffix(tr(" s"));
    m_stagger->setToolTip(tr("Time between one device's start and the next one's. At 0 all "
                             "devices start together, fetch different pieces from the origin and "
                             "swap the rest."));
    auto* form = new QFormLayout;
    form->addRow(tr("&Devices:"), m_devices);
    form->addRow(tr("File si&ze:"), m_sizeMiB);
    form->addRow(tr("S&tart one after another every:"), m_stagger);

    m_start = new QPushButton(tr("&Start demo"), this);
    m_start->setObjectName(QStringLiteral("demoStart"));
    m_stop = new QPushButton(tr("St&op"), this);
    m_stop->setObjectName(QStringLiteral("demoStop"));
    m_stop->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_stop);
    buttons->addStretch(1);

    m_headline = new QLabel(tr("Press Start to run the demo."), this);
    m_headline->setObjectName(QStringLiteral("demoHeadline"));
    m_headline->setWordWrap(true);
    m_headline->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    m_headline->setFont(big);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("demoDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("demoChart"));
    m_plot->setMinimumHeight(220);
    // Horizontal stacked bars: devices down the left axis, bytes along the bottom.
    m_httpBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_httpBars->setName(tr("From the origin (HTTP)"));
    m_peerBars = new QCPBars(m_plot->yAxis, m_plot->xAxis);
    m_peerBars->setName(tr("From peers"));
    m_peerBars->moveAbove(m_httpBars);
    for (auto [bars, sourceClass] : {std::pair{m_httpBars, transfer::SourceClass::Http},
                                     std::pair{m_peerBars, transfer::SourceClass::LanPeer}}) {
        const QColor color = ByteSourcesPanel::classColor(sourceClass);
        bars->setBrush(color);
        bars->setPen(QPen(color.darker(130)));
    }
    m_plot->xAxis->setLabel(tr("MiB received"));
    styleCategoryBarChart(m_plot, Qt::AlignVCenter | Qt::AlignRight);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("demoDevicesTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    auto* formRow = new QHBoxLayout;
    formRow->addLayout(form);
    formRow->addStretch(1);
    layout->addLayout(formRow);
    layout->addLayout(buttons);
    layout->addWidget(m_headline);
    layout->addWidget(m_detail);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_table);

    connect(m_start, &QPushButton::clicked, this, &SavingsDemoPanel::startDemo);
    connect(m_stop, &QPushButton::clicked, &m_demo, &demo::SavingsDemo::stop);
    connect(&m_demo, &demo::SavingsDemo::snapshotChanged, this, &SavingsDemoPanel::show);
    updateChart(m_demo.snapshot());
}

void SavingsDemoPanel::startDemo()
{
    demo::SavingsDemoOptions options;
    options.devices = m_devices->value();
    options.fileBytes = qint64(m_sizeMiB->value()) * kMiB;
    options.staggerMs = int(m_stagger->value() * 1000);
    m_demo.start(options);
}

QString SavingsDemoPanel::headline() const
{
    return m_headline->text();
}

void SavingsDemoPanel::show(const demo::SavingsDemoSnapshot& s)
{
    const bool busy = s.phase == demo::DemoPhase::Preparing || s.phase == demo::DemoPhase::Running;
    m_start->setEnabled(!busy);
    m_stop->setEnabled(busy || s.phase == demo::DemoPhase::Finished);
    m_devices->setEnabled(!busy);
    m_sizeMiB->setEnabled(!busy);
    m_stagger->setEnabled(!busy);
    m_model->setSnapshot(s);
    updateChart(s);
    const QString figures =
        tr("The origin sent %1 for %2 delivered to %n device(s).", nullptr, int(s.devices.size()))
            .arg(formatBytes(s.originBytes), formatBytes(s.deliveredBytes()));
    switch (s.phase) {
    case demo::DemoPhase::Idle:
        m_headline->setText(tr("Demo stopped."));
        m_detail->setText(figures);
        break;
    case demo::DemoPhase::Preparing:
        m_headline->setText(
            tr("Preparing a %1 file and its metainfo…").arg(formatBytes(s.fileBytes)));
        m_detail->clear();
        break;
    case demo::DemoPhase::Running:
        m_headline->setText(tr("Running: peers have saved %1 % of the origin traffic so far.")
                                .arg(s.savedPercent(), 0, 'f', 1));
        m_detail->setText(figures);
        break;
    case demo::DemoPhase::Finished:
        m_headline->setText(
            tr("Peers saved %1 % of the origin traffic.").arg(s.savedPercent(), 0, 'f', 1));
        m_detail->setText(figures + QLatin1Char(' ') +
                          tr("Without peers the origin would have sent all %1. Done in %2 s; "
                             "the devices keep seeding until you stop the demo.")
                              .arg(formatBytes(s.deliveredBytes()))
                              .arg(double(s.elapsedMs) / 1000.0, 0, 'f', 1));
        break;
    case demo::DemoPhase::Failed:
        m_headline->setText(tr("The demo failed."));
        m_detail->setText(s.error);
        break;
    }
}

void SavingsDemoPanel::updateChart(const demo::SavingsDemoSnapshot& s)
{
    QVector<double> keys;
    QVector<double> http;
    QVector<double> peers;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (qsizetype i = 0; i < s.devices.size(); ++i) {
        keys << double(i);
        http << double(s.devices[i].bytesFromHttp) / double(kMiB);
        peers << double(s.devices[i].bytesFromPeers) / double(kMiB);
        ticker->addTick(double(i), s.devices[i].name);
    }
    m_httpBars->setData(keys, http);
    m_peerBars->setData(keys, peers);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(-0.6, double(qMax<qsizetype>(1, s.devices.size())) - 0.4);
    const double fileMiB = double(s.fileBytes) / double(kMiB);
    // Room on the right for the legend, so it never covers a bar.
    m_plot->xAxis->setRange(0, qMax(1.0, fileMiB * 1.35));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QList<double> SavingsDemoPanel::chartedHttpBytes() const
{
    return chartedBytes(*m_httpBars);
}

QList<double> SavingsDemoPanel::chartedPeerBytes() const
{
    return chartedBytes(*m_peerBars);
}

} // namespace opendo::ui
