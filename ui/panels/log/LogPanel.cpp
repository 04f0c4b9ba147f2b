#include "panels/log/LogPanel.h"

#include "agent/Agent.h"
#include "panels/log/LogModel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace opendo::ui {

using log::LogLevel;

namespace {

constexpr int kPollIntervalMs = 250; // ≤ 4 Hz: fast enough to feel live, cheap when idle

} // namespace

LogPanel::LogPanel(agent::Agent& agent, QWidget* parent) : QWidget(parent), m_agent(agent)
{
    m_model = new LogModel(this);
    m_filter = new LogFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_level = new QComboBox(this);
    m_level->setObjectName(QStringLiteral("logLevel"));
    for (LogLevel level : {LogLevel::Debug, LogLevel::Info, LogLevel::Warning, LogLevel::Critical})
        m_level->addItem(LogModel::levelText(level), int(level));
    m_level->setToolTip(tr("Show messages of this level and above."));

    m_component = new QComboBox(this);
    m_component->setObjectName(QStringLiteral("logComponent"));
    m_component->addItem(tr("All components"), QString());
    m_component->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_text = new QLineEdit(this);
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setPlaceholderText(tr("Filter messages"));
    m_text->setClearButtonEnabled(true);

    m_follow = new QCheckBox(tr("Follow"), this);
    m_follow->setObjectName(QStringLiteral("logFollow"));
    m_follow->setToolTip(tr("Keep the newest message in view."));
    m_follow->setChecked(true);

    m_copy = new QPushButton(tr("Copy"), this);
    m_copy->setObjectName(QStringLiteral("logCopy"));
    m_copy->setToolTip(tr("Copy the selected messages, or all shown, as plain text."));
    m_save = new QPushButton(tr("Save as…"), this);
    m_save->setObjectName(QStringLiteral("logSave"));

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row heights: with thousands of rows, measuring each one makes scrolling crawl.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 4);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics metrics = m_table->fontMetrics();
    m_table->setColumnWidth(LogModel::TimeColumn,
                            metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    m_table->setColumnWidth(LogModel::LevelColumn,
                            metrics.horizontalAdvance(LogModel::levelText(LogLevel::Critical)) +
                                16);
    m_table->setColumnWidth(LogModel::ComponentColumn,
                            metrics.horizontalAdvance(QStringLiteral("opendo.discovery")) + 16);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Level:"), this));
    bar->addWidget(m_level);
    bar->addWidget(new QLabel(tr("Component:"), this));
    bar->addWidget(m_component);
    bar->addWidget(m_text, 1);
    bar->addWidget(m_follow);
    bar->addWidget(m_copy);
    bar->addWidget(m_save);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_level, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setMinimumLevel(LogLevel(m_level->itemData(index).toInt()));
    });
    connect(m_component, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter->setCategory(m_component->itemData(index).toString()); });
    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(m_model, &LogModel::categoryAdded, this, &LogPanel::addCategory);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_follow->isChecked())
            m_table->scrollToBottom();
    });
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        if (on)
            m_table->scrollToBottom();
    });
    // Scrolling up to read means "stop following"; back at the bottom it follows again.
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        const QScrollBar* scroll = m_table->verticalScrollBar();
        if (scroll->isSliderDown())
            m_follow->setChecked(value == scroll->maximum());
    });
    connect(m_copy, &QPushButton::clicked, this, &LogPanel::copyToClipboard);
    connect(m_save, &QPushButton::clicked, this, &LogPanel::saveAs);

    m_timer = new QTimer(this);
    m_timer->setInterval(kPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LogPanel::poll);
    m_timer->start();
    poll();
}

void LogPanel::poll()
{
    // An in-memory ring behind a mutex: cheap enough to read on the GUI thread, no future.
    m_model->append(m_agent.logRecords(m_model->lastSeq(), m_model->maxRows()));
}

void LogPanel::addCategory(const QString& category)
{
    const QString label = category.isEmpty() ? tr("(none)") : category;
    // Sorted after "All components", which stays first.
    int index = 1;
    while (index < m_component->count() && m_component->itemText(index) < label)
        ++index;
    m_component->insertItem(index, label, category);
}

QString LogPanel::selectedOrVisibleText() const
{
    QList<int> rows;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        for (int row = 0; row < m_filter->rowCount(); ++row)
            rows << row;
    } else {
        for (const QModelIndex& index : selected)
            rows << index.row();
        std::sort(rows.begin(), rows.end());
    }
    QString text;
    for (int row : rows) {
        const QModelIndex source = m_filter->mapToSource(m_filter->index(row, 0));
        if (const log::LogRecord* r = m_model->record(source.row()))
            text += LogModel::lineText(*r) + QLatin1Char('\n');
    }
    return text;
}

void LogPanel::copyToClipboard() const
{
    QApplication::clipboard()->setText(selectedOrVisibleText());
}

bool LogPanel::saveTo(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) ||
        file.write(selectedOrVisibleText().toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void LogPanel::saveAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save log"), QStringLiteral("opendo.log"), tr("Log files (*.log *.txt)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveTo(path, &error))
        QMessageBox::warning(this, tr("Save failed"),
                             tr("Cannot save the log to %1: %2").arg(path, error));
}

} // namespace opendo::ui
