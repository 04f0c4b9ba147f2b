// When this device may serve peers and download from them: the parsers the probe uses, VPN
// detection by keyword, each gate against its policy, and the probe on this machine.

#include "transfer/UploadGates.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace opendo::policy;
using namespace opendo::transfer;

namespace {

constexpr qint64 kGiB = qint64(1024) * 1024 * 1024;

PolicySnapshot snapshot(const QMap<QString, QString>& policy = {})
{
    PolicyState state;
    state.policy = policy;
    return resolveEffective(state);
}

// A device that passes every gate with the default settings.
SystemFacts healthy()
{
    SystemFacts f;
    f.totalRamBytes = 16 * kGiB;
    f.cacheDriveTotalBytes = 500 * kGiB;
    f.interfaces = {{"lo", "lo", true}, {"eth0", "eth0", true}};
    return f;
}

// A verdict with the key "missing" when there is none, which every comparison then reports.
GateVerdict verdict(const PeeringGates& g, const QString& key)
{
    for (const GateVerdict& v : g.verdicts) {
        if (v.policyKey == key)
            return v;
    }
    return GateVerdict{"missing", false, "missing", "missing", {}};
}

QStringList names(const QList<NetworkInterfaceFact>& interfaces)
{
    QStringList result;
    for (const NetworkInterfaceFact& i : interfaces)
        result << i.name;
    return result;
}

} // namespace

class UploadGatesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseMemTotal_data();
    void parseMemTotal();
    void powerSupplies_data();
    void powerSupplies();
    void keywordsMergePolicyWithoutDuplicates();
    void vpnInterfaces_data();
    void vpnInterfaces();
    void defaultsWithAHealthyDevicePass();
    void littleRamFailsNamingTheSetting();
    void ramAtTheMinimumPasses();
    void smallDiskFails();
    void unknownFactsPass();
    void battery_data();
    void battery();
    void monthlyCap_data();
    void monthlyCap();
    void vpnBlocksDownloadsAndUploads();
    void vpnAllowedByPolicy();
    void gatesHoldBackOnlyTheClassesTheyConcern();
    void firstReasonIsTheFirstFailingGate();
    void probeThisMachine();
};

void UploadGatesTest::parseMemTotal_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("bytes");
    QTest::newRow("procfs") << "MemTotal:       24683620 kB\nMemFree:        24416572 kB\n"
                            << qint64(24683620) * 1024;
    QTest::newRow("not first") << "Foo: 1 kB\nMemTotal: 2097152 kB\n" << 2 * kGiB;
    QTest::newRow("no unit") << "MemTotal: 4096\n" << qint64(4096);
    QTest::newRow("absent") << "MemFree: 1 kB\n" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("garbage") << "MemTotal: lots kB\n" << qint64(-1);
    QTest::newRow("similar key") << "MemTotalX: 5 kB\n" << qint64(-1);
}

void UploadGatesTest::parseMemTotal()
{
    QFETCH(QString, text);
    QFETCH(qint64, bytes);
    QCOMPARE(opendo::transfer::parseMemTotal(text), bytes);
}

void UploadGatesTest::powerSupplies_data()
{
    QTest::addColumn<QList<PowerSupplyFact>>("supplies");
    QTest::addColumn<int>("percent"); // -1 = no battery
    QTest::addColumn<bool>("onBattery");

    const PowerSupplyFact acOff{"Mains", -1, "", false};
    const PowerSupplyFact acOn{"Mains", -1, "", true};
    QTest::newRow("discharging at 30")
        << QList<PowerSupplyFact>{acOff, {"Battery", 30, "Discharging", false}} << 30 << true;
    QTest::newRow("discharging, no adapter listed")
        << QList<PowerSupplyFact>{{"Battery", 30, "Discharging", false}} << 30 << true;
    QTest::newRow("charging") << QList<PowerSupplyFact>{acOn, {"Battery", 30, "Charging", false}}
                              << 30 << false;
    QTest::newRow("not charging on AC at a threshold")
        << QList<PowerSupplyFact>{acOn, {"Battery", 80, "Not charging", false}} << 80 << false;
    QTest::newRow("full, adapter unplugged")
        << QList<PowerSupplyFact>{acOff, {"Battery", 100, "Full", false}} << 100 << true;
    QTest::newRow("firmware says discharging on AC")
        << QList<PowerSupplyFact>{acOn, {"Battery", 90, "Discharging", false}} << 90 << false;
    QTest::newRow("USB-C power") << QList<PowerSupplyFact>{acOff,
                                                           {"USB", -1, "", true},
                                                           {"Battery", 50, "Charging", false}}
                                 << 50 << false;
    QTest::newRow("two packs") << QList<PowerSupplyFact>{acOff,
                                                         {"Battery", 20, "Discharging", false},
                                                         {"Battery", 60, "Discharging", false}}
                               << 40 << true;
    QTest::newRow("no battery") << QList<PowerSupplyFact>{} << -1 << false;
    QTest::newRow("mains only") << QList<PowerSupplyFact>{acOn} << -1 << false;
}

void UploadGatesTest::powerSupplies()
{
    QFETCH(QList<PowerSupplyFact>, supplies);
    QFETCH(int, percent);
    QFETCH(bool, onBattery);
    SystemFacts facts;
    facts.batteryPercent = 77; // stale values from an earlier probe are replaced
    facts.onBattery = !onBattery;
    applyPowerSupplies(supplies, facts);
    QCOMPARE(facts.batteryPercent.value_or(-1), percent);
    QCOMPARE(facts.onBattery, onBattery);
}

void UploadGatesTest::keywordsMergePolicyWithoutDuplicates()
{
    const QStringList builtIn = vpnKeywords({});
    for (const char* k :
         {"VPN", "Secure", "Virtual Private Network", "tun", "tap", "wg", "ppp", "ipsec"})
        QVERIFY2(builtIn.contains(QString::fromLatin1(k)), k);

    const QStringList merged = vpnKeywords(" corp , ,vpn,Corp,ZeroTier,");
    QCOMPARE(merged.size(), builtIn.size() + 2);
    QVERIFY(merged.contains("corp"));
    QVERIFY(merged.contains("ZeroTier"));
    QVERIFY(!merged.contains("Corp"));
    QVERIFY(!merged.contains("vpn")); // "VPN" is already there
    QVERIFY(!merged.contains(""));
}

void UploadGatesTest::vpnInterfaces_data()
{
    QTest::addColumn<QList<NetworkInterfaceFact>>("interfaces");
    QTest::addColumn<QString>("policyKeywords");
    QTest::addColumn<QStringList>("expected");

    using L = QList<NetworkInterfaceFact>;
    QTest::newRow("tun0 up") << L{{"eth0", "eth0", true}, {"tun0", "tun0", true}} << ""
                             << QStringList{"tun0"};
    QTest::newRow("tun0 down") << L{{"tun0", "tun0", false}} << "" << QStringList{};
    QTest::newRow("eth0") << L{{"eth0", "eth0", true}, {"wlan0", "wlan0", true}} << ""
                          << QStringList{};
    QTest::newRow("description") << L{{"enp3s0", "MyCorp VPN", true}} << ""
                                 << QStringList{"enp3s0"};
    QTest::newRow("case-insensitive description")
        << L{{"if7", "Cisco AnyConnect secure mobility", true}} << "" << QStringList{"if7"};
    QTest::newRow("policy keyword")
        << L{{"corp-link", "corp-link", true}} << "corp" << QStringList{"corp-link"};
    QTest::newRow("policy keyword inside a name")
        << L{{"x-CORP-1", "x-CORP-1", true}} << "corp" << QStringList{"x-CORP-1"};
    QTest::newRow("policy keyword absent")
        << L{{"corp-link", "corp-link", true}} << "" << QStringList{};
    QTest::newRow("tunnel names") << L{{"wg0", "wg0", true},
                                       {"tap1", "tap1", true},
                                       {"ppp0", "ppp0", true},
                                       {"WgCorp", "WgCorp", true},
                                       {"ipsec0", "ipsec0", true}}
                                  << "" << QStringList{"wg0", "tap1", "ppp0", "WgCorp", "ipsec0"};
    QTest::newRow("tunnel keywords only as a prefix") << L{{"stap0", "stap0", true},
                                                           {"swg1", "swg1", true},
                                                           {"eth-tun", "eth-tun", true},
                                                           {"mppp", "mppp", true}}
                                                      << "" << QStringList{};
}

void UploadGatesTest::vpnInterfaces()
{
    QFETCH(QList<NetworkInterfaceFact>, interfaces);
    QFETCH(QString, policyKeywords);
    QFETCH(QStringList, expected);
    QCOMPARE(names(opendo::transfer::vpnInterfaces(interfaces, vpnKeywords(policyKeywords))),
             expected);
}

void UploadGatesTest::defaultsWithAHealthyDevicePass()
{
    const PeeringGates g = evaluatePeeringGates(snapshot(), healthy(), 0);
    QCOMPARE(g.verdicts.size(), 5);
    const QStringList order = {"DOMinRAMAllowedToPeer", "DOMinDiskSizeAllowedToPeer",
                               "DOMinBatteryPercentageAllowedToUpload", "DOMonthlyUploadDataCap",
                               "DOAllowVPNPeerCaching"};
    for (int i = 0; i < order.size(); ++i) {
        QCOMPARE(g.verdicts[i].policyKey, order[i]);
        QVERIFY2(g.verdicts[i].allowed, qPrintable(g.verdicts[i].reason));
        QVERIFY(!g.verdicts[i].evidence.isEmpty());
        QVERIFY(g.verdicts[i].reason.isEmpty());
    }
    QVERIFY(g.uploadAllowed);
    QVERIFY(g.downloadFromPeersAllowed);
    QCOMPARE(g.firstReason(), QString());
    QCOMPARE(g.verdicts[0].evidence, QString("16.0 GB RAM, minimum 4 GB"));
    QCOMPARE(g.verdicts[1].evidence, QString("500.0 GB cache drive, minimum 32 GB"));
}

void UploadGatesTest::littleRamFailsNamingTheSetting()
{
    SystemFacts f = healthy();
    f.totalRamBytes = 2 * kGiB;
    const PeeringGates g = evaluatePeeringGates(snapshot(), f, 0);
    const GateVerdict ram = verdict(g, "DOMinRAMAllowedToPeer");
    QVERIFY(!ram.allowed);
    QCOMPARE(ram.evidence, QString("2.0 GB RAM, minimum 4 GB"));
    QCOMPARE(ram.reason, QString("This device has 2.0 GB of RAM; DOMinRAMAllowedToPeer requires "
                                 "4 GB. Lower DOMinRAMAllowedToPeer to let it share with peers."));
    QVERIFY(!g.uploadAllowed);
    QVERIFY(g.downloadFromPeersAllowed);
    QCOMPARE(g.firstReason(), ram.reason);

    // A lower policy admits the device.
    QVERIFY(evaluatePeeringGates(snapshot({{"DOMinRAMAllowedToPeer", "2"}}), f, 0).uploadAllowed);
}

void UploadGatesTest::ramAtTheMinimumPasses()
{
    SystemFacts f = healthy();
    f.totalRamBytes = 4 * kGiB; // the setting is inclusive
    QVERIFY(evaluatePeeringGates(snapshot(), f, 0).uploadAllowed);
    f.totalRamBytes = 4 * kGiB - 1;
    QVERIFY(!evaluatePeeringGates(snapshot(), f, 0).uploadAllowed);
}

void UploadGatesTest::smallDiskFails()
{
    SystemFacts f = healthy();
    f.cacheDriveTotalBytes = 29 * kGiB + kGiB / 2;
    const PeeringGates g = evaluatePeeringGates(snapshot(), f, 0);
    const GateVerdict disk = verdict(g, "DOMinDiskSizeAllowedToPeer");
    QVERIFY(!disk.allowed);
    QCOMPARE(disk.evidence, QString("29.5 GB cache drive, minimum 32 GB"));
    QVERIFY2(disk.reason.contains("29.5 GB") && disk.reason.contains("DOMinDiskSizeAllowedToPeer"),
             qPrintable(disk.reason));
    QVERIFY(!g.uploadAllowed);
    QVERIFY(g.downloadFromPeersAllowed);

    QVERIFY(
        evaluatePeeringGates(snapshot({{"DOMinDiskSizeAllowedToPeer", "16"}}), f, 0).uploadAllowed);
}

void UploadGatesTest::unknownFactsPass()
{
    SystemFacts f = healthy();
    f.totalRamBytes = -1;
    f.cacheDriveTotalBytes = -1;
    f.onBattery = true; // battery present but its charge unreadable
    const PeeringGates g =
        evaluatePeeringGates(snapshot({{"DOMinBatteryPercentageAllowedToUpload", "50"}}), f, -1);
    QVERIFY(g.uploadAllowed);
    QCOMPARE(verdict(g, "DOMinRAMAllowedToPeer").evidence, QString("unknown"));
    QCOMPARE(verdict(g, "DOMinDiskSizeAllowedToPeer").evidence, QString("unknown"));
    QCOMPARE(verdict(g, "DOMinBatteryPercentageAllowedToUpload").evidence, QString("unknown"));
    QCOMPARE(verdict(g, "DOMonthlyUploadDataCap").evidence, QString("unknown"));
}

void UploadGatesTest::battery_data()
{
    QTest::addColumn<QString>("policy"); // "" = not configured
    QTest::addColumn<int>("percent");    // -1 = no battery
    QTest::addColumn<bool>("onBattery");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("evidence");

    QTest::newRow("below minimum")
        << "40" << 30 << true << false << "on battery at 30 %, minimum 40 %";
    QTest::newRow("at minimum") << "40" << 40 << true << true << "on battery at 40 %, minimum 40 %";
    QTest::newRow("charging") << "40" << 30 << false << true
                              << "battery at 30 %, on external power";
    QTest::newRow("not limited (default 0)")
        << "" << 5 << true << true << "on battery at 5 %, not limited";
    QTest::newRow("no battery") << "40" << -1 << false << true << "no battery";
}

void UploadGatesTest::battery()
{
    QFETCH(QString, policy);
    QFETCH(int, percent);
    QFETCH(bool, onBattery);
    QFETCH(bool, allowed);
    QFETCH(QString, evidence);
    SystemFacts f = healthy();
    if (percent >= 0)
        f.batteryPercent = percent;
    f.onBattery = onBattery;
    QMap<QString, QString> settings;
    if (!policy.isEmpty())
        settings.insert("DOMinBatteryPercentageAllowedToUpload", policy);
    const PeeringGates g = evaluatePeeringGates(snapshot(settings), f, 0);
    const GateVerdict v = verdict(g, "DOMinBatteryPercentageAllowedToUpload");
    QCOMPARE(v.allowed, allowed);
    QCOMPARE(v.evidence, evidence);
    QCOMPARE(g.uploadAllowed, allowed);
    QVERIFY(g.downloadFromPeersAllowed);
    if (!allowed)
        QVERIFY2(v.reason.contains("DOMinBatteryPercentageAllowedToUpload") &&
                     v.reason.contains("30 %"),
                 qPrintable(v.reason));
}

void UploadGatesTest::monthlyCap_data()
{
    QTest::addColumn<QString>("cap"); // "" = default (20)
    QTest::addColumn<qint64>("uploaded");
    QTest::addColumn<bool>("allowed");
    QTest::addColumn<QString>("evidence");

    QTest::newRow("default, below") << "" << 20 * kGiB - 1 << true
                                    << "20.0 GB uploaded to Internet peers this month, cap 20 GB";
    QTest::newRow("default, reached")
        << "" << 20 * kGiB << false << "20.0 GB uploaded to Internet peers this month, cap 20 GB";
    QTest::newRow("configured, over")
        << "5" << 7 * kGiB << false << "7.0 GB uploaded to Internet peers this month, cap 5 GB";
    QTest::newRow("unlimited") << "0" << 5000 * kGiB << true
                               << "5000.0 GB uploaded to Internet peers this month, unlimited";
    QTest::newRow("largest cap") << "4294967295" << 5000 * kGiB << true
                                 << "5000.0 GB uploaded to Internet peers this month, cap "
                                    "4294967295 GB";
}

void UploadGatesTest::monthlyCap()
{
    QFETCH(QString, cap);
    QFETCH(qint64, uploaded);
    QFETCH(bool, allowed);
    QFETCH(QString, evidence);
    QMap<QString, QString> settings;
    if (!cap.isEmpty())
        settings.insert("DOMonthlyUploadDataCap", cap);
    const PeeringGates g = evaluatePeeringGates(snapshot(settings), healthy(), uploaded);
    const GateVerdict v = verdict(g, "DOMonthlyUploadDataCap");
    QCOMPARE(v.allowed, allowed);
    QCOMPARE(v.evidence, evidence);
    QCOMPARE(g.uploadAllowed, allowed);
    QVERIFY(g.downloadFromPeersAllowed);
    if (!allowed)
        QVERIFY2(v.reason.contains("DOMonthlyUploadDataCap"), qPrintable(v.reason));
}

void UploadGatesTest::vpnBlocksDownloadsAndUploads()
{
    SystemFacts f = healthy();
    f.interfaces << NetworkInterfaceFact{"tun0", "tun0", true}
                 << NetworkInterfaceFact{"enp3s0", "MyCorp VPN", true}
                 << NetworkInterfaceFact{"wg0", "wg0", false};
    const PeeringGates g = evaluatePeeringGates(snapshot(), f, 0);
    const GateVerdict v = verdict(g, "DOAllowVPNPeerCaching");
    QVERIFY(!v.allowed);
    QCOMPARE(v.evidence, QString("VPN connection tun0, enp3s0 (MyCorp VPN)"));
    QVERIFY2(v.reason.contains("tun0") && v.reason.contains("DOAllowVPNPeerCaching"),
             qPrintable(v.reason));
    QVERIFY(!g.uploadAllowed);
    QVERIFY(!g.downloadFromPeersAllowed);
    QCOMPARE(g.firstReason(), v.reason);

    // Only policy keywords make this one a VPN.
    SystemFacts custom = healthy();
    custom.interfaces << NetworkInterfaceFact{"corp-link", "corp-link", true};
    QVERIFY(evaluatePeeringGates(snapshot(), custom, 0).downloadFromPeersAllowed);
    const PeeringGates withKeyword =
        evaluatePeeringGates(snapshot({{"DOVpnKeywords", "Acme,corp"}}), custom, 0);
    QVERIFY(!withKeyword.downloadFromPeersAllowed);
    QCOMPARE(verdict(withKeyword, "DOAllowVPNPeerCaching").evidence,
             QString("VPN connection corp-link"));
}

void UploadGatesTest::gatesHoldBackOnlyTheClassesTheyConcern()
{
    // The cap, reached, holds back uploads to Internet peers only.
    const PeeringGates capped =
        evaluatePeeringGates(snapshot({{"DOMonthlyUploadDataCap", "1"}}), healthy(), kGiB);
    QVERIFY(!capped.uploadsTo(SourceClass::InternetPeer));
    for (SourceClass cls :
         {SourceClass::LanPeer, SourceClass::GroupPeer, SourceClass::LinkLocalPeer})
        QVERIFY(capped.uploadsTo(cls));
    QVERIFY(capped.downloadsFrom(SourceClass::InternetPeer));

    // A VPN holds back every class, both ways …
    SystemFacts onVpn = healthy();
    onVpn.interfaces << NetworkInterfaceFact{"tun0", "tun0", true};
    const PeeringGates vpn = evaluatePeeringGates(snapshot(), onVpn, 0);
    for (SourceClass cls : kAllSourceClasses) {
        QVERIFY(!vpn.downloadsFrom(cls));
        QVERIFY(!vpn.uploadsTo(cls));
    }
    // … but local-discovery peers while peers are restricted to them (and only then).
    QVERIFY(restrictsToLocalPeers(snapshot({{"DORestrictPeerSelectionBy", "2"}})));
    QVERIFY(!restrictsToLocalPeers(
        snapshot({{"DORestrictPeerSelectionBy", "2"}, {"DODownloadMode", "3"}})));
    const PeeringGates local =
        evaluatePeeringGates(snapshot({{"DORestrictPeerSelectionBy", "2"}}), onVpn, 0);
    QVERIFY(!local.downloadFromPeersAllowed);
    QVERIFY(local.downloadsFrom(SourceClass::LinkLocalPeer));
    QVERIFY(local.uploadsTo(SourceClass::LinkLocalPeer));
    QVERIFY(!local.downloadsFrom(SourceClass::LanPeer));
    QVERIFY(!local.uploadsTo(SourceClass::GroupPeer));
}

void UploadGatesTest::vpnAllowedByPolicy()
{
    SystemFacts f = healthy();
    f.interfaces << NetworkInterfaceFact{"wg0", "wg0", true};
    const PeeringGates g = evaluatePeeringGates(snapshot({{"DOAllowVPNPeerCaching", "1"}}), f, 0);
    const GateVerdict v = verdict(g, "DOAllowVPNPeerCaching");
    QVERIFY(v.allowed);
    QCOMPARE(v.evidence, QString("VPN connection wg0, peering allowed on VPN"));
    QVERIFY(g.uploadAllowed);
    QVERIFY(g.downloadFromPeersAllowed);
    QCOMPARE(
        verdict(evaluatePeeringGates(snapshot(), healthy(), 0), "DOAllowVPNPeerCaching").evidence,
        QString("no VPN connection"));
}

void UploadGatesTest::firstReasonIsTheFirstFailingGate()
{
    SystemFacts f = healthy();
    f.cacheDriveTotalBytes = kGiB;
    f.interfaces << NetworkInterfaceFact{"tun0", "tun0", true};
    const PeeringGates g = evaluatePeeringGates(snapshot(), f, 0);
    QVERIFY(!g.uploadAllowed);
    QVERIFY(!g.downloadFromPeersAllowed);
    QCOMPARE(g.firstReason(), verdict(g, "DOMinDiskSizeAllowedToPeer").reason);
}

void UploadGatesTest::probeThisMachine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SystemFacts facts = probeSystemFacts(dir.path());
    QVERIFY(facts.totalRamBytes > 0);
    QVERIFY(facts.cacheDriveTotalBytes > 0);
    if (facts.batteryPercent) {
        QVERIFY(*facts.batteryPercent >= 0);
        QVERIFY(*facts.batteryPercent <= 100);
    }
    bool loopback = false;
    for (const NetworkInterfaceFact& i : facts.interfaces)
        loopback = loopback || i.name == QLatin1String("lo");
    QVERIFY(loopback);

    // The cache folder does not exist before the first download; its drive is the parent's.
    const SystemFacts missing = probeSystemFacts(dir.filePath("not/yet/there"));
    QCOMPARE(missing.cacheDriveTotalBytes, facts.cacheDriveTotalBytes);
    QVERIFY(probeSystemFacts(QString()).cacheDriveTotalBytes > 0); // the working directory's
}

QTEST_GUILESS_MAIN(UploadGatesTest)
#include "test_upload_gates.moc"
