#include "panels/troubleshoot/TroubleshootPanel.h"

#include "agent/Agent.h"
#include "panels/troubleshoot/DownloadTraceBox.h"
#include "wizards/BandwidthWizard.h"
#include "wizards/CacheDiskWizard.h"
#include "wizards/CheckResultsView.h"
#include "wizards/NoPeerBytesWizard.h"
#include "wizards/PeerConnectionWizard.h"
#include "common/WhenReady.h"

#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHostInfo>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace opendo::ui {

using diagnostics::Verdict;

TroubleshootPanel::TroubleshootPanel(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : QWidget(parent), m_agent(agent), m_stageFix(std::move(stageFix))
{
    m_runAll = new QPushButton(tr("&Run all checks"), this);
    m_runAll->setObjectName(QStringLiteral("runAllChecks"));
    m_bundle = new QPushButton(tr("&Save support bundle…"), this);
    m_bundle->setObjectName(QStringLiteral("saveSupportBundle"));
    m_bundle->setToolTip(tr("Run every check and save the results, the settings and the recent "
                            "log as one archive for a support request"));
    m_status = new QLabel(tr("Run the checks or open a wizard for a specific problem."), this);
    m_status->setObjectName(QStringLiteral("troubleshootStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_runAll, &QPushButton::clicked, this, &TroubleshootPanel::runAllChecks);
    connect(m_bundle, &QPushButton::clicked, this, &TroubleshootPanel::chooseBundlePath);

    auto* checksBox = new QGroupBox(tr("All checks"), this);
    m_results = new CheckResultsView(checksBox);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_runAll);
    actions->addWidget(m_bundle);
    actions->addStretch(1);
    auto* checksLayout = new QVBoxLayout(checksBox);
    checksLayout->addLayout(actions);
    checksLayout->addWidget(m_status);
    checksLayout->addWidget(m_results, 1);

    m_trace = new DownloadTraceBox(agent, this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(checksBox);
    splitter->addWidget(m_trace);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(buildWizardButtons());
    layout->addWidget(splitter, 1);
}

QWidget* TroubleshootPanel::buildWizardButtons()
{
    auto* box = new QGroupBox(tr("Solve a problem step by step"), this);
    auto* layout = new QHBoxLayout(box);
    const std::pair<Wizard, QString> wizards[] = {
        {Wizard::NoPeerBytes, tr("I don't see bytes from peers…")},
        {Wizard::PeerConnection, tr("Test connection to a peer…")},
        {Wizard::Bandwidth, tr("Downloads are slow or use too much bandwidth…")},
        {Wizard::CacheDisk, tr("The cache uses too much disk…")},
    };
    for (const auto& [which, title] : wizards) {
        auto* button = new QPushButton(title, box);
        button->setObjectName(QStringLiteral("wizard%1").arg(int(which)));
        connect(button, &QPushButton::clicked, this, [this, which] { openWizard(which); });
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return box;
}

DiagnosticsWizard* TroubleshootPanel::openWizard(Wizard which)
{
    DiagnosticsWizard* wizard = nullptr;
    switch (which) {
    case Wizard::NoPeerBytes:
        wizard = new NoPeerBytesWizard(m_agent, m_stageFix, this);
        break;
    case Wizard::PeerConnection:
        wizard = new PeerConnectionWizard(m_agent, m_stageFix, this);
        break;
    case Wizard::Bandwidth:
        wizard = new BandwidthWizard(m_agent, m_stageFix, this);
        break;
    case Wizard::CacheDisk:
        wizard = new CacheDiskWizard(m_agent, m_stageFix, this);
        break;
    }
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    wizard->show();
    return wizard;
}

void TroubleshootPanel::runAllChecks()
{
    setBusy(true);
    m_status->setText(tr("Running every check…"));
    diagnostics::DiagnosticRequest request;
    request.set = diagnostics::CheckSet::All;
    whenReady(this, m_agent.runDiagnostics(request),
              [this](const diagnostics::DiagnosticReport& report) {
                  setBusy(false);
                  m_results->setResults(report.results);
                  m_status->setText(tr("%1 checks in %2 s: %3 failed, %4 warned, %5 passed.")
                                        .arg(report.results.size())
                                        .arg(report.elapsedMs / 1000.0, 0, 'f', 1)
                                        .arg(report.count(Verdict::Fail))
                                        .arg(report.count(Verdict::Warn))
                                        .arg(report.count(Verdict::Pass)));
              });
}

void TroubleshootPanel::chooseBundlePath()
{
    const QString name =
        QStringLiteral("opendo-support-%1-%2.tar.gz")
            .arg(QHostInfo::localHostName(),
                 QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save support bundle"), QDir::home().filePath(name),
                                     tr("Support bundles (*.tar.gz)"));
    if (!path.isEmpty())
        saveSupportBundle(path);
}

void TroubleshootPanel::saveSupportBundle(const QString& path)
{
    setBusy(true);
    m_status->setText(
        tr("Running every check and writing %1…").arg(QDir::toNativeSeparators(path)));
    whenReady(this, m_agent.writeSupportBundle(path), [this, path](const QString& error) {
        setBusy(false);
        m_status->setText(
            error.isEmpty() ? tr("Support bundle saved to %1.").arg(QDir::toNativeSeparators(path))
                            : tr("The support bundle could not be written: %1").arg(error));
    });
}

QString TroubleshootPanel::statusText() const
{
    return m_status->text();
}

void TroubleshootPanel::setBusy(bool busy)
{
    m_busy += busy ? 1 : -1;
    m_runAll->setEnabled(m_busy == 0);
    m_bundle->setEnabled(m_busy == 0);
}

} // namespace opendo::ui
