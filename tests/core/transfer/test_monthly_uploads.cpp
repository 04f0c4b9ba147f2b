// The counters behind DOMonthlyUploadDataCap over a real SQLite ledger: what a flush writes and
// to which month, how a new month restarts the cap's figure while the totals keep counting, and
// what happens without a readable ledger.

#include "persistence/Database.h"
#include "stats/UploadLedger.h"
#include "transfer/MonthlyUploads.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::transfer;
using opendo::persistence::Database;
using opendo::stats::UploadLedger;

class MonthlyUploadsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void flushWritesWhatWasCounted();
    void aRestartContinuesTheMonth();
    void aNewMonthRestartsTheCapFigure();
    void withoutALedgerCountsInMemory();
    void anUnreadableLedgerCountsFromZero();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<UploadLedger> m_ledger;
};

namespace {
const QDate kNov5(2026, 11, 5);
const QDate kNov30(2026, 11, 30);
const QDate kDec1(2026, 12, 1);
} // namespace

void MonthlyUploadsTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_ledger = std::make_unique<UploadLedger>(m_db->handle());
}

void MonthlyUploadsTest::cleanup()
{
    m_ledger.reset();
    m_db.reset();
    m_dir.reset();
}

void MonthlyUploadsTest::flushWritesWhatWasCounted()
{
    MonthlyUploads uploads(m_ledger.get(), kNov5);
    uploads.count(SourceClass::InternetPeer, 1000);
    uploads.count(SourceClass::InternetPeer, 500);
    uploads.count(SourceClass::LanPeer, 70);
    uploads.count(SourceClass::LanPeer, 0);
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 1500);
    QCOMPARE(uploads.thisMonth(SourceClass::LanPeer), 70);
    QCOMPARE(m_ledger->monthTotal(kNov5), 0); // nothing written before the flush

    const MonthlyUploads::FlushResult first = uploads.flush(kNov5);
    QVERIFY(first.wroteBytes);
    QVERIFY(!first.newMonth);
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, kNov5), 1500);
    QCOMPARE(m_ledger->monthBytes(SourceClass::LanPeer, kNov5), 70);
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 1500);

    // A flush with nothing new writes nothing twice.
    const MonthlyUploads::FlushResult second = uploads.flush(kNov5);
    QVERIFY(!second.wroteBytes);
    QCOMPARE(m_ledger->monthTotal(kNov5), 1570);
}

void MonthlyUploadsTest::aRestartContinuesTheMonth()
{
    {
        MonthlyUploads before(m_ledger.get(), kNov5);
        before.count(SourceClass::InternetPeer, 4096);
        before.flush(kNov5);
    }
    MonthlyUploads after(m_ledger.get(), kNov30);
    QCOMPARE(after.thisMonth(SourceClass::InternetPeer), 4096);
    QCOMPARE(after.totals()[size_t(SourceClass::InternetPeer)], 0); // since this start only
    after.count(SourceClass::InternetPeer, 4);
    QCOMPARE(after.thisMonth(SourceClass::InternetPeer), 4100);
}

void MonthlyUploadsTest::aNewMonthRestartsTheCapFigure()
{
    MonthlyUploads uploads(m_ledger.get(), kNov30);
    uploads.count(SourceClass::InternetPeer, 2000);
    // Counted in November, flushed just after midnight on December 1st: the bytes belong to
    // November, and December starts from its own (empty) figure.
    const MonthlyUploads::FlushResult result = uploads.flush(kDec1);
    QVERIFY(result.wroteBytes);
    QVERIFY(result.newMonth);
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, kNov30), 2000);
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, kDec1), 0);
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 0);
    QCOMPARE(uploads.totals()[size_t(SourceClass::InternetPeer)], 2000);

    uploads.count(SourceClass::InternetPeer, 30);
    QVERIFY(!uploads.flush(kDec1).newMonth);
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, kDec1), 30);
    QCOMPARE(uploads.totals()[size_t(SourceClass::InternetPeer)], 2030);
}

void MonthlyUploadsTest::withoutALedgerCountsInMemory()
{
    MonthlyUploads uploads(nullptr, kNov5);
    uploads.count(SourceClass::GroupPeer, 12);
    QVERIFY(uploads.flush(kNov5).wroteBytes);
    QCOMPARE(uploads.thisMonth(SourceClass::GroupPeer), 12);
    QVERIFY(uploads.flush(kDec1).newMonth);
    QCOMPARE(uploads.thisMonth(SourceClass::GroupPeer), 0);
}

void MonthlyUploadsTest::anUnreadableLedgerCountsFromZero()
{
    QSqlQuery drop(m_db->handle());
    QVERIFY(drop.exec(QStringLiteral("DROP TABLE upload_months")));
    QCOMPARE(m_ledger->monthBytes(SourceClass::InternetPeer, kNov5), -1);
    // -1 would read as "unknown" and leave the cap open for the whole month.
    MonthlyUploads uploads(m_ledger.get(), kNov5);
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 0);
    uploads.count(SourceClass::InternetPeer, 10);
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 10);
    QVERIFY(uploads.flush(kNov5).wroteBytes); // the write fails and is logged, nothing throws
    QCOMPARE(uploads.thisMonth(SourceClass::InternetPeer), 10);
}

QTEST_GUILESS_MAIN(MonthlyUploadsTest)
#include "test_monthly_uploads.moc"
