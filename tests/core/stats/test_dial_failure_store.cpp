// The saved tally of unreachable peers in a real SQLite file: a save replaces what was there and
// comes back field by field after reopening the database; the tally restored from it goes on
// counting; an unchanged tally is not written again; a row of an unknown class is skipped; a
// database that refuses the save reports it and keeps the previous tally.

#include "persistence/Database.h"
#include "stats/DialFailureStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using stats::DialFailureStore;
using transfer::DialFailure;
using transfer::DialFailures;
using transfer::SourceClass;

namespace {

const QDateTime kNoon(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);

int rows(persistence::Database& db)
{
    QSqlQuery q(db.handle());
    return q.exec("SELECT COUNT(*) FROM dial_failures") && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class DialFailureStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void saveReplacesAndComesBackAfterReopening();
    void restoredTallyGoesOnCounting();
    void unchangedTallyIsNotWrittenAgain();
    void unknownClassIsSkipped();
    void refusedSaveKeepsThePreviousTally();

private:
    void reopen();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<persistence::Database> m_db;
};

void DialFailureStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void DialFailureStoreTest::reopen()
{
    m_db = std::make_unique<persistence::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->path(), &error), qPrintable(error));
}

void DialFailureStoreTest::saveReplacesAndComesBackAfterReopening()
{
    const DialFailure old{"c0", "127.0.0.4:7680", SourceClass::LanPeer, 1, kNoon, kNoon, "x"};
    const QList<DialFailure> tally = {{"c1", "127.0.0.5:7680", SourceClass::GroupPeer, 3, kNoon,
                                       kNoon.addSecs(20), "Connection refused"},
                                      {"c1", "[::1]:7680", SourceClass::LinkLocalPeer, 1,
                                       kNoon.addSecs(30), kNoon.addSecs(30), "timed out"}};
    QString error;
    {
        DialFailureStore store(m_db->handle());
        QVERIFY(store.save({old}));
        QVERIFY2(store.save(tally, &error), qPrintable(error));
    }
    reopen();
    const QList<DialFailure> back = DialFailureStore(m_db->handle()).load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(back.size(), 2); // the earlier save is gone
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(back[i].contentId, tally[i].contentId);
        QCOMPARE(back[i].endpoint, tally[i].endpoint);
        QCOMPARE(back[i].sourceClass, tally[i].sourceClass);
        QCOMPARE(back[i].attempts, tally[i].attempts);
        QCOMPARE(back[i].firstAt, tally[i].firstAt);
        QCOMPARE(back[i].lastAt, tally[i].lastAt);
        QCOMPARE(back[i].lastError, tally[i].lastError);
    }
}

void DialFailureStoreTest::restoredTallyGoesOnCounting()
{
    {
        DialFailures before;
        before.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "refused", kNoon);
        before.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "refused", kNoon.addSecs(5));
        DialFailureStore store(m_db->handle());
        QVERIFY(store.saveIfChanged(before));
    }
    reopen();
    DialFailures after;
    DialFailureStore store(m_db->handle());
    QVERIFY(store.restoreInto(after));
    after.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "timed out", kNoon.addSecs(9));
    const QList<DialFailure> r = after.recent(kNoon.addSecs(10));
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].attempts, 3);
    QCOMPARE(r[0].firstAt, kNoon);
    QCOMPARE(r[0].lastError, QString("timed out"));
}

void DialFailureStoreTest::unchangedTallyIsNotWrittenAgain()
{
    DialFailures tally;
    tally.failed("c1", "127.0.0.5:7680", SourceClass::LanPeer, "refused", kNoon);
    DialFailureStore store(m_db->handle());
    QVERIFY(store.saveIfChanged(tally));
    QCOMPARE(rows(*m_db), 1);
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("DELETE FROM dial_failures"));
    QVERIFY(store.saveIfChanged(tally)); // nothing changed: no write
    QCOMPARE(rows(*m_db), 0);
    tally.connected("c1", "127.0.0.5:7680");
    tally.failed("c1", "127.0.0.6:7680", SourceClass::LanPeer, "refused", kNoon);
    QVERIFY(store.saveIfChanged(tally));
    QCOMPARE(rows(*m_db), 1);
}

void DialFailureStoreTest::unknownClassIsSkipped()
{
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("INSERT INTO dial_failures VALUES ('c1', '127.0.0.5:7680', 'carrier_pigeon', "
                   "1, 0, 0, 'lost')"));
    QVERIFY(q.exec("INSERT INTO dial_failures VALUES ('c1', '127.0.0.6:7680', 'internet', "
                   "2, 0, 1000, 'refused')"));
    QString error;
    const QList<DialFailure> back = DialFailureStore(m_db->handle()).load(&error);
    QVERIFY(error.isEmpty());
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].endpoint, QString("127.0.0.6:7680"));
    QCOMPARE(back[0].sourceClass, SourceClass::InternetPeer);
}

void DialFailureStoreTest::refusedSaveKeepsThePreviousTally()
{
    DialFailureStore store(m_db->handle());
    const DialFailure kept{"c1", "127.0.0.5:7680", SourceClass::LanPeer, 1, kNoon, kNoon, "x"};
    QVERIFY(store.save({kept}));
    // attempts > 0 is a CHECK constraint; the store writes at least 1, so break the table
    // instead: a trigger that refuses the second insert of the transaction.
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("CREATE TRIGGER refuse BEFORE INSERT ON dial_failures "
                   "WHEN NEW.endpoint = 'refused' BEGIN SELECT RAISE(ABORT, 'disk says no'); END"));
    DialFailure refused = kept;
    refused.endpoint = "refused";
    DialFailure first = kept;
    first.endpoint = "127.0.0.7:7680";
    QString error;
    QVERIFY(!store.save({first, refused}, &error));
    QVERIFY2(error.contains("disk says no"), qPrintable(error));
    const QList<DialFailure> back = store.load();
    QCOMPARE(back.size(), 1);
    QCOMPARE(back[0].endpoint, kept.endpoint);
}

QTEST_GUILESS_MAIN(DialFailureStoreTest)
#include "test_dial_failure_store.moc"
