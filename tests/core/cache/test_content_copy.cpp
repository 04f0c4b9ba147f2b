// Copying a content's data file for a cache move onto another drive: bytes arrive exactly,
// holes stay holes, nothing half-copied is ever left under the final name, and a cancel or a
// failure leaves the destination as it was.

#include "cache/ContentCopy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace opendo::cache;

namespace {

constexpr qint64 kMiB = 1024 * 1024;

QByteArray pattern(qint64 length, int seed)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (qint64 i = 0; i < length; ++i)
        bytes[i] = char((i * 31 + seed * 7 + i / 4099) & 0xff);
    return bytes;
}

bool writeAt(const QString& path, qint64 fileSize, qint64 offset, const QByteArray& bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.resize(fileSize) || !f.seek(offset))
        return false;
    return f.write(bytes) == bytes.size();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class ContentCopyTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void bytesArriveExactly();
    void holesStayHoles();
    void copyIsPrivateToTheAgent();
    void earlierCopyIsReplaced();
    void cancelLeavesNothing();
    void missingSourceCreatesNothing();
    void unwritableDestinationIsReported();

private:
    QString source() const { return m_dir->filePath("old/abc/content"); }
    QString destination() const { return m_dir->filePath("new/abc/content"); }
    std::unique_ptr<QTemporaryDir> m_dir;
    const std::atomic<bool> m_never{false};
};

void ContentCopyTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(QDir().mkpath(QFileInfo(source()).absolutePath()));
}

void ContentCopyTest::bytesArriveExactly()
{
    // Not a multiple of the copy's chunk, so the last chunk is a short one.
    const QByteArray bytes = pattern(3 * kMiB + 12345, 1);
    QVERIFY(writeAt(source(), bytes.size(), 0, bytes));
    qint64 reported = 0;
    int calls = 0;
    const ContentCopyResult r = copyContentFile(source(), destination(), m_never, [&](qint64 n) {
        reported += n;
        ++calls;
    });
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(readAll(destination()), bytes);
    QCOMPARE(reported, qint64(bytes.size()));
    QVERIFY2(calls >= 4, qPrintable(QString::number(calls))); // progress in chunks, not at the end
    QCOMPARE(entries(QFileInfo(destination()).absolutePath()), QStringList{"content"});
    QCOMPARE(readAll(source()), bytes); // a copy: the caller removes the original later
}

void ContentCopyTest::holesStayHoles()
{
    // A half-downloaded 64 MiB content: one piece at the start, one in the middle.
    const qint64 size = 64 * kMiB;
    QVERIFY(writeAt(source(), size, 0, pattern(kMiB, 2)));
    QVERIFY(writeAt(source(), size, 40 * kMiB, pattern(kMiB, 3)));
    if (allocatedBytes(source()) > 8 * kMiB)
        QSKIP("the temporary folder's file system does not keep files sparse");
    qint64 reported = 0;
    const ContentCopyResult r =
        copyContentFile(source(), destination(), m_never, [&](qint64 n) { reported += n; });
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(QFileInfo(destination()).size(), size);
    QVERIFY2(allocatedBytes(destination()) <= 4 * kMiB,
             qPrintable(QString::number(allocatedBytes(destination()))));
    QVERIFY2(reported <= 4 * kMiB, qPrintable(QString::number(reported)));
    const QByteArray copied = readAll(destination());
    QCOMPARE(copied.mid(0, kMiB), pattern(kMiB, 2));
    QCOMPARE(copied.mid(40 * kMiB, kMiB), pattern(kMiB, 3));
    QCOMPARE(copied.mid(20 * kMiB, kMiB), QByteArray(kMiB, '\0'));
}

void ContentCopyTest::copyIsPrivateToTheAgent()
{
    QVERIFY(writeAt(source(), 100, 0, pattern(100, 4)));
    QVERIFY(copyContentFile(source(), destination(), m_never, {}).ok());
    struct stat st = {};
    QCOMPARE(::stat(QFile::encodeName(destination()).constData(), &st), 0);
    QCOMPARE(st.st_mode & 0777, mode_t(0600)); // as the cache writes its own files
}

void ContentCopyTest::earlierCopyIsReplaced()
{
    // An earlier move stopped after copying: both names may be there from it.
    QVERIFY(QDir().mkpath(QFileInfo(destination()).absolutePath()));
    QVERIFY(writeAt(destination(), 50, 0, pattern(50, 9)));
    QVERIFY(writeAt(partialCopyPath(destination()), 70, 0, pattern(70, 9)));
    const QByteArray bytes = pattern(kMiB + 1, 5);
    QVERIFY(writeAt(source(), bytes.size(), 0, bytes));
    const ContentCopyResult r = copyContentFile(source(), destination(), m_never, {});
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(readAll(destination()), bytes);
    QVERIFY(!QFileInfo::exists(partialCopyPath(destination())));
}

void ContentCopyTest::cancelLeavesNothing()
{
    const QByteArray bytes = pattern(4 * kMiB, 6);
    QVERIFY(writeAt(source(), bytes.size(), 0, bytes));
    std::atomic<bool> cancel{false};
    int chunks = 0;
    const ContentCopyResult r = copyContentFile(source(), destination(), cancel, [&](qint64) {
        ++chunks;
        cancel = true; // as the agent does from another thread when the policy changes again
    });
    QVERIFY(r.cancelled);
    QVERIFY(!r.ok());
    QCOMPARE(chunks, 1); // stopped at the next chunk
    QVERIFY(!QFileInfo::exists(destination()));
    QVERIFY(!QFileInfo::exists(partialCopyPath(destination())));
    QCOMPARE(readAll(source()), bytes);
}

void ContentCopyTest::missingSourceCreatesNothing()
{
    const ContentCopyResult r = copyContentFile(source(), destination(), m_never, {});
    QVERIFY(!r.ok());
    QVERIFY(!r.cancelled);
    QVERIFY2(r.error.contains(source()) && r.error.contains("opening"), qPrintable(r.error));
    QVERIFY(!QFileInfo::exists(m_dir->filePath("new")));
}

void ContentCopyTest::unwritableDestinationIsReported()
{
    QVERIFY(writeAt(source(), 100, 0, pattern(100, 7)));
    // A file where the content's folder should be.
    QVERIFY(writeAt(m_dir->filePath("new"), 1, 0, "x"));
    const ContentCopyResult r = copyContentFile(source(), destination(), m_never, {});
    QVERIFY(!r.ok());
    QVERIFY2(r.error.contains(destination()), qPrintable(r.error));
    QCOMPARE(readAll(m_dir->filePath("new")), QByteArray("x"));
}

QTEST_GUILESS_MAIN(ContentCopyTest)
#include "test_content_copy.moc"
