// The statistics an agent keeps (bytes by source class per second and per minute, the month's
// totals, cache use per minute, the eviction log) survive a complete restart: a second agent
// on the same data directory returns exactly what the first one returned, and per-class
// figures still add up to the totals.

#include "agent/Agent.h"
#include "persistence/Database.h"
#include "support/AgentPolicies.h"
#include "support/NginxServer.h"
#include "support/RequireTool.h"
#include "support/TestAgentOptions.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;
using agent::Agent;
using stats::CacheSample;
using stats::ClassBytes;
using stats::HistorySample;

namespace {

constexpr qint64 kKeptSize = 4 * 1024 * 1024;
constexpr qint64 kSmallSize = 512 * 1024; // below DOMinFileSizeToCache 1 MB: the janitor evicts
constexpr qint64 kKB = 1024;

struct Histories
{
    QList<HistorySample> transfers;
    stats::MonthTotals month;
    QList<CacheSample> cache;
    QList<cache::EvictionRecord> evictions;
};

Histories read(Agent& agent, const QDateTime& from, const QDateTime& to)
{
    return {agent.transferHistory(from, to).result(),
            agent.monthTotals(QDate::currentDate()).result(), agent.cacheHistory(from, to).result(),
            agent.evictions().result()};
}

QString text(const ClassBytes& b)
{
    QStringList parts;
    for (qint64 v : b)
        parts << QString::number(v);
    return parts.join(',');
}

QString text(const HistorySample& s)
{
    return QString("%1+%2s down[%3] up[%4]")
        .arg(s.start.toString(Qt::ISODate))
        .arg(s.seconds)
        .arg(text(s.down), text(s.up));
}

QString text(const CacheSample& s)
{
    return QString("%1 %2 B %3 files limit %4 max %5 abs %6 free %7")
        .arg(s.at.toString(Qt::ISODate))
        .arg(s.cacheBytes)
        .arg(s.files)
        .arg(s.limitBytes)
        .arg(s.maxSizeBytes)
        .arg(s.absoluteMaxBytes)
        .arg(s.diskFreeBytes);
}

QString text(const cache::EvictionRecord& e)
{
    return QString("%1 %2 %3 %4 B: %5")
        .arg(e.at.toString(Qt::ISODateWithMs), e.contentId, e.name)
        .arg(e.fileSize)
        .arg(e.reason);
}

template <typename T> QStringList texts(const QList<T>& list)
{
    QStringList out;
    for (const T& item : list)
        out << text(item);
    return out;
}

ClassBytes sumDown(const QList<HistorySample>& samples)
{
    ClassBytes sum{};
    for (const HistorySample& s : samples) {
        for (size_t i = 0; i < sum.size(); ++i)
            sum[i] += s.down[i];
    }
    return sum;
}

qint64 downloadedTotal(Agent& agent, const QDateTime& from)
{
    return stats::total(
        sumDown(agent.transferHistory(from, QDateTime::currentDateTimeUtc().addSecs(60)).result()));
}

std::optional<transfer::JobStatus> jobOf(const Agent& agent, const QString& id)
{
    for (const transfer::JobStatus& s : agent.jobs()) {
        if (s.jobId == id)
            return s;
    }
    return std::nullopt;
}

} // namespace

class HistoryRestartTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void historySurvivesRestart();
};

void HistoryRestartTest::historySurvivesRestart()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
    QTemporaryDir dir;
    const QString root = dir.filePath("www");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(writeRandomFile(root + "/kept.bin", kKeptSize, 31));
    QVERIFY(writeRandomFile(root + "/small.bin", kSmallSize, 32));
    NginxServer origin(NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, {}});
    QString error;
    QVERIFY2(origin.start(&error), qPrintable(error));

    const QString data = dir.filePath("data");
    const QDateTime from = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    const QDateTime to = QDateTime::currentDateTimeUtc().addSecs(3600);
    Histories before;
    {
        Agent agent(testAgentOptions(data));
        QCOMPARE(agent.start().result(), QString());
        QVERIFY(applyPolicyValues(agent, {{"DOMinFileSizeToCache", "1"}}));
        const auto kept =
            agent.addDownload({origin.url("/kept.bin").toString(), dir.filePath("kept.out"), true})
                .result();
        QVERIFY2(!kept.jobId.isEmpty(), qPrintable(kept.error));
        const auto small =
            agent
                .addDownload({origin.url("/small.bin").toString(), dir.filePath("small.out"), true})
                .result();
        QVERIFY2(!small.jobId.isEmpty(), qPrintable(small.error));
        const transfer::JobStatus keptDone = agent.waitForJob(kept.jobId).result();
        QVERIFY2(keptDone.state == transfer::JobState::Complete ||
                     keptDone.state == transfer::JobState::Caching,
                 qPrintable(keptDone.error));
        const transfer::JobStatus smallDone = agent.waitForJob(small.jobId).result();
        QVERIFY2(smallDone.state == transfer::JobState::Complete ||
                     smallDone.state == transfer::JobState::Caching,
                 qPrintable(smallDone.error));
        QVERIFY(sameContent(root + "/kept.bin", dir.filePath("kept.out")));

        // Two evictions of different kinds: the janitor's (policy) and the user's.
        QTRY_COMPARE_WITH_TIMEOUT(agent.evictions().result().size(), 1, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(jobOf(agent, kept.jobId).has_value(), 2000);
        QCOMPARE(agent.evictContent(keptDone.fileId).result(), QString());
        QCOMPARE(agent.evictions().result().size(), 2);

        // The history is written once a second: wait until it holds every downloaded byte,
        // and for the first cache sample.
        QTRY_COMPARE_WITH_TIMEOUT(downloadedTotal(agent, from), kKeptSize + kSmallSize, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!agent.cacheHistory(from, to).result().isEmpty(), 5000);
        before = read(agent, from, to);
    } // the agent shuts down completely here

    // What the first agent returned is what it measured.
    QVERIFY(!before.transfers.isEmpty());
    for (const HistorySample& s : std::as_const(before.transfers)) {
        QCOMPARE(s.seconds, 1); // all within the last hour: not compacted yet
        QCOMPARE(s.start.time().msec(), 0);
        QCOMPARE(stats::total(s.up), 0);
    }
    const ClassBytes measured = sumDown(before.transfers);
    QCOMPARE(measured[size_t(transfer::SourceClass::Http)], kKeptSize + kSmallSize);
    QCOMPARE(stats::total(measured), kKeptSize + kSmallSize);
    QCOMPARE(before.month.down, measured); // the test does not run across a month's end
    QCOMPARE(before.evictions.size(), 2);
    QCOMPARE(before.evictions[0].name, QString("kept.bin")); // newest first
    QCOMPARE(before.evictions[0].fileSize, kKeptSize);
    QCOMPARE(before.evictions[0].reason, QString("evicted by the user"));
    QCOMPARE(before.evictions[1].name, QString("small.bin"));
    QVERIFY2(before.evictions[1].reason.contains("DOMinFileSizeToCache"),
             qPrintable(before.evictions[1].reason));
    for (const CacheSample& s : std::as_const(before.cache)) {
        QCOMPARE(s.at.time().second(), 0);
        QCOMPARE(s.absoluteMaxBytes, 10 * kKB * kKB * kKB); // the default DOAbsoluteMaxCacheSize
        QCOMPARE(s.limitBytes, s.absoluteMaxBytes);
        QVERIFY(s.maxSizeBytes > 0);
    }

    // Seconds left over from a run more than an hour ago (written as that agent's sampler
    // writes them): the next agent folds them into one 1-minute sample when it starts.
    const QDateTime oldMinute = QDateTime::fromSecsSinceEpoch(
        (QDateTime::currentSecsSinceEpoch() - 2 * 3600) / 60 * 60, Qt::UTC);
    ClassBytes oldA{}, oldB{};
    oldA[size_t(transfer::SourceClass::Http)] = 1000;
    oldA[size_t(transfer::SourceClass::LanPeer)] = 24;
    oldB[size_t(transfer::SourceClass::CacheServer)] = 7;
    oldB[size_t(transfer::SourceClass::Http)] = 3;
    ClassBytes oldUp{};
    oldUp[size_t(transfer::SourceClass::InternetPeer)] = 500;
    {
        persistence::Database db;
        QVERIFY2(db.open(data, &error), qPrintable(error));
        stats::TransferHistory history(db.handle());
        QVERIFY2(history.record(oldMinute.addSecs(5), stats::Direction::Download, oldA, &error),
                 qPrintable(error));
        QVERIFY2(history.record(oldMinute.addSecs(42), stats::Direction::Download, oldB, &error),
                 qPrintable(error));
        QVERIFY2(history.record(oldMinute.addSecs(42), stats::Direction::Upload, oldUp, &error),
                 qPrintable(error));
    }
    HistorySample folded;
    folded.start = oldMinute;
    folded.seconds = 60;
    for (size_t i = 0; i < folded.down.size(); ++i)
        folded.down[i] = oldA[i] + oldB[i];
    folded.up = oldUp;
    QList<HistorySample> expectedTransfers{folded};
    expectedTransfers << before.transfers;
    stats::MonthTotals expectedMonth = before.month;
    if (oldMinute.toLocalTime().date().toString("yyyy-MM") == before.month.month) {
        for (size_t i = 0; i < folded.down.size(); ++i) {
            expectedMonth.down[i] += folded.down[i];
            expectedMonth.up[i] += folded.up[i];
        }
    }

    Agent agent(testAgentOptions(data));
    QCOMPARE(agent.start().result(), QString());
    const Histories after = read(agent, from, to);
    // The sampler's first tick (1 s after start) writes the current minute's cache row, which
    // replaces one the first agent wrote in the same minute; only that row may differ.
    const bool sampled = agent.hasDeviceStats();
    const QDateTime replacedMinute =
        sampled ? QDateTime::fromSecsSinceEpoch(agent.deviceStats().at.toSecsSinceEpoch() / 60 * 60,
                                                Qt::UTC)
                : QDateTime();

    QCOMPARE(texts(after.transfers), texts(expectedTransfers));
    QCOMPARE(after.month.month, before.month.month);
    QCOMPARE(text(after.month.down), text(expectedMonth.down));
    QCOMPARE(text(after.month.up), text(expectedMonth.up));
    QCOMPARE(texts(after.evictions), texts(before.evictions));

    QStringList cacheBefore, cacheAfter;
    for (const CacheSample& s : std::as_const(before.cache)) {
        if (s.at != replacedMinute)
            cacheBefore << text(s);
    }
    for (const CacheSample& s : std::as_const(after.cache)) {
        if (s.at != replacedMinute)
            cacheAfter << text(s);
    }
    QCOMPARE(cacheAfter, cacheBefore);
    if (!sampled)
        QCOMPARE(after.cache.size(), before.cache.size());

    // Per-class figures still add up to the totals, in the samples and in the month.
    const ClassBytes down = sumDown(after.transfers);
    QCOMPARE(stats::total(down), kKeptSize + kSmallSize + stats::total(folded.down));
    for (size_t i = 0; i < down.size(); ++i)
        QCOMPARE(down[i], measured[i] + folded.down[i]);
    QCOMPARE(stats::total(after.month.down),
             stats::total(before.month.down) +
                 (expectedMonth.down == before.month.down ? 0 : stats::total(folded.down)));
}

QTEST_MAIN(HistoryRestartTest)
#include "test_history_restart.moc"
