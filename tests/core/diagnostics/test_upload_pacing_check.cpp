// The "Peer uploads yield to other traffic" check on the peer connections the agent reports:
// nothing uploading, uploads paced on queuing delay, uploads the system gives no figures for.

#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckResult.h"
#include "support/LiveChecks.h"

#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

transfer::PeerSnapshot upload(const QString& endpoint, qint64 rate, qint64 window, int delayMs)
{
    transfer::PeerSnapshot p;
    p.endpoint = endpoint;
    p.sendRate = rate;
    p.uploadWindow = window;
    p.queuingDelayMs = delayMs;
    return p;
}

CheckResult run(const QList<transfer::PeerSnapshot>& peers)
{
    diagnostics::DiagnosticInputs in;
    in.policies = policy::resolveEffective({});
    in.activity.peers = peers;
    return test::runCheckOn(QStringLiteral("bandwidth.upload_pacing"), in);
}

} // namespace

class UploadPacingCheckTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nothingUploadingIsNotApplicable()
    {
        // A connection that only downloads says nothing about uploads.
        const CheckResult r = run({upload("10.0.0.5:7680", 0, 65536, 3)});
        QCOMPARE(r.verdict, Verdict::NotApplicable);
    }

    void pacedUploadsPass()
    {
        const CheckResult r = run({upload("10.0.0.5:7680", 4'000'000, 300'000, 97),
                                   upload("10.0.0.6:7680", 1'000'000, 120'000, 40)});
        QCOMPARE(r.verdict, Verdict::Pass);
        QVERIFY2(r.summary.contains("2 peer(s)") && r.summary.contains("97 ms"),
                 qPrintable(r.summary));
        QVERIFY2(r.evidence.join('\n').contains("10.0.0.5:7680: sending"),
                 qPrintable(r.evidence.join('\n')));
        QVERIFY(r.evidence.join('\n').contains("DOMaxUploadBandwidth"));
    }

    void unpacedUploadsWarnWithTheLimitAsRemedy()
    {
        const CheckResult r = run({upload("10.0.0.5:7680", 4'000'000, 300'000, 97),
                                   upload("10.0.0.7:7680", 2'000'000, 0, 0)});
        QCOMPARE(r.verdict, Verdict::Warn);
        QVERIFY2(r.summary.contains("1 peer(s)"), qPrintable(r.summary));
        QVERIFY2(r.remedy.contains("DOMaxUploadBandwidth"), qPrintable(r.remedy));
    }

    void partOfTheBandwidthWizard()
    {
        QVERIFY(diagnostics::checkIdsFor(diagnostics::CheckSet::Bandwidth)
                    .contains("bandwidth.upload_pacing"));
    }
};

QTEST_GUILESS_MAIN(UploadPacingCheckTest)
#include "test_upload_pacing_check.moc"
