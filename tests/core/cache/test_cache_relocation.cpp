// Moving the cache to a new folder (DOModifyCacheDrive changed while the agent runs) with a real
// SQLite index and real data files: content follows by rename with its pieces intact, an
// unusable folder changes nothing, leftovers of an earlier cache are handled, and content that
// cannot follow is evicted with the reason.

#include "cache/CacheRelocation.h"
#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "persistence/Database.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace opendo::cache;
using opendo::persistence::Database;

namespace {

constexpr qint64 kPieceLength = 16384;

ContentGeometry geometry(const QString& id)
{
    const qint64 size = 40000; // 3 pieces, the last one shorter
    return ContentGeometry{id, id + ".bin", size, kPieceLength,
                           int((size + kPieceLength - 1) / kPieceLength)};
}

QByteArray pieceBytes(const QString& id, int piece)
{
    return QByteArray(geometry(id).pieceSize(piece), char(id.at(0).toLatin1() + piece));
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

dev_t deviceOf(const QString& path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_dev : dev_t(-1);
}

} // namespace

class CacheRelocationTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void contentFollowsWithItsPieces();
    void sameFolderIsNoMove();
    void interruptedMoveIsCompleted();
    void unusableFolderChangesNothing();
    void leftoverOfAnEarlierCacheIsReplaced();
    void foreignFilesInTheWayEvictTheContent();
    void missingFolderEvictsTheContent();
    void anotherDriveEvictsTheContent();

private:
    QString oldDir() const { return m_dir->filePath("cache"); }
    void addContent(const QString& id, const QList<int>& pieces);
    void verifyMovedIntact(const QString& id, const QList<int>& pieces, const QString& dir);
    std::optional<EvictionRecord> evictionOf(const QString& id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PieceStore> m_store;
};

void CacheRelocationTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_db = std::make_unique<Database>();
    QString error;
    QVERIFY2(m_db->open(m_dir->filePath("data"), &error), qPrintable(error));
    m_store = std::make_unique<PieceStore>(m_db->handle(), oldDir());
}

void CacheRelocationTest::cleanup()
{
    m_store.reset();
    m_db.reset();
    m_dir.reset();
}

void CacheRelocationTest::addContent(const QString& id, const QList<int>& pieces)
{
    const ContentGeometry g = geometry(id);
    QString error;
    QVERIFY2(m_store->add(g, {}, "http://origin/" + g.name, &error), qPrintable(error));
    for (int piece : pieces) {
        const DiskWriteResult w = PieceFile::writeDurably(
            m_store->dataPath(id), g.fileSize, g.pieceOffset(piece), pieceBytes(id, piece));
        QVERIFY2(w.ok(), qPrintable(w.message));
    }
    QVERIFY2(m_store->markPresent(id, pieces, &error), qPrintable(error));
}

void CacheRelocationTest::verifyMovedIntact(const QString& id, const QList<int>& pieces,
                                            const QString& dir)
{
    const QString path = m_store->dataPath(id);
    QCOMPARE(path, dir + "/" + id + "/content");
    const std::optional<CachedContent> c = m_store->find(id);
    QVERIFY(c);
    QCOMPARE(c->present.count(true), qsizetype(pieces.size()));
    const QByteArray bytes = readAll(path);
    const ContentGeometry g = geometry(id);
    for (int piece : pieces) {
        QVERIFY(c->present.testBit(piece));
        QCOMPARE(bytes.mid(g.pieceOffset(piece), g.pieceSize(piece)), pieceBytes(id, piece));
    }
    QVERIFY(!QFileInfo::exists(oldDir() + "/" + id));
}

std::optional<EvictionRecord> CacheRelocationTest::evictionOf(const QString& id) const
{
    for (const EvictionRecord& r : m_store->evictions())
        if (r.contentId == id)
            return r;
    return std::nullopt;
}

void CacheRelocationTest::contentFollowsWithItsPieces()
{
    addContent("aaa111", {0, 1, 2});
    addContent("bbb222", {1}); // partial content moves too
    QString error;
    QVERIFY(m_store->setPinned("aaa111", true, &error));
    const QString target = m_dir->filePath("new/place");

    const CacheRelocation r = relocateCache(*m_store, target);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.moved, 2);
    QCOMPARE(r.evicted, 0);
    QCOMPARE(m_store->cacheDir(), target);
    verifyMovedIntact("aaa111", {0, 1, 2}, target);
    verifyMovedIntact("bbb222", {1}, target);
    QVERIFY(m_store->find("aaa111")->pinned);
    QVERIFY(m_store->evictions().isEmpty());
    QCOMPARE(m_store->recordedCacheDir(), target); // where the next start looks
    QVERIFY(!QFileInfo::exists(oldDir()));         // left empty, so removed
    // Nothing stray (the write probe) stays behind in the new folder.
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList({"aaa111", "bbb222"}));
    // The index keeps pointing at the new place after a restart of the store.
    QCOMPARE(m_store->reconcile(&error), 0);
}

void CacheRelocationTest::sameFolderIsNoMove()
{
    addContent("aaa111", {0});
    const CacheRelocation r = relocateCache(*m_store, oldDir() + "/.");
    QVERIFY(r.ok());
    QCOMPARE(r.moved, 0);
    QCOMPARE(m_store->dataPath("aaa111"), oldDir() + "/aaa111/content");
    QVERIFY(QFileInfo::exists(m_store->dataPath("aaa111")));
}

void CacheRelocationTest::interruptedMoveIsCompleted()
{
    addContent("aaa111", {0, 1});
    addContent("bbb222", {2});
    QString error;
    QVERIFY(m_store->recordCacheDir(&error));
    const QString target = m_dir->filePath("new");
    // The agent stopped after renaming the first folder, before recording the new place.
    QVERIFY(QDir().mkpath(target));
    QVERIFY(QDir().rename(oldDir() + "/aaa111", target + "/aaa111"));
    QCOMPARE(m_store->recordedCacheDir(), oldDir());

    const CacheRelocation r = relocateCache(*m_store, target);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.moved, 2);
    QCOMPARE(r.evicted, 0);
    verifyMovedIntact("aaa111", {0, 1}, target);
    verifyMovedIntact("bbb222", {2}, target);
    QCOMPARE(m_store->recordedCacheDir(), target);
}

void CacheRelocationTest::unusableFolderChangesNothing()
{
    addContent("aaa111", {0, 2});
    QFile blocker(m_dir->filePath("file"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString target = m_dir->filePath("file/cache");

    const CacheRelocation r = relocateCache(*m_store, target);
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains("the folder " + target + " cannot be created"), qPrintable(r.error));
    QCOMPARE(m_store->cacheDir(), oldDir());
    QCOMPARE(m_store->recordedCacheDir(), QString()); // nothing recorded either
    QCOMPARE(m_store->find("aaa111")->present.count(true), 2);
    QCOMPARE(readAll(m_store->dataPath("aaa111")).mid(0, kPieceLength), pieceBytes("aaa111", 0));
    QVERIFY(m_store->evictions().isEmpty());
}

void CacheRelocationTest::leftoverOfAnEarlierCacheIsReplaced()
{
    addContent("aaa111", {0, 1, 2});
    const QString target = m_dir->filePath("new");
    QVERIFY(QDir().mkpath(target + "/aaa111"));
    QFile stale(target + "/aaa111/content");
    QVERIFY(stale.open(QIODevice::WriteOnly));
    QVERIFY(stale.write("stale bytes of an earlier cache") > 0);
    stale.close();

    const CacheRelocation r = relocateCache(*m_store, target);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.moved, 1);
    verifyMovedIntact("aaa111", {0, 1, 2}, target);
}

void CacheRelocationTest::foreignFilesInTheWayEvictTheContent()
{
    addContent("aaa111", {0});
    addContent("bbb222", {0, 1});
    const QString target = m_dir->filePath("new");
    QVERIFY(QDir().mkpath(target + "/aaa111"));
    QFile foreign(target + "/aaa111/notes.txt"); // not the cache's: must survive
    QVERIFY(foreign.open(QIODevice::WriteOnly));
    QVERIFY(foreign.write("keep me") > 0);
    foreign.close();

    const CacheRelocation r = relocateCache(*m_store, target);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.moved, 1);
    QCOMPARE(r.evicted, 1);
    QVERIFY(!m_store->find("aaa111"));
    const std::optional<EvictionRecord> e = evictionOf("aaa111");
    QVERIFY(e);
    QVERIFY2(e->reason.contains("moved to " + target) && e->reason.contains("did not write"),
             qPrintable(e->reason));
    QVERIFY(!QFileInfo::exists(oldDir() + "/aaa111")); // its bytes went with the eviction
    QCOMPARE(readAll(target + "/aaa111/notes.txt"), QByteArray("keep me"));
    verifyMovedIntact("bbb222", {0, 1}, target);
}

void CacheRelocationTest::missingFolderEvictsTheContent()
{
    addContent("aaa111", {0});
    QVERIFY(QDir(oldDir() + "/aaa111").removeRecursively());
    const CacheRelocation r = relocateCache(*m_store, m_dir->filePath("new"));
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.evicted, 1);
    QVERIFY(!m_store->find("aaa111"));
    QVERIFY(evictionOf("aaa111"));
    QVERIFY2(evictionOf("aaa111")->reason.contains("was missing"),
             qPrintable(evictionOf("aaa111")->reason));
}

void CacheRelocationTest::anotherDriveEvictsTheContent()
{
    // A rename cannot cross file systems; /dev/shm is a tmpfs of its own on Linux.
    const QString shm = "/dev/shm";
    if (!QFileInfo(shm).isWritable() || deviceOf(shm) == deviceOf(m_dir->path()))
        QSKIP("no second writable file system (/dev/shm) next to the temporary folder");
    QTemporaryDir other(shm + "/opendo-relocation-XXXXXX");
    QVERIFY(other.isValid());
    addContent("aaa111", {0, 1});
    QString error;
    QVERIFY(m_store->setPinned("aaa111", true, &error)); // pinned or not: it cannot follow

    const CacheRelocation r = relocateCache(*m_store, other.path());
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.moved, 0);
    QCOMPARE(r.evicted, 1);
    QCOMPARE(m_store->cacheDir(), other.path());
    const std::optional<EvictionRecord> e = evictionOf("aaa111");
    QVERIFY(e);
    QVERIFY2(e->reason.contains("cross-device"), qPrintable(e->reason));
    QVERIFY(!QFileInfo::exists(oldDir() + "/aaa111"));
    QVERIFY(!QFileInfo::exists(other.path() + "/aaa111"));
}

QTEST_GUILESS_MAIN(CacheRelocationTest)
#include "test_cache_relocation.moc"
