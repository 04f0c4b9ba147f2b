#pragma once

// "I don't see bytes from peers": checks, in isolating order, the service, the download mode,
// the discovery service, the peers seen, whether they can be reached and the content gates;
// optionally traces one download through the gates.

#include "wizards/DiagnosticsWizard.h"

class QComboBox;

namespace opendo::ui {

class SummaryPage;

class NoPeerBytesWizard : public DiagnosticsWizard
{
    Q_OBJECT
public:
    NoPeerBytesWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);

    diagnostics::DiagnosticRequest request() const override;
    QComboBox& downloadPicker() { return *m_download; }
    SummaryPage& summaryPage() { return *m_summary; }

private:
    QComboBox* m_download = nullptr;
    SummaryPage* m_summary = nullptr;
};

} // namespace opendo::ui
