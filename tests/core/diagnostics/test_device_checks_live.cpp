// Device and hardware checks against conditions made for real on an in-process agent: a group
// configured outside group mode, a cache folder that vanished behind a regular file, one the
// agent may not write, a state database with garbage over one of its pages, and the battery
// gate on this machine (and on the facts the sysfs parser gives for a draining laptop, since
// the probe's sysfs root is fixed).

#include "agent/Agent.h"
#include "diagnostics/CheckCatalog.h"
#include "persistence/Database.h"
#include "support/AgentPolicies.h"
#include "support/LiveChecks.h"
#include "support/TestAgentOptions.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace opendo;
using namespace opendo::test;
using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

// Given with braces, as Windows shows GUIDs; the agent keeps and announces it without.
const QString kGroupGiven = "{5b0c3f2e-8a41-4d7e-9c36-1f2a7b9e0d44}";
const QString kGroup = "5b0c3f2e-8a41-4d7e-9c36-1f2a7b9e0d44";

// True when this machine has a battery of its own, as the agent's probe counts them.
bool hasOwnBattery()
{
    const QDir root("/sys/class/power_supply");
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile scope(root.filePath(name + "/scope"));
        if (scope.open(QIODevice::ReadOnly) && scope.readAll().trimmed() == "Device")
            continue;
        QFile type(root.filePath(name + "/type"));
        if (type.open(QIODevice::ReadOnly) && type.readAll().trimmed() == "Battery")
            return true;
    }
    return false;
}

} // namespace

class DeviceChecksLiveTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void groupIdOutsideGroupMode();
    void cacheFolderGoneBehindAFile();
    void cacheFolderNotWritable();
    void cacheDriveChangedWhileRunning();
    void damagedDatabase();
    void batteryOnThisMachine();
    void batteryDrainingBelowMinimum();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

void DeviceChecksLiveTest::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void DeviceChecksLiveTest::groupIdOutsideGroupMode()
{
    agent::Agent agent(test::testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());

    // Nothing configured: nothing to judge.
    QCOMPARE(runAgentCheck(agent, "device.group_id").verdict, Verdict::NotApplicable);

    QVERIFY(applyPolicyValues(agent, {{"DODownloadMode", "1"}, {"DOGroupId", kGroupGiven}}));
    CheckResult r = runAgentCheck(agent, "device.group_id");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.contains("1 (LAN)"), qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("DOGroupId = " + kGroup + " (Policy)"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("set DODownloadMode to 2"), qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("remove DOGroupId and DOGroupIdSource"),
             qPrintable(describeResult(r)));

    QVERIFY(applyPolicyValues(agent, {{"DODownloadMode", "2"}}));
    r = runAgentCheck(agent, "device.group_id");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.contains(kGroup), qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("Announced group: " + kGroup),
             qPrintable(describeResult(r)));
    QVERIFY(r.remedy.isEmpty());
}

void DeviceChecksLiveTest::cacheFolderGoneBehindAFile()
{
    // The cache lives in <tmp>/drive/cache; afterwards "drive" is a regular file, so the folder
    // is gone and nobody, root included, can create it again.
    const QString drive = m_dir->filePath("drive");
    const QString cacheDir = drive + "/cache";
    // Set before the agent first starts: it has no older cache folder to stay in.
    QCOMPARE(test::applyPolicyValuesOffline(m_dir->filePath("agent"),
                                            {{"DOModifyCacheDrive", cacheDir}}),
             QString());
    agent::Agent agent(test::testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());
    CheckResult r = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("Cache folder: " + cacheDir),
             qPrintable(describeResult(r)));

    QVERIFY(QDir(drive).removeRecursively());
    QFile file(drive);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write("not a folder"), qint64(12));
    file.close();
    QVERIFY(!QDir().mkpath(cacheDir));

    r = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(r.verdict == Verdict::Fail, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.contains(cacheDir), qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("DOModifyCacheDrive = " + cacheDir + " (Policy)"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("mkdir -p " + cacheDir), qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("DOModifyCacheDrive"), qPrintable(describeResult(r)));
}

void DeviceChecksLiveTest::cacheDriveChangedWhileRunning()
{
    agent::Agent agent(test::testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());
    const QString inUse = m_dir->filePath("agent/cache");
    QCOMPARE(runAgentCheck(agent, "device.cache_folder").verdict, Verdict::Pass);

    // A folder the agent cannot create: the cache stays where it is and the check says why.
    QFile blocker(m_dir->filePath("blocker"));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString unusable = m_dir->filePath("blocker/cache");
    QVERIFY(applyPolicyValues(agent, {{"DOModifyCacheDrive", unusable}}));
    CheckResult r = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(r.verdict == Verdict::Warn, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.contains(unusable) && r.summary.contains(inUse),
             qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("the folder " + unusable + " cannot be created"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("mkdir -p " + unusable), qPrintable(describeResult(r)));

    // A usable one: the idle agent moves its cache there at once, without a restart.
    const QString next = m_dir->filePath("elsewhere");
    QVERIFY(applyPolicyValues(agent, {{"DOModifyCacheDrive", next}}));
    r = runAgentCheck(agent, "device.cache_folder");
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("Cache folder: " + next),
             qPrintable(describeResult(r)));
    QVERIFY(!QFileInfo::exists(inUse)); // the empty old folder is gone
}

void DeviceChecksLiveTest::cacheFolderNotWritable()
{
    // Permission bits do not stop root; sysfs refuses new files to everyone, so as root the
    // cache is pointed there instead of at a chmod 0500 folder.
    const bool root = ::geteuid() == 0;
    const QString cacheDir = root ? QString("/sys/kernel") : m_dir->filePath("readonly");
    if (root) {
        QFile intruder(cacheDir + "/opendo-write-test");
        if (intruder.open(QIODevice::WriteOnly)) {
            intruder.remove();
            QSKIP("sysfs accepts new files here; no folder root cannot write to");
        }
    }
    // Set before the agent first starts: it has no older cache folder to stay in.
    QCOMPARE(test::applyPolicyValuesOffline(m_dir->filePath("agent"),
                                            {{"DOModifyCacheDrive", cacheDir}}),
             QString());
    agent::Agent agent(test::testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());
    if (!root) {
        QVERIFY(QFile::setPermissions(cacheDir, QFile::ReadOwner | QFile::ExeOwner));
    }
    const CheckResult r = runAgentCheck(agent, "device.cache_folder");
    if (!root) // restore, so the temporary folder can be removed
        QFile::setPermissions(cacheDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY2(r.verdict == Verdict::Fail, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.startsWith("The agent cannot write to the cache folder " + cacheDir),
             qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("DOModifyCacheDrive = " + cacheDir),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("chown/chmod " + cacheDir), qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("DOModifyCacheDrive"), qPrintable(describeResult(r)));
}

void DeviceChecksLiveTest::damagedDatabase()
{
    // A real agent database, healthy first.
    const QString healthyDir = m_dir->filePath("healthy");
    {
        agent::Agent agent(test::testAgentOptions(healthyDir));
        QCOMPARE(agent.start().result(), QString());
        const CheckResult r = runAgentCheck(agent, "device.database");
        QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
        QVERIFY2(r.evidence.contains("Integrity check: ok"), qPrintable(describeResult(r)));
    }
    // A copy of it with garbage over the root page of a table the agent does not read on start
    // (per-minute transfer history), so the agent still starts on it.
    const QString damagedDir = m_dir->filePath("damaged");
    QVERIFY(QDir().mkpath(damagedDir));
    const QString damaged = damagedDir + "/" + persistence::Database::fileName();
    QVERIFY(QFile::copy(healthyDir + "/" + persistence::Database::fileName(), damaged));
    int rootPage = 0;
    int pageSize = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "inspect");
        db.setDatabaseName(damaged);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec("SELECT rootpage FROM sqlite_master WHERE name = 'transfer_minutes'"));
        QVERIFY(q.next());
        rootPage = q.value(0).toInt();
        QVERIFY(q.exec("PRAGMA page_size"));
        QVERIFY(q.next());
        pageSize = q.value(0).toInt();
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase("inspect");
    QVERIFY(rootPage > 1 && pageSize > 0);
    QFile::remove(damaged + "-wal");
    QFile::remove(damaged + "-shm");
    {
        QFile file(damaged);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.seek(qint64(rootPage - 1) * pageSize));
        QCOMPARE(file.write(QByteArray(pageSize, '\xA5')), qint64(pageSize));
    }

    agent::Agent agent(test::testAgentOptions(damagedDir));
    QCOMPARE(agent.start().result(), QString());
    const CheckResult r = runAgentCheck(agent, "device.database");
    QVERIFY2(r.verdict == Verdict::Fail, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.startsWith("The state database reports damage: "),
             qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("State database: " + damaged),
             qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains(QString("Page %1").arg(rootPage)),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("move " + damaged + " aside"), qPrintable(describeResult(r)));
}

void DeviceChecksLiveTest::batteryOnThisMachine()
{
    // The probe reads the fixed /sys/class/power_supply; without a battery there the gate does
    // not apply and the check must say so rather than judge a battery that is not there.
    if (hasOwnBattery())
        QSKIP("this machine has a battery; its verdict depends on its charge");
    agent::Agent agent(test::testAgentOptions(m_dir->filePath("agent")));
    QCOMPARE(agent.start().result(), QString());
    QVERIFY(applyPolicyValues(agent, {{"DOMinBatteryPercentageAllowedToUpload", "90"}}));
    const CheckResult r = runAgentCheck(agent, "hardware.battery");
    QVERIFY2(r.verdict == Verdict::NotApplicable, qPrintable(describeResult(r)));
    QVERIFY2(r.summary.contains("no battery"), qPrintable(describeResult(r)));
    QVERIFY(r.remedy.isEmpty());
}

void DeviceChecksLiveTest::batteryDrainingBelowMinimum()
{
    // What the sysfs parser makes of a laptop at 15 % on battery with its adapter unplugged.
    diagnostics::DiagnosticInputs in;
    policy::PolicyState state;
    state.policy.insert("DOMinBatteryPercentageAllowedToUpload", "40");
    in.policies = policy::resolveEffective(state);
    transfer::applyPowerSupplies({{"Battery", 15, "Discharging", false}, {"Mains", -1, {}, false}},
                                 in.system);
    QCOMPARE(in.system.batteryPercent, std::optional<int>(15));
    QVERIFY(in.system.onBattery);
    auto run = [&in] {
        CheckResult result;
        diagnostics::makeCheck("hardware.battery")->start(in, [&result](CheckResult r) {
            result = std::move(r);
        });
        return result;
    };
    CheckResult r = run();
    QVERIFY2(r.verdict == Verdict::Fail, qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("on battery at 15 %, minimum 40 %"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("DOMinBatteryPercentageAllowedToUpload"),
             qPrintable(describeResult(r)));
    QVERIFY2(r.remedy.contains("Connect it to power"), qPrintable(describeResult(r)));
    QVERIFY(r.fix.isEmpty()); // lowering the minimum is the user's call

    // Adapter plugged in: the same charge no longer blocks uploads.
    transfer::applyPowerSupplies({{"Battery", 15, "Charging", false}, {"Mains", -1, {}, true}},
                                 in.system);
    r = run();
    QVERIFY2(r.verdict == Verdict::Pass, qPrintable(describeResult(r)));
    QVERIFY2(r.evidence.join('\n').contains("battery at 15 %, on external power"),
             qPrintable(describeResult(r)));
}

QTEST_GUILESS_MAIN(DeviceChecksLiveTest)
#include "test_device_checks_live.moc"
