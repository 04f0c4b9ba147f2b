// The tally of peers that were dialled and never answered: attempts add up per endpoint and
// content, a success clears the streak, an old streak starts over, and the list stays bounded.

#include "transfer/DialFailures.h"

#include <QTest>

using namespace opendo::transfer;

namespace {

const QDateTime kNoon(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);

} // namespace

class DialFailuresTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attemptsAddUpPerEndpointAndContent();
    void aConnectionClearsTheStreak();
    void oldStreaksStartOverAndDropOut();
    void theListIsBounded();
    void restoredEntriesAreOrderedAndBounded();
    void generationCountsChanges();
};

void DialFailuresTest::attemptsAddUpPerEndpointAndContent()
{
    DialFailures d;
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon);
    d.failed("c1", "127.0.0.6:7680", SourceClass::GroupPeer, "timed out", kNoon.addSecs(1));
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Network unreachable",
             kNoon.addSecs(10));
    d.failed("c2", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon.addSecs(11));
    const QList<DialFailure> r = d.recent(kNoon.addSecs(12));
    QCOMPARE(r.size(), 3);
    // Most recent last; the repeated endpoint moved behind the one that failed in between.
    QCOMPARE(r[0].endpoint, QString("127.0.0.6:7680"));
    QCOMPARE(r[0].sourceClass, SourceClass::GroupPeer);
    QCOMPARE(r[1].contentId, QString("c1"));
    QCOMPARE(r[1].attempts, 2);
    QCOMPARE(r[1].firstAt, kNoon);
    QCOMPARE(r[1].lastAt, kNoon.addSecs(10));
    QCOMPARE(r[1].lastError, QString("Network unreachable"));
    QCOMPARE(r[2].contentId, QString("c2"));
    QCOMPARE(r[2].attempts, 1);
}

void DialFailuresTest::aConnectionClearsTheStreak()
{
    DialFailures d;
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon);
    d.failed("c2", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon);
    d.connected("c1", "127.0.0.5:7680");
    const QList<DialFailure> r = d.recent(kNoon);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].contentId, QString("c2"));
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon);
    QCOMPARE(d.recent(kNoon).last().attempts, 1);
}

void DialFailuresTest::oldStreaksStartOverAndDropOut()
{
    DialFailures d;
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon);
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "Connection refused", kNoon.addSecs(60));
    const QDateTime later = kNoon.addSecs(60 + DialFailures::kKeepSeconds + 1);
    QVERIFY(d.recent(later).isEmpty());
    QCOMPARE(d.recent(later.addSecs(-1)).size(), 1);
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "timed out", later);
    const QList<DialFailure> r = d.recent(later);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].attempts, 1);
    QCOMPARE(r[0].firstAt, later);
}

void DialFailuresTest::theListIsBounded()
{
    DialFailures d;
    for (int i = 0; i < DialFailures::kMaxEntries + 10; ++i)
        d.failed("c1", QString("127.0.1.%1:7680").arg(i), SourceClass::InternetPeer, "refused",
                 kNoon.addSecs(i));
    const QList<DialFailure> r = d.recent(kNoon.addSecs(100));
    QCOMPARE(r.size(), DialFailures::kMaxEntries);
    QCOMPARE(r.first().endpoint, QString("127.0.1.10:7680")); // the oldest went first
    QCOMPARE(r.last().endpoint, QString("127.0.1.%1:7680").arg(DialFailures::kMaxEntries + 9));
}

void DialFailuresTest::restoredEntriesAreOrderedAndBounded()
{
    QList<DialFailure> saved;
    for (int i = DialFailures::kMaxEntries + 4; i >= 0; --i) // newest first: restore sorts
        saved.append({"c1", QString("127.0.2.%1:7680").arg(i), SourceClass::LanPeer, 2,
                      kNoon.addSecs(i), kNoon.addSecs(i + 1), "refused"});
    DialFailures d;
    d.failed("c9", "127.0.0.9:7680", SourceClass::LanPeer, "refused", kNoon); // replaced
    d.restore(saved);
    const QList<DialFailure>& r = d.entries();
    QCOMPARE(r.size(), DialFailures::kMaxEntries);
    QCOMPARE(r.first().endpoint, QString("127.0.2.5:7680"));
    QCOMPARE(r.last().endpoint, QString("127.0.2.%1:7680").arg(DialFailures::kMaxEntries + 4));
    // A restored streak goes on counting.
    d.failed("c1", r.last().endpoint, SourceClass::LanPeer, "timed out", kNoon.addSecs(100));
    QCOMPARE(d.entries().last().attempts, 3);
    QCOMPARE(d.entries().last().firstAt, kNoon.addSecs(DialFailures::kMaxEntries + 4));
}

void DialFailuresTest::generationCountsChanges()
{
    DialFailures d;
    const quint64 start = d.generation();
    d.connected("c1", "127.0.0.5:7680"); // nothing to clear
    QCOMPARE(d.generation(), start);
    d.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "refused", kNoon);
    QVERIFY(d.generation() > start);
    const quint64 afterFailure = d.generation();
    d.connected("c1", "127.0.0.5:7680");
    QVERIFY(d.generation() > afterFailure);
}

QTEST_GUILESS_MAIN(DialFailuresTest)
#include "test_dial_failures.moc"
