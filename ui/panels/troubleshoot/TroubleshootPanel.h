#pragma once

// The console's troubleshooting panel: the wizards, "Run all checks", the support bundle and a
// per-download trace.

#include "wizards/StageFix.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class CheckResultsView;
class DiagnosticsWizard;
class DownloadTraceBox;

class TroubleshootPanel : public QWidget
{
    Q_OBJECT
public:
    TroubleshootPanel(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);

    enum class Wizard
    {
        NoPeerBytes,
        PeerConnection,
        Bandwidth,
        CacheDisk
    };
    DiagnosticsWizard* openWizard(Wizard which); // non-modal; deletes itself when closed
    void runAllChecks();
    void saveSupportBundle(const QString& path); // asynchronous; the status label tells
    bool isBusy() const { return m_busy > 0; }
    QString statusText() const;
    CheckResultsView& results() { return *m_results; }
    DownloadTraceBox& traceBox() { return *m_trace; }

private:
    QWidget* buildWizardButtons();
    void chooseBundlePath();
    void setBusy(bool busy);

    agent::Agent& m_agent;
    StageFix m_stageFix;
    CheckResultsView* m_results = nullptr;
    DownloadTraceBox* m_trace = nullptr;
    QPushButton* m_runAll = nullptr;
    QPushButton* m_bundle = nullptr;
    QLabel* m_status = nullptr;
    int m_busy = 0;
};

} // namespace opendo::ui
