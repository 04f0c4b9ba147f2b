// The "I don't see bytes from peers" wizard against a real in-process agent and a real
// do-discovery that is stopped once the agent has reached it. The agent then falls back to
// download mode 99 — a symptom: the summary must name the discovery service as the cause, with
// its remedy, and offer no policy change (no mode cures a stopped service). A download mode of
// 0 set by policy, by contrast, is the cause itself, and its fix is staged only on request.

#include "agent/Agent.h"
#include "support/DiscoveryProcess.h"
#include "support/FreePort.h"
#include "support/TestAgentOptions.h"
#include "ui/wizards/WizardTestSupport.h"
#include "wizards/DiagnosticsPages.h"
#include "wizards/NoPeerBytesWizard.h"
#include "wizards/SummaryPage.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace opendo;
using diagnostics::Verdict;

class NoPeerBytesWizardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stoppedDiscoveryIsTheCause();
    void modeZeroByPolicyIsTheCause();

private:
    struct Staged
    {
        int count = 0;
        QList<policy::PolicyChange> changes;
    };
    // Walks a new wizard to its summary; the caller checks the result.
    std::unique_ptr<ui::NoPeerBytesWizard> walkWizard(Staged& staged);
    static QString fixText(ui::NoPeerBytesWizard& wizard);

    QTemporaryDir m_dir;
    std::unique_ptr<test::DiscoveryProcess> m_discovery;
    std::unique_ptr<agent::Agent> m_agent;
    QString m_discoveryEndpoint; // "127.0.0.1:PORT"
};

void NoPeerBytesWizardTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QElapsedTimer clock;
    clock.start();
    test::DiscoveryProcessOptions discoveryOptions;
    discoveryOptions.intervalSeconds = 1; // the agent asks every second, so it notices soon
    m_discovery = std::make_unique<test::DiscoveryProcess>(discoveryOptions);
    QString error;
    QVERIFY2(m_discovery->start(&error), qPrintable(error));
    m_discoveryEndpoint =
        QString("%1:%2").arg(m_discovery->url().host()).arg(m_discovery->url().port());

    agent::AgentOptions options = test::testAgentOptions(m_dir.filePath("data"));
    options.listen = QString("127.0.0.1:%1").arg(test::freePort());
    options.discoveryUrl = m_discovery->url().toString();
    m_agent = std::make_unique<agent::Agent>(options);
    QCOMPARE(m_agent->start().result(), QString());

    // First the agent really reaches the service, in a mode that uses peers…
    QTRY_VERIFY_WITH_TIMEOUT(m_agent->hasPeerActivity() &&
                                 m_agent->peerActivity().discovery.state ==
                                     discovery::DiscoveryState::Reachable,
                             20000);
    QVERIFY(m_agent->peerActivity().configuredMode >= 1 &&
            m_agent->peerActivity().configuredMode <= 3);
    QCOMPARE(m_agent->peerActivity().downloadMode, m_agent->peerActivity().configuredMode);

    // …then the service goes away and the agent falls back to 99 by itself, at its next health
    // probe (every 30 s while it has nothing to announce).
    m_discovery->stop();
    QVERIFY(!m_discovery->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(m_agent->peerActivity().discovery.state ==
                                     discovery::DiscoveryState::Unreachable &&
                                 m_agent->peerActivity().downloadMode == 99,
                             45000);
    qInfo("discovery reached, stopped and the fallback seen in %lld ms", clock.elapsed());
}

void NoPeerBytesWizardTest::cleanupTestCase()
{
    m_agent.reset();
    m_discovery.reset();
}

std::unique_ptr<ui::NoPeerBytesWizard> NoPeerBytesWizardTest::walkWizard(Staged& staged)
{
    auto wizard = std::make_unique<ui::NoPeerBytesWizard>(
        *m_agent, [&staged](const QList<policy::PolicyChange>& changes, const QString&) {
            ++staged.count;
            staged.changes = changes;
        });
    wizard->show();
    if (!QTest::qWaitForWindowExposed(wizard.get()) ||
        !test::walkTo(*wizard, &wizard->summaryPage()) || !wizard->hasReport())
        return nullptr;
    return wizard;
}

QString NoPeerBytesWizardTest::fixText(ui::NoPeerBytesWizard& wizard)
{
    const auto* label = wizard.summaryPage().findChild<QLabel*>("fixDescription");
    return label ? label->text() : QString();
}

void NoPeerBytesWizardTest::stoppedDiscoveryIsTheCause()
{
    Staged staged;
    QElapsedTimer clock;
    clock.start();
    const auto wizard = walkWizard(staged);
    QVERIFY(wizard);
    qInfo("wizard walked to its summary in %lld ms", clock.elapsed());
    QCOMPARE(wizard->downloadPicker().count(), 1); // no downloads: "check the device only"
    const diagnostics::DiagnosticReport& report = wizard->report();

    // The symptom is there and ran first: the effective mode fell to 99…
    const diagnostics::CheckResult* mode = report.find("device.download_mode");
    QVERIFY(mode);
    QCOMPARE(mode->verdict, Verdict::Fail);
    QVERIFY2(mode->summary.contains("99"), qPrintable(mode->summary));
    QCOMPARE(mode->symptomOf, QString("connection.discovery"));
    QVERIFY(mode->fix.isEmpty());
    // …because the service refuses connections: the discovery check fails, naming it.
    const diagnostics::CheckResult* discovery = report.find("connection.discovery");
    QVERIFY(discovery);
    QCOMPARE(discovery->verdict, Verdict::Fail);
    QVERIFY2(discovery->evidence.join('\n').contains("refused"),
             qPrintable(discovery->evidence.join('\n')));
    QVERIFY2(discovery->remedy.contains(QString("not running at %1").arg(m_discoveryEndpoint)),
             qPrintable(discovery->remedy));
    QVERIFY(discovery->remedy.contains("do-discovery --listen"));
    QVERIFY(discovery->fix.isEmpty());
    QVERIFY(mode < discovery); // the same list: the mode check ran first

    // The conclusion is the service, with its remedy — not the download mode.
    ui::SummaryPage& summary = wizard->summaryPage();
    QCOMPARE(summary.conclusionCheckId(), QString("connection.discovery"));
    QCOMPARE(report.mostLikelyCause(), discovery);
    const QString conclusion = summary.conclusionText();
    QVERIFY2(conclusion.startsWith("Most likely cause:"), qPrintable(conclusion));
    QVERIFY2(conclusion.contains("Discovery service (connection.discovery)"),
             qPrintable(conclusion));
    QVERIFY2(conclusion.contains("Remedy: " + discovery->remedy), qPrintable(conclusion));
    QVERIFY2(!conclusion.contains("(device.download_mode)"), qPrintable(conclusion));
    QVERIFY2(conclusion.contains("It also explains Download mode: " + mode->summary),
             qPrintable(conclusion));
    QVERIFY(test::saveWizardScreenshot(*wizard, "no-peer-bytes"));

    // No policy change is offered: switching the mode does not start a stopped service.
    QVERIFY(report.causeFix().isEmpty());
    QPushButton* apply = summary.applyFixButton();
    QVERIFY(!apply->isEnabled());
    QVERIFY2(fixText(*wizard).startsWith("No policy change would cure this"),
             qPrintable(fixText(*wizard)));
    QTest::mouseClick(apply, Qt::LeftButton);
    wizard->stageSuggestedFix();
    QCOMPARE(staged.count, 0);
}

void NoPeerBytesWizardTest::modeZeroByPolicyIsTheCause()
{
    QVERIFY(m_agent->applyPolicyChanges({policy::PolicyLayer::Policy, {{"DODownloadMode", "0"}}})
                .result()
                .ok);
    QTRY_COMPARE_WITH_TIMEOUT(m_agent->peerActivity().configuredMode, 0, 10000);
    Staged staged;
    const auto wizard = walkWizard(staged);
    QVERIFY(wizard);
    const diagnostics::DiagnosticReport& report = wizard->report();

    // The discovery service is still down, but mode 0 is the cause itself, ahead of it.
    const diagnostics::CheckResult* discovery = report.find("connection.discovery");
    QVERIFY(discovery);
    QCOMPARE(discovery->verdict, Verdict::Fail);
    const diagnostics::CheckResult* mode = report.find("device.download_mode");
    QVERIFY(mode);
    QCOMPARE(mode->verdict, Verdict::Fail);
    QVERIFY(mode->symptomOf.isEmpty());
    ui::SummaryPage& summary = wizard->summaryPage();
    QCOMPARE(summary.conclusionCheckId(), QString("device.download_mode"));
    const QString conclusion = summary.conclusionText();
    QVERIFY2(conclusion.contains("Download mode 0 (HTTP only) never uses peers."),
             qPrintable(conclusion));
    QVERIFY2(conclusion.contains("Remedy: " + mode->remedy), qPrintable(conclusion));
    QVERIFY(mode->remedy.contains("DODownloadMode"));

    // Its fix — and only its fix — is offered, and staged only when the user asks.
    const QList<policy::PolicyChange> expected{{"DODownloadMode", "1"}};
    QCOMPARE(report.causeFix(), expected);
    QPushButton* apply = summary.applyFixButton();
    QVERIFY(apply->isEnabled());
    QCOMPARE(fixText(*wizard), QString("Suggested fix: DODownloadMode = 1"));
    QCOMPARE(staged.count, 0);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(staged.count, 1);
    QCOMPARE(staged.changes, expected);
    // Staged, not applied.
    QCOMPARE(m_agent->policySnapshot().state.configured("DODownloadMode"),
             std::optional<QString>("0"));
    QVERIFY(
        m_agent
            ->applyPolicyChanges({policy::PolicyLayer::Policy, {{"DODownloadMode", std::nullopt}}})
            .result()
            .ok);
}

QTEST_MAIN(NoPeerBytesWizardTest)
#include "test_no_peer_bytes_wizard.moc"
