// The journal of ended peer connections in a real SQLite file: what goes in comes back (across
// reopening), newest last, filtered by content, bounded in age and count; records wait for a
// batch but every read and the journal's end write them; an unknown class reads as an Internet
// peer; a database that refuses the insert is reported, not hidden, and one refused record does
// not cost the rest of its batch.

#include "persistence/Database.h"
#include "stats/ConnectionJournal.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using stats::ConnectionJournal;
using stats::ConnectionRecord;
using transfer::SourceClass;

namespace {

ConnectionRecord sample(const QString& contentId, const QString& endpoint, qint64 received)
{
    ConnectionRecord r;
    r.contentId = contentId;
    r.endpoint = endpoint;
    r.incoming = true;
    r.sourceClass = SourceClass::GroupPeer;
    r.client = QStringLiteral("OpenDO 0.1.0.0");
    r.endedAt = QDateTime::currentDateTimeUtc();
    r.startedAt = r.endedAt.addSecs(-42);
    r.bytesReceived = received;
    r.bytesSent = received / 2;
    r.hashFailures = 1;
    r.endReason = QStringLiteral("peer closed the connection");
    return r;
}

} // namespace

class ConnectionJournalTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void recordsComeBackAcrossReopening();
    void newestLastAndFilteredByContent();
    void readingSeesWaitingRecordsWithoutWriting();
    void fullBatchIsWrittenAtOnce();
    void unknownClassReadsAsInternet();
    void prunesOldAndExcessRecords();
    void refusedInsertIsReported();
    void peerThatNeverNamedItsClientIsKept();
    void oneRefusedRecordDoesNotCostTheOthers();

private:
    void reopen();
    int rows();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<persistence::Database> m_db;
    std::unique_ptr<ConnectionJournal> m_journal;
};

void ConnectionJournalTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void ConnectionJournalTest::reopen()
{
    m_journal.reset();
    m_db.reset();
    m_db = std::make_unique<persistence::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_journal = std::make_unique<ConnectionJournal>(m_db->handle());
}

int ConnectionJournalTest::rows()
{
    QSqlQuery q(m_db->handle());
    if (!q.exec("SELECT COUNT(*) FROM peer_connections") || !q.next())
        return -1;
    return q.value(0).toInt();
}

void ConnectionJournalTest::recordsComeBackAcrossReopening()
{
    ConnectionRecord in = sample("aa", "127.0.0.3:7680", 1000);
    in.violation = true;
    m_journal->record(in);
    QCOMPARE(rows(), 0); // waits for its batch…
    reopen();            // …which the journal's end writes
    QString error;
    const QList<ConnectionRecord> out = m_journal->recent(10, {}, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(out.size(), 1);
    const ConnectionRecord& r = out.first();
    QCOMPARE(r.contentId, in.contentId);
    QCOMPARE(r.endpoint, in.endpoint);
    QCOMPARE(r.incoming, true);
    QCOMPARE(r.sourceClass, SourceClass::GroupPeer);
    QCOMPARE(r.client, in.client);
    QCOMPARE(r.startedAt.toMSecsSinceEpoch(), in.startedAt.toMSecsSinceEpoch());
    QCOMPARE(r.endedAt.toMSecsSinceEpoch(), in.endedAt.toMSecsSinceEpoch());
    QCOMPARE(r.bytesReceived, 1000);
    QCOMPARE(r.bytesSent, 500);
    QCOMPARE(r.hashFailures, 1);
    QCOMPARE(r.endReason, in.endReason);
    QCOMPARE(r.violation, true);
}

void ConnectionJournalTest::newestLastAndFilteredByContent()
{
    for (int i = 0; i < 6; ++i)
        m_journal->record(sample(i % 2 ? "odd" : "even", "127.0.0.3:7680", i));
    const QList<ConnectionRecord> all = m_journal->recent(4);
    QCOMPARE(all.size(), 4);
    QCOMPARE(all.first().bytesReceived, 2); // the newest four: 2, 3, 4, 5
    QCOMPARE(all.last().bytesReceived, 5);
    const QList<ConnectionRecord> odd = m_journal->recent(10, "odd");
    QCOMPARE(odd.size(), 3);
    for (const ConnectionRecord& r : odd)
        QCOMPARE(r.contentId, QString("odd"));
    QCOMPARE(m_journal->recent(10, "none").size(), 0);
    QCOMPARE(m_journal->recent(0).size(), 0);
}

void ConnectionJournalTest::readingSeesWaitingRecordsWithoutWriting()
{
    for (int i = 0; i < 3; ++i)
        m_journal->record(sample("aa", "127.0.0.3:7680", i));
    QVERIFY(m_journal->flush());
    for (int i = 3; i < 6; ++i)
        m_journal->record(sample(i == 4 ? "bb" : "aa", "127.0.0.3:7680", i));
    const QList<ConnectionRecord> newest = m_journal->recent(4);
    QCOMPARE(rows(), 3); // the read wrote nothing
    QCOMPARE(newest.size(), 4);
    QCOMPARE(newest.first().bytesReceived, 2); // stored 2, then waiting 3, 4, 5
    QCOMPARE(newest.last().bytesReceived, 5);
    const QList<ConnectionRecord> aa = m_journal->recent(3, "aa");
    QCOMPARE(aa.size(), 3);
    QCOMPARE(aa.at(0).bytesReceived, 2);
    QCOMPARE(aa.at(1).bytesReceived, 3);
    QCOMPARE(aa.at(2).bytesReceived, 5);
    QCOMPARE(m_journal->recent(2).first().bytesReceived, 4); // only waiting ones
}

void ConnectionJournalTest::fullBatchIsWrittenAtOnce()
{
    for (int i = 0; i < ConnectionJournal::kBatch - 1; ++i)
        m_journal->record(sample("aa", "127.0.0.3:7680", i));
    QCOMPARE(rows(), 0);
    m_journal->record(sample("aa", "127.0.0.3:7680", 99));
    QCOMPARE(rows(), ConnectionJournal::kBatch);
}

void ConnectionJournalTest::unknownClassReadsAsInternet()
{
    m_journal->record(sample("aa", "127.0.0.3:7680", 1));
    QVERIFY(m_journal->flush());
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("UPDATE peer_connections SET source_class = 'satellite'"));
    QCOMPARE(m_journal->recent(1).first().sourceClass, SourceClass::InternetPeer);
}

void ConnectionJournalTest::prunesOldAndExcessRecords()
{
    const ConnectionRecord old = [] {
        ConnectionRecord r = sample("old", "127.0.0.4:7680", 7);
        r.endedAt = QDateTime::currentDateTimeUtc().addDays(-ConnectionJournal::kKeepDays - 1);
        r.startedAt = r.endedAt.addSecs(-1);
        return r;
    }();
    QVERIFY(m_db->handle().transaction());
    for (int i = 0; i < ConnectionJournal::kMaxRecords + 50; ++i)
        m_journal->record(i < 10 ? old : sample("recent", "127.0.0.3:7680", i));
    QVERIFY(m_journal->flush());
    QVERIFY(m_db->handle().commit());
    // A batch written after that prunes: the old ones and the oldest beyond the limit go.
    for (int i = 0; i < 100; ++i)
        m_journal->record(sample("recent", "127.0.0.3:7680", -1 - i));
    QVERIFY(m_journal->flush());
    QCOMPARE(rows(), ConnectionJournal::kMaxRecords);
    QCOMPARE(m_journal->recent(ConnectionJournal::kMaxRecords, "old").size(), 0);
    QCOMPARE(m_journal->recent(1).last().bytesReceived, -100);
}

void ConnectionJournalTest::refusedInsertIsReported()
{
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("DROP TABLE peer_connections"));
    m_journal->record(sample("aa", "127.0.0.3:7680", 1));
    QVERIFY(!m_journal->flush());
    QString error;
    QVERIFY(m_journal->recent(10, {}, &error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void ConnectionJournalTest::peerThatNeverNamedItsClientIsKept()
{
    m_journal->record(sample("aa", "127.0.0.2:7680", 1));
    ConnectionRecord anonymous = sample("aa", "127.0.0.3:7680", 2);
    anonymous.client = QString(); // closed before the extension handshake
    anonymous.endReason = QString();
    m_journal->record(anonymous);
    QVERIFY(m_journal->flush()); // the whole batch, not refused for one record
    const QList<ConnectionRecord> out = m_journal->recent(10);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.last().endpoint, QString("127.0.0.3:7680"));
    QCOMPARE(out.last().client, QString());
}

void ConnectionJournalTest::oneRefusedRecordDoesNotCostTheOthers()
{
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("CREATE TRIGGER refuse_one BEFORE INSERT ON peer_connections "
                   "WHEN NEW.endpoint = 'refused:1' BEGIN SELECT RAISE(ABORT, 'refused'); END"));
    m_journal->record(sample("aa", "127.0.0.2:7680", 1));
    m_journal->record(sample("aa", "refused:1", 2));
    m_journal->record(sample("aa", "127.0.0.4:7680", 3));
    QVERIFY(!m_journal->flush()); // reported…
    QCOMPARE(rows(), 2);          // …but the other two are kept
    const QList<ConnectionRecord> out = m_journal->recent(10);
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.first().bytesReceived, 1);
    QCOMPARE(out.last().bytesReceived, 3);
}

QTEST_GUILESS_MAIN(ConnectionJournalTest)
#include "test_connection_journal.moc"
