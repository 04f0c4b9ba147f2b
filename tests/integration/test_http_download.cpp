// Downloads as users run them: doctl processes against a real nginx origin, a real proxy, a
// real tmpfs that fills up, and kill -9 in the middle.

#include "cache/PieceFile.h"
#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "persistence/Database.h"
#include "support/CacheCheck.h"
#include "support/NginxServer.h"
#include "support/ProcessRunner.h"
#include "support/RequireTool.h"
#include "support/TestFiles.h"
#include "support/TestPaths.h"
#include "support/TinyProxyServer.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace opendo;
using namespace opendo::test;

namespace {

constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kBigFile = 256 * kMiB;

QJsonObject parseStatus(const ProcessResult& r)
{
    return QJsonDocument::fromJson(r.out.toUtf8()).object();
}

// Pieces in the agent's index now, read beside the running agent (WAL allows a reader); 0 while
// there is no index or no row yet.
int indexedPieces(const QString& dataDir, const QString& contentId)
{
    const QString path = QDir(dataDir).filePath(persistence::Database::fileName());
    if (!QFileInfo::exists(path))
        return 0;
    const QString connection = QStringLiteral("kill-test-poll");
    int count = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=200"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT COUNT(*) FROM cache_pieces WHERE content_id = ?"));
            q.addBindValue(contentId);
            if (q.exec() && q.next())
                count = q.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}

// Adds one to `fetches[i]` for each piece i that a request for /big.bin in `log` sent bytes of
// (a range cut off inside a piece counts it too); returns the sum. The size probe (bytes=0-0)
// fetches no piece.
int countPieceFetches(const QStringList& log, qint64 pieceLength, QList<int>& fetches)
{
    static const QRegularExpression line(
        QStringLiteral("^(\\d+) (\\d+) \"([^\"]*)\" \"[^\"]*\" \"\\S+ /big\\.bin "));
    static const QRegularExpression range(QStringLiteral("^bytes=(\\d+)-"));
    int total = 0;
    for (const QString& entry : log) {
        const QRegularExpressionMatch m = line.match(entry);
        if (!m.hasMatch())
            continue;
        const qint64 sent = m.captured(2).toLongLong();
        const QString rangeHeader = m.captured(3);
        if (sent <= 0 || rangeHeader == QLatin1String("bytes=0-0"))
            continue;
        qint64 first = 0; // a 200 sends from the start
        if (const QRegularExpressionMatch r = range.match(rangeHeader);
            r.hasMatch() && m.captured(1) == QLatin1String("206"))
            first = r.captured(1).toLongLong();
        const qint64 from = first / pieceLength;
        const qint64 to = qMin<qint64>((first + sent - 1) / pieceLength, fetches.size() - 1);
        for (qint64 i = from; i <= to; ++i)
            ++fetches[i];
        total += int(to - from + 1);
    }
    return total;
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
    void unknownHostFailsClearly();
    void downloadThroughProxy();
    void fullDiskPausesWithClearError();

private:
    ProcessResult doctl(const QString& dataDir, const QStringList& args, int timeoutMs = 120000);
    QString createMetainfo(const QString& file, const QUrl& seed);
    QStringList settledAccessLog(qsizetype from) const;

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

// The access log from line `from` on, once nginx has stopped adding to it (it logs a request
// cut off by a killed client when it notices the closed connection): at most 3 s.
QStringList HttpDownloadTest::settledAccessLog(qsizetype from) const
{
    QStringList log = m_nginx->accessLog();
    for (int i = 0; i < 30; ++i) {
        QTest::qWait(100);
        const QStringList now = m_nginx->accessLog();
        if (now.size() == log.size() && i >= 2)
            break;
        log = now;
    }
    return log.mid(from);
}

void HttpDownloadTest::initTestCase()
{
    if (!NginxServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("nginx is not installed (Debian package nginx-light)");
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
    const int pieceCount = meta.metainfo->pieceCount();
    const qint64 pieceLength = meta.metainfo->pieceLength();
    const QString data = m_dir.filePath("d-kill");
    const QString out = m_dir.filePath("kill.out");
    const qsizetype logStart = m_nginx->accessLog().size();
    QList<int> fetches(pieceCount, 0);

    // What one kill can lose: the pieces not yet durable and indexed, all of which the origin
    // may already have sent (DownloadJob.cpp, PieceCommitter.cpp):
    //  - the open ranges: at most kMaxRanges (2) of kSpanBytes (8 MiB), whatever part of them
    //    nginx managed to send (socket buffers included);
    //  - pieces of finished ranges in the verify-and-write workers: a new range is asked for
    //    only while fewer than kPendingBytes (16 MiB) of pieces are there;
    //  - pieces written but not synced: a sync starts once kSyncBatchBytes (8 MiB) have
    //    gathered, so less than 8 MiB plus one piece;
    //  - pieces whose fdatasync (or the index transaction after it) has not returned: nothing
    //    holds new pieces back meanwhile, so this assumes one batch syncs before the next one
    //    fills: 8 MiB plus one piece.
    // Ranges are whole pieces, so a range cut short only loses pieces already counted above.
    constexpr qint64 kInFlightBytes = 2 * 8 * kMiB + 16 * kMiB + 2 * 8 * kMiB;
    const int inFlightPieces = int((kInFlightBytes + pieceLength - 1) / pieceLength) + 2;

    QRandomGenerator random(20261127);
    int presentBefore = 0;
    int lostTotal = 0;
    QStringList perKill;
    for (int round = 0; round < 10; ++round) {
        // A random point in this round's tenth of the first 85 % of the file, so the kills
        // spread over the whole download and (with what lands between the look and the kill)
        // stay short of the end. Even rounds kill as soon as the index shows the point reached,
        // right after a commit; odd rounds up to 20 ms later, amid writes and syncs.
        const int slotStart = pieceCount * round * 85 / 1000;
        const int slotEnd = pieceCount * (round + 1) * 85 / 1000;
        const int target =
            qMax(presentBefore + 1, slotStart + int(random.bounded(qMax(1, slotEnd - slotStart))));
        const int extraDelayMs = round % 2 == 1 ? int(random.bounded(21)) : 0;
        const qsizetype logBefore = m_nginx->accessLog().size();
        QProcess p;
        p.start(executable("doctl"), {"--data-dir", data, "download", torrent, "--out", out});
        QVERIFY(p.waitForStarted(5000));
        QElapsedTimer clock;
        clock.start();
        int indexed = 0;
        while (p.state() == QProcess::Running && clock.elapsed() < 30000) {
            indexed = indexedPieces(data, meta.metainfo->contentId());
            if (indexed >= target)
                break;
            QTest::qWait(2);
        }
        if (extraDelayMs > 0)
            QThread::msleep(extraDelayMs); // the agent is another process: it goes on meanwhile
        p.kill();                          // SIGKILL: no clean-up runs
        QVERIFY(p.waitForFinished(5000));
        QVERIFY2(indexed >= target,
                 qPrintable(QString("round %1: %2 pieces indexed after %3 ms, wanted %4; doctl: %5")
                                .arg(round)
                                .arg(indexed)
                                .arg(clock.elapsed())
                                .arg(target)
                                .arg(QString::fromLocal8Bit(p.readAllStandardError()))));
        QString problem;
        const int present = verifyCachedPieces(data, *meta.metainfo, &problem);
        QVERIFY2(present >= 0, qPrintable(problem));
        // Killed mid-download: progress since the last kill, the end not reached yet.
        QVERIFY2(present > presentBefore, qPrintable(QString("round %1: %2 pieces, before %3")
                                                         .arg(round)
                                                         .arg(present)
                                                         .arg(presentBefore)));
        QVERIFY2(present < pieceCount,
                 qPrintable(QString("round %1: the kill came too late").arg(round)));
        // nginx logs the ranges cut off by the kill once it notices the closed connections.
        const QStringList log = settledAccessLog(logBefore);
        const int fetched = countPieceFetches(log, pieceLength, fetches);
        const int lost = fetched - (present - presentBefore);
        QVERIFY2(lost >= 0 && lost <= inFlightPieces,
                 qPrintable(QString("round %1: %2 pieces fetched, %3 new, %4 lost (at most %5)")
                                .arg(round)
                                .arg(fetched)
                                .arg(present - presentBefore)
                                .arg(lost)
                                .arg(inFlightPieces)));
        perKill << QString("%1/%2%3").arg(present).arg(lost).arg(
            extraDelayMs > 0 ? QString("+%1ms").arg(extraDelayMs) : QString());
        lostTotal += lost;
        presentBefore = present;
    }

    const ProcessResult r = doctl(data, {"download", torrent, "--out", out, "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(sameContent(m_big, out));
    const QStringList log = settledAccessLog(logStart);
    QList<int> all(pieceCount, 0);
    const int fetched = countPieceFetches(log, pieceLength, all);
    QCOMPARE(all.count(0), 0); // no peers: every piece came from the origin at least once
    const int redownloaded = fetched - pieceCount;
    qInfo("kill -9 x10: %d pieces of %lld bytes, %d fetched from the origin, %d re-downloaded "
          "(per kill, pieces present/lost: %s; at most %d lost per kill)",
          pieceCount, pieceLength, fetched, redownloaded, qPrintable(perKill.join(' ')),
          inFlightPieces);
    QVERIFY(redownloaded >= 0);
    // The finishing run fetches each missing piece once: only the kills cost pieces.
    QCOMPARE(redownloaded, lostTotal);
    QVERIFY(redownloaded <= 10 * inFlightPieces);
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

void HttpDownloadTest::unknownHostFailsClearly()
{
    // .invalid never resolves (RFC 6761). The agent retries a failed lookup (a resolver hiccup
    // looks the same) a bounded number of times with backoff, then gives up with the reason.
    QElapsedTimer clock;
    clock.start();
    const ProcessResult r =
        runProgram("/usr/bin/env",
                   {"-u", "http_proxy", "-u", "HTTP_PROXY", "-u", "all_proxy", "-u", "ALL_PROXY",
                    executable("doctl"), "--data-dir", m_dir.filePath("d-nxdomain"), "download",
                    "http://no-such-host.invalid/x", "--json"},
                   60000);
    QCOMPARE(r.exitCode, 1);
    const QJsonObject s = parseStatus(r);
    QCOMPARE(s["Status"].toString(), QString("Failed"));
    const QString error = s["Error"].toString();
    QVERIFY2(error.contains("http://no-such-host.invalid/x") &&
                 error.contains("the host name no-such-host.invalid could not be resolved"),
             qPrintable(error + " / " + r.err));
    qInfo("unknown host: failed after %lld ms: %s", clock.elapsed(), qPrintable(error));
}

void HttpDownloadTest::downloadThroughProxy()
{
    if (!TinyProxyServer::isAvailable())
        OPENDO_SKIP_WITHOUT_TOOL("tinyproxy is not installed (Debian package tinyproxy)");
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
        OPENDO_SKIP_WITHOUT_TOOL("unshare (util-linux) is not available");
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
        OPENDO_SKIP_WITHOUT_TOOL(qPrintable("cannot mount a private tmpfs here: " + r.err));
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
