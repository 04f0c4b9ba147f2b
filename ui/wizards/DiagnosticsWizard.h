#pragma once

// The shared base of the troubleshooting wizards: runs the wizard's request on the agent
// (asynchronously; the GUI never waits), keeps the report for the result pages, and hands the
// suggested fix to the policy editor when, and only when, the user asks for it.

#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticRequest.h"
#include "wizards/StageFix.h"

#include <QWizard>

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class DiagnosticsWizard : public QWizard
{
    Q_OBJECT
public:
    DiagnosticsWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);

    agent::Agent& agent() { return m_agent; }
    // What the wizard asks the troubleshooter (the pages' inputs included).
    virtual diagnostics::DiagnosticRequest request() const = 0;

    void runChecks(); // a new run; the result of an older one still on its way is dropped
    bool isRunning() const { return m_running; }
    bool hasReport() const { return m_hasReport; }
    const diagnostics::DiagnosticReport& report() const { return m_report; }

    // Only the most likely cause's own policy fix is offered: a change that would not cure it
    // (switching the mode while the discovery service is stopped) never is.
    bool canStageFix() const;
    void stageSuggestedFix(); // hands report().causeFix() to the policy editor

Q_SIGNALS:
    void runStarted();
    void runFinished();
    void fixStaged();

private:
    agent::Agent& m_agent;
    StageFix m_stageFix;
    diagnostics::DiagnosticReport m_report;
    bool m_running = false;
    bool m_hasReport = false;
    int m_generation = 0;
};

} // namespace opendo::ui
