// The bandwidth and cache wizards against a real agent with a tight limit set, the fix going to
// the policy editor's staging (never applied), and the troubleshooting panel's own actions.

#include "agent/Agent.h"
#include "panels/policy/PolicyEditorPanel.h"
#include "panels/policy/PolicyStaging.h"
#include "panels/troubleshoot/DownloadTraceBox.h"
#include "panels/troubleshoot/TroubleshootPanel.h"
#include "support/TestAgentOptions.h"
#include "ui/wizards/WizardTestSupport.h"
#include "wizards/BandwidthWizard.h"
#include "wizards/CacheDiskWizard.h"
#include "wizards/CheckResultText.h"
#include "wizards/CheckResultsModel.h"
#include "wizards/CheckResultsView.h"
#include "wizards/SummaryPage.h"

#include <QComboBox>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;

class PolicyWizardsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bandwidthWizardReachesItsSummary();
    void cacheWizardReachesItsSummary();
    void fixIsStagedInThePolicyEditor();
    void panelRunsAllChecksAndWritesTheBundle();

private:
    bool setPolicy(const QList<policy::PolicyChange>& changes);

    QTemporaryDir m_dir;
    std::unique_ptr<agent::Agent> m_agent;
};

bool PolicyWizardsTest::setPolicy(const QList<policy::PolicyChange>& changes)
{
    return m_agent->applyPolicyChanges({policy::PolicyLayer::Local, changes}).result().ok;
}

void PolicyWizardsTest::initTestCase()
{
    m_agent = std::make_unique<agent::Agent>(test::testAgentOptions(m_dir.filePath("data")));
    QCOMPARE(m_agent->start().result(), QString());
}

void PolicyWizardsTest::cleanupTestCase()
{
    m_agent.reset();
}

void PolicyWizardsTest::bandwidthWizardReachesItsSummary()
{
    // Business hours limiting both inside and outside them: in force whatever the time.
    QVERIFY(setPolicy({{"DOMaxBackgroundDownloadBandwidth", "10"},
                       {"DOMaxForegroundDownloadBandwidth", "10"},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_From", "8"},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_To", "17"},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_In", "50"},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_Out", "50"}}));
    int staged = 0;
    ui::BandwidthWizard wizard(
        *m_agent, [&](const QList<policy::PolicyChange>&, const QString&) { ++staged; });
    wizard.show();
    QVERIFY(test::walkTo(wizard, &wizard.summaryPage()));
    QVERIFY(!wizard.report().results.isEmpty());
    // The limits are seen (they warn only while a download is held at them).
    const auto* limits = wizard.report().find("bandwidth.limits");
    QVERIFY(limits);
    QVERIFY2(limits->evidence.join('\n').contains("DOMaxBackgroundDownloadBandwidth = 10"),
             qPrintable(limits->evidence.join('\n')));
    const auto* cause = ui::CheckResultText::conclusionOf(wizard.report());
    QCOMPARE(wizard.summaryPage().conclusionCheckId(), cause ? cause->id : QString());
    QCOMPARE(wizard.summaryPage().conclusionCheckId(), QString("bandwidth.business_hours"));
    QVERIFY2(wizard.summaryPage().conclusionText().contains("business-hours limit"),
             qPrintable(wizard.summaryPage().conclusionText()));
    // The business-hours warning has no policy fix of its own: nothing is offered.
    QVERIFY(wizard.report().causeFix().isEmpty());
    QVERIFY(!wizard.summaryPage().applyFixButton()->isEnabled());
    QVERIFY(test::saveWizardScreenshot(wizard, "bandwidth"));
    QCOMPARE(staged, 0);
    QVERIFY(setPolicy({{"DOMaxBackgroundDownloadBandwidth", std::nullopt},
                       {"DOMaxForegroundDownloadBandwidth", std::nullopt},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_From", std::nullopt},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_To", std::nullopt},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_In", std::nullopt},
                       {"DOSetHoursToLimitBackgroundDownloadBandwidth_Out", std::nullopt}}));
}

void PolicyWizardsTest::cacheWizardReachesItsSummary()
{
    // A small cache whose content never expires: the fix lets it expire.
    QVERIFY(setPolicy({{"DOMaxCacheSize", "1"}, {"DOMaxCacheAge", "0"}}));
    int staged = 0;
    QList<policy::PolicyChange> stagedChanges;
    ui::CacheDiskWizard wizard(*m_agent,
                               [&](const QList<policy::PolicyChange>& changes, const QString&) {
                                   ++staged;
                                   stagedChanges = changes;
                               });
    wizard.show();
    QVERIFY(test::walkTo(wizard, &wizard.summaryPage()));
    QVERIFY(!wizard.report().results.isEmpty());
    QVERIFY(wizard.clearCacheButton()->isVisible());
    QVERIFY(test::saveWizardScreenshot(wizard, "cache-disk"));

    // The fix is staged only when asked for, and it is the report's.
    QCOMPARE(staged, 0);
    QPushButton* apply = wizard.summaryPage().applyFixButton();
    QVERIFY2(apply->isEnabled(), qPrintable(wizard.summaryPage().conclusionText()));
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(staged, 1);
    QCOMPARE(wizard.summaryPage().conclusionCheckId(), QString("cache.limits"));
    QCOMPARE(stagedChanges, wizard.report().causeFix());
    QCOMPARE(stagedChanges, (QList<policy::PolicyChange>{{"DOMaxCacheAge", "259200"}}));
    QCOMPARE(m_agent->policySnapshot().state.configured("DOMaxCacheAge"),
             std::optional<QString>("0")); // staged, not applied

    // With nothing cached, clearing evicts nothing and says so.
    QSignalSpy cleared(&wizard, &ui::CacheDiskWizard::cacheCleared);
    wizard.clearUnpinnedCache(false);
    QTRY_COMPARE(cleared.size(), 1);
    QCOMPARE(cleared.front().at(0).toInt(), 0);
    QVERIFY(cleared.front().at(1).toStringList().isEmpty());
    QVERIFY(setPolicy({{"DOMaxCacheSize", std::nullopt}, {"DOMaxCacheAge", std::nullopt}}));
}

void PolicyWizardsTest::fixIsStagedInThePolicyEditor()
{
    ui::PolicyEditorPanel editor(*m_agent);
    editor.stageChanges({{"DOMaxCacheSize", "10"}}, "The cache is too large.");
    QVERIFY(editor.staging().isStaged("DOMaxCacheSize"));
    QCOMPARE(editor.staging().staged("DOMaxCacheSize"), std::optional<QString>("10"));
    auto* issues = editor.findChild<QLabel*>("policyIssues");
    QVERIFY(issues);
    QVERIFY(issues->text().contains("troubleshooter"));
    QVERIFY(issues->text().contains("The cache is too large."));
    // Staged, not applied.
    QVERIFY(!m_agent->policySnapshot().state.configured("DOMaxCacheSize").has_value());
}

void PolicyWizardsTest::panelRunsAllChecksAndWritesTheBundle()
{
    ui::TroubleshootPanel panel(*m_agent, {});
    panel.resize(1100, 800);
    panel.show();
    panel.runAllChecks();
    QVERIFY(panel.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 60000);
    QVERIFY2(panel.results().model().rowCount() > 20, qPrintable(panel.statusText()));
    QCOMPARE(panel.traceBox().downloadPicker().count(), 0);
    QVERIFY(test::saveWizardScreenshot(panel, "panel"));

    const QString bundle = m_dir.filePath("support.tar.gz");
    panel.saveSupportBundle(bundle);
    QTRY_VERIFY_WITH_TIMEOUT(!panel.isBusy(), 60000);
    QVERIFY2(panel.statusText().contains("saved"), qPrintable(panel.statusText()));
    QVERIFY(QFileInfo(bundle).size() > 0);
}

QTEST_MAIN(PolicyWizardsTest)
#include "test_policy_wizards.moc"
