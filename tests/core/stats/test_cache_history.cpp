// Cache use over time (one row per minute, 90 days, survives a reopen), the process usage
// probe and the in-memory log ring.

#include "log/LogBuffer.h"
#include "persistence/Database.h"
#include "stats/CacheHistory.h"
#include "stats/ProcessUsage.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using opendo::log::LogBuffer;
using opendo::log::LogLevel;
using opendo::persistence::Database;
using opendo::stats::CacheHistory;
using opendo::stats::CacheSample;
using opendo::stats::ProcessUsage;

class CacheHistoryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneRowPerMinuteLatestWins();
    void keepsNinetyDaysAndSurvivesReopen();
    void processUsageReadsThisProcess();
    void logRingKeepsOrderAndBound();
};

namespace {

CacheSample sample(const QDateTime& at, qint64 bytes)
{
    CacheSample s;
    s.at = at;
    s.cacheBytes = bytes;
    s.files = 2;
    s.limitBytes = 10'000;
    s.maxSizeBytes = 20'000;
    s.absoluteMaxBytes = 10'000;
    s.diskFreeBytes = 5'000'000;
    return s;
}

} // namespace

void CacheHistoryTest::oneRowPerMinuteLatestWins()
{
    QTemporaryDir dir;
    Database db;
    QString error;
    QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
    CacheHistory history(db.handle());
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'790'000'080, Qt::UTC); // hh:mm:40
    QVERIFY(history.record(sample(t0, 100), &error));
    QVERIFY(history.record(sample(t0.addSecs(10), 150), &error)); // same minute: replaces
    QVERIFY(history.record(sample(t0.addSecs(30), 300), &error)); // next minute
    const QList<CacheSample> rows = history.samples(t0.addSecs(-3600), t0.addSecs(3600));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].cacheBytes, 150);
    QCOMPARE(rows[0].at.toSecsSinceEpoch() % 60, 0);
    QCOMPARE(rows[1].cacheBytes, 300);
    QCOMPARE(rows[1].limitBytes, 10'000);
    QCOMPARE(rows[1].absoluteMaxBytes, 10'000);
    QCOMPARE(rows[1].diskFreeBytes, 5'000'000);
    QCOMPARE(rows[1].files, 2);
    // The range is inclusive of the minute that contains `from`.
    QCOMPARE(history.samples(t0, t0).size(), 1);
}

void CacheHistoryTest::keepsNinetyDaysAndSurvivesReopen()
{
    QTemporaryDir dir;
    const QDateTime now = QDateTime::fromSecsSinceEpoch(1'790'000'000, Qt::UTC);
    QString error;
    {
        Database db;
        QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
        CacheHistory history(db.handle());
        QVERIFY(history.record(sample(now.addDays(-91), 1), &error));
        QVERIFY(history.record(sample(now.addDays(-89), 2), &error));
        QVERIFY(history.record(sample(now, 3), &error));
        QVERIFY(history.compact(now, &error));
    }
    Database db;
    QVERIFY2(db.open(dir.path(), &error), qPrintable(error));
    const QList<CacheSample> rows =
        CacheHistory(db.handle()).samples(now.addDays(-100), now.addSecs(60));
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].cacheBytes, 2);
    QCOMPARE(rows[1].cacheBytes, 3);
}

void CacheHistoryTest::processUsageReadsThisProcess()
{
    ProcessUsage usage;
    const ProcessUsage::Sample first = usage.sample();
    QVERIFY(first.memoryBytes > 1024 * 1024); // a Qt test process holds megabytes
    QCOMPARE(first.cpuPercent, 0.0);          // nothing to compare with yet
    // Burn CPU for a while: the next sample sees it (bounded loop).
    QElapsedTimer busy;
    busy.start();
    volatile quint64 sink = 0;
    while (busy.elapsed() < 300)
        for (int i = 0; i < 100000; ++i)
            sink = sink + quint64(i);
    const ProcessUsage::Sample second = usage.sample();
    QVERIFY2(second.cpuPercent > 5.0 && second.cpuPercent < 250.0,
             qPrintable(QString::number(second.cpuPercent)));
}

void CacheHistoryTest::logRingKeepsOrderAndBound()
{
    const qint64 before = LogBuffer::lastSeq();
    LogBuffer::append(LogLevel::Info, "opendo.test", "first");
    LogBuffer::append(LogLevel::Warning, "opendo.test", "second");
    const auto records = LogBuffer::since(before);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0].seq, before + 1);
    QCOMPARE(records[1].message, QString("second"));
    QCOMPARE(records[1].level, LogLevel::Warning);
    QVERIFY(LogBuffer::since(LogBuffer::lastSeq()).isEmpty());
    QCOMPARE(LogBuffer::since(before, 1).size(), 1); // the newest one
    QCOMPARE(LogBuffer::since(before, 1)[0].message, QString("second"));
    // More than the ring holds: the oldest go, sequence numbers stay consecutive.
    for (int i = 0; i < LogBuffer::kCapacity + 10; ++i)
        LogBuffer::append(LogLevel::Debug, "opendo.test", QString::number(i));
    const auto all = LogBuffer::since(0);
    QCOMPARE(all.size(), LogBuffer::kCapacity);
    QCOMPARE(all.back().seq, LogBuffer::lastSeq());
    QCOMPARE(all.back().seq - all.front().seq, qint64(LogBuffer::kCapacity - 1));
    QCOMPARE(all.back().message, QString::number(LogBuffer::kCapacity + 9));
}

QTEST_GUILESS_MAIN(CacheHistoryTest)
#include "test_cache_history.moc"
