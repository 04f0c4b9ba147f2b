// The "I don't see bytes from peers" wizard against a real in-process agent whose discovery
// service is unreachable: the summary names the discovery service as the cause, and the fix is
// staged only when the user asks for it.

#include "agent/Agent.h"
#include "support/FreePort.h"
#include "support/TestAgentOptions.h"
#include "ui/wizards/WizardTestSupport.h"
#include "wizards/DiagnosticsPages.h"
#include "wizards/NoPeerBytesWizard.h"
#include "wizards/SummaryPage.h"

#include <QComboBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;

class NoPeerBytesWizardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unreachableDiscoveryIsTheCause();
};

void NoPeerBytesWizardTest::unreachableDiscoveryIsTheCause()
{
    QTemporaryDir dir;
    const quint16 discoveryPort = test::freePort(); // nothing listens there
    const QString discoveryUrl = QString("http://127.0.0.1:%1").arg(discoveryPort);
    agent::AgentOptions options = test::testAgentOptions(dir.filePath("data"));
    options.listen = QString("127.0.0.1:%1").arg(test::freePort());
    options.discoveryUrl = discoveryUrl;
    agent::Agent agent(options);
    QCOMPARE(agent.start().result(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(agent.hasPeerActivity() && agent.peerActivity().downloadMode == 99,
                             20000);

    int staged = 0;
    QList<policy::PolicyChange> stagedChanges;
    ui::NoPeerBytesWizard wizard(agent,
                                 [&](const QList<policy::PolicyChange>& changes, const QString&) {
                                     ++staged;
                                     stagedChanges = changes;
                                 });
    QCOMPARE(wizard.downloadPicker().count(), 1); // no downloads: "check the device only"
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QVERIFY(test::walkTo(wizard, &wizard.summaryPage()));
    QVERIFY(wizard.hasReport());
    QVERIFY(!wizard.report().results.isEmpty());

    ui::SummaryPage& summary = wizard.summaryPage();
    const QString cause = summary.conclusionCheckId();
    QVERIFY2(cause == "connection.discovery" || cause == "device.download_mode",
             qPrintable(cause + "\n" + summary.conclusionText()));
    QVERIFY2(summary.conclusionText().contains(QString("127.0.0.1:%1").arg(discoveryPort)),
             qPrintable(summary.conclusionText()));
    QVERIFY(test::saveWizardScreenshot(wizard, "no-peer-bytes"));

    // Nothing was staged by itself; the button stages exactly the report's suggested fixes.
    QCOMPARE(staged, 0);
    QPushButton* apply = summary.applyFixButton();
    QCOMPARE(apply->isEnabled(), !wizard.report().suggestedFixes().isEmpty());
    if (apply->isEnabled()) {
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(staged, 1);
        QCOMPARE(stagedChanges, wizard.report().suggestedFixes());
    } else {
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(staged, 0);
    }
}

QTEST_MAIN(NoPeerBytesWizardTest)
#include "test_no_peer_bytes_wizard.moc"
