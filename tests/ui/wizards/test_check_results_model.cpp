// CheckResultsModel under QAbstractItemModelTester: filled with the results real checks give for
// a made-up device (a fallback to mode 99, a small download, content that never expires), then
// replaced by another run's results and emptied, the tester watching every change.

#include "diagnostics/CheckCatalog.h"
#include "wizards/CheckResultsModel.h"
#include "wizards/VerdictStyle.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::Verdict;
using ui::CheckResultsModel;

namespace {

// Runs the instant checks `ids` on `inputs`; they answer at once.
QList<CheckResult> runInstantChecks(const QStringList& ids, const diagnostics::DiagnosticInputs& in)
{
    QList<CheckResult> results;
    for (const QString& id : ids) {
        std::unique_ptr<diagnostics::Check> check = diagnostics::makeCheck(id);
        if (!check)
            continue;
        check->start(in, [&results](CheckResult r) { results << std::move(r); });
    }
    return results;
}

diagnostics::DiagnosticInputs troubledDevice()
{
    diagnostics::DiagnosticInputs in;
    policy::PolicyState state;
    state.policy.insert("DOMaxCacheAge", "0");
    state.policy.insert("DOMinFileSizeToCache", "10");
    in.policies = policy::resolveEffective(state);
    in.activity.configuredMode = 1;
    in.activity.downloadMode = 99;
    in.activity.fallbackReason = "discovery service http://127.0.0.1:9/ is unreachable";
    transfer::JobStatus small;
    small.jobId = "job-1";
    small.fileName = "small.bin";
    small.fileSize = 2 * 1024 * 1024;
    small.shareable = true;
    in.jobs << small;
    return in;
}

} // namespace

class CheckResultsModelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filledAndUpdatedUnderTheTester();
};

void CheckResultsModelTest::filledAndUpdatedUnderTheTester()
{
    CheckResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(CheckResultsModel::ColumnCount));
    QCOMPARE(model.headerData(CheckResultsModel::VerdictColumn, Qt::Horizontal).toString(),
             QString("Verdict"));
    QCOMPARE(model.headerData(CheckResultsModel::SummaryColumn, Qt::Horizontal).toString(),
             QString("Summary"));
    QVERIFY(!model.headerData(0, Qt::Vertical).isValid());

    // A first run: a fallback (fail), content that never expires and a small file (warn), and
    // a check with nothing to judge (n/a).
    const QList<CheckResult> first = runInstantChecks(
        {"device.download_mode", "cache.limits", "content.min_file_size", "peers.efficiency"},
        troubledDevice());
    QCOMPARE(first.size(), 4);
    QCOMPARE(first[0].verdict, Verdict::Fail);
    QCOMPARE(first[1].verdict, Verdict::Warn);
    QCOMPARE(first[2].verdict, Verdict::Warn);
    QCOMPARE(first[3].verdict, Verdict::NotApplicable);
    model.setResults(first);
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.results().size(), first.size());
    for (int row = 0; row < model.rowCount(); ++row) {
        const CheckResult& r = first[row];
        QCOMPARE(model.resultAt(row)->id, r.id);
        QCOMPARE(model.index(row, 0).data(CheckResultsModel::CheckIdRole).toString(), r.id);
        QCOMPARE(model.index(row, CheckResultsModel::CheckColumn).data(Qt::ToolTipRole).toString(),
                 r.id);
        QCOMPARE(model.index(row, CheckResultsModel::VerdictColumn).data().toString(),
                 diagnostics::verdictLabel(r.verdict));
        QCOMPARE(model.index(row, CheckResultsModel::VerdictColumn)
                     .data(Qt::ForegroundRole)
                     .value<QColor>(),
                 ui::verdictColor(r.verdict));
        QVERIFY(!model.index(row, CheckResultsModel::VerdictColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QVERIFY(
            !model.index(row, CheckResultsModel::SummaryColumn).data(Qt::DecorationRole).isValid());
        QCOMPARE(model.index(row, CheckResultsModel::GroupColumn).data().toString(),
                 diagnostics::checkGroupLabel(r.group));
        QCOMPARE(model.index(row, CheckResultsModel::CheckColumn).data().toString(), r.title);
        QCOMPARE(model.index(row, CheckResultsModel::SummaryColumn).data().toString(), r.summary);
    }
    QCOMPARE(model.index(0, CheckResultsModel::CheckColumn).data().toString(),
             QString("Download mode"));
    QVERIFY(model.index(0, CheckResultsModel::SummaryColumn).data().toString().contains("99"));
    QVERIFY(!model.resultAt(4));
    QVERIFY(!model.resultAt(-1));

    // The next run on a healthier device: fewer rows, other verdicts.
    diagnostics::DiagnosticInputs better = troubledDevice();
    better.activity.downloadMode = 1;
    better.activity.fallbackReason.clear();
    better.jobs.clear();
    const QList<CheckResult> second =
        runInstantChecks({"device.download_mode", "content.min_file_size"}, better);
    QCOMPARE(second.size(), 2);
    model.setResults(second);
    QCOMPARE(resets.size(), 2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CheckResultsModel::VerdictColumn).data().toString(),
             diagnostics::verdictLabel(Verdict::Pass));
    QCOMPARE(model.index(1, CheckResultsModel::VerdictColumn).data().toString(),
             diagnostics::verdictLabel(Verdict::NotApplicable));
    QVERIFY(!model.resultAt(2));

    // Cleared, then filled again.
    model.setResults({});
    QCOMPARE(resets.size(), 3);
    QCOMPARE(model.rowCount(), 0);
    model.setResults(first);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(resets.size(), 4);
}

QTEST_MAIN(CheckResultsModelTest)
#include "test_check_results_model.moc"
