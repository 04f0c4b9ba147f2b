#include "panels/overview/OverviewPanel.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace opendo::ui {

namespace {

constexpr int kColumns = 2;

QString idOf(const char* id)
{
    return QLatin1String(id);
}

} // namespace

OverviewPanel::OverviewPanel(agent::Agent& agent, QWidget* parent) : QWidget(parent), m_agent(agent)
{
    auto* content = new QWidget(this);
    auto* grid = new QGridLayout(content);
    grid->setSpacing(12);

    // The cards exist from the start in a fixed order, so the layout does not jump as data
    // arrives; refreshes only change their texts.
    const QList<OverviewFact> initial = OverviewFacts::compute({});
    for (qsizetype i = 0; i < initial.size(); ++i) {
        const OverviewFact& f = initial[i];
        auto* frame = new QFrame(content);
        frame->setObjectName(QStringLiteral("overviewCard_") + f.id);
        frame->setFrameShape(QFrame::StyledPanel);
        frame->setAutoFillBackground(true);
        frame->setBackgroundRole(QPalette::Base);
        auto* box = new QVBoxLayout(frame);

        auto* header = new QHBoxLayout;
        auto* title = new QLabel(f.label, frame);
        QFont titleFont = title->font();
        titleFont.setBold(true);
        title->setFont(titleFont);
        Card card;
        card.marker = new QLabel(frame);
        card.marker->setObjectName(QStringLiteral("overviewMarker_") + f.id);
        QFont markerFont = card.marker->font();
        markerFont.setBold(true);
        card.marker->setFont(markerFont);
        header->addWidget(title);
        header->addStretch(1);
        header->addWidget(card.marker);
        box->addLayout(header);

        card.value = new QLabel(frame);
        card.value->setObjectName(QStringLiteral("overviewValue_") + f.id);
        card.value->setWordWrap(true);
        card.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont valueFont = card.value->font();
        valueFont.setPointSizeF(valueFont.pointSizeF() * 1.3);
        card.value->setFont(valueFont);
        box->addWidget(card.value);

        if (f.id == idOf(OverviewFacts::kCache) || f.id == idOf(OverviewFacts::kUploads)) {
            card.bar = new QProgressBar(frame);
            card.bar->setObjectName(QStringLiteral("overviewBar_") + f.id);
            card.bar->setRange(0, 100);
            card.bar->setTextVisible(false);
            card.bar->setMaximumHeight(8);
            box->addWidget(card.bar);
        }

        card.detail = new QLabel(frame);
        card.detail->setObjectName(QStringLiteral("overviewDetail_") + f.id);
        card.detail->setWordWrap(true);
        card.detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
        card.detail->setForegroundRole(QPalette::PlaceholderText);
        box->addWidget(card.detail);
        box->addStretch(1);

        m_cards.insert(f.id, card);
        // A last card alone in its row takes the whole row.
        const bool alone = i + 1 == initial.size() && initial.size() % kColumns != 0;
        grid->addWidget(frame, int(i) / kColumns, int(i) % kColumns, 1, alone ? kColumns : 1);
    }
    for (int c = 0; c < kColumns; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(int((initial.size() + kColumns - 1) / kColumns), 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(kRefreshMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &OverviewPanel::refresh);

    m_monthTimer = new QTimer(this);
    m_monthTimer->setInterval(kMonthRefreshMs);
    connect(m_monthTimer, &QTimer::timeout, this, &OverviewPanel::queryMonth);
    m_monthTimer->start();

    // The signals only say that something changed; the latest snapshots are read from the
    // facade when the coalescing timer fires.
    connect(&agent, &agent::Agent::peerActivityChanged, this, &OverviewPanel::scheduleRefresh);
    connect(&agent, &agent::Agent::deviceStatsChanged, this, &OverviewPanel::scheduleRefresh);
    connect(&agent, &agent::Agent::policySnapshotChanged, this, &OverviewPanel::scheduleRefresh);
    refresh();
    queryMonth();
}

QString OverviewPanel::factText(const QString& id) const
{
    const std::optional<OverviewFact> f = fact(id);
    return f ? OverviewFacts::text(*f) : QString();
}

std::optional<OverviewFact> OverviewPanel::fact(const QString& id) const
{
    for (const OverviewFact& f : m_facts) {
        if (f.id == id)
            return f;
    }
    return std::nullopt;
}

void OverviewPanel::scheduleRefresh()
{
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void OverviewPanel::refresh()
{
    OverviewInput in;
    in.activity = m_agent.peerActivity();
    if (m_agent.hasDeviceStats())
        in.stats = m_agent.deviceStats();
    in.month = m_month;
    const policy::PolicySnapshot policies = m_agent.policySnapshot();
    in.monthlyUploadCapGb = policies.number(QStringLiteral("DOMonthlyUploadDataCap"), 20);
    if (const policy::EffectivePolicy* hosts = policies.find(QStringLiteral("DOCacheHost")))
        in.cacheHosts = hosts->value.trimmed();
    in.cacheHostSource = int(policies.number(QStringLiteral("DOCacheHostSource")));
    m_facts = OverviewFacts::compute(in);
    showFacts();
}

void OverviewPanel::queryMonth()
{
    // A hidden panel keeps what it has; showEvent asks again when it is looked at.
    if (m_monthPending || (m_month && !isVisible()))
        return;
    m_monthPending = true;
    m_lastMonthQuery = QDateTime::currentDateTimeUtc();
    onResult(
        this, m_agent.monthTotals(QDate::currentDate()),
        [this](const stats::MonthTotals& totals) {
            m_monthPending = false;
            m_month = totals;
            scheduleRefresh();
        },
        [this] { m_monthPending = false; });
}

void OverviewPanel::showFacts()
{
    for (const OverviewFact& f : std::as_const(m_facts)) {
        const auto it = m_cards.constFind(f.id);
        if (it == m_cards.cend())
            continue;
        const Card& card = *it;
        card.value->setText(f.value);
        card.detail->setText(f.detail);
        card.detail->setVisible(!f.detail.isEmpty());
        card.marker->setText(OverviewFacts::statusMarker(f.status));
        card.marker->setProperty("status", int(f.status));
        applyStatusColour(card.marker, f.status);
        if (card.bar) {
            card.bar->setVisible(f.percent >= 0);
            card.bar->setValue(qMax(0, f.percent));
        }
    }
}

void OverviewPanel::applyStatusColour(QLabel* marker, FactStatus status) const
{
    // Colour only reinforces the text marker. Hues are picked per palette lightness so they
    // stay readable on dark themes; high-contrast palettes keep their own text colour.
    const QPalette& pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const bool highContrast =
        qAbs(pal.color(QPalette::Window).lightness() -
             pal.color(QPalette::WindowText).lightness()) > 240 &&
        (pal.color(QPalette::Window) == Qt::black || pal.color(QPalette::Window) == Qt::white);
    QColor colour = pal.color(QPalette::WindowText);
    if (!highContrast) {
        switch (status) {
        case FactStatus::Ok:
            colour = dark ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
            break;
        case FactStatus::Warn:
            colour = dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x67, 0x00);
            break;
        case FactStatus::Bad:
            colour = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xcf, 0x22, 0x2e);
            break;
        }
    }
    QPalette p = marker->palette();
    p.setColor(QPalette::WindowText, colour);
    marker->setPalette(p);
}

void OverviewPanel::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        showFacts();
}

void OverviewPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_lastMonthQuery.isValid() ||
        m_lastMonthQuery.msecsTo(QDateTime::currentDateTimeUtc()) >= kMonthRefreshMs)
        queryMonth();
}

} // namespace opendo::ui
