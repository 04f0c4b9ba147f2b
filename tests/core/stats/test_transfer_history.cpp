// Bytes per source class over time in a real SQLite file: per-second samples, month totals in
// local time, compaction into minutes without losing a byte, retention, and reopening.

#include "persistence/Database.h"
#include "stats/TransferHistory.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <ctime>

using namespace opendo::stats;
using opendo::persistence::Database;

namespace {

// A fixed zone three hours east of UTC without DST, so local and UTC months differ near
// midnight and the test does not depend on the machine's zone.
constexpr int kLocalOffset = 3 * 3600;

QDateTime utc(int y, int mo, int d, int h, int mi, int s)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s), Qt::UTC);
}

struct Totals
{
    ClassBytes down{};
    ClassBytes up{};
};

Totals sum(const QList<HistorySample>& samples)
{
    Totals t;
    for (const HistorySample& s : samples) {
        for (size_t i = 0; i < s.down.size(); ++i) {
            t.down[i] += s.down[i];
            t.up[i] += s.up[i];
        }
    }
    return t;
}

} // namespace

class TransferHistoryTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void totalAddsClasses();
    void roundTripsPerClassAndDirection();
    void sameSecondAddsUp();
    void refusesNegativeAmounts();
    void ignoresAllZero();
    void monthTotalsFollowLocalDates();
    void compactionKeepsTheAccounting();
    void lateRecordAfterCompactionStillCounts();
    void dropsOldMinutesButKeepsMonths();
    void persistsAcrossReopen();
    void averageSpeedsByPriority();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<TransferHistory> m_history;
    void reopen();
    int rows(const char* table, const char* where = "1");
};

void TransferHistoryTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void TransferHistoryTest::cleanup()
{
    m_history.reset();
    m_db.reset();
    m_dir.reset();
}

void TransferHistoryTest::reopen()
{
    m_history.reset();
    m_db.reset();
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_history = std::make_unique<TransferHistory>(m_db->handle());
}

int TransferHistoryTest::rows(const char* table, const char* where)
{
    QSqlQuery q(m_db->handle());
    if (!q.exec(QString("SELECT COUNT(*) FROM %1 WHERE %2").arg(table, where)) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void TransferHistoryTest::totalAddsClasses()
{
    QCOMPARE(total(ClassBytes{1, 2, 3, 4, 5, 6}), qint64(21));
    QCOMPARE(total(ClassBytes{}), qint64(0));
}

void TransferHistoryTest::roundTripsPerClassAndDirection()
{
    const QDateTime t0 = utc(2026, 11, 27, 10, 0, 5);
    const ClassBytes down{1, 20, 300, 4000, 50000, 600000};
    const ClassBytes up{0, 0, 7, 8, 9, 10};
    QString error;
    QVERIFY2(m_history->record(t0, Direction::Download, down, &error), qPrintable(error));
    QVERIFY2(m_history->record(t0, Direction::Upload, up, &error), qPrintable(error));
    QVERIFY2(m_history->record(t0.addSecs(2), Direction::Upload, ClassBytes{0, 0, 1, 0, 0}, &error),
             qPrintable(error));

    const QList<HistorySample> one = m_history->samples(t0, t0.addSecs(1));
    QCOMPARE(one.size(), 1);
    QCOMPARE(one[0].start, t0);
    QCOMPARE(one[0].seconds, 1);
    QCOMPARE(one[0].down, down);
    QCOMPARE(one[0].up, up);

    const QList<HistorySample> all = m_history->samples(t0.addSecs(-10), t0.addSecs(10));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[1].start, t0.addSecs(2));
    QCOMPARE(all[1].down, ClassBytes{});
    QCOMPARE(all[1].up, (ClassBytes{0, 0, 1, 0, 0}));

    // The end is exclusive.
    QVERIFY(m_history->samples(t0.addSecs(-10), t0).isEmpty());
}

void TransferHistoryTest::sameSecondAddsUp()
{
    const QDateTime t0 = utc(2026, 11, 27, 10, 0, 5);
    QString error;
    QVERIFY(m_history->record(t0, Direction::Download, {100, 0, 0, 0, 1}, &error));
    // Sub-second parts fall into the same second.
    QVERIFY(m_history->record(t0.addMSecs(999), Direction::Download, {1, 2, 0, 0, 0}, &error));
    QVERIFY(m_history->record(t0.addMSecs(400), Direction::Download, {0, 0, 3, 4, 5}, &error));

    QCOMPARE(rows("transfer_seconds"), 1);
    const QList<HistorySample> s = m_history->samples(t0, t0.addSecs(1));
    QCOMPARE(s.size(), 1);
    QCOMPARE(s[0].down, (ClassBytes{101, 2, 3, 4, 6}));
    QCOMPARE(m_history->month(t0.date()).down, (ClassBytes{101, 2, 3, 4, 6}));
}

void TransferHistoryTest::refusesNegativeAmounts()
{
    const QDateTime t0 = utc(2026, 11, 27, 10, 0, 5);
    QString error;
    QVERIFY(!m_history->record(t0, Direction::Download, {10, 10, -1, 10, 10}, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(rows("transfer_seconds"), 0);
    QCOMPARE(rows("transfer_months"), 0);
    QVERIFY(m_history->samples(t0.addSecs(-60), t0.addSecs(60)).isEmpty());
}

void TransferHistoryTest::ignoresAllZero()
{
    QString error;
    QVERIFY(m_history->record(utc(2026, 11, 27, 10, 0, 5), Direction::Upload, {}, &error));
    QCOMPARE(rows("transfer_seconds"), 0);
    QCOMPARE(rows("transfer_months"), 0);
}

void TransferHistoryTest::monthTotalsFollowLocalDates()
{
    QCOMPARE(utc(2026, 11, 30, 12, 0, 0).toLocalTime().offsetFromUtc(), kLocalOffset);
    // 20:59:59 UTC is 23:59:59 on 30 November locally; one second later it is 1 December
    // locally while UTC is still in November.
    const QDateTime lastNov = utc(2026, 11, 30, 20, 59, 59);
    const QDateTime firstDec = lastNov.addSecs(1);
    QString error;
    QVERIFY(m_history->record(lastNov, Direction::Download, {1, 0, 0, 0, 2}, &error));
    QVERIFY(m_history->record(lastNov, Direction::Upload, {0, 0, 0, 5, 0}, &error));
    QVERIFY(m_history->record(firstDec, Direction::Download, {0, 10, 0, 0, 0}, &error));
    QVERIFY(
        m_history->record(utc(2026, 11, 2, 8, 0, 0), Direction::Download, {3, 0, 0, 0, 0}, &error));

    const MonthTotals nov = m_history->month(QDate(2026, 11, 15));
    QCOMPARE(nov.month, QString("2026-11"));
    QCOMPARE(nov.down, (ClassBytes{4, 0, 0, 0, 2}));
    QCOMPARE(nov.up, (ClassBytes{0, 0, 0, 5, 0}));

    const MonthTotals dec = m_history->month(QDate(2026, 12, 1));
    QCOMPARE(dec.month, QString("2026-12"));
    QCOMPARE(dec.down, (ClassBytes{0, 10, 0, 0, 0}));
    QCOMPARE(dec.up, ClassBytes{});

    const MonthTotals oct = m_history->month(QDate(2026, 10, 31));
    QCOMPARE(oct.down, ClassBytes{});
    QCOMPARE(oct.up, ClassBytes{});
}

void TransferHistoryTest::compactionKeepsTheAccounting()
{
    const QDateTime now = utc(2026, 11, 27, 12, 0, 30);
    // Folding stops at the minute that contains now - 1 h, so that minute stays in seconds.
    const QDateTime cutoff = utc(2026, 11, 27, 11, 0, 0);
    const QDateTime first = now.addSecs(-2 * 3600);
    Totals expectedFolded;
    QString error;
    int i = 0;
    for (QDateTime t = first; t < now; t = t.addSecs(37), ++i) {
        const Direction dir = i % 3 == 0 ? Direction::Upload : Direction::Download;
        const ClassBytes bytes{i, 2 * i, i % 5, 7, i * i, 3 * i};
        QVERIFY2(m_history->record(t, dir, bytes, &error), qPrintable(error));
        if (t < cutoff) {
            ClassBytes& into = dir == Direction::Upload ? expectedFolded.up : expectedFolded.down;
            for (size_t c = 0; c < bytes.size(); ++c)
                into[c] += bytes[c];
        }
    }
    const QDateTime from = first.addSecs(-3600);
    const QDateTime to = now.addSecs(3600);
    const Totals before = sum(m_history->samples(from, to));
    const MonthTotals monthBefore = m_history->month(now.date());
    QCOMPARE(monthBefore.down, before.down);
    QCOMPARE(monthBefore.up, before.up);

    QVERIFY2(m_history->compact(now, &error), qPrintable(error));

    const QString cut = QString::number(cutoff.toSecsSinceEpoch());
    QCOMPARE(rows("transfer_seconds", qPrintable("t < " + cut)), 0);
    QVERIFY(rows("transfer_seconds") > 0);
    QVERIFY(rows("transfer_minutes") > 0);
    QCOMPARE(rows("transfer_minutes", qPrintable("t % 60 != 0 OR t >= " + cut)), 0);

    const QList<HistorySample> after = m_history->samples(from, to);
    Totals folded;
    QDateTime previous;
    for (const HistorySample& s : after) {
        QVERIFY(!previous.isValid() || previous <= s.start);
        previous = s.start;
        if (s.seconds == 60) {
            QVERIFY(s.start < cutoff);
            QVERIFY(s.start.addSecs(60) <= cutoff);
            for (size_t c = 0; c < s.down.size(); ++c) {
                folded.down[c] += s.down[c];
                folded.up[c] += s.up[c];
            }
        } else {
            QCOMPARE(s.seconds, 1);
            QVERIFY(s.start >= cutoff);
        }
    }
    QCOMPARE(folded.down, expectedFolded.down);
    QCOMPARE(folded.up, expectedFolded.up);

    const Totals afterTotals = sum(after);
    QCOMPARE(afterTotals.down, before.down);
    QCOMPARE(afterTotals.up, before.up);
    QCOMPARE(m_history->month(now.date()).down, monthBefore.down);
    QCOMPARE(m_history->month(now.date()).up, monthBefore.up);

    // Compacting again moves nothing and changes nothing.
    QVERIFY2(m_history->compact(now, &error), qPrintable(error));
    const Totals again = sum(m_history->samples(from, to));
    QCOMPARE(again.down, before.down);
    QCOMPARE(again.up, before.up);
}

void TransferHistoryTest::lateRecordAfterCompactionStillCounts()
{
    const QDateTime now = utc(2026, 11, 27, 12, 0, 0);
    const QDateTime old = utc(2026, 11, 27, 10, 15, 10);
    QString error;
    QVERIFY(m_history->record(old, Direction::Download, {5, 0, 0, 0, 0}, &error));
    QVERIFY(m_history->compact(now, &error));
    QCOMPARE(rows("transfer_seconds"), 0);
    // A late report for a second of a minute that is already folded.
    QVERIFY(m_history->record(old.addSecs(20), Direction::Download, {0, 3, 0, 0, 0}, &error));

    const QDateTime from = old.addSecs(-3600);
    QCOMPARE(sum(m_history->samples(from, now)).down, (ClassBytes{5, 3, 0, 0, 0}));
    QVERIFY(m_history->compact(now, &error));
    QCOMPARE(rows("transfer_seconds"), 0);
    QCOMPARE(rows("transfer_minutes"), 1);
    QCOMPARE(sum(m_history->samples(from, now)).down, (ClassBytes{5, 3, 0, 0, 0}));
}

void TransferHistoryTest::dropsOldMinutesButKeepsMonths()
{
    const QDateTime now = utc(2026, 11, 27, 12, 0, 0);
    const QDateTime tooOld = now.addDays(-91);
    const QDateTime kept = now.addDays(-89);
    QString error;
    QVERIFY(m_history->record(tooOld, Direction::Upload, {0, 0, 0, 0, 1000}, &error));
    QVERIFY(m_history->record(kept, Direction::Upload, {0, 0, 50, 0, 0}, &error));
    QVERIFY(m_history->compact(now, &error));

    QCOMPARE(rows("transfer_seconds"), 0);
    QCOMPARE(rows("transfer_minutes"), 1);
    const QList<HistorySample> s = m_history->samples(now.addDays(-100), now);
    QCOMPARE(s.size(), 1);
    QCOMPARE(s[0].start, kept);
    QCOMPARE(s[0].seconds, 60);
    QCOMPARE(s[0].up, (ClassBytes{0, 0, 50, 0, 0}));

    // Both fall in August 2026, and the month still counts the dropped minute.
    QCOMPARE(tooOld.toLocalTime().date().month(), 8);
    QCOMPARE(kept.toLocalTime().date().month(), 8);
    QCOMPARE(m_history->month(QDate(2026, 8, 1)).up, (ClassBytes{0, 0, 50, 0, 1000}));
}

void TransferHistoryTest::persistsAcrossReopen()
{
    const QDateTime t0 = utc(2026, 11, 27, 10, 0, 5);
    const QDateTime older = utc(2026, 11, 27, 8, 30, 0);
    QString error;
    QVERIFY(m_history->record(t0, Direction::Download, {1, 2, 3, 4, 5, 6}, &error));
    QVERIFY(m_history->record(older, Direction::Upload, {0, 0, 6, 0, 0, 7}, &error));
    QVERIFY(m_history->compact(t0, &error));
    reopen();

    const QList<HistorySample> s = m_history->samples(older, t0.addSecs(1));
    QCOMPARE(s.size(), 2);
    QCOMPARE(s[0].start, older);
    QCOMPARE(s[0].seconds, 60);
    QCOMPARE(s[0].up, (ClassBytes{0, 0, 6, 0, 0, 7}));
    QCOMPARE(s[1].start, t0);
    QCOMPARE(s[1].seconds, 1);
    QCOMPARE(s[1].down, (ClassBytes{1, 2, 3, 4, 5, 6}));
    const MonthTotals nov = m_history->month(t0.date());
    QCOMPARE(nov.down, (ClassBytes{1, 2, 3, 4, 5, 6}));
    QCOMPARE(nov.up, (ClassBytes{0, 0, 6, 0, 0, 7}));
}

void TransferHistoryTest::averageSpeedsByPriority()
{
    // TZ is UTC+3: 22:00 UTC on the 30th is already December locally.
    const QDateTime nov = utc(2026, 11, 27, 10, 0, 0);
    const QDateTime dec = utc(2026, 11, 30, 22, 0, 0);
    QString error;
    QCOMPARE(m_history->month(nov.date()).foregroundRate, 0);
    QVERIFY(m_history->recordDownloadActivity(nov, true, 6'000'000, 1000, &error));
    QVERIFY(m_history->recordDownloadActivity(nov.addSecs(1), true, 2'000'000, 1000, &error));
    // Time with a download moving but nothing arriving (stalled) lowers the average.
    QVERIFY(m_history->recordDownloadActivity(nov.addSecs(2), true, 0, 2000, &error));
    QVERIFY(m_history->recordDownloadActivity(nov, false, 500'000, 1000, &error));
    QVERIFY(m_history->recordDownloadActivity(dec, false, 9'000'000, 1000, &error));
    QVERIFY(!m_history->recordDownloadActivity(nov, true, -1, 1000, &error));
    QVERIFY(error.contains("negative"));
    QVERIFY(!m_history->recordDownloadActivity(QDateTime(), true, 1, 1, &error));
    reopen();

    const MonthTotals november = m_history->month(QDate(2026, 11, 15));
    QCOMPARE(november.foregroundRate, 2'000'000); // 8 MB over 4 s
    QCOMPARE(november.backgroundRate, 500'000);
    const MonthTotals december = m_history->month(QDate(2026, 12, 1));
    QCOMPARE(december.foregroundRate, 0);
    QCOMPARE(december.backgroundRate, 9'000'000);
}

int main(int argc, char** argv)
{
    // Set before Qt reads the zone; a POSIX zone string needs no tz database.
    setenv("TZ", "XYZ-3", 1);
    tzset();
    QCoreApplication app(argc, argv);
    TransferHistoryTest test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "test_transfer_history.moc"
