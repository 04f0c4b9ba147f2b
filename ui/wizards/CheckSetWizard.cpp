#include "wizards/CheckSetWizard.h"

#include "wizards/DiagnosticsPages.h"
#include "wizards/SummaryPage.h"

namespace opendo::ui {

CheckSetWizard::CheckSetWizard(agent::Agent& agent, StageFix stageFix, diagnostics::CheckSet set,
                               QWidget* parent)
    : DiagnosticsWizard(agent, std::move(stageFix), parent), m_set(set)
{
    m_intro = new IntroPage(QString(), QString(), this);
    m_summary = new SummaryPage(*this);
    addPage(m_intro);
    addPage(new RunChecksPage(*this));
    addPage(new ResultsPage(*this));
    addPage(m_summary);
}

diagnostics::DiagnosticRequest CheckSetWizard::request() const
{
    diagnostics::DiagnosticRequest request;
    request.set = m_set;
    return request;
}

} // namespace opendo::ui
