#pragma once

// A wizard that runs one check set: introduction → running → results → summary with the fix.

#include "wizards/DiagnosticsWizard.h"

namespace opendo::ui {

class IntroPage;
class SummaryPage;

class CheckSetWizard : public DiagnosticsWizard
{
    Q_OBJECT
public:
    CheckSetWizard(agent::Agent& agent, StageFix stageFix, diagnostics::CheckSet set,
                   QWidget* parent = nullptr);

    diagnostics::DiagnosticRequest request() const override;
    SummaryPage& summaryPage() { return *m_summary; }

protected:
    IntroPage& introPage() { return *m_intro; }

private:
    diagnostics::CheckSet m_set;
    IntroPage* m_intro = nullptr;
    SummaryPage* m_summary = nullptr;
};

} // namespace opendo::ui
