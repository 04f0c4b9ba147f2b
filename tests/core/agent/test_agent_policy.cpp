// The Agent facade: work on its own thread, snapshots, and changes made by another process
// (doctl) reaching a running console.

#include "agent/Agent.h"
#include "persistence/Database.h"
#include "policy/PolicyStore.h"
#include "support/TestAgentOptions.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::agent;
using namespace opendo::policy;

class AgentPolicyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void applyPublishesSnapshot();
    void changeByAnotherAgentOnTheSameDataDirIsSeen();
    void importRejectsMalformedFileAndChangesNothing();
    void exportThenImportElsewhereGivesSameSettings();
    void unwritableDataDirFailsToStart();
};

void AgentPolicyTest::applyPublishesSnapshot()
{
    QTemporaryDir dir;
    Agent agent(test::testAgentOptions(dir.path()));
    QCOMPARE(agent.start().result(), QString());
    QSignalSpy spy(&agent, &Agent::policySnapshotChanged);
    const PolicyApplyResult r =
        agent.applyPolicyChanges({PolicyLayer::Policy, {{"DOMaxCacheSize", "42"}}}).result();
    QVERIFY(r.ok);
    QCOMPARE(agent.policySnapshot().find("DOMaxCacheSize")->value, QString("42"));
    QTRY_VERIFY(!spy.isEmpty());
    QCOMPARE(spy.last().at(0).value<PolicySnapshot>().find("DOMaxCacheSize")->value, QString("42"));
}

void AgentPolicyTest::changeByAnotherAgentOnTheSameDataDirIsSeen()
{
    QTemporaryDir dir;
    Agent console(test::testAgentOptions(dir.path()));
    QCOMPARE(console.start().result(), QString());
    // A second agent on the same folder is refused: one agent owns a data directory.
    Agent second(test::testAgentOptions(dir.path()));
    QVERIFY(second.start().result().contains("Another agent"));
    {
        // Another writer of the database (an older tool, an administrator's script) changes a
        // setting underneath the running agent: the agent notices.
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
        PolicyStore store(db.handle());
        QVERIFY(store.load(&error));
        QVERIFY(store.apply({PolicyLayer::Local, {{"DODownloadMode", "3"}}}).ok);
    }
    QTRY_COMPARE_WITH_TIMEOUT(console.policySnapshot().find("DODownloadMode")->value, QString("3"),
                              5000);
    QCOMPARE(console.policySnapshot().find("DODownloadMode")->source, PolicySource::Local);
}

void AgentPolicyTest::importRejectsMalformedFileAndChangesNothing()
{
    QTemporaryDir dir;
    Agent agent(test::testAgentOptions(dir.path()));
    QCOMPARE(agent.start().result(), QString());
    const QString path = dir.filePath("bad.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(
        R"({"format":"opendo-policy","version":1,"policies":{"DOMaxCacheSize":30,"DODownloadMode":7}})");
    f.close();
    const PolicyApplyResult r = agent.importPolicyFile(path, PolicyLayer::Policy).result();
    QVERIFY(!r.ok);
    QVERIFY2(r.issues.front().message.contains("DODownloadMode"),
             qPrintable(r.issues.front().message));
    QVERIFY(agent.policySnapshot().state.policy.isEmpty());
}

void AgentPolicyTest::exportThenImportElsewhereGivesSameSettings()
{
    QTemporaryDir dir;
    const QStringList files{"p.reg", "p.pol", "p.xml", "p.json"};
    Agent source(test::testAgentOptions(dir.filePath("a")));
    QCOMPARE(source.start().result(), QString());
    QVERIFY(source
                .applyPolicyChanges({PolicyLayer::Policy,
                                     {{"DODownloadMode", "2"},
                                      {"DOGroupId", "1f2e3d4c-5b6a-4789-8123-456789abcdef"},
                                      {"DOVpnKeywords", "VPN,WireGuard"}}})
                .result()
                .ok);
    QVERIFY(
        source.applyPolicyChanges({PolicyLayer::Local, {{"DOMaxCacheAge", "86400"}}}).result().ok);
    for (const QString& name : files) {
        QCOMPARE(source.exportPolicyFile(dir.filePath(name)).result(), QString());
        Agent target(test::testAgentOptions(dir.filePath("t-" + name)));
        QCOMPARE(target.start().result(), QString());
        const PolicyApplyResult r =
            target.importPolicyFile(dir.filePath(name), PolicyLayer::Policy).result();
        QVERIFY2(r.ok,
                 qPrintable(name + ": " + (r.issues.isEmpty() ? QString() : r.issues[0].message)));
        const PolicySnapshot s = target.policySnapshot();
        QCOMPARE(s.find("DODownloadMode")->value, QString("2"));
        QCOMPARE(s.find("DOGroupId")->value, QString("1f2e3d4c-5b6a-4789-8123-456789abcdef"));
        QCOMPARE(s.find("DOVpnKeywords")->value, QString("VPN,WireGuard"));
        // Effective local values are exported too, and land in the target's policy layer.
        QCOMPARE(s.find("DOMaxCacheAge")->value, QString("86400"));
        QCOMPARE(s.find("DOMaxCacheAge")->source, PolicySource::Policy);
    }
}

void AgentPolicyTest::unwritableDataDirFailsToStart()
{
    QTemporaryDir dir;
    QFile blocker(dir.filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    Agent agent(test::testAgentOptions(
        dir.filePath("file/sub"))); // a path below a regular file cannot exist
    const QString error = agent.start().result();
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains("file/sub"), qPrintable(error));
}

QTEST_GUILESS_MAIN(AgentPolicyTest)
#include "test_agent_policy.moc"
