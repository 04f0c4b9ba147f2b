#include "panels/downloads/DownloadsPanel.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "panels/downloads/AddDownloadDialog.h"
#include "panels/downloads/JobDetails.h"
#include "panels/downloads/JobTableModel.h"
#include "views/PlainTextDelegate.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace opendo::ui {

using transfer::JobState;

DownloadsPanel::DownloadsPanel(agent::Agent& agent, QWidget* parent)
    : QWidget(parent), m_agent(agent)
{
    m_model = new JobTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("downloadsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->setItemDelegate(new PlainTextDelegate(m_table));
    // Fitting columns to their contents looks at every row on every update; a sample of the
    // visible ones gives the same widths at a fraction of the cost with hundreds of rows.
    m_table->horizontalHeader()->setResizeContentsPrecision(32);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column : {int(JobTableModel::FileColumn), int(JobTableModel::StatusColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* add = new QPushButton(tr("&Add download…"), this);
    m_pause = new QPushButton(tr("&Pause"), this);
    m_resume = new QPushButton(tr("&Resume"), this);
    m_cancel = new QPushButton(tr("&Cancel download"), this);
    m_pin = new QPushButton(tr("P&in"), this);
    m_why = new QPushButton(tr("&Why this share?"), this);
    m_why->setToolTip(tr("Trace the selected download through the gates that decide how much of "
                         "it comes from peers (Troubleshooting)"));
    m_pin->setToolTip(tr("Pinned content stays in the cache whatever the cache policies say."));
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("downloadsMessage"));
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* bar = new QHBoxLayout;
    bar->addWidget(add);
    bar->addWidget(m_pause);
    bar->addWidget(m_resume);
    bar->addWidget(m_cancel);
    bar->addWidget(m_pin);
    bar->addWidget(m_why);
    bar->addStretch();
    auto* detailsWidget = new QWidget;
    m_details = new QFormLayout(detailsWidget);
    m_details->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("downloadDetails"));
    scroll->setWidget(detailsWidget);
    scroll->setWidgetResizable(true);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(scroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    // Stretch factors only share out later resizes; without initial sizes the details pane
    // opens at its scroll area's tiny size hint.
    splitter->setSizes({300, 200});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(add, &QPushButton::clicked, this, [this] {
        AddDownloadDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const auto request = dialog.request();
        addDownload(request.source, request.outPath, request.foreground);
    });
    auto act = [this](auto method) {
        const QString id = selectedJob();
        if (!id.isEmpty())
            (m_agent.*method)(id);
    };
    connect(m_pause, &QPushButton::clicked, this, [=] { act(&agent::Agent::pauseDownload); });
    connect(m_resume, &QPushButton::clicked, this, [=] { act(&agent::Agent::resumeDownload); });
    connect(m_cancel, &QPushButton::clicked, this, [=] { act(&agent::Agent::cancelDownload); });
    connect(m_pin, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const transfer::JobStatus* job = m_model->job(rows.front().row());
        if (!job)
            return;
        onResult(this, m_agent.setPinned(job->fileId, !job->pinned), [this](const QString& error) {
            if (!error.isEmpty())
                showError(error);
        });
    });
    connect(m_why, &QPushButton::clicked, this, [this] {
        if (const QString id = selectedJob(); !id.isEmpty())
            Q_EMIT traceRequested(id);
    });
    connect(&m_agent, &agent::Agent::jobsChanged, this,
            [this](const QList<transfer::JobStatus>& jobs) {
                m_model->setJobs(jobs);
                selectFirstWhenNoneSelected();
                updateActions();
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DownloadsPanel::updateActions);
    m_model->setJobs(m_agent.jobs());
    selectFirstWhenNoneSelected();
    updateActions();
}

void DownloadsPanel::selectFirstWhenNoneSelected()
{
    // The details pane is never blank while there are downloads to describe.
    if (m_model->rowCount() > 0 && !m_table->selectionModel()->hasSelection())
        m_table->selectRow(0);
}

void DownloadsPanel::addDownload(const QString& source, const QString& outPath, bool foreground)
{
    if (source.isEmpty())
        return;
    m_message->hide();
    onResult(this, m_agent.addDownload({source, outPath, foreground}),
             [this](const transfer::AddDownloadResult& result) {
                 if (result.jobId.isEmpty())
                     showError(result.error);
             });
}

QString DownloadsPanel::selectedJob() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.front().data(JobTableModel::JobIdRole).toString();
}

void DownloadsPanel::updateActions()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const auto state = rows.isEmpty()
                           ? std::optional<JobState>()
                           : JobState(rows.front().data(JobTableModel::StateRole).toInt());
    m_pause->setEnabled(state == JobState::Downloading || state == JobState::Queued);
    m_resume->setEnabled(state == JobState::Paused || state == JobState::Failed);
    m_cancel->setEnabled(state && !transfer::isTerminal(*state));
    const transfer::JobStatus* selected =
        rows.isEmpty() ? nullptr : m_model->job(rows.front().row());
    const bool pinned = selected && selected->pinned;
    m_pin->setEnabled(selected != nullptr);
    m_why->setEnabled(selected != nullptr);
    m_pin->setText(pinned ? tr("Un&pin") : tr("P&in"));
    updateDetails();
}

void DownloadsPanel::updateDetails()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const transfer::JobStatus* job = rows.isEmpty() ? nullptr : m_model->job(rows.front().row());
    const QList<QPair<QString, QString>> details =
        job ? jobDetailRows(*job) : QList<QPair<QString, QString>>{};
    // Same rows every time for a job: update the labels in place instead of rebuilding, so a
    // refresh does not flicker or lose a text selection.
    if (m_details->rowCount() != details.size()) {
        while (m_details->rowCount() > 0)
            m_details->removeRow(0);
        for (const auto& [label, value] : details) {
            auto* field = new QLabel(value);
            field->setTextInteractionFlags(Qt::TextSelectableByMouse);
            field->setWordWrap(true);
            m_details->addRow(label, field);
        }
        return;
    }
    for (int i = 0; i < details.size(); ++i) {
        auto* field = qobject_cast<QLabel*>(m_details->itemAt(i, QFormLayout::FieldRole)->widget());
        if (field && field->text() != details[i].second)
            field->setText(details[i].second);
        auto* label = qobject_cast<QLabel*>(m_details->itemAt(i, QFormLayout::LabelRole)->widget());
        if (label && label->text() != details[i].first)
            label->setText(details[i].first);
    }
}

void DownloadsPanel::showError(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace opendo::ui
