// Downloads as users run them: doctl processes against a real nginx origin, a real proxy, a
// real tmpfs that fills up, and kill -9 in the middle.

#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "persistence/Database.h"
#include "support/CacheCheck.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "support/TinyProxyServer.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kBigFile = 256 * 1024 * 1024;

QJsonObject parseStatus(const ProcessResult& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

} // namespace

class HttpDownloadTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void bigFileByteIdentical();
    void killNineTenTimesThenFinish();
    void corruptOriginFailsNamingThePiece();
    void originWithoutRangeSupport();
    void missingFileFailsClearly();
    void downloadThroughProxy();
    void fullDiskPausesWithClearError();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 120000);
    QString createMetainfo(const QString& file, const QUrl& seed);

    QTemporaryDir m_dir;
    std::unique_ptr<NginxServer> m_nginx;
    QString m_big; // the 256 MiB file nginx serves
};

ProcessResult HttpDownloadTest::doctl(const QString& dataDir, const QStringList& args,
                                      int timeoutMs)
{
    return runProgram(executable("doctl"), QStringList{"--data-dir", dataDir} + args, timeoutMs);
}

QString HttpDownloadTest::createMetainfo(const QString& file, const QUrl& seed)
{
    const QString out = file + ".torrent";
    const ProcessResult r = runProgram(
        executable("doctl"), {"create-metainfo", file, "--webseed", seed.toString(), "-o", out});
    return r.exitCode == 0 ? out : QString();
}

void HttpDownloadTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        QSKIP("nginx is not installed (Debian package nginx-light)");
    QDir().mkpath(m_dir.filePath("www"));
    m_big = m_dir.filePath("www/big.bin");
    QVERIFY(writeRandomFile(m_big, kBigFile, 7));
    NginxOptions options;
    options.documentRoot = m_dir.filePath("www");
    m_nginx = std::make_unique<NginxServer>(options);
    QString error;
    QVERIFY2(m_nginx->start(&error), qPrintable(error));
}

void HttpDownloadTest::cleanupTestCase()
{
    m_nginx.reset();
}

void HttpDownloadTest::bigFileByteIdentical()
{
    const QString torrent = createMetainfo(m_big, m_nginx->url("/big.bin"));
    QVERIFY(!torrent.isEmpty());
    const QString out = m_dir.filePath("big.out");
    const ProcessResult r =
        doctl(m_dir.filePath("d1"), {"download", torrent, "--out", out, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(sameContent(m_big, out));
    const QJsonObject s = parseStatus(r);
    QCOMPARE(s["FileSize"].toInteger(), kBigFile);
    QCOMPARE(s["BytesFromHttp"].toInteger(), kBigFile);
    QCOMPARE(s["TotalBytesDownloaded"].toInteger(), kBigFile);
    QCOMPARE(s["BytesFromPeers"].toInteger(), 0);
    QCOMPARE(s["Status"].toString(), QString("Caching")); // verified content is kept for peers
    QCOMPARE(s["DownloadMode"].toInt(), 1);
    QVERIFY(!s["FileId"].toString().isEmpty());

    // The same content again comes from the cache: no new bytes from the origin.
    const qint64 servedBefore = m_nginx->bytesServed();
    const ProcessResult again =
        doctl(m_dir.filePath("d1"), {"download", torrent, "--out", out + "2", "--json"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QCOMPARE(m_nginx->bytesServed(), servedBefore);
    QVERIFY(sameContent(m_big, out + "2"));
}

void HttpDownloadTest::killNineTenTimesThenFinish()
{
    const QString torrent = createMetainfo(m_big, m_nginx->url("/big.bin"));
    const auto meta = content::Metainfo::load(torrent);
    QVERIFY(meta.ok());
    const QString data = m_dir.filePath("d-kill");
    const QString out = m_dir.filePath("kill.out");
    const qint64 servedBefore = m_nginx->bytesServed();
    QRandomGenerator random(20261127);
    int presentBefore = 0;
    for (int round = 0; round < 10; ++round) {
        QProcess p;
        p.start(executable("doctl"), {"--data-dir", data, "download", torrent, "--out", out});
        QVERIFY(p.waitForStarted(5000));
        QTest::qWait(int(random.bounded(80, 260)));
        p.kill(); // SIGKILL: no clean-up runs
        QVERIFY(p.waitForFinished(5000));
        QString problem;
        const int present = verifyCachedPieces(data, *meta.metainfo, &problem);
        QVERIFY2(present >= 0, qPrintable(problem));
        QVERIFY2(present >= presentBefore, "pieces once present must stay present");
        presentBefore = present;
    }
    QVERIFY2(presentBefore < meta.metainfo->pieceCount(), "the kills came too late to matter");
    const ProcessResult r = doctl(data, {"download", torrent, "--out", out, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(sameContent(m_big, out));
    const qint64 served = m_nginx->bytesServed() - servedBefore;
    const qint64 redownloaded = served - kBigFile;
    const double pieces = double(redownloaded) / double(meta.metainfo->pieceLength());
    qInfo("kill -9 x10: origin served %lld bytes for a %lld-byte file: %lld re-downloaded "
          "(%.1f pieces of %lld bytes)",
          served, kBigFile, redownloaded, pieces, meta.metainfo->pieceLength());
    // Each kill loses at most what was in flight: two 8 MiB ranges, 16 MiB being written and a
    // 32 MiB batch waiting for its sync.
    QVERIFY(redownloaded >= 0);
    QVERIFY(redownloaded <= 10 * 64LL * 1024 * 1024);
}

void HttpDownloadTest::corruptOriginFailsNamingThePiece()
{
    const QString bad = m_dir.filePath("www/corrupt.bin");
    QVERIFY(writeRandomFile(bad, 8 * 1024 * 1024, 3));
    const QString torrent = createMetainfo(bad, m_nginx->url("/corrupt.bin"));
    const auto meta = content::Metainfo::load(torrent);
    QVERIFY(meta.ok());
    // Flip one byte in piece 5 after the metainfo was made: the origin now lies.
    const qint64 offset = 5 * meta.metainfo->pieceLength() + 123;
    {
        QFile f(bad);
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(offset);
        char c = 0;
        f.getChar(&c);
        f.seek(offset);
        f.putChar(char(c ^ 0x20));
    }
    const QString data = m_dir.filePath("d-corrupt");
    const ProcessResult r = doctl(data, {"download", torrent, "--json"});
    QCOMPARE(r.exitCode, 1);
    const QJsonObject s = parseStatus(r);
    QCOMPARE(s["Status"].toString(), QString("Failed"));
    QVERIFY2(s["Error"].toString().contains("Piece 5 "), qPrintable(s["Error"].toString()));
    QVERIFY(s["HashFailures"].toInt() >= 1);
    QString problem;
    const int present = verifyCachedPieces(data, *meta.metainfo, &problem);
    QVERIFY2(present >= 0, qPrintable(problem));
    QVERIFY(present < meta.metainfo->pieceCount());
}

void HttpDownloadTest::originWithoutRangeSupport()
{
    QTemporaryDir www;
    QVERIFY(writeRandomFile(www.filePath("plain.bin"), 20 * 1024 * 1024 + 12345, 11));
    NginxOptions options;
    options.documentRoot = www.path();
    options.rangesEnabled = false;
    NginxServer plain(options);
    QVERIFY(plain.start());
    const QString out = m_dir.filePath("plain.out");
    const ProcessResult r =
        doctl(m_dir.filePath("d-plain"),
              {"download", plain.url("/plain.bin").toString(), "--out", out, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(sameContent(www.filePath("plain.bin"), out));
    QCOMPARE(parseStatus(r)["Status"].toString(), QString("Complete")); // a URL is never shared
    QCOMPARE(parseStatus(r)["DownloadMode"].toInt(), 99);
    // Without ranges the origin sends the file once from the start, not once per range.
    QVERIFY(plain.bytesServed() < 2 * (20 * 1024 * 1024 + 12345));
}

void HttpDownloadTest::missingFileFailsClearly()
{
    const ProcessResult r =
        doctl(m_dir.filePath("d-404"), {"download", m_nginx->url("/nope.bin").toString(), "--json"},
              60000);
    QCOMPARE(r.exitCode, 1);
    const QString error = parseStatus(r)["Error"].toString();
    QVERIFY2(error.contains("404") || error.contains("not found", Qt::CaseInsensitive),
             qPrintable(error));
    QVERIFY(error.contains("nope.bin"));
}

void HttpDownloadTest::downloadThroughProxy()
{
    if (!TinyProxyServer::isAvailable())
        QSKIP("tinyproxy is not installed (Debian package tinyproxy)");
    TinyProxyServer proxy;
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    QTemporaryDir www;
    QVERIFY(writeRandomFile(www.filePath("p.bin"), 6 * 1024 * 1024, 5));
    const QString out = m_dir.filePath("proxy.out");
    const ProcessResult r = runProgram(
        executable("doctl"),
        {"--data-dir", m_dir.filePath("d-proxy"), "--proxy", proxy.proxyUrl(), "download",
         m_nginx->url("/big.bin").toString().replace("big.bin", "small-via-proxy.bin"), "--json"},
        60000);
    // A missing file through the proxy still fails cleanly, and the proxy saw the request.
    QCOMPARE(r.exitCode, 1);
    QVERIFY(proxy.requestCount() >= 1);

    QFile::copy(www.filePath("p.bin"), m_dir.filePath("www/p.bin"));
    const int before = proxy.requestCount();
    const ProcessResult ok =
        runProgram(executable("doctl"),
                   {"--data-dir", m_dir.filePath("d-proxy"), "--proxy", proxy.proxyUrl(),
                    "download", m_nginx->url("/p.bin").toString(), "--out", out, "--json"},
                   60000);
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.err));
    QVERIFY(sameContent(www.filePath("p.bin"), out));
    QVERIFY(proxy.requestCount() > before);
    bool viaProxy = false;
    for (const QString& line : m_nginx->accessLog())
        viaProxy = viaProxy || (line.contains("/p.bin") && line.contains("tinyproxy"));
    QVERIFY2(viaProxy, "nginx saw no request for /p.bin carrying tinyproxy's Via header");

    // The environment, as curl reads it: http_proxy is used ...
    QFile::copy(www.filePath("p.bin"), m_dir.filePath("www/p2.bin"));
    const int beforeEnv = proxy.requestCount();
    const ProcessResult viaEnv =
        runProgram("/usr/bin/env",
                   {"-u", "no_proxy", "-u", "NO_PROXY", "http_proxy=" + proxy.proxyUrl(),
                    executable("doctl"), "--data-dir", m_dir.filePath("d-proxy-env"), "download",
                    m_nginx->url("/p2.bin").toString(), "--json"},
                   60000);
    QVERIFY2(viaEnv.exitCode == 0, qPrintable(viaEnv.err));
    QVERIFY(proxy.requestCount() > beforeEnv);
    // ... unless no_proxy exempts the host.
    QFile::copy(www.filePath("p.bin"), m_dir.filePath("www/p3.bin"));
    const int beforeExempt = proxy.requestCount();
    const ProcessResult exempt =
        runProgram("/usr/bin/env",
                   {"http_proxy=" + proxy.proxyUrl(), "no_proxy=127.0.0.0/8", executable("doctl"),
                    "--data-dir", m_dir.filePath("d-proxy-env"), "download",
                    m_nginx->url("/p3.bin").toString(), "--json"},
                   60000);
    QVERIFY2(exempt.exitCode == 0, qPrintable(exempt.err));
    QCOMPARE(proxy.requestCount(), beforeExempt);
}

void HttpDownloadTest::fullDiskPausesWithClearError()
{
    const QString unshare = QStandardPaths::findExecutable("unshare");
    if (unshare.isEmpty())
        QSKIP("unshare (util-linux) is not available");
    const QString mountPoint = m_dir.filePath("small-disk");
    QDir().mkpath(mountPoint);
    // A 24 MiB tmpfs in a private mount namespace holds the whole data directory; the 256 MiB
    // download cannot fit. The namespace (and the mount) end with the process.
    const QString script =
        QString("mount -t tmpfs -o size=24m none '%1' && exec '%2' --data-dir '%1/data' "
                "download '%3' --json")
            .arg(mountPoint, executable("doctl"), createMetainfo(m_big, m_nginx->url("/big.bin")));
    ProcessResult r = runProgram(unshare, {"-rm", "sh", "-c", script}, 60000);
    if (r.err.contains("mount") && r.out.isEmpty())
        r = runProgram(unshare, {"-m", "sh", "-c", script}, 60000);
    if (r.out.isEmpty())
        QSKIP(qPrintable("cannot mount a private tmpfs here: " + r.err));
    QCOMPARE(r.exitCode, 1);
    const QJsonObject s = parseStatus(r);
    QVERIFY2(s["Status"].toString() == "Paused",
             qPrintable(s["Status"].toString() + ": " + s["Error"].toString() + " / " + r.err));
    QVERIFY2(s["Error"].toString().contains("space", Qt::CaseInsensitive),
             qPrintable(s["Error"].toString()));
    QVERIFY(QDir(mountPoint).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

QTEST_GUILESS_MAIN(HttpDownloadTest)
#include "test_http_download.moc"
