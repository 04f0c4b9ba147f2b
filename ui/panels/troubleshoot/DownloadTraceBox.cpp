#include "panels/troubleshoot/DownloadTraceBox.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "wizards/CheckResultText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace opendo::ui {

DownloadTraceBox::DownloadTraceBox(agent::Agent& agent, QWidget* parent)
    : QGroupBox(tr("Trace a download"), parent), m_agent(agent)
{
    m_download = new QComboBox(this);
    m_download->setObjectName(QStringLiteral("traceDownload"));
    m_download->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_download->setMinimumContentsLength(30);
    m_trace = new QPushButton(tr("&Trace"), this);
    m_trace->setObjectName(QStringLiteral("traceButton"));
    m_trace->setToolTip(tr("Follow the download through every gate on its way to peers"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("traceResult"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* row = new QHBoxLayout;
    row->addWidget(m_download, 1);
    row->addWidget(m_trace);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_result, 1);
    connect(m_trace, &QPushButton::clicked, this, &DownloadTraceBox::trace);
    connect(&m_agent, &agent::Agent::jobsChanged, this, [this] {
        if (m_download->count() != m_agent.jobs().size())
            refreshDownloads();
    });
    refreshDownloads();
}

void DownloadTraceBox::refreshDownloads()
{
    const QString current = m_download->currentData().toString();
    m_download->clear();
    for (const auto& job : m_agent.jobs())
        m_download->addItem(job.fileName.isEmpty() ? job.jobId : job.fileName, job.jobId);
    const int index = m_download->findData(current);
    if (index >= 0)
        m_download->setCurrentIndex(index);
    m_trace->setEnabled(m_download->count() > 0 && !m_tracing);
    if (m_download->count() == 0)
        m_result->setText(tr("No downloads to trace."));
}

void DownloadTraceBox::traceJob(const QString& jobId)
{
    refreshDownloads();
    const int index = m_download->findData(jobId);
    if (index < 0)
        return;
    m_download->setCurrentIndex(index);
    trace();
}

void DownloadTraceBox::trace()
{
    const QString jobId = m_download->currentData().toString();
    if (jobId.isEmpty() || m_tracing)
        return;
    m_tracing = true;
    m_trace->setEnabled(false);
    m_result->setText(tr("Tracing…"));
    diagnostics::DiagnosticRequest request;
    request.set = diagnostics::CheckSet::NoPeerBytes;
    request.traceJobId = jobId;
    whenReady(this, m_agent.runDiagnostics(request),
              [this, jobId](const diagnostics::DiagnosticReport& report) {
                  m_tracing = false;
                  m_trace->setEnabled(m_download->count() > 0);
                  for (const auto& trace : report.traces) {
                      if (trace.jobId == jobId) {
                          m_result->setText(CheckResultText::traceHtml(trace));
                          return;
                      }
                  }
                  m_result->setText(tr("The agent has no trace of this download."));
              });
}

QString DownloadTraceBox::traceText() const
{
    QTextDocument document;
    document.setHtml(m_result->text());
    return document.toPlainText();
}

} // namespace opendo::ui
