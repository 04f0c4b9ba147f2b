#pragma once

// The pages every troubleshooting wizard shares: an introduction, the running checks, the
// results table and the run summary.

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace opendo::ui {

class CheckResultsView;
class DiagnosticsWizard;

// What the wizard will check and in which order, plus optional inputs below the text.
class IntroPage : public QWizardPage
{
    Q_OBJECT
public:
    IntroPage(const QString& title, const QString& text, QWidget* parent = nullptr);
    void setText(const QString& text);
    void addInput(QWidget* input);

private:
    QLabel* m_text = nullptr;
    QVBoxLayout* m_layout = nullptr;
};

// Starts the run when entered; Next becomes available once the report is there.
class RunChecksPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RunChecksPage(DiagnosticsWizard& wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void showFinished();

    DiagnosticsWizard& m_wizard;
    QLabel* m_status = nullptr;
    QProgressBar* m_busy = nullptr;
};

class ResultsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ResultsPage(DiagnosticsWizard& wizard);
    void initializePage() override;
    CheckResultsView& view() { return *m_view; }

private:
    DiagnosticsWizard& m_wizard;
    QLabel* m_counts = nullptr;
    CheckResultsView* m_view = nullptr;
};

} // namespace opendo::ui
