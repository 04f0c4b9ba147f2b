// Local disks as the "cache uses too much disk" advice sees them: a mounts table is read for disk
// file systems only (no network mounts, no RAM disks), escaped paths are decoded, and the Cache
// use check names a roomier drive for DOModifyCacheDrive only when there is one.

#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckResult.h"
#include "diagnostics/LocalVolumes.h"
#include "support/LiveChecks.h"

#include <QTest>

using namespace opendo;
using diagnostics::CheckResult;
using diagnostics::Verdict;
using diagnostics::VolumeSpace;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

const QByteArray kMounts = "sysfs /sys sysfs rw,nosuid 0 0\n"
                           "proc /proc proc rw 0 0\n"
                           "/dev/vda1 / ext4 rw,relatime 0 0\n"
                           "tmpfs /dev/shm tmpfs rw 0 0\n"
                           "/dev/vdb1 /srv/big\\040disk xfs rw 0 0\n"
                           "server:/export /mnt/nfs nfs4 rw 0 0\n"
                           "overlay /var/lib/docker/x overlay rw 0 0\n"
                           "/dev/vda1 / ext4 rw,relatime 0 0\n"
                           "/dev/sdc1 /media/usb vfat rw 0 0\n";

CheckResult runCacheUse(const diagnostics::DiagnosticInputs& in)
{
    return test::runCheckOn(QStringLiteral("cache.use"), in);
}

// A 20 GB drive with 5 GB free and a cache allowed to grow to 30 GB.
diagnostics::DiagnosticInputs crampedCache()
{
    diagnostics::DiagnosticInputs in;
    in.device.files = 2;
    in.device.cacheBytes = 3 * kGiB;
    in.device.cacheLimitBytes = 30 * kGiB;
    in.device.diskTotalBytes = 20 * kGiB;
    in.device.diskFreeBytes = 5 * kGiB;
    in.cacheVolumeRoot = "/";
    return in;
}

} // namespace

class LocalVolumesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void onlyDiskFileSystemsOncePerMountPoint();
    void roomierVolumeIsAnotherDriveWithMoreThanNeeded();
    void cacheUseNamesARoomierDrive();
    void cacheUseWithoutARoomierDriveOnlyCaps();
    void thisMachinesVolumesAreSane();
};

void LocalVolumesTest::onlyDiskFileSystemsOncePerMountPoint()
{
    const QList<VolumeSpace> v = diagnostics::diskMounts(kMounts);
    QCOMPARE(v.size(), 3);
    QCOMPARE(v[0].rootPath, QString("/"));
    QCOMPARE(v[0].fileSystem, QString("ext4"));
    QCOMPARE(v[1].rootPath, QString("/srv/big disk"));
    QCOMPARE(v[1].fileSystem, QString("xfs"));
    QCOMPARE(v[2].rootPath, QString("/media/usb"));
    QVERIFY(diagnostics::diskMounts("").isEmpty());
    QVERIFY(diagnostics::diskMounts("garbage\n/dev/x\n").isEmpty());
}

void LocalVolumesTest::roomierVolumeIsAnotherDriveWithMoreThanNeeded()
{
    const QList<VolumeSpace> v{{"/", "ext4", 50 * kGiB, 100 * kGiB},
                               {"/data", "xfs", 400 * kGiB, 1000 * kGiB},
                               {"/media/usb", "vfat", 20 * kGiB, 32 * kGiB}};
    QCOMPARE(diagnostics::roomierVolume(v, "/", 10 * kGiB)->rootPath, QString("/data"));
    // The cache's own drive is never the answer, however roomy.
    QCOMPARE(diagnostics::roomierVolume(v, "/data", 10 * kGiB)->rootPath, QString("/"));
    QVERIFY(!diagnostics::roomierVolume(v, "/", 500 * kGiB));
    QVERIFY(!diagnostics::roomierVolume({}, "/", 0));
}

void LocalVolumesTest::cacheUseNamesARoomierDrive()
{
    diagnostics::DiagnosticInputs in = crampedCache();
    in.volumes = {{"/", "ext4", 5 * kGiB, 20 * kGiB}, {"/data", "xfs", 400 * kGiB, 1000 * kGiB}};
    const CheckResult r = runCacheUse(in);
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY2(r.evidence.join('\n').contains("Roomier drive: /data (xfs, "),
             qPrintable(r.evidence.join('\n')));
    QVERIFY2(r.remedy.contains("DOAbsoluteMaxCacheSize to 4 GB"), qPrintable(r.remedy));
    QVERIFY2(r.remedy.contains("set DOModifyCacheDrive to a folder on /data"),
             qPrintable(r.remedy));
    // The staged fix stays the cap: a folder is the administrator's choice.
    QCOMPARE(r.fix.size(), 1);
    QCOMPARE(r.fix.first().key, QString("DOAbsoluteMaxCacheSize"));
}

void LocalVolumesTest::cacheUseWithoutARoomierDriveOnlyCaps()
{
    diagnostics::DiagnosticInputs in = crampedCache();
    in.volumes = {{"/", "ext4", 5 * kGiB, 20 * kGiB}, {"/media/usb", "vfat", 6 * kGiB, 8 * kGiB}};
    const CheckResult r = runCacheUse(in); // 8 GB of room already: the stick is no better
    QCOMPARE(r.verdict, Verdict::Warn);
    QVERIFY(!r.evidence.join('\n').contains("Roomier drive"));
    QVERIFY2(!r.remedy.contains("DOModifyCacheDrive"), qPrintable(r.remedy));
}

void LocalVolumesTest::thisMachinesVolumesAreSane()
{
    for (const VolumeSpace& v : diagnostics::localVolumes()) {
        QVERIFY2(v.rootPath.startsWith('/'), qPrintable(v.rootPath));
        QVERIFY(v.totalBytes > 0);
        QVERIFY2(v.freeBytes >= 0 && v.freeBytes <= v.totalBytes, qPrintable(v.rootPath));
        QVERIFY2(v.fileSystem != "tmpfs" && v.fileSystem != "nfs4", qPrintable(v.fileSystem));
    }
}

QTEST_GUILESS_MAIN(LocalVolumesTest)
#include "test_local_volumes.moc"
