// The peer-savings demo end to end: real agents in this process, each on its own loopback
// address, fetch one file from the demo's origin a moment apart. The first device pays for the
// file on the origin link, the others get it from their peers, and the figures the demo shows
// (what the origin sent, what the devices received, the saved share) are those counts.

#include "demo/SavingsDemo.h"

#include <QDir>
#include <QSignalSpy>
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

QTEST_GUILESS_MAIN(SavingsDemoTest)
#include "test_savings_demo.moc"
