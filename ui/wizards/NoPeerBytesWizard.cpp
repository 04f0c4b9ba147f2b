#include "wizards/NoPeerBytesWizard.h"

#include "agent/Agent.h"
#include "wizards/DiagnosticsPages.h"
#include "wizards/SummaryPage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QWidget>

namespace opendo::ui {

NoPeerBytesWizard::NoPeerBytesWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : DiagnosticsWizard(agent, std::move(stageFix), parent)
{
    setWindowTitle(tr("I don't see bytes from peers"));
    auto* intro = new IntroPage(
        tr("Why no bytes come from peers"),
        tr("<p>The checks run in the order that isolates the cause; the first one that fails "
           "is the answer:</p><ol>"
           "<li>the agent service runs and listens for peers;</li>"
           "<li>the download mode allows peers (not 0, 99 or 100);</li>"
           "<li>the discovery service answers (while it does not, the agent falls back to "
           "mode 99: then the service, not the mode, is the answer);</li>"
           "<li>peers were seen for the content;</li>"
           "<li>those peers can be reached;</li>"
           "<li>the content gates (file size, metainfo, delays, bandwidth, cache) let the "
           "download use them.</li></ol>"
           "<p>Choose a download to also trace it through the gates one by one.</p>"),
        this);
    m_download = new QComboBox(intro);
    m_download->setObjectName(QStringLiteral("traceDownload"));
    m_download->addItem(tr("No download: check the device only"), QString());
    for (const auto& job : agent.jobs())
        m_download->addItem(job.fileName.isEmpty() ? job.jobId : job.fileName, job.jobId);
    auto* picker = new QWidget(intro);
    auto* form = new QFormLayout(picker);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Trace download:"), m_download);
    intro->addInput(picker);

    addPage(intro);
    addPage(new RunChecksPage(*this));
    addPage(new ResultsPage(*this));
    m_summary = new SummaryPage(*this);
    addPage(m_summary);
}

diagnostics::DiagnosticRequest NoPeerBytesWizard::request() const
{
    diagnostics::DiagnosticRequest request;
    request.set = diagnostics::CheckSet::NoPeerBytes;
    request.traceJobId = m_download->currentData().toString();
    return request;
}

} // namespace opendo::ui
