// The cache index in a real SQLite file with real data files: registration, durable piece
// marks, completion, eviction with its record, start-up reconciliation and pinning.

#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "persistence/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::cache;
using opendo::persistence::Database;

namespace {

// 3 pieces of 16 KiB, the last one shorter.
ContentGeometry geometry(const QString& id = "abc123", qint64 fileSize = 40000)
{
    const qint64 pieceLength = 16384;
    return ContentGeometry{id, id + ".iso", fileSize, pieceLength,
                           int((fileSize + pieceLength - 1) / pieceLength)};
}

} // namespace

class PieceStoreTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addIsIdempotent();
    void addRejectsADifferentGeometry();
    void addRejectsInconsistentGeometry();
    void badContentIdsAreRejected_data();
    void badContentIdsAreRejected();
    void metainfoMakesContentShareable();
    void markPresentPersistsAcrossReopen();
    void completedAtIsSetByTheLastPiece();
    void invalidPieceIndexMarksNothing();
    void evictRemovesBytesAndRowsAndRecordsWhy();
    void evictUnknownContentFails();
    void reconcileUnmarksWhenTheDataFileIsTruncated();
    void reconcileUnmarksWhenTheDataFileIsDeleted();
    void reconcileKeepsIntactContent();
    void pinSurvivesReopen();
    void keepUntilSurvivesReopen();
    void touchUpdatesLastUse();
    void dataPathFollowsTheCurrentCacheDir();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PieceStore> m_store;
    QString cacheDir() const { return m_dir->filePath("cache"); }
    void reopen();
    int rows(const QString& sql);
    void writeAll(const ContentGeometry& g);
};

void PieceStoreTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void PieceStoreTest::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void PieceStoreTest::reopen()
{
    m_store.reset();
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_store = std::make_unique<PieceStore>(m_db->handle(), cacheDir());
}

int PieceStoreTest::rows(const QString& sql)
{
    QSqlQuery q(m_db->handle());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toInt();
}

void PieceStoreTest::writeAll(const ContentGeometry& g)
{
    for (int i = 0; i < g.pieceCount; ++i) {
        const DiskWriteResult w =
            PieceFile::writeDurably(m_store->dataPath(g.contentId), g.fileSize, g.pieceOffset(i),
                                    QByteArray(g.pieceSize(i), char('a' + i)));
        QVERIFY2(w.ok(), qPrintable(w.message));
    }
}

void PieceStoreTest::addIsIdempotent()
{
    QString error;
    QVERIFY2(m_store->add(geometry(), {}, "http://origin/abc.iso", &error), qPrintable(error));
    QVERIFY(QFileInfo(cacheDir() + "/abc123").isDir());
    QVERIFY2(m_store->markPresent("abc123", {1}, &error), qPrintable(error));
    QVERIFY2(m_store->add(geometry(), {}, "http://origin/abc.iso", &error), qPrintable(error));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_contents"), 1);
    const std::optional<CachedContent> c = m_store->find("abc123");
    QVERIFY(c);
    QVERIFY(c->present.testBit(1)); // the existing entry kept its piece
    QCOMPARE(c->present.count(true), 1);
    QCOMPARE(c->geometry.name, QString("abc123.iso"));
    QCOMPARE(c->geometry.fileSize, qint64(40000));
    QCOMPARE(c->sourceUrl, QString("http://origin/abc.iso"));
    QVERIFY(!c->complete());
    QVERIFY(qAbs(c->addedAt.secsTo(QDateTime::currentDateTime())) < 60);
    QCOMPARE(c->lastUsedAt, c->addedAt);
}

void PieceStoreTest::addRejectsADifferentGeometry()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(!m_store->add(geometry("abc123", 50000), {}, {}, &error));
    QVERIFY2(error.contains("abc123"), qPrintable(error));
    QCOMPARE(m_store->find("abc123")->geometry.fileSize, qint64(40000));
}

void PieceStoreTest::addRejectsInconsistentGeometry()
{
    QString error;
    ContentGeometry g = geometry();
    g.pieceCount = 2; // 40000 bytes in pieces of 16384 are 3 pieces
    QVERIFY(!m_store->add(g, {}, {}, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(!m_store->add(geometry("empty", 0), {}, {}, &error));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_contents"), 0);
}

void PieceStoreTest::badContentIdsAreRejected_data()
{
    QTest::addColumn<QString>("id");
    QTest::newRow("parent") << "../x";
    QTest::newRow("dotdot") << "..";
    QTest::newRow("dot") << ".";
    QTest::newRow("empty") << "";
    QTest::newRow("slash") << "a/b";
    QTest::newRow("absolute") << "/etc";
    QTest::newRow("space") << "a b";
    QTest::newRow("newline") << "a\nb";
    QTest::newRow("too long") << QString(101, 'a');
    QTest::newRow("non-ASCII") << QString::fromUtf8("caf\xc3\xa9");
}

void PieceStoreTest::badContentIdsAreRejected()
{
    QFETCH(QString, id);
    QString error;
    ContentGeometry g = geometry();
    g.contentId = id;
    QVERIFY(!m_store->add(g, {}, {}, &error));
    QVERIFY2(error.contains("not a valid content id"), qPrintable(error));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_contents"), 0);
    QVERIFY(m_store->dataPath(id).isEmpty());
    QVERIFY(!m_store->find(id));
    QVERIFY(!m_store->markPresent(id, {0}, &error));
    QVERIFY(!m_store->evict(id, "test", &error));
    // Nothing was created next to the cache folder.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
             QStringList{"data"});
}

void PieceStoreTest::metainfoMakesContentShareable()
{
    QString error;
    QVERIFY(m_store->add(geometry("withmeta"), "d4:infod6:lengthi40000eee", {}, &error));
    QVERIFY(m_store->add(geometry("httponly"), {}, "http://origin/f", &error));
    QVERIFY(m_store->find("withmeta")->shareable());
    QCOMPARE(m_store->find("withmeta")->metainfo, QByteArray("d4:infod6:lengthi40000eee"));
    QVERIFY(!m_store->find("httponly")->shareable());
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_contents WHERE metainfo IS NULL"), 1);
}

void PieceStoreTest::markPresentPersistsAcrossReopen()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY2(m_store->markPresent("abc123", {0, 2}, &error), qPrintable(error));
    QVERIFY(m_store->markPresent("abc123", {2}, &error)); // marking twice is harmless
    reopen();
    const std::optional<CachedContent> c = m_store->find("abc123");
    QVERIFY(c);
    QVERIFY(c->present.testBit(0));
    QVERIFY(!c->present.testBit(1));
    QVERIFY(c->present.testBit(2));
    QCOMPARE(c->bytesPresent(), qint64(16384 + 40000 - 2 * 16384));
    QCOMPARE(m_store->totalBytes(), c->bytesPresent());
    QCOMPARE(m_store->all().size(), 1);
    QCOMPARE(m_store->all().first().present, c->present);
}

void PieceStoreTest::completedAtIsSetByTheLastPiece()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(m_store->add(geometry("other", 100000), {}, {}, &error));
    QVERIFY(m_store->markPresent("abc123", {0, 2}, &error));
    QVERIFY(!m_store->find("abc123")->complete());
    QVERIFY(m_store->markPresent("abc123", {1}, &error));
    const CachedContent c = *m_store->find("abc123");
    QVERIFY(c.complete());
    QVERIFY(qAbs(c.completedAt->secsTo(QDateTime::currentDateTime())) < 60);
    QCOMPARE(c.bytesPresent(), qint64(40000));
    QVERIFY(m_store->markPresent("other", {3}, &error));
    QCOMPARE(m_store->totalBytes(), qint64(40000 + 16384));
    qint64 sum = 0;
    for (const CachedContent& each : m_store->all())
        sum += each.bytesPresent();
    QCOMPARE(m_store->totalBytes(), sum);
}

void PieceStoreTest::invalidPieceIndexMarksNothing()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(!m_store->markPresent("abc123", {0, 3}, &error));
    QVERIFY2(error.contains("piece 3"), qPrintable(error));
    QVERIFY(!m_store->markPresent("abc123", {-1}, &error));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_pieces"), 0);
    QVERIFY(!m_store->markPresent("unknown", {0}, &error));
    QVERIFY2(error.contains("unknown"), qPrintable(error));
}

void PieceStoreTest::evictRemovesBytesAndRowsAndRecordsWhy()
{
    QString error;
    const ContentGeometry g = geometry();
    QVERIFY(m_store->add(g, {}, {}, &error));
    QVERIFY(m_store->add(geometry("keep"), {}, {}, &error));
    writeAll(g);
    QVERIFY(m_store->markPresent("abc123", {0, 1, 2}, &error));
    const QString data = m_store->dataPath("abc123");
    QVERIFY(QFile::exists(data));

    QTest::ignoreMessage(QtInfoMsg, "cache: evicted abc123.iso (abc123, 40000 bytes): older than "
                                    "DOMaxCacheAge (259200 s)");
    QVERIFY2(m_store->evict("abc123", "older than DOMaxCacheAge (259200 s)", &error),
             qPrintable(error));
    QVERIFY(!QFile::exists(data));
    QVERIFY(!QFileInfo::exists(cacheDir() + "/abc123"));
    QVERIFY(QFileInfo(cacheDir() + "/keep").isDir());
    QVERIFY(!m_store->find("abc123"));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_pieces WHERE content_id = 'abc123'"), 0);
    QCOMPARE(m_store->totalBytes(), qint64(0));

    reopen();
    const QList<EvictionRecord> records = m_store->evictions();
    QCOMPARE(records.size(), 1);
    QCOMPARE(records[0].contentId, QString("abc123"));
    QCOMPARE(records[0].name, QString("abc123.iso"));
    QCOMPARE(records[0].fileSize, qint64(40000));
    QCOMPARE(records[0].reason, QString("older than DOMaxCacheAge (259200 s)"));
    QVERIFY(qAbs(records[0].at.secsTo(QDateTime::currentDateTime())) < 60);

    // Newest first, and the limit applies.
    QTest::ignoreMessage(QtInfoMsg, "cache: evicted keep.iso (keep, 0 bytes): second");
    QVERIFY(m_store->evict("keep", "second", &error));
    QCOMPARE(m_store->evictions().first().reason, QString("second"));
    QCOMPARE(m_store->evictions(1).size(), 1);
}

void PieceStoreTest::evictUnknownContentFails()
{
    QString error;
    QVERIFY(!m_store->evict("nothere", "test", &error));
    QVERIFY2(error.contains("nothere"), qPrintable(error));
    QCOMPARE(rows("SELECT COUNT(*) FROM cache_evictions"), 0);
}

void PieceStoreTest::reconcileUnmarksWhenTheDataFileIsTruncated()
{
    QString error;
    const ContentGeometry g = geometry();
    QVERIFY(m_store->add(g, {}, {}, &error));
    writeAll(g);
    QVERIFY(m_store->markPresent("abc123", {0, 1, 2}, &error));
    QVERIFY(QFile::resize(m_store->dataPath("abc123"), 20000));
    reopen();
    QTest::ignoreMessage(QtWarningMsg,
                         "cache: data file of abc123 is missing or short; forgot 3 pieces");
    QCOMPARE(m_store->reconcile(&error), 3);
    const CachedContent c = *m_store->find("abc123");
    QCOMPARE(c.present.count(true), 0);
    QVERIFY(!c.complete());
    QCOMPARE(m_store->reconcile(&error), 0); // nothing left to forget
}

void PieceStoreTest::reconcileUnmarksWhenTheDataFileIsDeleted()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(m_store->add(geometry("intact"), {}, {}, &error));
    writeAll(geometry());
    writeAll(geometry("intact"));
    QVERIFY(m_store->markPresent("abc123", {0, 2}, &error));
    QVERIFY(m_store->markPresent("intact", {0, 1, 2}, &error));
    QVERIFY(QFile::remove(m_store->dataPath("abc123")));
    QTest::ignoreMessage(QtWarningMsg,
                         "cache: data file of abc123 is missing or short; forgot 2 pieces");
    QCOMPARE(m_store->reconcile(&error), 2);
    QCOMPARE(m_store->find("abc123")->present.count(true), 0);
    QVERIFY(m_store->find("intact")->complete());
    QCOMPARE(m_store->find("intact")->present.count(true), 3);
}

void PieceStoreTest::reconcileKeepsIntactContent()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    // One piece written: the file is already full-sized (sparse), so it is not "short".
    QVERIFY(
        PieceFile::writeDurably(m_store->dataPath("abc123"), 40000, 16384, QByteArray(16384, 'x'))
            .ok());
    QVERIFY(m_store->markPresent("abc123", {1}, &error));
    QVERIFY(m_store->add(geometry("nothingyet"), {}, {}, &error)); // no file, no pieces
    QCOMPARE(m_store->reconcile(&error), 0);
    QVERIFY(m_store->find("abc123")->present.testBit(1));
}

void PieceStoreTest::pinSurvivesReopen()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(!m_store->find("abc123")->pinned);
    QVERIFY2(m_store->setPinned("abc123", true, &error), qPrintable(error));
    reopen();
    QVERIFY(m_store->find("abc123")->pinned);
    QVERIFY(m_store->setPinned("abc123", false, &error));
    QVERIFY(!m_store->find("abc123")->pinned);
    QVERIFY(!m_store->setPinned("unknown", true, &error));
    QVERIFY2(error.contains("unknown"), qPrintable(error));
}

void PieceStoreTest::keepUntilSurvivesReopen()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QVERIFY(!m_store->find("abc123")->keepUntil);
    const QDateTime until =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch() + 86400);
    QVERIFY2(m_store->setKeepUntil("abc123", until, &error), qPrintable(error));
    reopen();
    QCOMPARE(m_store->find("abc123")->keepUntil.value_or(QDateTime()), until);
    QVERIFY(m_store->setKeepUntil("abc123", std::nullopt, &error));
    QVERIFY(!m_store->find("abc123")->keepUntil);
    QVERIFY(!m_store->setKeepUntil("unknown", until, &error));
    QVERIFY2(error.contains("unknown"), qPrintable(error));
    // Every content at once (doctl cache expire without a file id).
    QVERIFY2(m_store->setKeepUntilForAll(until, &error), qPrintable(error));
    QCOMPARE(m_store->find("abc123")->keepUntil.value_or(QDateTime()), until);
}

void PieceStoreTest::touchUpdatesLastUse()
{
    QString error;
    QVERIFY(m_store->add(geometry(), {}, {}, &error));
    QSqlQuery q(m_db->handle());
    QVERIFY(q.exec("UPDATE cache_contents SET last_used_at = 1000"));
    QCOMPARE(m_store->find("abc123")->lastUsedAt, QDateTime::fromSecsSinceEpoch(1000));
    QVERIFY(m_store->touch("abc123"));
    QVERIFY(qAbs(m_store->find("abc123")->lastUsedAt.secsTo(QDateTime::currentDateTime())) < 60);
    QVERIFY(!m_store->touch("unknown"));
}

void PieceStoreTest::dataPathFollowsTheCurrentCacheDir()
{
    QCOMPARE(m_store->dataPath("abc123"), cacheDir() + "/abc123/content");
    m_store->setCacheDir(m_dir->filePath("moved"));
    QCOMPARE(m_store->cacheDir(), m_dir->filePath("moved"));
    QCOMPARE(m_store->dataPath("abc123"), m_dir->filePath("moved") + "/abc123/content");
}

QTEST_GUILESS_MAIN(PieceStoreTest)
#include "test_piece_store.moc"
