#include "wizards/DiagnosticsPages.h"

#include "diagnostics/CheckCatalog.h"
#include "wizards/CheckResultsView.h"
#include "wizards/DiagnosticsWizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace opendo::ui {

using diagnostics::Verdict;

IntroPage::IntroPage(const QString& title, const QString& text, QWidget* parent)
    : QWizardPage(parent)
{
    setTitle(title);
    m_text = new QLabel(text, this);
    m_text->setObjectName(QStringLiteral("introText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_layout = new QVBoxLayout(this);
    m_layout->addWidget(m_text);
    m_layout->addStretch(1);
}

void IntroPage::setText(const QString& text)
{
    m_text->setText(text);
}

void IntroPage::addInput(QWidget* input)
{
    m_layout->insertWidget(m_layout->count() - 1, input);
}

RunChecksPage::RunChecksPage(DiagnosticsWizard& wizard) : m_wizard(wizard)
{
    setTitle(tr("Running the checks"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("runStatus"));
    m_status->setWordWrap(true);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("runBusy"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_busy);
    layout->addStretch(1);
    connect(&m_wizard, &DiagnosticsWizard::runFinished, this, &RunChecksPage::showFinished);
}

void RunChecksPage::initializePage()
{
    const auto request = m_wizard.request();
    const qsizetype count = request.checkIds.isEmpty()
                                ? diagnostics::checkIdsFor(request.set).size()
                                : request.checkIds.size();
    m_status->setText(
        tr("Running %n check(s) on the agent… Each takes at most %1 s.", "", int(count))
            .arg(request.timeoutMs / 1000.0, 0, 'g', 2));
    m_busy->setRange(0, 0); // busy indicator
    m_busy->show();
    m_wizard.runChecks();
    Q_EMIT completeChanged();
}

bool RunChecksPage::isComplete() const
{
    return !m_wizard.isRunning() && m_wizard.hasReport();
}

void RunChecksPage::showFinished()
{
    const auto& report = m_wizard.report();
    m_busy->setRange(0, 1);
    m_busy->setValue(1);
    m_status->setText(tr("Done in %1 s: %2 failed, %3 warned, %4 passed. Press Next for the "
                         "results.")
                          .arg(report.elapsedMs / 1000.0, 0, 'f', 1)
                          .arg(report.count(Verdict::Fail))
                          .arg(report.count(Verdict::Warn))
                          .arg(report.count(Verdict::Pass)));
    Q_EMIT completeChanged();
}

ResultsPage::ResultsPage(DiagnosticsWizard& wizard) : m_wizard(wizard)
{
    setTitle(tr("Results"));
    setSubTitle(tr("The checks in the order they ran. Select one for what was seen and what to "
                   "do."));
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("resultCounts"));
    m_view = new CheckResultsView(this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);
}

void ResultsPage::initializePage()
{
    const auto& report = m_wizard.report();
    m_view->setResults(report.results);
    m_counts->setText(tr("%1 failed, %2 warned, %3 passed, %4 not applicable.")
                          .arg(report.count(Verdict::Fail))
                          .arg(report.count(Verdict::Warn))
                          .arg(report.count(Verdict::Pass))
                          .arg(report.count(Verdict::NotApplicable)));
}

} // namespace opendo::ui
