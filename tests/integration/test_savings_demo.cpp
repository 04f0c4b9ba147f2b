// The peer-savings demo end to end: real agents in this process, each on its own loopback
// address, fetch one file from the demo's origin a moment apart. The first device pays for the
// file on the origin link, the others get it from their peers, and the figures the demo shows
// (what the origin sent, what the devices received, the saved share) are those counts.

#include "demo/DemoOrigin.h"
#include "demo/SavingsDemo.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo;
using namespace opendo::demo;

namespace {

constexpr qint64 kFileBytes = 8 * 1024 * 1024;
constexpr int kDevices = 3;

} // namespace

class SavingsDemoTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followersGetTheFileFromPeers();
    void stopEndsTheDemoAndRemovesItsFolder();
    void originServesRangesAndRefusesOthers();
};

void SavingsDemoTest::followersGetTheFileFromPeers()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    SavingsDemo demo;
    QSignalSpy snapshots(&demo, &SavingsDemo::snapshotChanged);
    SavingsDemoOptions options;
    options.devices = kDevices;
    options.fileBytes = kFileBytes;
    options.staggerMs = 600;
    options.workRoot = root.path();
    demo.start(options);
    QTRY_VERIFY_WITH_TIMEOUT(demo.snapshot().phase == DemoPhase::Finished ||
                                 demo.snapshot().phase == DemoPhase::Failed,
                             90000);
    const SavingsDemoSnapshot s = demo.snapshot();
    QVERIFY2(s.phase == DemoPhase::Finished, qPrintable(s.error));
    QCOMPARE(s.devices.size(), kDevices);
    qint64 fromHttp = 0;
    for (const DemoDevice& d : s.devices) {
        QCOMPARE(d.bytesInCache, kFileBytes);
        QVERIFY2(d.bytesFromHttp + d.bytesFromPeers >= kFileBytes, qPrintable(d.name));
        fromHttp += d.bytesFromHttp;
    }
    // The first device had nobody to ask; the others found it holding the whole file.
    QCOMPARE(s.devices[0].bytesFromPeers, 0);
    QCOMPARE(s.devices[0].bytesFromHttp, kFileBytes);
    for (int i = 1; i < kDevices; ++i)
        QVERIFY2(s.devices[i].bytesFromPeers >= kFileBytes / 2, qPrintable(s.devices[i].name));
    // The origin's own count agrees with what the devices say came over HTTP.
    QVERIFY2(s.originBytes >= fromHttp, qPrintable(QString::number(s.originBytes)));
    QVERIFY(s.originBytes < 2 * kFileBytes);
    QCOMPARE(s.deliveredBytes() >= kDevices * kFileBytes, true);
    QVERIFY2(s.savedPercent() > 40.0, qPrintable(QString::number(s.savedPercent())));
    qInfo("%d devices received %lld bytes, the origin sent %lld: %.1f%% saved in %lld ms", kDevices,
          s.deliveredBytes(), s.originBytes, s.savedPercent(), s.elapsedMs);
    QVERIFY(snapshots.size() >= 3); // preparing, running, …, finished
}

void SavingsDemoTest::stopEndsTheDemoAndRemovesItsFolder()
{
    QTemporaryDir root;
    QVERIFY(root.isValid());
    SavingsDemo demo;
    SavingsDemoOptions options;
    options.devices = 2;
    options.fileBytes = kFileBytes;
    options.workRoot = root.path();
    demo.start(options);
    QCOMPARE(demo.snapshot().phase, DemoPhase::Preparing);
    QCOMPARE(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(demo.snapshot().phase, DemoPhase::Running, 30000);
    demo.stop();
    QCOMPARE(demo.snapshot().phase, DemoPhase::Idle);
    // The preparing worker may hold the folder a moment longer; then it goes.
    QTRY_COMPARE_WITH_TIMEOUT(QDir(root.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(),
                              0, 10000);
}

namespace {

// One request on its own connection; the whole answer as the origin sent it.
QByteArray exchange(const QUrl& url, const QByteArray& method, const QByteArray& path,
                    const QByteArray& range)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port()));
    if (!socket.waitForConnected(5000))
        return "not connected";
    QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: origin\r\nConnection: close\r\n";
    if (!range.isEmpty())
        request += "Range: " + range + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    QDeadlineTimer deadline(5000);
    while (socket.state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
        socket.waitForReadyRead(100);
        answer += socket.readAll();
    }
    return answer + socket.readAll();
}

} // namespace

void SavingsDemoTest::originServesRangesAndRefusesOthers()
{
    DemoOrigin origin;
    QString error;
    const QUrl url = origin.start(QHostAddress::LocalHost, "demo.bin", &error);
    QVERIFY2(url.isValid() && !url.isEmpty(), qPrintable(error));
    QCOMPARE(url.path(), QString("/demo.bin"));
    origin.setContent("0123456789");

    QByteArray a = exchange(url, "GET", "/demo.bin", "bytes=2-5");
    QVERIFY2(a.startsWith("HTTP/1.1 206"), a.constData());
    QVERIFY(a.contains("Content-Range: bytes 2-5/10\r\n"));
    QVERIFY(a.endsWith("\r\n\r\n2345"));
    a = exchange(url, "GET", "/demo.bin", "bytes=7-");
    QVERIFY(a.contains("Content-Range: bytes 7-9/10\r\n") && a.endsWith("789"));
    a = exchange(url, "GET", "/demo.bin", "bytes=-3");
    QVERIFY(a.contains("Content-Range: bytes 7-9/10\r\n") && a.endsWith("789"));
    a = exchange(url, "GET", "/demo.bin", "bytes=8-100"); // clipped to the file, as RFC 9110 says
    QVERIFY(a.contains("Content-Range: bytes 8-9/10\r\n") && a.endsWith("89"));
    a = exchange(url, "GET", "/demo.bin", {});
    QVERIFY(a.startsWith("HTTP/1.1 200") && a.endsWith("0123456789"));
    const qint64 served = 4 + 3 + 3 + 2 + 10;
    QCOMPARE(origin.bytesServed(), served);

    // What the origin does not serve gets an answer that says so, and costs no body bytes.
    for (const QByteArray& bad :
         {QByteArray("bytes=10-12"), QByteArray("bytes=5-2"), QByteArray("bytes=0-1,4-5"),
          QByteArray("items=0-1"), QByteArray("bytes=x-y"), QByteArray("bytes=-0")}) {
        a = exchange(url, "GET", "/demo.bin", bad);
        QVERIFY2(a.startsWith("HTTP/1.1 416") && a.contains("Content-Range: bytes */10\r\n"),
                 bad.constData());
    }
    QVERIFY(exchange(url, "GET", "/other.bin", {}).startsWith("HTTP/1.1 404"));
    QVERIFY(exchange(url, "POST", "/demo.bin", {}).startsWith("HTTP/1.1 405"));
    QCOMPARE(origin.bytesServed(), served);
}

QTEST_GUILESS_MAIN(SavingsDemoTest)
#include "test_savings_demo.moc"
