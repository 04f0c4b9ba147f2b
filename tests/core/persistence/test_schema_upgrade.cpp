// An agent's database written before local-discovery peers had a class of their own (schema
// v10) opens in a build that has it: the upgrade adds the link_local columns, keeps every byte
// already counted under its old class, and the history and job table then store the new class.
// The old database is made for real: today's schema with the v11 columns dropped again and
// user_version set back, which is what a v10 build left on disk.

#include "persistence/Database.h"
#include "stats/TransferHistory.h"
#include "transfer/JobRecord.h"
#include "transfer/JobTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using stats::ClassBytes;
using stats::Direction;
using transfer::SourceClass;

namespace {

bool exec(QSqlDatabase db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    *error = sql + ": " + q.lastError().text();
    return false;
}

int userVersion(QSqlDatabase db)
{
    QSqlQuery q(db);
    return q.exec("PRAGMA user_version") && q.next() ? q.value(0).toInt() : -1;
}

} // namespace

class SchemaUpgradeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version10KeepsItsBytesAndGainsLinkLocal();
    void newerSchemaIsRefused();
};

void SchemaUpgradeTest::version10KeepsItsBytesAndGainsLinkLocal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath("data");
    const QDateTime second = QDateTime(QDate(2026, 11, 27), QTime(10, 0, 5), Qt::UTC);
    QString error;
    int current = 0;
    {
        persistence::Database db;
        QVERIFY2(db.open(dataDir, &error), qPrintable(error));
        current = userVersion(db.handle());
        QVERIFY(current >= 11);
        // Back to what a v10 build wrote: no link_local columns, no later tables.
        QVERIFY2(exec(db.handle(), "DROP TABLE dial_failures", &error), qPrintable(error));
        for (const char* table : {"transfer_seconds", "transfer_minutes", "transfer_months"})
            QVERIFY2(exec(db.handle(), QString("ALTER TABLE %1 DROP COLUMN link_local").arg(table),
                          &error),
                     qPrintable(error));
        QVERIFY2(
            exec(db.handle(), "ALTER TABLE download_jobs DROP COLUMN bytes_link_local", &error),
            qPrintable(error));
        QVERIFY2(exec(db.handle(), "PRAGMA user_version=10", &error), qPrintable(error));
        // What a v10 agent recorded: LAN bytes in a second and its month, one finished job.
        const QString t = QString::number(second.toSecsSinceEpoch());
        QVERIFY2(exec(db.handle(),
                      "INSERT INTO transfer_seconds (t, direction, http, lan) VALUES (" + t +
                          ", 0, 100, 700)",
                      &error),
                 qPrintable(error));
        QVERIFY2(exec(db.handle(),
                      "INSERT INTO transfer_months (month, direction, http, lan) VALUES "
                      "('2026-11', 0, 100, 700)",
                      &error),
                 qPrintable(error));
        QVERIFY2(exec(db.handle(),
                      "INSERT INTO download_jobs (job_id, content_id, source, out_path, "
                      "foreground, state, error, download_mode, bytes_http, created_at, "
                      "bytes_lan) VALUES ('job-1', 'c1', 'http://x/f', '', 1, 'Completed', '', "
                      "1, 100, " +
                          t + ", 700)",
                      &error),
                 qPrintable(error));
    }

    persistence::Database db;
    QVERIFY2(db.open(dataDir, &error), qPrintable(error));
    QCOMPARE(userVersion(db.handle()), current);

    stats::TransferHistory history(db.handle());
    ClassBytes old{};
    old[size_t(SourceClass::Http)] = 100;
    old[size_t(SourceClass::LanPeer)] = 700;
    const QList<stats::HistorySample> samples = history.samples(second, second.addSecs(1));
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples[0].down, old);
    QCOMPARE(history.month(second.date()).down, old);

    // The new class is stored next to the old ones.
    ClassBytes linkLocal{};
    linkLocal[size_t(SourceClass::LinkLocalPeer)] = 4096;
    QVERIFY2(history.record(second, Direction::Download, linkLocal, &error), qPrintable(error));
    ClassBytes both = old;
    both[size_t(SourceClass::LinkLocalPeer)] = 4096;
    QCOMPARE(history.samples(second, second.addSecs(1))[0].down, both);
    QCOMPARE(history.month(second.date()).down, both);

    transfer::JobTable jobs(db.handle());
    QList<transfer::JobRecord> loaded = jobs.load(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded[0].bytesLan, 700);
    QCOMPARE(loaded[0].bytesLinkLocal, 0);
    QCOMPARE(loaded[0].bytesReceived(), 800);
    loaded[0].bytesLinkLocal = 300;
    QVERIFY2(jobs.save(loaded[0], &error), qPrintable(error));
    loaded = jobs.load(&error);
    QCOMPARE(loaded[0].bytesLinkLocal, 300);
    QCOMPARE(loaded[0].bytesFromPeers(), 1000);
}

void SchemaUpgradeTest::newerSchemaIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString dataDir = dir.filePath("data");
    QString error;
    {
        persistence::Database db;
        QVERIFY2(db.open(dataDir, &error), qPrintable(error));
        QVERIFY2(exec(db.handle(), "PRAGMA user_version=999", &error), qPrintable(error));
    }
    persistence::Database db;
    QVERIFY(!db.open(dataDir, &error));
    QVERIFY2(error.contains("written by a newer OpenDO (schema 999"), qPrintable(error));
}

QTEST_GUILESS_MAIN(SchemaUpgradeTest)
#include "test_schema_upgrade.moc"
