// The "Errors found" check against error codes raised for real by an in-process agent: the VPN
// gate closing because DOVpnKeywords matches the loopback interface, and the discovery service
// not answering. The codes are kept in the agent's database, so a restarted agent still lists
// them, and each comes with what it means and the setting to change.

#include "agent/Agent.h"
#include "log/LogBuffer.h"
#include "persistence/Database.h"
#include "support/AgentPolicies.h"
#include "support/FreePort.h"
#include "support/LiveChecks.h"
#include "support/TestAgentOptions.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

bool listsCode(const CheckResult& r, const QString& code)
{
    return r.evidence.join('\n').contains(code);
}

} // namespace

class ErrorsFoundLiveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { log::LogBuffer::install(); }
    void init();
    void nothingRaisedPasses();
    void vpnGateCodeSurvivesRestart();
    void gateClosedAtStart();
    void unreachableDiscoveryCode();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void ErrorsFoundLiveTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void ErrorsFoundLiveTest::nothingRaisedPasses()
{
    agent::Agent agent(testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());
    const CheckResult r = runAgentCheck(agent, "peers.errors_found");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
    QVERIFY(r.remedy.isEmpty());
}

void ErrorsFoundLiveTest::vpnGateCodeSurvivesRestart()
{
    const QString dataDir = m_dir->filePath("agent");
    {
        agent::Agent agent(testAgentOptions(dataDir));
        QCOMPARE(agent.start().result(), QString());
        QVERIFY(
            applyPolicyValues(agent, {{"DOVpnKeywords", "lo"}, {"DOAllowVPNPeerCaching", "0"}}));
        QTRY_VERIFY_WITH_TIMEOUT(agent.hasPeerActivity() && !agent.peerActivity().peeringAllowed,
                                 10000);
        const CheckResult r = runAgentCheck(agent, "peers.errors_found");
        QVERIFY2(r.verdict == Verdict::Warn, qPrintable(describeResult(r)));
        QVERIFY2(listsCode(r, "0x80D03807"), qPrintable(describeResult(r)));
        QVERIFY2(r.evidence.join('\n').contains("lo"), qPrintable(describeResult(r)));
        QVERIFY2(r.remedy.contains("0x80D03807") && r.remedy.contains("DOAllowVPNPeerCaching"),
                 qPrintable(r.remedy));
        // The log viewer shows the same code on the message.
        bool logged = false;
        for (const log::LogRecord& record : log::LogBuffer::since(0))
            logged = logged || record.message.startsWith("[0x80D03807]");
        QVERIFY(logged);
        // Allowed from now on, so the restarted agent raises nothing new.
        QVERIFY(applyPolicyValues(agent, {{"DOAllowVPNPeerCaching", "1"}}));
    }
    agent::Agent again(testAgentOptions(dataDir));
    QCOMPARE(again.start().result(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(again.hasPeerActivity() && again.peerActivity().peeringAllowed, 10000);
    const CheckResult r = runAgentCheck(again, "peers.errors_found");
    QVERIFY2(r.verdict == Verdict::Warn && listsCode(r, "0x80D03807 × 1"),
             qPrintable(describeResult(r)));
}

void ErrorsFoundLiveTest::gateClosedAtStart()
{
    const QString dataDir = m_dir->filePath("agent");
    {
        agent::Agent agent(testAgentOptions(dataDir));
        QCOMPARE(agent.start().result(), QString());
        QVERIFY(
            applyPolicyValues(agent, {{"DOVpnKeywords", "lo"}, {"DOAllowVPNPeerCaching", "0"}}));
    }
    {
        // Forget what that agent raised: only the next start can bring the code back.
        persistence::Database db;
        QString error;
        QVERIFY2(db.open(dataDir, &error), qPrintable(error));
        QSqlQuery q(db.handle());
        QVERIFY(q.exec("DELETE FROM error_events"));
    }
    agent::Agent again(testAgentOptions(dataDir));
    QCOMPARE(again.start().result(), QString());
    const CheckResult r = runAgentCheck(again, "peers.errors_found");
    QVERIFY2(r.verdict == Verdict::Warn && listsCode(r, "0x80D03807 × 1"),
             qPrintable(describeResult(r)));
}

void ErrorsFoundLiveTest::unreachableDiscoveryCode()
{
    agent::AgentOptions options = testAgentOptions(m_dir->filePath("agent"));
    options.listen = QString("127.0.0.1:%1").arg(freePort());
    options.discoveryUrl = QString("http://127.0.0.1:%1").arg(freePort()); // nothing listens
    agent::Agent agent(options);
    QCOMPARE(agent.start().result(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(agent.hasPeerActivity() && agent.peerActivity().downloadMode == 99,
                             20000);
    const CheckResult r = runAgentCheck(agent, "peers.errors_found");
    QVERIFY2(r.verdict == Verdict::Warn && listsCode(r, "0x80D0380A"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains(options.discoveryUrl), qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("DiscoveryUrl"), qPrintable(r.remedy));
}

QTEST_GUILESS_MAIN(ErrorsFoundLiveTest)
#include "test_errors_found_live.moc"
