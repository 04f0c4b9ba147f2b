// The "Local peer discovery (DNS-SD)" check on the status the agent reports: not restricted,
// cannot run, nobody found, found (and offers it dropped because they are not on the link).

#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckResult.h"
#include "support/LiveChecks.h"

#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

diagnostics::DiagnosticInputs restricted(int mode = 1)
{
    diagnostics::DiagnosticInputs in;
    policy::PolicyState state;
    state.policy.insert(QStringLiteral("DORestrictPeerSelectionBy"), QStringLiteral("2"));
    state.policy.insert(QStringLiteral("DODownloadMode"), QString::number(mode));
    in.policies = policy::resolveEffective(state);
    in.activity.configuredMode = mode;
    in.activity.downloadMode = mode;
    auto& l = in.activity.discovery.local;
    l.advertising = true;
    l.restricting = true;
    l.port = 5353;
    l.interfaces = {QStringLiteral("eth0")};
    return in;
}

CheckResult run(const diagnostics::DiagnosticInputs& in)
{
    return test::runCheckOn(QStringLiteral("peers.local_discovery"), in);
}

} // namespace

class LocalDiscoveryCheckTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void notRestrictedIsNotApplicable();
    void socketProblemFails();
    void nobodyFoundWarns();
    void foundPasses();
    void offersNotOnTheLinkWarn();
    void partOfTheNoPeerBytesWizard();
};

void LocalDiscoveryCheckTest::notRestrictedIsNotApplicable()
{
    diagnostics::DiagnosticInputs in;
    in.policies = policy::resolveEffective({});
    in.activity.configuredMode = 1;
    const CheckResult r = run(in);
    QCOMPARE(r.verdict, Verdict::NotApplicable);
    QVERIFY2(r.summary.contains("DORestrictPeerSelectionBy 0"), qPrintable(r.summary));
    // Mode 3 is not narrowed even with the policy set.
    QCOMPARE(run(restricted(3)).verdict, Verdict::NotApplicable);
}

void LocalDiscoveryCheckTest::socketProblemFails()
{
    auto in = restricted();
    in.activity.discovery.local.error =
        QStringLiteral("cannot listen on UDP port 5353 for multicast DNS: address in use");
    const CheckResult r = run(in);
    QCOMPARE(r.verdict, Verdict::Fail);
    QVERIFY2(r.summary.contains("address in use"), qPrintable(r.summary));
    QVERIFY2(r.remedy.contains("UDP port 5353") && r.remedy.contains("LocalDiscoveryPort"),
             qPrintable(r.remedy));
}

void LocalDiscoveryCheckTest::nobodyFoundWarns()
{
    auto in = restricted(2);
    in.activity.discovery.local.excluded = {QStringLiteral("198.51.100.7:7680")};
    const CheckResult r = run(in);
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY2(r.summary.contains("No other device answered"), qPrintable(r.summary));
    QVERIFY2(r.remedy.contains("UDP 5353") && r.remedy.contains("DORestrictPeerSelectionBy"),
             qPrintable(r.remedy));
    const QString evidence = r.evidence.join(u'\n');
    QVERIFY2(evidence.contains("interfaces: eth0") && evidence.contains("nobody") &&
                 evidence.contains("not found here, so not used: 198.51.100.7:7680"),
             qPrintable(evidence));
}

void LocalDiscoveryCheckTest::foundPasses()
{
    auto in = restricted();
    in.activity.discovery.local.peers = {QStringLiteral("192.0.2.5:7680"),
                                         QStringLiteral("192.0.2.6:7680")};
    const CheckResult r = run(in);
    QCOMPARE(r.verdict, Verdict::Pass);
    QVERIFY2(r.summary.contains("2 device(s) found"), qPrintable(r.summary));
    QVERIFY(r.evidence.join(u'\n').contains("192.0.2.5:7680, 192.0.2.6:7680"));
    QVERIFY(r.remedy.isEmpty());
}

void LocalDiscoveryCheckTest::offersNotOnTheLinkWarn()
{
    auto in = restricted();
    in.activity.discovery.local.peers = {QStringLiteral("192.0.2.5:7680")};
    in.activity.discovery.local.excluded = {QStringLiteral("203.0.113.9:7680")};
    const CheckResult r = run(in);
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY2(r.summary.contains("1 peer(s) the discovery service offered"), qPrintable(r.summary));
    QVERIFY2(r.remedy.contains("set it to 1"), qPrintable(r.remedy));
}

void LocalDiscoveryCheckTest::partOfTheNoPeerBytesWizard()
{
    const QStringList order = diagnostics::checkIdsFor(diagnostics::CheckSet::NoPeerBytes);
    QVERIFY(order.indexOf("peers.local_discovery") > order.indexOf("peers.known"));
    QVERIFY(order.indexOf("peers.local_discovery") < order.indexOf("peers.reachable"));
}

QTEST_GUILESS_MAIN(LocalDiscoveryCheckTest)
#include "test_local_discovery_check.moc"
