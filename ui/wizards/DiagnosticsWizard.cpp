#include "wizards/DiagnosticsWizard.h"

#include "agent/Agent.h"
#include "wizards/CheckResultText.h"
#include "common/WhenReady.h"

namespace opendo::ui {

DiagnosticsWizard::DiagnosticsWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : QWizard(parent), m_agent(agent), m_stageFix(std::move(stageFix))
{
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, false);
    resize(900, 640);
}

void DiagnosticsWizard::runChecks()
{
    const int generation = ++m_generation;
    m_running = true;
    m_hasReport = false;
    m_report = {};
    Q_EMIT runStarted();
    whenReady(this, m_agent.runDiagnostics(request()),
              [this, generation](const diagnostics::DiagnosticReport& report) {
                  if (generation != m_generation)
                      return;
                  m_report = report;
                  m_running = false;
                  m_hasReport = true;
                  Q_EMIT runFinished();
              });
}

bool DiagnosticsWizard::canStageFix() const
{
    return m_hasReport && m_stageFix && !m_report.causeFix().isEmpty();
}

void DiagnosticsWizard::stageSuggestedFix()
{
    if (!canStageFix())
        return;
    const auto* cause = CheckResultText::conclusionOf(m_report);
    const QString finding =
        cause ? QStringLiteral("%1: %2").arg(cause->title, cause->summary) : QString();
    m_stageFix(m_report.causeFix(),
               tr("Suggested by the troubleshooter (%1). %2").arg(windowTitle(), finding));
    Q_EMIT fixStaged();
}

} // namespace opendo::ui
