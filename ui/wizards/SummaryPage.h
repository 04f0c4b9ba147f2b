#pragma once

// The last page of a troubleshooting wizard: the conclusion (the first failing check in the
// wizard's isolating order, else the first warning; a symptom such as download mode 99 while
// discovery is unreachable gives way to its cause) with its remedy, the traced download if one
// was chosen, and "Apply suggested fix", which stages the cause's own policy fix in the policy
// editor — and is disabled when no policy change cures the cause.

#include <QWizardPage>

class QLabel;
class QPushButton;
class QHBoxLayout;

namespace opendo::ui {

class DiagnosticsWizard;

class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(DiagnosticsWizard& wizard);
    void initializePage() override;

    void addAction(QWidget* button); // wizard-specific actions next to the fix button
    QString conclusionCheckId() const { return m_conclusionId; } // "" when nothing is wrong
    QString conclusionText() const;                              // plain text of the conclusion
    QString traceText() const; // plain text of the trace ("" when none)
    QPushButton* applyFixButton() const { return m_applyFix; }

private:
    void showFix();
    void stageFix();

    DiagnosticsWizard& m_wizard;
    QString m_conclusionId;
    QLabel* m_conclusion = nullptr;
    QLabel* m_trace = nullptr;
    QLabel* m_overview = nullptr;
    QLabel* m_fix = nullptr;
    QPushButton* m_applyFix = nullptr;
    QHBoxLayout* m_actions = nullptr;
};

} // namespace opendo::ui
