// The cache panel: its models fed with synthetic entries, and offscreen against a real
// in-process agent that downloads shareable content from nginx, then pins and evicts it.

#include "agent/Agent.h"
#include "charts/QCustomPlotCompat.h"
#include "content/MetainfoWriter.h"
#include "panels/cache/CacheContentModel.h"
#include "panels/cache/CachePanel.h"
#include "panels/cache/EvictionLogModel.h"
#include "support/AgentPolicies.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStorageInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using cache::CacheEntry;
using cache::EvictionRecord;
using ui::CacheContentModel;
using ui::EvictionLogModel;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);

CacheEntry entry(const QString& id, qint64 size, qint64 present)
{
    CacheEntry e;
    e.contentId = id.repeated(40 / id.size());
    e.name = id + ".bin";
    e.fileSize = size;
    e.bytesPresent = present;
    e.complete = present == size;
    e.shareable = true;
    e.addedAt = kNow.addSecs(-3 * 86400 - 5 * 3600);
    e.lastUsedAt = kNow.addSecs(-3600);
    return e;
}

QString cell(const QAbstractItemModel& model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class CachePanelTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void contentModelShowsEntries();
    void durationText();
    void evictionLogGrowsAtTheTop();
    void summaryNamesTheLimit();
    void refreshesAreCoalesced();
    void downloadPinEvict();
};

void CachePanelTest::contentModelShowsEntries()
{
    CacheContentModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    CacheEntry limited = entry("a", 2 * 1024 * 1024, 2 * 1024 * 1024);
    limited.expiresAt = kNow.addSecs(2 * 86400 + 4 * 3600 + 59);
    CacheEntry pinned = entry("b", 10 * 1024 * 1024, 5 * 1024 * 1024);
    pinned.pinned = true;
    pinned.shareable = false;
    CacheEntry unlimited = entry("c", 1024, 1024);
    unlimited.inUse = true; // expiresAt invalid: DOMaxCacheAge 0
    model.setEntries({limited, pinned, unlimited}, kNow);
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(cell(model, 0, CacheContentModel::NameColumn), QString("a.bin"));
    QCOMPARE(cell(model, 0, CacheContentModel::ContentIdColumn), QString("aaaaaaaaaaaa"));
    QCOMPARE(cell(model, 0, CacheContentModel::SizeColumn), QString("2.0 MiB"));
    QCOMPARE(cell(model, 0, CacheContentModel::PresentColumn), QString("100 %"));
    QCOMPARE(cell(model, 0, CacheContentModel::StateColumn), QString("complete"));
    QCOMPARE(cell(model, 0, CacheContentModel::ShareableColumn), QString("yes"));
    QCOMPARE(cell(model, 0, CacheContentModel::PinnedColumn), QString());
    QCOMPARE(cell(model, 0, CacheContentModel::AgeColumn), QString("3 d 5 h"));
    QCOMPARE(cell(model, 0, CacheContentModel::ExpiresColumn), QString("in 2 d 4 h"));

    QCOMPARE(cell(model, 1, CacheContentModel::PresentColumn), QString("50 % (5.0 MiB)"));
    QCOMPARE(cell(model, 1, CacheContentModel::StateColumn), QString("partial"));
    QCOMPARE(cell(model, 1, CacheContentModel::ShareableColumn), QString("no (HTTP only)"));
    QCOMPARE(cell(model, 1, CacheContentModel::PinnedColumn), QString("pinned"));
    QCOMPARE(cell(model, 1, CacheContentModel::ExpiresColumn), QString("never (pinned)"));
    QVERIFY(model.index(1, CacheContentModel::PinnedColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains("never removes"));
    QCOMPARE(model.index(1, 0).data(CacheContentModel::PinnedRole).toBool(), true);

    QCOMPARE(cell(model, 2, CacheContentModel::StateColumn), QString("in use"));
    QCOMPARE(cell(model, 2, CacheContentModel::ExpiresColumn), QString("no limit"));
    QCOMPARE(model.index(2, 0).data(CacheContentModel::InUseRole).toBool(), true);

    // Expired but not yet collected by the janitor.
    CacheEntry overdue = limited;
    overdue.expiresAt = kNow.addSecs(-10);
    QCOMPARE(CacheContentModel::expiryText(overdue, kNow), QString("due now"));

    // Sizes sort as numbers: 1.0 KiB < 2.0 MiB < 10.0 MiB although not as text.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CacheContentModel::SortRole);
    proxy.sort(CacheContentModel::SizeColumn, Qt::AscendingOrder);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(cell(proxy, 0, CacheContentModel::NameColumn), QString("c.bin"));
    QCOMPARE(cell(proxy, 1, CacheContentModel::NameColumn), QString("a.bin"));
    QCOMPARE(cell(proxy, 2, CacheContentModel::NameColumn), QString("b.bin"));
    // Expiry sorts soonest first, never-expiring content last.
    proxy.sort(CacheContentModel::ExpiresColumn, Qt::AscendingOrder);
    QCOMPARE(cell(proxy, 0, CacheContentModel::NameColumn), QString("a.bin"));

    // Pinning the first content changes its row in place; a gone content is removed.
    limited.pinned = true;
    limited.expiresAt = {};
    model.setEntries({limited, unlimited}, kNow);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, CacheContentModel::ExpiresColumn), QString("never (pinned)"));
    QCOMPARE(cell(model, 1, CacheContentModel::NameColumn), QString("c.bin"));
    QCOMPARE(model.rowOf(pinned.contentId), -1);
    model.setEntries({}, kNow);
    QCOMPARE(model.rowCount(), 0);
}

void CachePanelTest::durationText()
{
    QCOMPARE(CacheContentModel::durationText(30), QString("< 1 min"));
    QCOMPARE(CacheContentModel::durationText(12 * 60 + 5), QString("12 min"));
    QCOMPARE(CacheContentModel::durationText(3 * 3600 + 5 * 60), QString("3 h 5 min"));
    QCOMPARE(CacheContentModel::durationText(3 * 3600), QString("3 h"));
    QCOMPARE(CacheContentModel::durationText(2 * 86400 + 4 * 3600 + 7 * 60), QString("2 d 4 h"));
    QCOMPARE(CacheContentModel::durationText(5 * 86400), QString("5 d"));
}

void CachePanelTest::evictionLogGrowsAtTheTop()
{
    EvictionLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const EvictionRecord a{kNow.addSecs(-60), QString(40, 'a'), "a.bin", 1536,
                           "older than "
                           "DOMaxCacheAge"};
    const EvictionRecord b{kNow, QString(40, 'b'), "b.bin", 3 * 1024 * 1024, "evicted by the user"};
    model.setRecords({a});
    QCOMPARE(model.rowCount(), 1);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRecords({b, a});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(cell(model, 0, EvictionLogModel::NameColumn), QString("b.bin"));
    QCOMPARE(cell(model, 0, EvictionLogModel::SizeColumn), QString("3.0 MiB"));
    QCOMPARE(cell(model, 0, EvictionLogModel::ReasonColumn), QString("evicted by the user"));
    QCOMPARE(cell(model, 1, EvictionLogModel::SizeColumn), QString("1.5 KiB"));
    QCOMPARE(
        model.index(1, EvictionLogModel::SizeColumn).data(EvictionLogModel::SortRole).toLongLong(),
        1536);
    // Same records again: nothing changes.
    model.setRecords({b, a});
    QCOMPARE(inserted.size(), 1);
    // A limit of one: the oldest falls off the bottom.
    model.setRecords({b});
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(reset.size(), 0);
    // Unrelated records (another database): reset.
    model.setRecords({a});
    QCOMPARE(cell(model, 0, EvictionLogModel::NameColumn), QString("a.bin"));
    model.setRecords({});
    QCOMPARE(model.rowCount(), 0);
}

void CachePanelTest::summaryNamesTheLimit()
{
    stats::DeviceStats s;
    s.files = 3;
    s.cacheBytes = 1288490189; // 1.2 GiB
    s.maxCacheSizeBytes = qint64(20) * 1024 * 1024 * 1024;
    s.absoluteMaxCacheBytes = qint64(10) * 1024 * 1024 * 1024;
    s.cacheLimitBytes = s.absoluteMaxCacheBytes;
    QCOMPARE(ui::CachePanel::summary(s),
             QString("3 file(s), 1.2 GiB of 10.0 GiB limit (DOAbsoluteMaxCacheSize)"));
    s.absoluteMaxCacheBytes = 0;
    s.cacheLimitBytes = s.maxCacheSizeBytes;
    s.files = 1;
    s.diskTotalBytes = qint64(100) * 1024 * 1024 * 1024;
    s.diskFreeBytes = qint64(50) * 1024 * 1024 * 1024;
    QCOMPARE(ui::CachePanel::summary(s),
             QString("1 file(s), 1.2 GiB of 20.0 GiB limit (DOMaxCacheSize) · 50.0 GiB free of "
                     "100.0 GiB on the cache drive"));
    s.cacheLimitBytes = 0;
    s.diskTotalBytes = 0;
    QCOMPARE(ui::CachePanel::summary(s), QString("1 file(s), 1.2 GiB (no size limit)"));
    s.cacheFolder = "/srv/do-cache";
    QCOMPARE(ui::CachePanel::summary(s),
             QString("1 file(s), 1.2 GiB (no size limit) · in /srv/do-cache"));
    // A move onto another drive under way: how far the copy got, and that downloads wait.
    s.cacheMove = {"/mnt/big/do-cache", 300, 1200};
    QCOMPARE(ui::CachePanel::summary(s),
             QString("1 file(s), 1.2 GiB (no size limit) · in /srv/do-cache · copying to "
                     "/mnt/big/do-cache: 25 % (downloads wait)"));
}

void CachePanelTest::refreshesAreCoalesced()
{
    QTemporaryDir dir;
    agent::Agent agent(testAgentOptions(dir.filePath("data")));
    QCOMPARE(agent.start().result(), QString());
    ui::CachePanel panel(agent);
    QSignalSpy refreshed(&panel, &ui::CachePanel::contentsRefreshed);
    QSignalSpy chartRefreshed(&panel, &ui::CachePanel::chartRefreshed);
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(chartRefreshed.size(), 1, 5000);
    const int before = panel.contentFetches();
    for (int i = 0; i < 50; ++i)
        panel.refreshContents();
    QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 2, 5000);
    // Fifty requests, one fetch (uncoalesced, fifty would have been started by now).
    QCOMPARE(panel.contentFetches(), before + 1);

    const int charts = panel.chartFetches();
    panel.setRange(ui::CachePanel::Range::Week);
    panel.setRange(ui::CachePanel::Range::Quarter);
    QTRY_COMPARE_WITH_TIMEOUT(chartRefreshed.size(), 2, 5000);
    // Two range changes in a row, one fetch, for the range chosen last.
    QCOMPARE(panel.chartFetches(), charts + 1);
    QCOMPARE(panel.findChild<QComboBox*>("cacheRange")->currentText(), QString("Last 90 days"));
    // The range ends now and spans the 90 days, or less when a history sample was taken first
    // (a young cache fills the width from its first sample; slow builds get one in time).
    const QCPRange x = panel.chart().xAxis->range();
    QVERIFY2(qAbs(x.upper - double(QDateTime::currentSecsSinceEpoch())) < 120,
             qPrintable(QString::number(x.upper, 'f', 0)));
    const bool noHistory =
        panel.chart().graphCount() == 0 || panel.chart().graph(0)->data()->isEmpty();
    if (noHistory)
        QVERIFY2(qAbs(x.size() - 90 * 86400.0) < 120, qPrintable(QString::number(x.size())));
    else
        QVERIFY2(x.size() >= 600 && x.size() < 90 * 86400.0 + 120,
                 qPrintable(QString::number(x.size())));
}

void CachePanelTest::downloadPinEvict()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    constexpr qint64 kFileSize = 3 * 1024 * 1024;
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/payload.bin", kFileSize, 7));
    NginxServer origin(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    QVERIFY2(origin.start(&error), qPrintable(error));
    content::MetainfoWriterOptions metainfoOptions;
    metainfoOptions.webSeeds = {origin.url("/payload.bin")};
    const content::MetainfoWriteResult metainfo =
        content::MetainfoWriter::create(root + "/payload.bin", metainfoOptions);
    QVERIFY2(metainfo.ok, qPrintable(metainfo.error));
    const QString torrent = dir.filePath("payload.torrent");
    {
        QFile file(torrent);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(metainfo.torrent), qint64(metainfo.torrent.size()));
    }

    agent::Agent agent(testAgentOptions(dir.filePath("data")));
    QCOMPARE(agent.start().result(), QString());
    // A CI container is smaller than the default hardware gates assume, and the file is
    // smaller than the default cache threshold.
    QVERIFY(agent
                .applyPolicyChanges({policy::PolicyLayer::Local,
                                     {{"DOMinDiskSizeAllowedToPeer", "1"},
                                      {"DOMinRAMAllowedToPeer", "1"},
                                      {"DOMinFileSizeToCache", "1"}}})
                .result()
                .ok);
    // Both cache limits away from their defaults (20 %, 10 GB), so the chart cannot pass by
    // drawing the defaults.
    QVERIFY(applyPolicyValues(agent, {{"DOMaxCacheSize", "35"}, {"DOAbsoluteMaxCacheSize", "7"}}));
    const double absoluteMax = 7.0 * 1024 * 1024 * 1024;
    // DOMaxCacheSize is a percentage of the drive that holds the cache (inside the data dir).
    const qint64 driveBytes = QStorageInfo(dir.filePath("data")).bytesTotal();
    QVERIFY(driveBytes > 0);
    const double maxSize = double(driveBytes / 100 * 35);

    ui::CachePanel panel(agent);
    panel.resize(1100, 800);
    panel.show();
    QAbstractItemModelTester tester(&panel.contentModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester evictionTester(&panel.evictionModel(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(panel.summaryText().startsWith("0 file(s)"), 5000);

    const auto added = agent.addDownload({torrent, dir.filePath("out.bin"), true}).result();
    QVERIFY2(!added.jobId.isEmpty(), qPrintable(added.error));
    const transfer::JobStatus done = agent.waitForJob(added.jobId).result();
    QCOMPARE(done.state, transfer::JobState::Caching);

    // The device stats notice the new file within a second; the table follows without waiting
    // for the 5 s timer.
    ui::CacheContentModel& model = panel.contentModel();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 1, 7000);
    const QString id = model.index(0, 0).data(CacheContentModel::ContentIdRole).toString();
    QCOMPARE(model.index(0, CacheContentModel::NameColumn).data().toString(),
             QString("payload.bin"));
    QCOMPARE(model.index(0, CacheContentModel::SizeColumn).data().toString(), QString("3.0 MiB"));
    QCOMPARE(model.index(0, CacheContentModel::ShareableColumn).data().toString(), QString("yes"));
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, CacheContentModel::StateColumn).data().toString(),
                              QString("complete"), 4000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.summaryText().startsWith("1 file(s), 3.0 MiB of "), 4000);
    // The chart has the first minute's sample and the limit lines.
    QTRY_VERIFY_WITH_TIMEOUT(panel.chart().graph(0)->dataCount() >= 1, 4000);
    // The latest point (the live figures) has every line at its policy's value, in bytes (the
    // chart's unit): limit in effect (the absolute cap), DOMaxCacheSize, DOAbsoluteMaxCacheSize.
    QCustomPlot& chart = panel.chart();
    QCOMPARE(chart.graphCount(), 4);
    QCOMPARE(chart.graph(2)->name(), QString("DOMaxCacheSize"));
    QCOMPARE(chart.graph(3)->name(), QString("DOAbsoluteMaxCacheSize"));
    const auto lastValue = [&chart](int graph) {
        const QCPGraphDataContainer& data = *chart.graph(graph)->data();
        return data.isEmpty() ? -1.0 : (data.constEnd() - 1)->value;
    };
    QTRY_COMPARE_WITH_TIMEOUT(lastValue(3), absoluteMax, 4000);
    QCOMPARE(lastValue(1), absoluteMax);
    QCOMPARE(lastValue(2), maxSize);
    QVERIFY(chart.graph(3)->visible());
    QVERIFY(chart.legend->hasItemWithPlottable(chart.graph(3)));
    // The limits are lines, not points: drawn at every sample the cache size is drawn at.
    for (int g : {1, 2, 3})
        QCOMPARE(chart.graph(g)->dataCount(), chart.graph(0)->dataCount());
    QVERIFY(chart.yAxis->range().upper >= absoluteMax);

    auto* pin = panel.findChild<QPushButton*>("cachePin");
    auto* unpin = panel.findChild<QPushButton*>("cacheUnpin");
    auto* evict = panel.findChild<QPushButton*>("cacheEvict");
    QVERIFY(pin && unpin && evict);
    QVERIFY(!pin->isEnabled() && !evict->isEnabled()); // nothing selected
    QVERIFY(panel.selectContent(id));
    QVERIFY(pin->isEnabled());
    QVERIFY(!unpin->isEnabled());
    QVERIFY(evict->isEnabled());
    QVERIFY(pin->toolTip().contains("never removed by the cache janitor"));

    // Pinned: the janitor keeps it and the panel refuses to evict it until it is unpinned.
    pin->click();
    QTRY_VERIFY_WITH_TIMEOUT(model.index(0, 0).data(CacheContentModel::PinnedRole).toBool(), 4000);
    QCOMPARE(model.index(0, CacheContentModel::ExpiresColumn).data().toString(),
             QString("never (pinned)"));
    QVERIFY(unpin->isEnabled());
    QVERIFY(!pin->isEnabled());
    QVERIFY(!evict->isEnabled());
    QVERIFY(evict->toolTip().contains("unpin it first"));
    QSignalSpy refreshed(&panel, &ui::CachePanel::contentsRefreshed);
    panel.evictSelected(false);
    QCOMPARE(panel.messageText(), QString("payload.bin is pinned; unpin it before evicting it."));
    panel.refreshContents();
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 4000);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(panel.evictionModel().rowCount(), 0);

    panel.grab().save("/tmp/cache.png");

    auto* keep = panel.findChild<QPushButton*>("cacheKeepUntil");
    QVERIFY(keep && !keep->isEnabled()); // pinned content never expires anyway
    unpin->click();
    QTRY_VERIFY_WITH_TIMEOUT(!model.index(0, 0).data(CacheContentModel::PinnedRole).toBool(), 4000);
    QTRY_VERIFY(evict->isEnabled());

    // Keep until… (ExpireOn) moves the row's expiry to the chosen time.
    QVERIFY(keep->isEnabled());
    const QDateTime until =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentDateTime().addDays(40).toSecsSinceEpoch());
    panel.keepSelectedUntil(until);
    QTRY_VERIFY_WITH_TIMEOUT(model.entry(0) && model.entry(0)->expiresAt == until, 6000);
    QCOMPARE(panel.messageText(), QString());
    panel.evictSelected(false);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 0, 4000);
    QCOMPARE(panel.messageText(), QString());
    ui::EvictionLogModel& log = panel.evictionModel();
    QTRY_COMPARE_WITH_TIMEOUT(log.rowCount(), 1, 4000);
    QCOMPARE(log.index(0, EvictionLogModel::NameColumn).data().toString(), QString("payload.bin"));
    QCOMPARE(log.index(0, EvictionLogModel::ReasonColumn).data().toString(),
             QString("evicted by the user"));
    QCOMPARE(log.index(0, 0).data(EvictionLogModel::ContentIdRole).toString(), id);
    QTRY_VERIFY_WITH_TIMEOUT(panel.summaryText().startsWith("0 file(s)"), 4000);
    QVERIFY(!evict->isEnabled());
    panel.grab().save("/tmp/cache-evicted.png");
}

QTEST_MAIN(CachePanelTest)
#include "test_cache_panel.moc"
