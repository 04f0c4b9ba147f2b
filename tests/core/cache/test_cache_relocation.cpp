// Moving the cache to a new folder (DOModifyCacheDrive changed while the agent runs) with a real
// SQLite index and real data files: content follows by rename with its pieces intact, an
// unusable folder changes nothing, leftovers of an earlier cache are handled, and content that
// cannot follow is evicted with the reason. Onto another drive (a tmpfs: /dev/shm, or one
// mounted in a private namespace) the content is copied, all or nothing.

#include "cache/CacheRelocation.h"
#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "persistence/Database.h"
#include "support/PrivateTmpfs.h"
#include "support/RequireTool.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstdio>
#include <sys/stat.h>

using namespace opendo::cache;
using opendo::persistence::Database;
using opendo::test::PrivateTmpfsRun;
using opendo::test::runOnPrivateTmpfs;

namespace {

constexpr qint64 kPieceLength = 16384;
constexpr qint64 kBigSize = 2 * 1024 * 1024; // fills a 1 MiB drive twice over

ContentGeometry geometry(const QString& id)
{
    // 3 pieces, the last one shorter; "big…" content is larger, for a drive that is too small.
    const qint64 size = id.startsWith("big") ? kBigSize : 40000;
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

// Another file system than the temporary folder's: /dev/shm, a tmpfs of its own on Linux.
QString secondDrive(const QString& besides)
{
    const QString shm = QStringLiteral("/dev/shm");
    if (!QFileInfo(shm).isWritable() || deviceOf(shm) == deviceOf(besides))
        return {};
    return shm;
}

// In a private mount namespace with a 1 MiB tmpfs at `drive`: what planning a copy of the
// cache in `cacheDir` (index in `dataDir`) onto it says.
int planChild(const QString& drive, const QString& dataDir, const QString& cacheDir)
{
    Database db;
    QString error;
    if (!db.open(dataDir, &error)) {
        std::printf("RESULT cannot open the index: %s\n", qPrintable(error));
        return 1;
    }
    const PieceStore store(db.handle(), cacheDir);
    const CacheCopyPlan plan = planCacheCopy(store, drive + "/cache");
    std::printf("RESULT %s\nITEMS %d\n", qPrintable(plan.error), int(plan.items.size()));
    return 0;
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
    void relocationMethodTellsDrivesApart();
    void copyOntoAnotherDriveKeepsEveryPiece();
    void missingDataFileIsEvictedWhenTheCopyCompletes();
    void failedCopyChangesNothing();
    void tooLittleSpaceRefusesTheCopy();

private:
    QString otherDrive();
    bool runCopy(const CacheCopyPlan& plan, QString* error);
    QString oldDir() const { return m_dir->filePath("cache"); }
    void addContent(const QString& id, const QList<int>& pieces);
    void verifyMovedIntact(const QString& id, const QList<int>& pieces, const QString& dir);
    std::optional<EvictionRecord> evictionOf(const QString& id) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<PieceStore> m_store;
    std::unique_ptr<QTemporaryDir> m_otherDrive; // on /dev/shm, removed after each test
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
    m_otherDrive.reset();
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
        OPENDO_SKIP_WITHOUT_TOOL("no second writable file system (/dev/shm) next to the temporary folder");
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

QString CacheRelocationTest::otherDrive()
{
    const QString drive = secondDrive(m_dir->path());
    if (drive.isEmpty())
        return {};
    m_otherDrive = std::make_unique<QTemporaryDir>(drive + "/opendo-relocation-XXXXXX");
    return m_otherDrive->isValid() ? m_otherDrive->path() : QString();
}

bool CacheRelocationTest::runCopy(const CacheCopyPlan& plan, QString* error)
{
    CacheCopyJob job(plan);
    QSignalSpy finished(&job, &CacheCopyJob::finished);
    job.start();
    if (!finished.wait(30000)) {
        *error = "the copy did not finish within 30 s";
        return false;
    }
    *error = finished.first().at(0).toString();
    const bool copied = error->isEmpty() && !finished.first().at(1).toBool();
    if (copied)
        job.keepCopies(); // as the agent does before finishCacheCopy
    return copied;
}

void CacheRelocationTest::relocationMethodTellsDrivesApart()
{
    addContent("aaa111", {0});
    QCOMPARE(relocationMethod(oldDir(), m_dir->filePath("new")), RelocationMethod::Rename);
    const QString other = otherDrive();
    if (other.isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    QCOMPARE(relocationMethod(oldDir(), other + "/cache"), RelocationMethod::Copy);
    // The probe leaves nothing behind on either side.
    QCOMPARE(QDir(oldDir()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{"aaa111"});
    QCOMPARE(
        QDir(other + "/cache").entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList{});
}

void CacheRelocationTest::copyOntoAnotherDriveKeepsEveryPiece()
{
    const QString other = otherDrive();
    if (other.isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    addContent("aaa111", {0, 1, 2});
    addContent("bbb222", {1}); // partial content is copied too, its holes kept
    QString error;
    QVERIFY(m_store->setPinned("aaa111", true, &error));
    const QString target = other + "/cache";

    const CacheCopyPlan plan = planCacheCopy(*m_store, target);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.items.size(), qsizetype(2));
    QVERIFY(plan.missing.isEmpty());
    QVERIFY(plan.bytes >= geometry("aaa111").fileSize + kPieceLength); // holes not counted
    QVERIFY(plan.bytes < 2 * geometry("aaa111").fileSize);
    QVERIFY2(runCopy(plan, &error), qPrintable(error));
    // Copied, but the index still points at the originals until the move completes.
    QCOMPARE(m_store->cacheDir(), oldDir());
    QVERIFY(QFileInfo::exists(oldDir() + "/aaa111/content"));
    // A download added while the copy ran: registered, nothing written (downloads were held).
    const ContentGeometry added = geometry("ccc333");
    QVERIFY2(m_store->add(added, {}, "http://origin/" + added.name, &error), qPrintable(error));

    const CacheRelocation r = finishCacheCopy(*m_store, plan);
    QCOMPARE(r.moved, 3);
    QCOMPARE(r.evicted, 0);
    QCOMPARE(m_store->cacheDir(), target);
    QCOMPARE(m_store->recordedCacheDir(), target);
    verifyMovedIntact("aaa111", {0, 1, 2}, target);
    verifyMovedIntact("bbb222", {1}, target);
    QVERIFY(QFileInfo(target + "/ccc333").isDir()); // where its download will write
    QVERIFY(m_store->find("aaa111")->pinned);
    QVERIFY(!QFileInfo::exists(oldDir())); // emptied, so removed
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList({"aaa111", "bbb222", "ccc333"}));
    QCOMPARE(QDir(target + "/bbb222").entryList(QDir::Files | QDir::Hidden),
             QStringList{"content"}); // no partial copy left
    QCOMPARE(m_store->reconcile(&error), 0);
}

void CacheRelocationTest::missingDataFileIsEvictedWhenTheCopyCompletes()
{
    const QString other = otherDrive();
    if (other.isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    addContent("aaa111", {0});
    addContent("bbb222", {0, 2});
    QVERIFY(QFile::remove(oldDir() + "/aaa111/content"));
    const CacheCopyPlan plan = planCacheCopy(*m_store, other + "/cache");
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.missing, QStringList{"aaa111"});
    QString error;
    QVERIFY2(runCopy(plan, &error), qPrintable(error));
    QVERIFY(m_store->find("aaa111")); // evicted only when the move completes
    const CacheRelocation r = finishCacheCopy(*m_store, plan);
    QCOMPARE(r.moved, 1);
    QCOMPARE(r.evicted, 1);
    QVERIFY(!m_store->find("aaa111"));
    QVERIFY2(evictionOf("aaa111") && evictionOf("aaa111")->reason.contains("was missing"),
             qPrintable(evictionOf("aaa111") ? evictionOf("aaa111")->reason : "no eviction"));
    verifyMovedIntact("bbb222", {0, 2}, other + "/cache");
}

void CacheRelocationTest::failedCopyChangesNothing()
{
    const QString other = otherDrive();
    if (other.isEmpty())
        OPENDO_SKIP_WITHOUT_TOOL("no second file system (/dev/shm) next to the temporary folder");
    addContent("aaa111", {0, 1});
    addContent("bbb222", {2});
    const QString target = other + "/cache";
    const CacheCopyPlan plan = planCacheCopy(*m_store, target);
    QVERIFY2(plan.ok(), qPrintable(plan.error));
    QCOMPARE(plan.items.size(), qsizetype(2));
    // The second file vanishes after planning: the copy fails there, after the first was done.
    const QString vanished = plan.items.at(1).source;
    QVERIFY(QFile::remove(vanished));
    QString error;
    QVERIFY(!runCopy(plan, &error));
    QVERIFY2(error.contains(vanished), qPrintable(error));
    // All or nothing: the first copy is gone again; the index and the originals are untouched.
    QCOMPARE(QDir(target).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{});
    QCOMPARE(m_store->cacheDir(), oldDir());
    const QString kept = plan.items.at(0).source;
    QCOMPARE(readAll(kept).mid(0, kPieceLength), pieceBytes(QFileInfo(kept).dir().dirName(), 0));
    QVERIFY(m_store->evictions().isEmpty());
}

void CacheRelocationTest::tooLittleSpaceRefusesTheCopy()
{
    QList<int> every;
    for (int piece = 0; piece < geometry("big444").pieceCount; ++piece)
        every << piece;
    addContent("big444", every);
    const QString drive = m_dir->filePath("small-drive");
    QVERIFY(QDir().mkpath(drive));
    const PrivateTmpfsRun run =
        runOnPrivateTmpfs(drive, 1, QCoreApplication::applicationFilePath(),
                          {"--plan-child", drive, m_dir->filePath("data"), oldDir()}, 60000);
    if (!run.mounted)
        OPENDO_SKIP_WITHOUT_TOOL(
            qPrintable("cannot mount a small tmpfs in a private namespace: " + run.why));
    QVERIFY2(run.result.exitCode == 0, qPrintable(run.result.out + run.result.err));
    const QRegularExpression refused(
        "RESULT the cache holds [23] MB but only [01] MB is free on the drive of " +
        QRegularExpression::escape(drive + "/cache") + "\nITEMS 1\n");
    QVERIFY2(refused.match(run.result.out).hasMatch(), qPrintable(run.result.out));
    // Nothing changed here (the child's tmpfs went with it).
    QCOMPARE(m_store->cacheDir(), oldDir());
    QCOMPARE(m_store->find("big444")->present.count(true), qsizetype(every.size()));
    QVERIFY(!QFileInfo::exists(drive + "/cache"));
}

int main(int argc, char** argv)
{
    // The space test re-runs this executable inside the namespace it prepared.
    if (argc == 5 && qstrcmp(argv[1], "--plan-child") == 0) {
        QCoreApplication app(argc, argv);
        return planChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                         QString::fromLocal8Bit(argv[4]));
    }
    QCoreApplication app(argc, argv);
    CacheRelocationTest test;
    return QTest::qExec(&test, argc, argv);
}
#include "test_cache_relocation.moc"
