// Monthly upload totals in a real SQLite file: sums per month and peer class, persistence
// across reopening, and what the ledger refuses.

#include "persistence/Database.h"
#include "stats/UploadLedger.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::stats;
using opendo::persistence::Database;
using opendo::transfer::SourceClass;

class UploadLedgerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void monthKey();
    void addsUpPerMonthAndClass();
    void persistsAcrossReopen();
    void rejectsNonPeerClasses();
    void ignoresNonPositiveBytes();
    void rejectsAnInvalidDay();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UploadLedger> m_ledger;
    void reopen();
    int rows();
};

void UploadLedgerTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void UploadLedgerTest::cleanup()
{
    m_ledger.reset();
    m_db.reset();
    m_dir.reset();
}

void UploadLedgerTest::reopen()
{
    m_ledger.reset();
    m_db.reset();
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_ledger = std::make_unique<UploadLedger>(m_db->handle());
}

int UploadLedgerTest::rows()
{
    QSqlQuery q(m_db->handle());
    if (!q.exec("SELECT COUNT(*) FROM upload_months") || !q.next())
        return -1;
    return q.value(0).toInt();
}

void UploadLedgerTest::monthKey()
{
    QCOMPARE(UploadLedger::monthKey(QDate(2026, 11, 30)), QString("2026-11"));
    QCOMPARE(UploadLedger::monthKey(QDate(2027, 1, 1)), QString("2027-01"));
    QCOMPARE(UploadLedger::monthKey(QDate()), QString());
}

void UploadLedgerTest::addsUpPerMonthAndClass()
{
    const QDate nov(2026, 11, 3);
    const QDate dec(2026, 12, 31);
    QString error;
    QVERIFY2(m_ledger->add(SourceClass::InternetPeer, 1000, nov, &error), qPrintable(error));
    QVERIFY2(m_ledger->add(SourceClass::InternetPeer, 500, QDate(2026, 11, 30), &error),
             qPrintable(error));
    QVERIFY2(m_ledger->add(SourceClass::LanPeer, 7, nov, &error), qPrintable(error));
    QVERIFY2(m_ledger->add(SourceClass::GroupPeer, 3, dec, &error), qPrintable(error));
    // Above 32 bits, as a month of uploads easily is.
    QVERIFY2(m_ledger->add(SourceClass::InternetPeer, 6'000'000'000, dec, &error),
             qPrintable(error));

    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, QDate(2026, 11, 15)), qint64(1500));
    QCOMPARE(m_ledger->monthBytes(SourceClass::LanPeer, nov), qint64(7));
    QCOMPARE(m_ledger->monthBytes(SourceClass::GroupPeer, nov), qint64(0));
    QCOMPARE(m_ledger->monthTotal(nov), qint64(1507));
    QCOMPARE(m_ledger->monthBytes(SourceClass::GroupPeer, dec), qint64(3));
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, dec), qint64(6'000'000'000));
    QCOMPARE(m_ledger->monthTotal(dec), qint64(6'000'000'003));
    QCOMPARE(m_ledger->monthTotal(QDate(2025, 11, 3)), qint64(0)); // same month, other year
    QCOMPARE(m_ledger->monthBytes(SourceClass::Http, nov), qint64(0));
    QCOMPARE(rows(), 4); // one row per month and class
}

void UploadLedgerTest::persistsAcrossReopen()
{
    const QDate day(2026, 2, 28);
    QString error;
    QVERIFY2(m_ledger->add(SourceClass::InternetPeer, 42, day, &error), qPrintable(error));
    QVERIFY2(m_ledger->add(SourceClass::LanPeer, 8, day, &error), qPrintable(error));
    reopen();
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, day), qint64(42));
    QCOMPARE(m_ledger->monthTotal(day), qint64(50));
    QVERIFY2(m_ledger->add(SourceClass::InternetPeer, 8, QDate(2026, 2, 1), &error),
             qPrintable(error));
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, day), qint64(50));
}

void UploadLedgerTest::rejectsNonPeerClasses()
{
    for (SourceClass cls : {SourceClass::Http, SourceClass::CacheServer}) {
        QString error;
        QVERIFY(!m_ledger->add(cls, 100, QDate(2026, 5, 1), &error));
        QVERIFY2(error.contains(opendo::transfer::sourceClassKey(cls)), qPrintable(error));
    }
    QCOMPARE(rows(), 0);
}

void UploadLedgerTest::ignoresNonPositiveBytes()
{
    QString error;
    QVERIFY(m_ledger->add(SourceClass::InternetPeer, 0, QDate(2026, 5, 1), &error));
    QVERIFY(m_ledger->add(SourceClass::InternetPeer, -5, QDate(2026, 5, 1), &error));
    QVERIFY(error.isEmpty());
    QCOMPARE(rows(), 0);
    QVERIFY(m_ledger->add(SourceClass::InternetPeer, 10, QDate(2026, 5, 1), &error));
    QVERIFY(m_ledger->add(SourceClass::InternetPeer, -10, QDate(2026, 5, 2), &error));
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, QDate(2026, 5, 1)), qint64(10));
}

void UploadLedgerTest::rejectsAnInvalidDay()
{
    QString error;
    QVERIFY(!m_ledger->add(SourceClass::LanPeer, 10, QDate(), &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(rows(), 0);
}

QTEST_GUILESS_MAIN(UploadLedgerTest)
#include "test_upload_ledger.moc"
