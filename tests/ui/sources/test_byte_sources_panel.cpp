// The byte sources panel: its series arithmetic (bins, gaps, stacking, sums, CSV) on synthetic
// history, the totals model under QAbstractItemModelTester, and the panel offscreen against a
// real in-process agent that downloads from a real nginx origin.

#include "agent/Agent.h"
#include "charts/QCustomPlotCompat.h"
#include "panels/sources/ByteSourcesPanel.h"
#include "panels/sources/SourceSeries.h"
#include "panels/sources/SourceTotalsModel.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using stats::ClassBytes;
using stats::Direction;
using stats::HistorySample;
using transfer::SourceClass;
using ui::SourceRange;
using ui::SourceSeries;

namespace {

const QDateTime kNoon = QDateTime(QDate(2026, 11, 27), QTime(12, 0, 0), Qt::UTC);

HistorySample sample(const QDateTime& start, int seconds, ClassBytes down, ClassBytes up = {})
{
    HistorySample s;
    s.start = start;
    s.seconds = seconds;
    s.down = down;
    s.up = up;
    return s;
}

qint64 at(const ClassBytes& b, SourceClass c)
{
    return b[size_t(c)];
}

// Column sums of an exported CSV (columns 2.. are bytes), checking every row has 7 fields.
ClassBytes csvSums(const QString& csv, int* rows)
{
    ClassBytes sums{};
    const QStringList lines = csv.split('\n', Qt::SkipEmptyParts);
    *rows = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList fields = lines[i].split(',');
        if (fields.size() != 2 + transfer::kSourceClassCount) {
            ClassBytes invalid;
            invalid.fill(-1);
            return invalid;
        }
        for (int c = 0; c < transfer::kSourceClassCount; ++c)
            sums[size_t(c)] += fields[c + 2].toLongLong();
        ++*rows;
    }
    return sums;
}

} // namespace

class ByteSourcesPanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void binWidthsKeepTheChartSmall();
    void windowIsAlignedAndHoldsNow();
    void samplesLandInTheirBinsAndGapsStayZero();
    void minuteSamplesSpreadExactly();
    void stackingSharesAndSumsAddUp();
    void uploadsUseTheUpBytes();
    void csvIsExact();
    void totalsModelShowsBytesSharesAndRates();
    void emptyAgentShowsTheEmptyStateAndCoalesces();
    void realDownloadShowsUpAndExports();
};

void ByteSourcesPanelTest::binWidthsKeepTheChartSmall()
{
    const QList<std::pair<SourceRange, qint64>> expected{
        {SourceRange::Last5Minutes, 1},  {SourceRange::LastHour, 6},
        {SourceRange::Last24Hours, 150}, {SourceRange::Last7Days, 1200},
        {SourceRange::Last30Days, 3600}, {SourceRange::Last90Days, 4 * 3600}};
    for (const auto& [range, bin] : expected) {
        QCOMPARE(SourceSeries::binSeconds(range), bin);
        const qint64 bins = SourceSeries::rangeSeconds(range) / bin;
        QVERIFY2(bins <= 720, qPrintable(QString::number(bins)));
        QCOMPARE(SourceSeries::rangeSeconds(range) % bin, 0);
        const SourceSeries s = SourceSeries::build({}, Direction::Download, range, kNoon);
        QCOMPARE(s.binCount(), int(bins));
        QVERIFY(s.isEmpty());
    }
}

void ByteSourcesPanelTest::windowIsAlignedAndHoldsNow()
{
    const QDateTime now = kNoon.addSecs(23); // 12:00:23
    const auto [from, to] = SourceSeries::window(SourceRange::LastHour, now);
    QCOMPARE(to, now.addSecs(1));
    // Bins of 6 s, the last starting at 12:00:18; 600 of them.
    QCOMPARE(from, kNoon.addSecs(18 - 599 * 6));
    const SourceSeries s = SourceSeries::build({}, Direction::Download, SourceRange::LastHour, now);
    QCOMPARE(s.start(), from);
    QCOMPARE(s.end(), to);
    QCOMPARE(s.binLength(0), 6);
    QCOMPARE(s.binLength(599), 6); // 18..23 inclusive
    const auto [from5, to5] = SourceSeries::window(SourceRange::Last5Minutes, now);
    QCOMPARE(from5.secsTo(to5), 300);
}

void ByteSourcesPanelTest::samplesLandInTheirBinsAndGapsStayZero()
{
    // Ten 6-second bins from noon; bytes in seconds 0, 1 and 40, nothing in between.
    const QList<HistorySample> samples{sample(kNoon, 1, {600, 0, 0, 0, 0}),
                                       sample(kNoon.addSecs(1), 1, {0, 0, 1200, 0, 0}),
                                       sample(kNoon.addSecs(40), 1, {6000, 0, 0, 0, 0}),
                                       // Outside the window on both sides: left out.
                                       sample(kNoon.addSecs(-1), 1, {999, 0, 0, 0, 0}),
                                       sample(kNoon.addSecs(60), 1, {999, 0, 0, 0, 0})};
    const SourceSeries s =
        SourceSeries::build(samples, Direction::Download, kNoon, 6, 10, kNoon.addSecs(60));
    QCOMPARE(s.binCount(), 10);
    QCOMPARE(at(s.binBytes(0), SourceClass::Http), 600);
    QCOMPARE(at(s.binBytes(0), SourceClass::LanPeer), 1200);
    QCOMPARE(at(s.binBytes(6), SourceClass::Http), 6000); // second 40 is in bin 36..41
    const QList<double> http = s.rates(SourceClass::Http);
    QCOMPARE(http.size(), 10);
    QCOMPARE(http[0], 100.0); // 600 bytes over 6 s
    QCOMPARE(http[6], 1000.0);
    // Idle bins are zero, not a line drawn from 100 to 1000.
    for (int bin : {1, 2, 3, 4, 5, 7, 8, 9}) {
        QCOMPARE(stats::total(s.binBytes(bin)), 0);
        QCOMPARE(http[bin], 0.0);
    }
    QCOMPARE(s.total(), 600 + 1200 + 6000);
    QCOMPARE(s.binKeys().front(), double(kNoon.toSecsSinceEpoch()));
    QCOMPARE(s.binKeys().back(), double(kNoon.toSecsSinceEpoch() + 54));
}

void ByteSourcesPanelTest::minuteSamplesSpreadExactly()
{
    // A compacted minute spans ten 6-second bins: its bytes are spread over them, and the parts
    // add up to the whole even when the division is not even.
    const QList<HistorySample> samples{sample(kNoon, 60, {1001, 7, 0, 0, 60})};
    const SourceSeries s =
        SourceSeries::build(samples, Direction::Download, kNoon, 6, 10, kNoon.addSecs(60));
    qint64 http = 0;
    for (int bin = 0; bin < s.binCount(); ++bin) {
        QVERIFY(at(s.binBytes(bin), SourceClass::Http) >= 100);
        QVERIFY(at(s.binBytes(bin), SourceClass::Http) <= 101);
        QCOMPARE(at(s.binBytes(bin), SourceClass::InternetPeer), 6);
        http += at(s.binBytes(bin), SourceClass::Http);
    }
    QCOMPARE(http, 1001);
    QCOMPARE(at(s.totals(), SourceClass::CacheServer), 7);
    QCOMPARE(s.total(), 1001 + 7 + 60);

    // Half of the minute before the window: only the half inside counts.
    const SourceSeries half = SourceSeries::build(samples, Direction::Download, kNoon.addSecs(30),
                                                  6, 10, kNoon.addSecs(90));
    QCOMPARE(at(half.totals(), SourceClass::InternetPeer), 30);
    QCOMPARE(at(half.binBytes(5), SourceClass::InternetPeer), 0); // 60..65: after the minute

    // 150-second bins (24 h) cut minutes in two; still nothing lost inside the window.
    const QList<HistorySample> minutes{sample(kNoon, 60, {600, 0, 0, 0, 0}),
                                       sample(kNoon.addSecs(60), 60, {600, 0, 0, 0, 0}),
                                       sample(kNoon.addSecs(120), 60, {600, 0, 0, 0, 0})};
    const SourceSeries wide =
        SourceSeries::build(minutes, Direction::Download, kNoon, 150, 2, kNoon.addSecs(300));
    QCOMPARE(at(wide.binBytes(0), SourceClass::Http), 1500);
    QCOMPARE(at(wide.binBytes(1), SourceClass::Http), 300);
    QCOMPARE(wide.total(), 1800);
}

void ByteSourcesPanelTest::stackingSharesAndSumsAddUp()
{
    const QList<HistorySample> samples{sample(kNoon, 1, {100, 50, 25, 15, 10}),
                                       sample(kNoon.addSecs(1), 1, {0, 0, 300, 0, 0, 4}),
                                       sample(kNoon.addSecs(3), 1, {1, 0, 0, 0, 2})};
    const SourceSeries s =
        SourceSeries::build(samples, Direction::Download, kNoon, 1, 4, kNoon.addSecs(4));
    // Stacked in enum order: each class sits on all before it, the top is the total rate.
    QCOMPARE(s.stackedRates(SourceClass::Http), QList<double>({100, 0, 0, 1}));
    QCOMPARE(s.stackedRates(SourceClass::CacheServer), QList<double>({150, 0, 0, 1}));
    QCOMPARE(s.stackedRates(SourceClass::LanPeer), QList<double>({175, 300, 0, 1}));
    QCOMPARE(s.stackedRates(SourceClass::GroupPeer), QList<double>({190, 300, 0, 1}));
    QCOMPARE(s.stackedRates(SourceClass::InternetPeer), QList<double>({200, 300, 0, 3}));
    QCOMPARE(s.stackedRates(SourceClass::LinkLocalPeer), QList<double>({200, 304, 0, 3}));
    QCOMPARE(s.maxStackedRate(), 304.0);

    // Per-class bytes add up to the total, bin by bin and over the range.
    qint64 sumOfClasses = 0;
    for (SourceClass c : transfer::kAllSourceClasses)
        sumOfClasses += at(s.totals(), c);
    QCOMPARE(sumOfClasses, s.total());
    qint64 sumOfBins = 0;
    for (int bin = 0; bin < s.binCount(); ++bin)
        sumOfBins += stats::total(s.binBytes(bin));
    QCOMPARE(sumOfBins, s.total());
    QCOMPARE(s.total(), 507);

    double shares = 0;
    for (SourceClass c : transfer::kAllSourceClasses) {
        QVERIFY(s.share(c) >= 0 && s.share(c) <= 100);
        shares += s.share(c);
    }
    QVERIFY(qAbs(shares - 100.0) < 1e-9);
    QCOMPARE(s.peerBytes(), 25 + 15 + 10 + 300 + 4 + 2);
    QCOMPARE(s.peerShare(), 100.0 * 356 / 507);

    // All from one class: exactly 100, never more.
    const SourceSeries one =
        SourceSeries::build({sample(kNoon, 1, {0, 0, 0, 0, 12345})}, Direction::Download, kNoon, 1,
                            1, kNoon.addSecs(1));
    QCOMPARE(one.share(SourceClass::InternetPeer), 100.0);
    QCOMPARE(one.peerShare(), 100.0);
    QCOMPARE(SourceSeries().peerShare(), 0.0);
}

void ByteSourcesPanelTest::uploadsUseTheUpBytes()
{
    const QList<HistorySample> samples{sample(kNoon, 1, {100, 0, 0, 0, 0}, {0, 0, 40, 20, 0})};
    const SourceSeries s =
        SourceSeries::build(samples, Direction::Upload, kNoon, 1, 2, kNoon.addSecs(2));
    QCOMPARE(s.total(), 60);
    QCOMPARE(at(s.totals(), SourceClass::Http), 0);
    QCOMPARE(s.peerShare(), 100.0);
    QVERIFY(!SourceSeries::carries(Direction::Upload, SourceClass::Http));
    QVERIFY(!SourceSeries::carries(Direction::Upload, SourceClass::CacheServer));
    QVERIFY(SourceSeries::carries(Direction::Upload, SourceClass::GroupPeer));
    QVERIFY(SourceSeries::carries(Direction::Download, SourceClass::Http));
}

void ByteSourcesPanelTest::csvIsExact()
{
    const QList<HistorySample> samples{sample(kNoon, 1, {100, 0, 25, 0, 0}),
                                       sample(kNoon.addSecs(7), 1, {0, 3, 0, 4, 5, 6})};
    // Three 6-second bins; the last is cut at 12:00:15, where the series ends.
    const SourceSeries s =
        SourceSeries::build(samples, Direction::Download, kNoon, 6, 3, kNoon.addSecs(15));
    QCOMPARE(s.toCsv(),
             QString("start_utc,seconds,http,cache_server,lan,group,internet,link_local\n"
                     "2026-11-27T12:00:00Z,6,100,0,25,0,0,0\n"
                     "2026-11-27T12:00:06Z,6,0,3,0,4,5,6\n"
                     "2026-11-27T12:00:12Z,3,0,0,0,0,0,0\n"));
    QCOMPARE(SourceSeries().toCsv(),
             QString("start_utc,seconds,http,cache_server,lan,group,internet,link_local\n"));
    // The last bin's rate is over the time it covers, not the nominal 6 s.
    QCOMPARE(s.binLength(2), 3);
}

void ByteSourcesPanelTest::totalsModelShowsBytesSharesAndRates()
{
    ui::SourceTotalsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    constexpr int kTotal = transfer::kSourceClassCount; // the row after every class
    QCOMPARE(model.rowCount(), kTotal + 1);
    QCOMPARE(model.columnCount(), int(ui::SourceTotalsModel::ColumnCount));
    for (SourceClass c : transfer::kAllSourceClasses)
        QCOMPARE(model.index(int(c), ui::SourceTotalsModel::ClassColumn).data().toString(),
                 transfer::sourceClassLabel(c));
    QCOMPARE(model.index(kTotal, 0).data().toString(), QString("Total"));

    model.setTotals({3 * 1024 * 1024, 0, 1024 * 1024, 0, 0});
    model.setRates({2048, 0, 512, 0, 0});
    QCOMPARE(changed.size(), 2);
    using M = ui::SourceTotalsModel;
    QCOMPARE(model.index(0, M::BytesColumn).data().toString(), QString("3.0 MiB"));
    QCOMPARE(model.index(0, M::BytesColumn).data(M::ValueRole).toLongLong(), 3 * 1024 * 1024);
    QCOMPARE(model.index(0, M::ShareColumn).data(M::ValueRole).toDouble(), 75.0);
    QCOMPARE(model.index(0, M::ShareColumn).data().toString(), QString("75.0 %"));
    QCOMPARE(model.index(2, M::ShareColumn).data(M::ValueRole).toDouble(), 25.0);
    QCOMPARE(model.index(kTotal, M::BytesColumn).data(M::ValueRole).toLongLong(), 4 * 1024 * 1024);
    QCOMPARE(model.index(kTotal, M::ShareColumn).data(M::ValueRole).toDouble(), 100.0);
    QCOMPARE(model.index(0, M::RateColumn).data().toString(), QString("2.0 KiB/s"));
    QCOMPARE(model.index(kTotal, M::RateColumn).data(M::ValueRole).toLongLong(), 2560);
    double shares = 0;
    for (int row = 0; row < kTotal; ++row)
        shares += model.index(row, M::ShareColumn).data(M::ValueRole).toDouble();
    QCOMPARE(shares, 100.0);

    // Same values again: no change signalled (the panel refreshes every second).
    model.setTotals({3 * 1024 * 1024, 0, 1024 * 1024, 0, 0});
    QCOMPARE(changed.size(), 2);

    // Uploads never go to HTTP or cache servers: those rows have no figures.
    model.setDirection(Direction::Upload);
    QVERIFY(!model.index(0, M::BytesColumn).data(M::ValueRole).isValid());
    QCOMPARE(model.index(0, M::BytesColumn).data().toString(), QString("–"));
    QVERIFY(model.index(2, M::BytesColumn).data(M::ValueRole).isValid());

    // Nothing moved: shares are 0, not NaN.
    model.setDirection(Direction::Download);
    model.setTotals({});
    QCOMPARE(model.index(0, M::ShareColumn).data(M::ValueRole).toDouble(), 0.0);
    QCOMPARE(model.index(kTotal, M::ShareColumn).data(M::ValueRole).toDouble(), 0.0);
}

void ByteSourcesPanelTest::emptyAgentShowsTheEmptyStateAndCoalesces()
{
    QTemporaryDir dir;
    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::ByteSourcesPanel panel(agent);
    QSignalSpy updated(&panel, &ui::ByteSourcesPanel::seriesUpdated);
    panel.show();
    QTRY_VERIFY(updated.size() >= 1);
    auto* empty = panel.findChild<QLabel*>("sourcesEmpty");
    QVERIFY(empty);
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().startsWith("No bytes moved in this period."));
    QVERIFY(panel.series().isEmpty());
    QCOMPARE(panel.series().binCount(), 600); // last hour, 6 s bins

    // Refreshes follow the agent's once-a-second statistics: some arrive, but never more
    // than one per tick (plus the first on show).
    QSignalSpy ticks(&agent, &agent::Agent::deviceStatsChanged);
    const int before = panel.queriesStarted();
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= 4, 10000);
    const int during = panel.queriesStarted() - before;
    QVERIFY2(during >= 2 && during <= ticks.size() + 1,
             qPrintable(QString("%1 queries for %2 ticks").arg(during).arg(ticks.size())));

    // A long range re-asks at once, then only every 30 s.
    const qsizetype answered = updated.size();
    panel.setRange(SourceRange::Last30Days);
    QCOMPARE(panel.series().binCount(), 720);
    // Only answers for the new range count as updates; after it, 30 s of quiet.
    QTRY_VERIFY(updated.size() > answered);
    const int afterSwitch = panel.queriesStarted();
    const int ticksAtSwitch = int(ticks.size());
    QTRY_VERIFY_WITH_TIMEOUT(ticks.size() >= ticksAtSwitch + 2, 10000);
    QCOMPARE(panel.queriesStarted(), afterSwitch);

    QTemporaryDir out;
    QCOMPARE(panel.exportCsv(out.filePath("empty.csv")), QString());
    QCOMPARE(panel.exportPng(""), QString("No file name given."));
    QVERIFY(!panel.exportCsv(out.filePath("no/such/dir/x.csv")).isEmpty());
}

void ByteSourcesPanelTest::realDownloadShowsUpAndExports()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    constexpr qint64 kFileSize = 6 * 1024 * 1024 + 12345;
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/file.bin", kFileSize, 7));
    // Slowed, so the bytes spread over a few seconds and the chart has a shape.
    NginxServer nginx(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, "limit_rate 3m;"});
    QString error;
    QVERIFY2(nginx.start(&error), qPrintable(error));

    agent::Agent agent(test::testAgentOptions(dir.filePath("data"), true));
    QCOMPARE(agent.start().result(), QString());
    ui::ByteSourcesPanel panel(agent);
    panel.resize(900, 640);
    panel.setRange(SourceRange::Last5Minutes);
    panel.show();

    const auto added =
        agent.addDownload({nginx.url("/file.bin").toString(), dir.filePath("out.bin"), true})
            .result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    const transfer::JobStatus done = agent.waitForJob(added.jobId).result();
    QVERIFY2(done.state == transfer::JobState::Complete ||
                 done.state == transfer::JobState::Caching,
             qPrintable(transfer::jobStateName(done.state) + ": " + done.error));
    QVERIFY(sameContent(root + "/file.bin", dir.filePath("out.bin")));

    // Every byte came over HTTP; the history has them all within a second or two.
    QTRY_COMPARE_WITH_TIMEOUT(at(panel.series().totals(), SourceClass::Http), kFileSize, 10000);
    QCOMPARE(panel.series().total(), kFileSize);
    QCOMPARE(panel.series().peerShare(), 0.0);
    QVERIFY2(panel.summaryText().startsWith("0 % from peers over the last 5 minutes: "),
             qPrintable(panel.summaryText()));
    QVERIFY(!panel.findChild<QLabel*>("sourcesEmpty")->isVisible());
    using M = ui::SourceTotalsModel;
    QCOMPARE(panel.totalsModel().index(0, M::BytesColumn).data(M::ValueRole).toLongLong(),
             kFileSize);
    QCOMPARE(panel.totalsModel().index(0, M::ShareColumn).data(M::ValueRole).toDouble(), 100.0);
    // The plotted top of the stack carries the rate: a real one, and no bin of one second can
    // hold more than the whole file.
    const double top = panel.series().maxStackedRate();
    QVERIFY2(top > 0 && top <= double(kFileSize), qPrintable(QString::number(top)));
    QCOMPARE(panel.plot().graphCount(), transfer::kSourceClassCount);
    QVERIFY(panel.plot().graph(0)->dataCount() > 0);

    if (const QString shot = qEnvironmentVariable("OPENDO_SCREENSHOT"); !shot.isEmpty())
        QVERIFY(panel.grab().save(shot));

    QTemporaryDir out;
    QCOMPARE(panel.exportPng(out.filePath("chart.png")), QString());
    QImage image;
    QVERIFY(image.load(out.filePath("chart.png"), "PNG"));
    QCOMPARE(image.size(), QSize(1200, 600));

    QCOMPARE(panel.exportCsv(out.filePath("bytes.csv")), QString());
    QFile csv(out.filePath("bytes.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    QVERIFY(text.startsWith("start_utc,seconds,http,cache_server,lan,group,internet,link_local\n"));
    int rows = 0;
    const ClassBytes sums = csvSums(text, &rows);
    QCOMPARE(rows, 300);
    QCOMPARE(at(sums, SourceClass::Http), kFileSize);
    QCOMPARE(stats::total(sums), kFileSize);

    // Nothing was uploaded; switching shows the empty state without asking the agent again.
    const int queries = panel.queriesStarted();
    panel.findChild<QComboBox*>("sourcesDirection")->setCurrentIndex(1);
    QCOMPARE(panel.direction(), Direction::Upload);
    QVERIFY(panel.series().isEmpty());
    QVERIFY(panel.findChild<QLabel*>("sourcesEmpty")->isVisible());
    QVERIFY(!panel.plot().graph(int(SourceClass::Http))->visible());
    QVERIFY(panel.queriesStarted() <= queries + 1); // at most a tick's refresh meanwhile
    panel.setDirection(Direction::Download);

    // The same bytes over 24 hours, in 150 s bins.
    panel.setRange(SourceRange::Last24Hours);
    QTRY_COMPARE_WITH_TIMEOUT(panel.series().binSeconds(), 150, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(panel.series().total(), kFileSize, 5000);
    QVERIFY(panel.summaryText().contains("the last 24 hours"));
}

QTEST_MAIN(ByteSourcesPanelTest)
#include "test_byte_sources_panel.moc"
