#pragma once

// What the peer connection test found: that the peer answered, or exactly how it failed.

#include <QWizardPage>

class QLabel;

namespace opendo::ui {

class DiagnosticsWizard;

class PeerTestResultPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit PeerTestResultPage(DiagnosticsWizard& wizard);
    void initializePage() override;

    bool succeeded() const { return m_succeeded; }
    QString resultText() const; // plain text of what is shown

private:
    DiagnosticsWizard& m_wizard;
    QLabel* m_headline = nullptr;
    QLabel* m_details = nullptr;
    bool m_succeeded = false;
};

} // namespace opendo::ui
