// The activity monitor panel: its month model checked with QAbstractItemModelTester and exact
// sums, and offscreen against a real in-process agent after a real download from nginx.

#include "agent/Agent.h"
#include "charts/QCustomPlotCompat.h"
#include "panels/activity/ActivityMonthModel.h"
#include "panels/activity/ActivityPanel.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using transfer::SourceClass;
using ui::ActivityMonthModel;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

qint64 bytesAt(const ActivityMonthModel& model, int row)
{
    return model.index(row, ActivityMonthModel::BytesColumn)
        .data(ActivityMonthModel::BytesRole)
        .toLongLong();
}

// The class rows' bytes, which must add up to the total row.
qint64 sumOfClassRows(const ActivityMonthModel& model)
{
    qint64 sum = 0;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (!model.index(row, 0).data(ActivityMonthModel::IsTotalRole).toBool())
            sum += bytesAt(model, row);
    }
    return sum;
}

} // namespace

class ActivityPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void downloadRowsAddUpToTheTotal();
    void uploadRowsAreThePeerClasses();
    void emptyMonthHasNoShares();
    void panelShowsARealDownloadUnderHttp();
};

void ActivityPanelTest::downloadRowsAddUpToTheTotal()
{
    ActivityMonthModel model(stats::Direction::Download);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QCOMPARE(model.rowCount(), transfer::kSourceClassCount + 1); // every class and the total
    QCOMPARE(model.columnCount(), int(ActivityMonthModel::ColumnCount));

    stats::MonthTotals m;
    m.month = "2026-11";
    m.down = {3 * kGiB + 1, 7, 2 * kGiB, 0, kGiB / 3};
    m.up = {0, 0, 11, 0, 5};
    model.setTotals(m);
    QCOMPARE(reset.size(), 0); // same rows, new numbers
    const qint64 expected = 3 * kGiB + 1 + 7 + 2 * kGiB + kGiB / 3;
    QCOMPARE(model.totalBytes(), expected);
    QCOMPARE(bytesAt(model, model.totalRow()), expected);
    QCOMPARE(sumOfClassRows(model), expected);

    const int http = model.rowOf(SourceClass::Http);
    QCOMPARE(model.index(http, ActivityMonthModel::SourceColumn).data().toString(),
             QString("From the origin server (HTTP)"));
    QCOMPARE(bytesAt(model, http), 3 * kGiB + 1);
    QCOMPARE(model.index(http, 0).data(ActivityMonthModel::ClassRole).toInt(),
             int(SourceClass::Http));
    QCOMPARE(model.index(model.rowOf(SourceClass::LanPeer), ActivityMonthModel::SourceColumn)
                 .data()
                 .toString(),
             QString("From PCs on your local network"));
    QCOMPARE(model.index(model.rowOf(SourceClass::InternetPeer), ActivityMonthModel::SourceColumn)
                 .data()
                 .toString(),
             QString("From PCs on the Internet"));
    QCOMPARE(model.index(model.totalRow(), ActivityMonthModel::SourceColumn).data().toString(),
             QString("Total downloaded"));
    QCOMPARE(model.index(model.totalRow(), ActivityMonthModel::BytesColumn).data().toString(),
             QString("5.3 GiB"));
    QCOMPARE(model.index(model.totalRow(), ActivityMonthModel::ShareColumn).data().toString(),
             QString("100 %"));

    // Shares are of the direction's total and add up to 100 (as numbers, before rounding).
    double shares = 0;
    for (int row = 0; row < model.totalRow(); ++row)
        shares += model.index(row, ActivityMonthModel::ShareColumn)
                      .data(ActivityMonthModel::ShareRole)
                      .toDouble();
    QVERIFY2(qAbs(shares - 100.0) < 1e-9, qPrintable(QString::number(shares, 'g', 17)));
    QCOMPARE(model.index(model.rowOf(SourceClass::CacheServer), ActivityMonthModel::ShareColumn)
                 .data()
                 .toString(),
             QString("< 0.1 %")); // 7 bytes of 5 GiB: a trickle, not "0 %"
}

void ActivityPanelTest::uploadRowsAreThePeerClasses()
{
    ActivityMonthModel model(stats::Direction::Upload);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.classes(),
             QList<SourceClass>({SourceClass::LanPeer, SourceClass::GroupPeer,
                                 SourceClass::InternetPeer, SourceClass::LinkLocalPeer}));
    QCOMPARE(model.rowOf(SourceClass::Http), -1);

    stats::MonthTotals m;
    m.down = {100, 0, 0, 0, 0};
    m.up = {0, 0, 3000, 1000, 2000, 2000};
    model.setTotals(m);
    QCOMPARE(model.totalBytes(), qint64(8000));
    QCOMPARE(sumOfClassRows(model), qint64(8000));
    QCOMPARE(model.index(model.rowOf(SourceClass::InternetPeer), ActivityMonthModel::ShareColumn)
                 .data()
                 .toString(),
             QString("25 %"));
    QCOMPARE(model.index(model.rowOf(SourceClass::LinkLocalPeer), ActivityMonthModel::SourceColumn)
                 .data()
                 .toString(),
             QString("To PCs found on this network (local discovery)"));
    QCOMPARE(model.index(model.rowOf(SourceClass::LanPeer), ActivityMonthModel::SourceColumn)
                 .data()
                 .toString(),
             QString("To PCs on your local network"));

    // Bytes where no upload should be still get a row, so the rows keep adding up.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    m.up[std::size_t(SourceClass::CacheServer)] = 9;
    model.setTotals(m);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 6); // four peer classes, the cache server and the total
    QCOMPARE(model.totalBytes(), qint64(8009));
    QCOMPARE(sumOfClassRows(model), qint64(8009));
    m.up[std::size_t(SourceClass::CacheServer)] = 0;
    model.setTotals(m);
    QCOMPARE(model.rowCount(), 5);
}

void ActivityPanelTest::emptyMonthHasNoShares()
{
    ActivityMonthModel model(stats::Direction::Download);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setTotals({});
    QCOMPARE(model.totalBytes(), qint64(0));
    QCOMPARE(model.index(0, ActivityMonthModel::ShareColumn).data().toString(), QString());
    QCOMPARE(model.index(model.totalRow(), ActivityMonthModel::BytesColumn).data().toString(),
             QString("0 bytes"));
}

void ActivityPanelTest::panelShowsARealDownloadUnderHttp()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    constexpr qint64 kFileSize = 4 * 1024 * 1024 + 17;
    QTemporaryDir dir;
    QVERIFY(writeRandomFile(dir.filePath("file.bin"), kFileSize, 13));
    NginxOptions options;
    options.documentRoot = dir.path();
    NginxServer nginx(options);
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::ActivityPanel panel(agent);
    panel.resize(1000, 700);
    panel.show();
    ActivityMonthModel& downloads = panel.downloadsModel();
    QAbstractItemModelTester tester(&downloads,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(panel.hasTotals(), 5000);
    QCOMPARE(panel.selectedMonth(),
             QDate(QDate::currentDate().year(), QDate::currentDate().month(), 1));
    QCOMPARE(panel.summaryText(), QString("Nothing downloaded"));
    auto* speed = panel.findChild<QLabel*>("activityAverageSpeed");
    QVERIFY(speed);
    QCOMPARE(speed->text(), QString("Average speed: foreground none · background none"));
    QVERIFY2(panel.uploadCapText().contains("0 bytes of 20.0 GiB"),
             qPrintable(panel.uploadCapText()));

    const auto added =
        agent.addDownload({nginx.url("/file.bin").toString(), dir.filePath("out.bin"), true})
            .result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    const transfer::JobStatus done = agent.waitForJob(added.jobId).result();
    QVERIFY2(transfer::isTerminal(done.state), qPrintable(done.error));
    QVERIFY(sameContent(dir.filePath("file.bin"), dir.filePath("out.bin")));

    // The agent writes its history every second and the panel asks every 5 s.
    const int http = downloads.rowOf(SourceClass::Http);
    QTRY_COMPARE_WITH_TIMEOUT(bytesAt(downloads, http), kFileSize,
                              3 * ui::ActivityPanel::kMonthRefreshMs);
    QCOMPARE(downloads.totalBytes(), kFileSize);
    QCOMPARE(sumOfClassRows(downloads), kFileSize);
    QCOMPARE(downloads.index(http, ActivityMonthModel::ShareColumn).data().toString(),
             QString("100 %"));
    QCOMPARE(panel.summaryText(), QString("Downloaded 4.0 MiB · 0 % from peers"));
    QCOMPARE(panel.uploadsModel().totalBytes(), qint64(0));
    // A foreground download moved: its average speed is shown, the background one stays none.
    QVERIFY2(QRegularExpression("^Average speed: foreground [0-9.,]+ Mbit/s · background none$")
                 .match(speed->text())
                 .hasMatch(),
             qPrintable(speed->text()));

    // The chart carries the same numbers: downloads in MiB, the HTTP bar first.
    auto* plot = panel.findChild<QCustomPlot*>("activityChart");
    QVERIFY(plot);
    auto* bars = qobject_cast<QCPBars*>(plot->plottable(0));
    QVERIFY(bars);
    QCOMPARE(plot->xAxis->label(), QString("MiB"));
    QCOMPARE(bars->data()->size(), transfer::kSourceClassCount);
    QVERIFY(qAbs(bars->data()->at(0)->value - double(kFileSize) / (1024 * 1024)) < 1e-9);

    if (!qEnvironmentVariableIsEmpty("OPENDO_SCREENSHOT_DIR"))
        QVERIFY(panel.grab().save(qEnvironmentVariable("OPENDO_SCREENSHOT_DIR") + "/activity.png"));

    // A previous month has nothing of this download.
    auto* month = panel.findChild<QComboBox*>("activityMonth");
    QVERIFY(month);
    QCOMPARE(month->count(), ui::ActivityPanel::kMonthsOffered);
    QVERIFY(panel.selectMonth(QDate::currentDate().addMonths(-1)));
    QTRY_COMPARE_WITH_TIMEOUT(downloads.totalBytes(), qint64(0), 5000);
    QCOMPARE(panel.summaryText(), QString("Nothing downloaded"));
    QVERIFY(panel.selectMonth(QDate::currentDate()));
    QTRY_COMPARE_WITH_TIMEOUT(downloads.totalBytes(), kFileSize, 5000);
}

QTEST_MAIN(ActivityPanelTest)
#include "test_activity_panel.moc"
