#include "panels/downloads/DownloadsPanel.h"

#include "agent/Agent.h"
#include "panels/downloads/AddDownloadDialog.h"
#include "panels/downloads/JobTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
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
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int column : {int(JobTableModel::FileColumn), int(JobTableModel::StatusColumn)})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);

    auto* add = new QPushButton(tr("&Add download…"), this);
    m_pause = new QPushButton(tr("&Pause"), this);
    m_resume = new QPushButton(tr("&Resume"), this);
    m_cancel = new QPushButton(tr("&Cancel download"), this);
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
    bar->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

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
    connect(&m_agent, &agent::Agent::jobsChanged, this,
            [this](const QList<transfer::JobStatus>& jobs) {
                m_model->setJobs(jobs);
                updateActions();
            });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DownloadsPanel::updateActions);
    m_model->setJobs(m_agent.jobs());
    updateActions();
}

void DownloadsPanel::addDownload(const QString& source, const QString& outPath, bool foreground)
{
    if (source.isEmpty())
        return;
    m_message->hide();
    m_agent.addDownload({source, outPath, foreground})
        .then(this, [this](const transfer::AddDownloadResult& result) {
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
}

void DownloadsPanel::showError(const QString& message)
{
    m_message->setText(message);
    m_message->show();
}

} // namespace opendo::ui
