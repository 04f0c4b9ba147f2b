// Benchmark (prints figures; not a test): how fast the agent moves its cache onto another drive
// (DOModifyCacheDrive naming a folder on another file system), against `cp -r --sparse=always`
// of the same folder followed by `sync`. The cache holds one complete content of SIZE MiB and one
// half-downloaded content of the same size (every other 4 MiB present), in a temporary folder
// under the current directory; the other drive is TARGET (default /dev/shm, a tmpfs). Before each
// run the source's pages are dropped from the page cache (posix_fadvise), so the figures include
// reading from the disk.
//
//   build/bench/cache_copy/cache_copy [SIZE_MIB] [TARGET]      (default 512 /dev/shm)

#include "cache/CacheCopyJob.h"
#include "cache/CacheRelocation.h"
#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "persistence/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

using namespace opendo;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kPieceLength = 4 * kMiB;

bool addContent(cache::PieceStore& store, const QString& id, qint64 size, bool everyPiece)
{
    const cache::ContentGeometry g{id, id + QStringLiteral(".bin"), size, kPieceLength,
                                   int((size + kPieceLength - 1) / kPieceLength)};
    QString error;
    if (!store.add(g, {}, QStringLiteral("http://origin/") + g.name, &error))
        return false;
    QByteArray piece(kPieceLength, Qt::Uninitialized);
    QList<int> present;
    for (int i = 0; i < g.pieceCount; ++i) {
        if (!everyPiece && i % 2 == 1)
            continue;
        for (qint64 b = 0; b < kPieceLength; ++b)
            piece[b] = char((b * 13 + i * 7) & 0xff);
        const auto w = cache::PieceFile::writeDurably(store.dataPath(id), size, g.pieceOffset(i),
                                                      QByteArrayView(piece).first(g.pieceSize(i)));
        if (!w.ok()) {
            std::fprintf(stderr, "%s\n", qPrintable(w.message));
            return false;
        }
        present << i;
    }
    return store.markPresent(id, present, &error);
}

// The next run reads from the disk, not from memory.
void dropFromPageCache(const QString& folder)
{
    for (const QFileInfo& f :
         QDir(folder).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (f.isDir()) {
            dropFromPageCache(f.filePath());
            continue;
        }
        const int fd = ::open(QFile::encodeName(f.filePath()).constData(), O_RDONLY);
        if (fd >= 0) {
            ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
            ::close(fd);
        }
    }
}

double mibPerSecond(qint64 bytes, qint64 ms)
{
    return double(bytes) / double(kMiB) * 1000.0 / double(qMax<qint64>(1, ms));
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const qint64 sizeMiB = argc > 1 ? QByteArray(argv[1]).toLongLong() : 512;
    const QString target = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("/dev/shm");
    if (sizeMiB <= 0) {
        std::fprintf(stderr, "usage: cache_copy [SIZE_MIB] [TARGET]\n");
        return 2;
    }
    QTemporaryDir work(QDir::current().filePath(QStringLiteral("cache-copy-bench-XXXXXX")));
    QTemporaryDir drive(QDir(target).filePath(QStringLiteral("opendo-cache-copy-XXXXXX")));
    if (!work.isValid() || !drive.isValid()) {
        std::fprintf(stderr, "cannot create the work folders here and in %s\n", qPrintable(target));
        return 1;
    }
    persistence::Database db;
    QString error;
    if (!db.open(work.filePath(QStringLiteral("data")), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QString oldCache = work.filePath(QStringLiteral("cache"));
    cache::PieceStore store(db.handle(), oldCache);
    if (!addContent(store, QStringLiteral("complete"), sizeMiB * kMiB, true) ||
        !addContent(store, QStringLiteral("partial"), sizeMiB * kMiB, false))
        return 1;
    const QString newCache = drive.filePath(QStringLiteral("cache"));
    if (cache::relocationMethod(oldCache, newCache) != cache::RelocationMethod::Copy) {
        std::fprintf(stderr, "%s is on the same file system as the current folder\n",
                     qPrintable(target));
        return 1;
    }

    // 1. cp, as an administrator would move the folder by hand.
    dropFromPageCache(oldCache);
    QElapsedTimer clock;
    clock.start();
    const int cp = QProcess::execute(QStringLiteral("cp"),
                                     {QStringLiteral("-r"), QStringLiteral("--sparse=always"),
                                      oldCache, drive.filePath(QStringLiteral("by-cp"))});
    QProcess::execute(QStringLiteral("sync"));
    const qint64 cpMs = clock.elapsed();
    QDir(drive.filePath(QStringLiteral("by-cp"))).removeRecursively();
    if (cp != 0)
        return 1;

    // 2. The agent's move: plan (space check), copy on its thread, switch the index.
    dropFromPageCache(oldCache);
    clock.restart();
    const cache::CacheCopyPlan plan = cache::planCacheCopy(store, newCache);
    if (!plan.ok()) {
        std::fprintf(stderr, "%s\n", qPrintable(plan.error));
        return 1;
    }
    cache::CacheCopyJob job(plan);
    QString copyError;
    QEventLoop loop;
    QObject::connect(&job, &cache::CacheCopyJob::finished, &loop, [&](const QString& e, bool) {
        copyError = e;
        loop.quit();
    });
    job.start();
    loop.exec();
    if (!copyError.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(copyError));
        return 1;
    }
    const qint64 copyMs = job.elapsedMs();
    job.keepCopies();
    const cache::CacheRelocation moved = cache::finishCacheCopy(store, plan);
    const qint64 agentMs = clock.elapsed();

    std::printf("cache of %lld MiB on disk (%lld MiB content, half of it sparse) -> %s\n",
                static_cast<long long>(plan.bytes / kMiB), static_cast<long long>(2 * sizeMiB),
                qPrintable(target));
    std::printf("cp -r --sparse=always + sync: %.2f s, %.0f MiB/s\n", cpMs / 1000.0,
                mibPerSecond(plan.bytes, cpMs));
    std::printf("agent copy thread: %.2f s, %.0f MiB/s\n", copyMs / 1000.0,
                mibPerSecond(plan.bytes, copyMs));
    std::printf("agent move in all (plan, copy, switch, delete the old files): %.2f s, "
                "%.0f MiB/s, %d contents moved\n",
                agentMs / 1000.0, mibPerSecond(plan.bytes, agentMs), moved.moved);
    return 0;
}
