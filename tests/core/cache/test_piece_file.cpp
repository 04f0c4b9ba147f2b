// Piece bytes on disk: round trips at any offset, range checks, error reporting, and a real
// full disk (a 1 MiB tmpfs in a private mount namespace) reported as DiskFull.

#include "cache/PieceFile.h"
#include "support/PrivateTmpfs.h"
#include "support/RequireTool.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdio>
#include <unistd.h>

using namespace opendo::cache;
using opendo::test::PrivateTmpfsRun;
using opendo::test::runOnPrivateTmpfs;

Q_DECLARE_METATYPE(opendo::cache::DiskError)

namespace {

QByteArray pattern(qsizetype size, int seed)
{
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char((i * 31 + seed * 7) & 0xff);
    return data;
}

// Runs inside the private mount namespace with `dir` on a 1 MiB tmpfs; prints one line per
// write: "<DiskError as int> <message>".
int enospcChild(const QString& dir)
{
    const QString path = dir + QStringLiteral("/content");
    // The file is sized to 8 MiB up front; sparse, so that alone must not fill the drive.
    const DiskWriteResult small = PieceFile::writeDurably(path, 8 << 20, 0, pattern(64 << 10, 1));
    const DiskWriteResult big =
        PieceFile::writeDurably(path, 8 << 20, 1 << 20, pattern(2 << 20, 2));
    std::printf("RESULT %d %s\nRESULT %d %s\n", int(small.error), qPrintable(small.message),
                int(big.error), qPrintable(big.message));
    return 0;
}

} // namespace

class PieceFileTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void roundTrip_data();
    void roundTrip();
    void piecesLandInOneSparseFile();
    void newFileIsPrivate();
    void existingLongerFileIsNotShrunk();
    void outOfRangeWritesAreRejected_data();
    void outOfRangeWritesAreRejected();
    void missingFolderIsAnIoError();
    void shortReadsFail();
    void classifyWriteError_data();
    void classifyWriteError();
    void fullDiskIsReportedAsDiskFull();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath("content"); }
};

void PieceFileTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void PieceFileTest::roundTrip_data()
{
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("length");
    QTest::newRow("start") << qint64(100000) << qint64(0) << 16384;
    QTest::newRow("odd offset") << qint64(100000) << qint64(1) << 4095;
    QTest::newRow("page boundary") << qint64(100000) << qint64(4096) << 4096;
    QTest::newRow("last short piece") << qint64(100000) << qint64(98304) << 1696;
    QTest::newRow("whole file") << qint64(65536) << qint64(0) << 65536;
    QTest::newRow("one byte at the end") << qint64(10) << qint64(9) << 1;
    QTest::newRow("empty write") << qint64(10) << qint64(10) << 0;
    QTest::newRow("beyond 4 GiB (sparse)")
        << (qint64(5) << 30) << ((qint64(5) << 30) - 1000) << 1000;
}

void PieceFileTest::roundTrip()
{
    QFETCH(qint64, fileSize);
    QFETCH(qint64, offset);
    QFETCH(int, length);
    const QByteArray data = pattern(length, 3);
    const DiskWriteResult w = PieceFile::writeDurably(path(), fileSize, offset, data);
    QVERIFY2(w.ok(), qPrintable(w.message));
    QCOMPARE(QFileInfo(path()).size(), fileSize);
    QString error;
    const std::optional<QByteArray> back = PieceFile::read(path(), offset, length, &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(*back, data);
}

void PieceFileTest::piecesLandInOneSparseFile()
{
    // Pieces arrive in any order; each write keeps what the others wrote, and bytes never
    // written read as zeros.
    const qint64 pieceLength = 16384;
    const qint64 fileSize = 5 * pieceLength - 100;
    for (int piece : {3, 0, 4}) {
        const qint64 size = qMin(pieceLength, fileSize - piece * pieceLength);
        const DiskWriteResult w =
            PieceFile::writeDurably(path(), fileSize, piece * pieceLength, pattern(size, piece));
        QVERIFY2(w.ok(), qPrintable(w.message));
    }
    QString error;
    for (int piece : {0, 3, 4}) {
        const qint64 size = qMin(pieceLength, fileSize - piece * pieceLength);
        QCOMPARE(*PieceFile::read(path(), piece * pieceLength, size, &error), pattern(size, piece));
    }
    QCOMPARE(*PieceFile::read(path(), pieceLength, pieceLength, &error),
             QByteArray(pieceLength, '\0'));
    QCOMPARE(QFileInfo(path()).size(), fileSize);
}

void PieceFileTest::newFileIsPrivate()
{
    QVERIFY(PieceFile::writeDurably(path(), 10, 0, "abc").ok());
    QCOMPARE(QFileInfo(path()).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void PieceFileTest::existingLongerFileIsNotShrunk()
{
    QFile f(path());
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(pattern(100, 9));
    f.close();
    QVERIFY(PieceFile::writeDurably(path(), 50, 10, "xyz").ok());
    QCOMPARE(QFileInfo(path()).size(), qint64(100));
    QString error;
    QCOMPARE(*PieceFile::read(path(), 10, 3, &error), QByteArray("xyz"));
    QCOMPARE(*PieceFile::read(path(), 13, 87, &error), pattern(100, 9).mid(13));
}

void PieceFileTest::outOfRangeWritesAreRejected_data()
{
    QTest::addColumn<qint64>("fileSize");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<int>("length");
    QTest::newRow("negative offset") << qint64(100) << qint64(-1) << 10;
    QTest::newRow("past the end") << qint64(100) << qint64(95) << 10;
    QTest::newRow("offset beyond file") << qint64(100) << qint64(101) << 0;
    QTest::newRow("negative file size") << qint64(-5) << qint64(0) << 1;
}

void PieceFileTest::outOfRangeWritesAreRejected()
{
    QFETCH(qint64, fileSize);
    QFETCH(qint64, offset);
    QFETCH(int, length);
    const DiskWriteResult w = PieceFile::writeDurably(path(), fileSize, offset, pattern(length, 1));
    QCOMPARE(w.error, DiskError::Io);
    QVERIFY2(w.message.contains(path()), qPrintable(w.message));
    QVERIFY(!QFile::exists(path())); // rejected before touching the disk
}

void PieceFileTest::missingFolderIsAnIoError()
{
    const QString missing = m_dir->filePath("no/such/folder/content");
    const DiskWriteResult w = PieceFile::writeDurably(missing, 10, 0, "abc");
    QCOMPARE(w.error, DiskError::Io);
    QVERIFY2(w.message.contains(missing), qPrintable(w.message));
    QVERIFY2(w.message.contains(QString::fromLocal8Bit(strerror(ENOENT))), qPrintable(w.message));
}

void PieceFileTest::shortReadsFail()
{
    QVERIFY(PieceFile::writeDurably(path(), 100, 0, pattern(100, 1)).ok());
    QString error;
    QVERIFY(!PieceFile::read(path(), 90, 20, &error));
    QVERIFY2(error.contains(path()), qPrintable(error));
    error.clear();
    QVERIFY(!PieceFile::read(path(), -1, 10, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(!PieceFile::read(m_dir->filePath("missing"), 0, 1, &error));
    QVERIFY2(error.contains("missing"), qPrintable(error));
    QVERIFY(!PieceFile::read(path(), 0, 1, nullptr)->isEmpty()); // error pointer is optional
    QCOMPARE(*PieceFile::read(path(), 100, 0, &error), QByteArray());
}

void PieceFileTest::classifyWriteError_data()
{
    QTest::addColumn<int>("errnum");
    QTest::addColumn<DiskError>("expected");
    QTest::newRow("ENOSPC") << ENOSPC << DiskError::DiskFull;
    QTest::newRow("EDQUOT") << EDQUOT << DiskError::DiskFull;
    QTest::newRow("EIO") << EIO << DiskError::Io;
    QTest::newRow("EACCES") << EACCES << DiskError::Io;
    QTest::newRow("EROFS") << EROFS << DiskError::Io;
    QTest::newRow("EFBIG") << EFBIG << DiskError::Io;
}

void PieceFileTest::classifyWriteError()
{
    QFETCH(int, errnum);
    QFETCH(DiskError, expected);
    QCOMPARE(PieceFile::classifyWriteError(errnum), expected);
}

void PieceFileTest::fullDiskIsReportedAsDiskFull()
{
    // A private mount namespace makes the tmpfs invisible to the rest of the machine and
    // removes it when the child exits; without one the test cannot make a full disk.
    const PrivateTmpfsRun run =
        runOnPrivateTmpfs(m_dir->path(), 1, QCoreApplication::applicationFilePath(),
                          {"--enospc-child", m_dir->path()}, 60000);
    if (!run.mounted)
        OPENDO_SKIP_WITHOUT_TOOL(
            qPrintable("cannot mount a small tmpfs in a private namespace: " + run.why));
    QStringList results;
    for (const QString& line : run.result.out.split('\n')) {
        if (line.startsWith("RESULT "))
            results << line.mid(7);
    }
    QCOMPARE(results.size(), 2);
    QVERIFY2(results[0].startsWith(QString::number(int(DiskError::None)) + " "),
             qPrintable(results[0]));
    QVERIFY2(results[1].startsWith(QString::number(int(DiskError::DiskFull)) + " "),
             qPrintable(results[1]));
    QVERIFY2(results[1].contains("No space left on the cache drive writing") &&
                 results[1].contains("/content at offset") &&
                 results[1].contains(QString::fromLocal8Bit(strerror(ENOSPC))),
             qPrintable(results[1]));
    // The namespace died with the child: nothing is mounted here any more.
    QVERIFY(!QFile::exists(m_dir->filePath("content")));
}

int main(int argc, char** argv)
{
    // The full-disk test re-runs this executable inside the namespace it prepared.
    if (argc == 3 && qstrcmp(argv[1], "--enospc-child") == 0)
        return enospcChild(QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    PieceFileTest test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_piece_file.moc"
