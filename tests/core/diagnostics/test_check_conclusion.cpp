// The troubleshooter's conclusion (DiagnosticReport::mostLikelyCause) and the fix it offers
// (causeFix): the first failure, else the first warning — except that a symptom gives way to the
// check it follows from while that check is wrong. The download-mode check marks a fall to 99
// as such a symptom of the discovery service, never a mode configured without peers.

#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckResult.h"

#include <QJsonObject>
#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::DiagnosticReport;
using diagnostics::Verdict;

namespace {

CheckResult make(const QString& id, Verdict verdict, const QString& symptomOf = {},
                 const QList<policy::PolicyChange>& fix = {})
{
    CheckResult r;
    r.id = id;
    r.title = id;
    r.verdict = verdict;
    r.summary = id + " summary";
    r.symptomOf = symptomOf;
    r.fix = fix;
    return r;
}

QString causeOf(const DiagnosticReport& report)
{
    const CheckResult* cause = report.mostLikelyCause();
    return cause ? cause->id : QString();
}

CheckResult downloadModeResult(int configured, int effective)
{
    diagnostics::DiagnosticInputs in;
    in.policies = policy::resolveEffective({});
    in.activity.configuredMode = configured;
    in.activity.downloadMode = effective;
    if (effective != configured)
        in.activity.fallbackReason = "discovery service http://127.0.0.1:9 is unreachable";
    std::unique_ptr<diagnostics::Check> check = diagnostics::makeCheck("device.download_mode");
    CheckResult result;
    check->start(in, [&result](CheckResult r) { result = std::move(r); });
    return result;
}

} // namespace

class CheckConclusionTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstFailureElseFirstWarning();
    void symptomGivesWayToItsCause();
    void symptomStaysWhenItsCauseIsFine();
    void symptomChainsAreBounded();
    void fixIsTheCausesOwn();
    void downloadModeMarksOnlyTheFallback();
    void jsonNamesTheConclusion();
};

void CheckConclusionTest::firstFailureElseFirstWarning()
{
    DiagnosticReport report;
    QCOMPARE(causeOf(report), QString());
    report.results = {make("a", Verdict::Pass), make("b", Verdict::NotApplicable)};
    QCOMPARE(causeOf(report), QString());
    report.results << make("c", Verdict::Warn) << make("d", Verdict::Warn);
    QCOMPARE(causeOf(report), QString("c"));
    report.results << make("e", Verdict::Fail) << make("f", Verdict::Fail);
    QCOMPARE(causeOf(report), QString("e"));
}

void CheckConclusionTest::symptomGivesWayToItsCause()
{
    DiagnosticReport report;
    report.results = {make("device.agent", Verdict::Pass),
                      make("device.download_mode", Verdict::Fail, "connection.discovery"),
                      make("connection.discovery", Verdict::Fail),
                      make("hardware.ram", Verdict::Fail)};
    QCOMPARE(causeOf(report), QString("connection.discovery"));
    // A cause that only warns (answers now, the agent's last request failed) still explains it.
    report.results[2].verdict = Verdict::Warn;
    QCOMPARE(causeOf(report), QString("connection.discovery"));
}

void CheckConclusionTest::symptomStaysWhenItsCauseIsFine()
{
    DiagnosticReport report;
    report.results = {make("device.download_mode", Verdict::Fail, "connection.discovery"),
                      make("connection.discovery", Verdict::Pass)};
    QCOMPARE(causeOf(report), QString("device.download_mode"));
    report.results[1].verdict = Verdict::NotApplicable;
    QCOMPARE(causeOf(report), QString("device.download_mode"));
    report.results.removeLast(); // the cause's check did not run at all
    QCOMPARE(causeOf(report), QString("device.download_mode"));
}

void CheckConclusionTest::symptomChainsAreBounded()
{
    DiagnosticReport report;
    report.results = {make("a", Verdict::Fail, "b"), make("b", Verdict::Fail, "c"),
                      make("c", Verdict::Warn)};
    QCOMPARE(causeOf(report), QString("c"));
    report.results[2].symptomOf = "a"; // a cycle ends after at most one lap
    QVERIFY(!causeOf(report).isEmpty());
    report.results = {make("a", Verdict::Fail, "a")};
    QCOMPARE(causeOf(report), QString("a"));
}

void CheckConclusionTest::fixIsTheCausesOwn()
{
    const QList<policy::PolicyChange> ramFix{{"DOMinRAMAllowedToPeer", "1"}};
    DiagnosticReport report;
    report.results = {make("device.download_mode", Verdict::Fail, "connection.discovery"),
                      make("connection.discovery", Verdict::Fail),
                      make("hardware.ram", Verdict::Fail, {}, ramFix)};
    // The report holds a fix, but not for the cause: nothing is offered.
    QCOMPARE(report.suggestedFixes(), ramFix);
    QVERIFY(report.causeFix().isEmpty());
    const QList<policy::PolicyChange> modeFix{{"DODownloadMode", "1"}};
    report.results[0] = make("device.download_mode", Verdict::Fail, {}, modeFix);
    QCOMPARE(report.causeFix(), modeFix);
    QVERIFY(DiagnosticReport{}.causeFix().isEmpty());
}

void CheckConclusionTest::downloadModeMarksOnlyTheFallback()
{
    const CheckResult fallback = downloadModeResult(1, 99);
    QCOMPARE(fallback.verdict, Verdict::Fail);
    QCOMPARE(fallback.symptomOf, QString("connection.discovery"));
    QVERIFY(fallback.fix.isEmpty());
    QVERIFY(fallback.remedy.contains("discovery service"));
    for (const int configured : {0, 99, 100}) {
        const CheckResult byPolicy = downloadModeResult(configured, configured);
        QCOMPARE(byPolicy.verdict, Verdict::Fail);
        QVERIFY(byPolicy.symptomOf.isEmpty());
        QCOMPARE(byPolicy.fix, (QList<policy::PolicyChange>{{"DODownloadMode", "1"}}));
    }
    QVERIFY(downloadModeResult(2, 2).symptomOf.isEmpty());
    QCOMPARE(downloadModeResult(2, 2).verdict, Verdict::Pass);

    // In a report: configured 0 is the cause even with the service down as well.
    DiagnosticReport report;
    report.results = {downloadModeResult(0, 0), make("connection.discovery", Verdict::Fail)};
    QCOMPARE(causeOf(report), QString("device.download_mode"));
    report.results[0] = fallback;
    QCOMPARE(causeOf(report), QString("connection.discovery"));
}

void CheckConclusionTest::jsonNamesTheConclusion()
{
    DiagnosticReport report;
    report.results = {make("device.download_mode", Verdict::Fail, "connection.discovery"),
                      make("connection.discovery", Verdict::Fail)};
    const QJsonObject json = diagnostics::diagnosticReportToJson(report);
    QCOMPARE(json["Conclusion"].toString(), QString("connection.discovery"));
    QCOMPARE(diagnostics::checkResultToJson(report.results[0])["SymptomOf"].toString(),
             QString("connection.discovery"));
    QVERIFY(diagnostics::checkResultToJson(report.results[1])["SymptomOf"].isNull());
    QVERIFY(diagnostics::diagnosticReportToJson(DiagnosticReport{})["Conclusion"].isNull());
}

QTEST_GUILESS_MAIN(CheckConclusionTest)
#include "test_check_conclusion.moc"
