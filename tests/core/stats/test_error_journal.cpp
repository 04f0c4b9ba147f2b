// DO error codes: the tag a logged message carries and how it is read back, the meaning of
// each code OpenDO raises, and the journal in a real SQLite file — kept across reopening,
// filtered by time, and bounded in age and count.

#include "log/ErrorCodes.h"
#include "log/LogBuffer.h"
#include "log/LogCategories.h"
#include "persistence/Database.h"
#include "stats/ErrorJournal.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using log::DoErrorCode;
using stats::ErrorJournal;

class ErrorJournalTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { log::LogBuffer::install(); }
    void init();
    void tagsAndParsing_data();
    void tagsAndParsing();
    void everyRaisedCodeHasAMeaning();
    void reportLogsAndKeeps();
    void sinceFiltersByTime();
    void prunesOldAndExcessEvents();

private:
    void reopen();
    int rows();
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<persistence::Database> m_db;
    std::unique_ptr<ErrorJournal> m_journal;
};

void ErrorJournalTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void ErrorJournalTest::reopen()
{
    m_journal.reset();
    m_db.reset();
    m_db = std::make_unique<persistence::Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_journal = std::make_unique<ErrorJournal>(m_db->handle());
}

int ErrorJournalTest::rows()
{
    QSqlQuery q(m_db->handle());
    if (!q.exec("SELECT COUNT(*) FROM error_events") || !q.next())
        return -1;
    return q.value(0).toInt();
}

void ErrorJournalTest::tagsAndParsing_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("code"); // -1: no code
    QTest::newRow("tagged") << "[0x80D06805] abc piece 3 fails" << qint64(0x80D06805);
    QTest::newRow("hex letters") << "[0x80D0380A] unreachable" << qint64(0x80D0380A);
    QTest::newRow("untagged") << "0x80D06805 in the middle" << qint64(-1);
    QTest::newRow("not at the start") << "see [0x80D06805]" << qint64(-1);
    QTest::newRow("other facility") << "[0x80070005] access denied" << qint64(-1);
    QTest::newRow("lower case") << "[0x80d06805] x" << qint64(-1);
    QTest::newRow("short") << "[0x80D0680] x" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
}

void ErrorJournalTest::tagsAndParsing()
{
    QFETCH(QString, message);
    QFETCH(qint64, code);
    const auto parsed = log::errorCodeIn(message);
    QCOMPARE(parsed ? qint64(*parsed) : qint64(-1), code);
    if (code >= 0)
        QCOMPARE(log::errorCodeTag(DoErrorCode(code)) + message.mid(12), message);
}

void ErrorJournalTest::everyRaisedCodeHasAMeaning()
{
    const QList<DoErrorCode> raised = {
        DoErrorCode::UploadCapReached,   DoErrorCode::BlockedBySettings,
        DoErrorCode::OnBattery,          DoErrorCode::VpnDetected,
        DoErrorCode::NotEnoughMemory,    DoErrorCode::CacheFolderMissing,
        DoErrorCode::ServiceUnreachable, DoErrorCode::NoRangeSupport,
        DoErrorCode::PieceHashMismatch,  DoErrorCode::PeerBanned,
        DoErrorCode::NoProgress};
    for (DoErrorCode code : raised) {
        const auto meaning = log::errorCodeMeaning(quint32(code));
        QVERIFY2(meaning && !meaning->meaning.isEmpty() && !meaning->remedy.isEmpty(),
                 qPrintable(log::errorCodeText(quint32(code))));
    }
    QCOMPARE(log::errorCodeText(0x80D0680D), QString("0x80D0680D"));
    QVERIFY(!log::errorCodeMeaning(0x80D01001)); // DO's, but never raised here
}

void ErrorJournalTest::reportLogsAndKeeps()
{
    const qint64 before = log::LogBuffer::lastSeq();
    m_journal->report(DoErrorCode::PeerBanned, log::lcSwarm(), "abc banned 127.0.0.9:7680");
    const QList<log::LogRecord> logged = log::LogBuffer::since(before);
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.first().level, log::LogLevel::Warning);
    QCOMPARE(logged.first().message, QString("[0x80D0680D] abc banned 127.0.0.9:7680"));

    reopen();
    const QList<stats::ErrorEvent> events =
        m_journal->since(QDateTime::currentDateTime().addDays(-1));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().code, quint32(0x80D0680D));
    QCOMPARE(events.first().category, QString("opendo.swarm"));
    QCOMPARE(events.first().message, QString("abc banned 127.0.0.9:7680"));
    QVERIFY(qAbs(events.first().at.secsTo(QDateTime::currentDateTime())) < 60);
}

void ErrorJournalTest::sinceFiltersByTime()
{
    QSqlQuery q(m_db->handle());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 day = 24 * 3600 * 1000LL;
    for (qint64 ageDays : {20, 10, 1}) {
        q.prepare("INSERT INTO error_events (at_ms, code, category, message) VALUES (?, ?, ?, ?)");
        q.addBindValue(now - ageDays * day);
        q.addBindValue(qint64(0x80D06805));
        q.addBindValue("opendo.swarm");
        q.addBindValue(QString("%1 days old").arg(ageDays));
        QVERIFY(q.exec());
    }
    const auto events = m_journal->since(QDateTime::currentDateTime().addDays(-15));
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).message, QString("10 days old")); // oldest first
    QCOMPARE(events.at(1).message, QString("1 days old"));
}

void ErrorJournalTest::prunesOldAndExcessEvents()
{
    QSqlQuery q(m_db->handle());
    const qint64 old =
        QDateTime::currentDateTimeUtc().addDays(-ErrorJournal::kKeepDays - 1).toMSecsSinceEpoch();
    QVERIFY(m_db->handle().transaction());
    q.prepare("INSERT INTO error_events (at_ms, code, category, message) VALUES (?, ?, ?, ?)");
    for (int i = 0; i < ErrorJournal::kMaxEvents + 50; ++i) {
        q.addBindValue(i < 10 ? old : QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(qint64(0x80D06805));
        q.addBindValue("opendo.swarm");
        q.addBindValue(QString::number(i));
        QVERIFY(q.exec());
    }
    QVERIFY(m_db->handle().commit());
    // Pruning runs every 100 reports.
    for (int i = 0; i < 100; ++i)
        m_journal->report(DoErrorCode::PieceHashMismatch, log::lcSwarm(), QString("new %1").arg(i));
    QCOMPARE(rows(), ErrorJournal::kMaxEvents);
    QSqlQuery left(m_db->handle());
    QVERIFY(left.exec("SELECT MIN(at_ms) FROM error_events") && left.next());
    QVERIFY(left.value(0).toLongLong() > old);
    const auto events = m_journal->since(QDateTime::currentDateTime().addDays(-1));
    QCOMPARE(events.last().message, QString("new 99"));
}

QTEST_GUILESS_MAIN(ErrorJournalTest)
#include "test_error_journal.moc"
