// The agent-settings panel against a real in-process agent: it shows the stored values, saves a
// typed value through the agent, shows the agent's reason for refusing one (and the agent keeps
// the old value), and Clear removes a setting.

#include "agent/Agent.h"
#include "panels/settings/AgentSettingsPanel.h"
#include "support/TestAgentOptions.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;

namespace {

QMap<QString, QString> storedSettings(agent::Agent& agent)
{
    QFuture<QMap<QString, QString>> future = agent.agentSettings();
    future.waitForFinished();
    return future.result();
}

} // namespace

class AgentSettingsPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void savesRefusesAndClears();
};

void AgentSettingsPanelTest::savesRefusesAndClears()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    agent::Agent agent(test::testAgentOptions(dir.path()));
    QFuture<QString> started = agent.start();
    started.waitForFinished();
    QCOMPARE(started.result(), QString());
    {
        QFuture<QString> set = agent.setAgentSetting("AdSite", QString("Berlin-HQ"));
        set.waitForFinished();
        QCOMPARE(set.result(), QString());
    }

    ui::AgentSettingsPanel panel(agent);
    panel.show(); // loads the stored values
    QLineEdit* site = panel.editor("AdSite");
    QLineEdit* discovery = panel.editor("DiscoveryUrl");
    QVERIFY(site && discovery && panel.editor("DhcpLeaseFolders"));
    QTRY_COMPARE_WITH_TIMEOUT(site->text(), QString("Berlin-HQ"), 5000);
    auto* saveDiscovery = panel.findChild<QPushButton*>("save.DiscoveryUrl");
    auto* clearSite = panel.findChild<QPushButton*>("clear.AdSite");
    QVERIFY(saveDiscovery && clearSite);
    QVERIFY(!saveDiscovery->isEnabled()); // nothing typed yet
    QVERIFY(clearSite->isEnabled());

    // A refused value: the reason shows next to the field and nothing is stored.
    discovery->setText("ftp://127.0.0.1");
    QVERIFY(saveDiscovery->isEnabled());
    QTest::mouseClick(saveDiscovery, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel.message("DiscoveryUrl").contains("http://"), 5000);
    QVERIFY(!storedSettings(agent).contains("DiscoveryUrl"));
    QCOMPARE(discovery->text(), QString("ftp://127.0.0.1")); // kept for correcting

    // A good one, saved with Enter.
    discovery->setText("http://127.0.0.1:1");
    QTest::keyClick(discovery, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(panel.message("DiscoveryUrl"), QString("Saved."), 5000);
    QCOMPARE(storedSettings(agent).value("DiscoveryUrl"), QString("http://127.0.0.1:1"));
    QVERIFY(!saveDiscovery->isEnabled());

    // Clear removes the setting.
    QTest::mouseClick(clearSite, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!storedSettings(agent).contains("AdSite"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(site->text(), QString(), 5000);
    QVERIFY(!clearSite->isEnabled());
}

QTEST_MAIN(AgentSettingsPanelTest)
#include "test_agent_settings_panel.moc"
