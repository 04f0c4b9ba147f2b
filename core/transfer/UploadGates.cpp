#include "transfer/UploadGates.h"

#include "common/ByteUnits.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkInterface>
#include <QSet>
#include <algorithm>
#include <limits>
#include <sys/statvfs.h>

namespace opendo::transfer {
namespace {

// Linux tunnel device names. They are short enough to occur inside unrelated names ("stap",
// "swg1"), so they only count at the start of a name.
const char* const kTunnelPrefixes[] = {"tun", "tap", "wg", "ppp"};

QString gb(qint64 bytes)
{
    return QString::number(double(bytes) / double(kGiB), 'f', 1);
}

// Bounded so a policy value from a hand-edited store cannot overflow the byte arithmetic.
qint64 gbSetting(const policy::PolicySnapshot& policies, const QString& key, qint64 fallback)
{
    return std::clamp<qint64>(policies.number(key, fallback), 0,
                              std::numeric_limits<qint64>::max() / kGiB);
}

QString readSmallFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.read(4096)).trimmed();
}

bool isTunnelPrefix(const QString& keyword)
{
    for (const char* p : kTunnelPrefixes) {
        if (keyword.compare(QLatin1String(p), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool matches(const NetworkInterfaceFact& iface, const QString& keyword)
{
    if (isTunnelPrefix(keyword))
        return iface.name.startsWith(keyword, Qt::CaseInsensitive) ||
               iface.description.startsWith(keyword, Qt::CaseInsensitive);
    return iface.name.contains(keyword, Qt::CaseInsensitive) ||
           iface.description.contains(keyword, Qt::CaseInsensitive);
}

QString interfaceLabel(const NetworkInterfaceFact& iface)
{
    if (iface.description.isEmpty() || iface.description == iface.name)
        return iface.name;
    return QStringLiteral("%1 (%2)").arg(iface.name, iface.description);
}

qint64 probeDriveTotal(const QString& cacheDir)
{
    // The cache folder is created on first use, yet the gate applies before that: the drive
    // it will live on is the one of its nearest existing parent.
    QString path = QDir::cleanPath(QDir(cacheDir).absolutePath());
    while (!QFileInfo::exists(path)) {
        const QString parent = QFileInfo(path).path();
        if (parent == path)
            return -1;
        path = parent;
    }
    struct statvfs st = {};
    if (::statvfs(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return qint64(st.f_blocks) * qint64(st.f_frsize);
}

QList<PowerSupplyFact> probePowerSupplies()
{
    QList<PowerSupplyFact> supplies;
    const QDir root(QStringLiteral("/sys/class/power_supply"));
    for (const QString& name : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString dir = root.filePath(name);
        // Wireless mice and game pads report batteries too; only the device's own counts.
        if (readSmallFile(dir + QStringLiteral("/scope")) == QLatin1String("Device"))
            continue;
        PowerSupplyFact s;
        s.type = readSmallFile(dir + QStringLiteral("/type"));
        bool ok = false;
        const int capacity = readSmallFile(dir + QStringLiteral("/capacity")).toInt(&ok);
        s.capacity = ok ? capacity : -1;
        s.status = readSmallFile(dir + QStringLiteral("/status"));
        s.online = readSmallFile(dir + QStringLiteral("/online")) == QLatin1String("1");
        supplies << s;
    }
    return supplies;
}

GateVerdict ramGate(const policy::PolicySnapshot& policies, const SystemFacts& facts)
{
    const QString key = QStringLiteral("DOMinRAMAllowedToPeer");
    const qint64 minimumGb = gbSetting(policies, key, 4);
    GateVerdict v{key, true, {}, {}, {}};
    if (facts.totalRamBytes < 0) {
        v.evidence = QCoreApplication::translate("opendo::transfer", "unknown");
        return v;
    }
    v.evidence = QCoreApplication::translate("opendo::transfer", "%1 GB RAM, minimum %2 GB")
                     .arg(gb(facts.totalRamBytes))
                     .arg(minimumGb);
    if (facts.totalRamBytes < minimumGb * kGiB) {
        v.allowed = false;
        v.reason = QCoreApplication::translate(
                       "opendo::transfer",
                       "This device has %1 GB of RAM; %2 requires %3 GB. Lower %2 to let it share "
                       "with peers.")
                       .arg(gb(facts.totalRamBytes), key)
                       .arg(minimumGb);
    }
    return v;
}

GateVerdict diskGate(const policy::PolicySnapshot& policies, const SystemFacts& facts)
{
    const QString key = QStringLiteral("DOMinDiskSizeAllowedToPeer");
    const qint64 minimumGb = gbSetting(policies, key, 32);
    GateVerdict v{key, true, {}, {}, {}};
    if (facts.cacheDriveTotalBytes < 0) {
        v.evidence = QCoreApplication::translate("opendo::transfer", "unknown");
        return v;
    }
    v.evidence = QCoreApplication::translate("opendo::transfer", "%1 GB cache drive, minimum %2 GB")
                     .arg(gb(facts.cacheDriveTotalBytes))
                     .arg(minimumGb);
    if (facts.cacheDriveTotalBytes < minimumGb * kGiB) {
        v.allowed = false;
        v.reason = QCoreApplication::translate(
                       "opendo::transfer",
                       "The drive holding the cache has %1 GB; %2 requires %3 GB. Lower %2 or move "
                       "the cache to a larger drive with DOModifyCacheDrive to let this device "
                       "share with peers.")
                       .arg(gb(facts.cacheDriveTotalBytes), key)
                       .arg(minimumGb);
    }
    return v;
}

GateVerdict batteryGate(const policy::PolicySnapshot& policies, const SystemFacts& facts)
{
    const QString key = QStringLiteral("DOMinBatteryPercentageAllowedToUpload");
    const qint64 minimum = policies.number(key, 0);
    GateVerdict v{key, true, {}, {}, {}};
    if (!facts.batteryPercent) {
        v.evidence = facts.onBattery
                         ? QCoreApplication::translate("opendo::transfer", "unknown")
                         : QCoreApplication::translate("opendo::transfer", "no battery");
        return v;
    }
    const int percent = *facts.batteryPercent;
    if (!facts.onBattery) {
        v.evidence =
            QCoreApplication::translate("opendo::transfer", "battery at %1 %, on external power")
                .arg(percent);
        return v;
    }
    if (minimum <= 0) {
        v.evidence =
            QCoreApplication::translate("opendo::transfer", "on battery at %1 %, not limited")
                .arg(percent);
        return v;
    }
    v.evidence = QCoreApplication::translate("opendo::transfer", "on battery at %1 %, minimum %2 %")
                     .arg(percent)
                     .arg(minimum);
    if (percent < minimum) {
        v.allowed = false;
        v.reason = QCoreApplication::translate(
                       "opendo::transfer",
                       "This device runs on battery at %1 %; %2 requires %3 % for uploads. Connect "
                       "it to power or lower %2 to let it share with peers.")
                       .arg(percent)
                       .arg(key)
                       .arg(minimum);
    }
    return v;
}

GateVerdict capGate(const policy::PolicySnapshot& policies, qint64 uploadedThisMonthBytes)
{
    const QString key = QStringLiteral("DOMonthlyUploadDataCap");
    const qint64 capGb = gbSetting(policies, key, 20);
    GateVerdict v{key, true, {}, {}, {}};
    if (uploadedThisMonthBytes < 0) {
        v.evidence = QCoreApplication::translate("opendo::transfer", "unknown");
        return v;
    }
    if (capGb == 0) {
        v.evidence =
            QCoreApplication::translate("opendo::transfer",
                                        "%1 GB uploaded to Internet peers this month, unlimited")
                .arg(gb(uploadedThisMonthBytes));
        return v;
    }
    v.evidence = QCoreApplication::translate(
                     "opendo::transfer", "%1 GB uploaded to Internet peers this month, cap %2 GB")
                     .arg(gb(uploadedThisMonthBytes))
                     .arg(capGb);
    if (uploadedThisMonthBytes >= capGb * kGiB) {
        v.allowed = false;
        for (SourceClass cls : kAllSourceClasses) {
            if (cls != SourceClass::InternetPeer)
                v.spared << cls;
        }
        v.reason = QCoreApplication::translate(
                       "opendo::transfer",
                       "This device has uploaded %1 GB to Internet peers this month, reaching the "
                       "%2 GB of %3. Raise %3 (0 means unlimited) or wait for the next month.")
                       .arg(gb(uploadedThisMonthBytes))
                       .arg(capGb)
                       .arg(key);
    }
    return v;
}

GateVerdict vpnGate(const policy::PolicySnapshot& policies, const SystemFacts& facts)
{
    const QString key = QStringLiteral("DOAllowVPNPeerCaching");
    const QList<NetworkInterfaceFact> vpns = vpnInterfacesFor(policies, facts.interfaces);
    GateVerdict v{key, true, {}, {}, {}};
    if (vpns.isEmpty()) {
        v.evidence = QCoreApplication::translate("opendo::transfer", "no VPN connection");
        return v;
    }
    QStringList labels;
    for (const NetworkInterfaceFact& iface : vpns)
        labels << interfaceLabel(iface);
    const QString list = labels.join(QStringLiteral(", "));
    if (policies.number(key, 0) != 0) {
        v.evidence = QCoreApplication::translate("opendo::transfer",
                                                 "VPN connection %1, peering allowed on VPN")
                         .arg(list);
        return v;
    }
    v.evidence = QCoreApplication::translate("opendo::transfer", "VPN connection %1").arg(list);
    v.allowed = false;
    // DO exempts peers found by local peer discovery: DNS-SD only reaches this link, so they
    // are next to the device whatever the VPN carries.
    if (restrictsToLocalPeers(policies)) {
        v.spared << SourceClass::LinkLocalPeer;
        v.evidence = QCoreApplication::translate("opendo::transfer",
                                                 "VPN connection %1; peers found by local peer "
                                                 "discovery (DNS-SD) are exempt")
                         .arg(list);
        v.reason = QCoreApplication::translate(
                       "opendo::transfer",
                       "Peering pauses while a VPN is connected (%1), except with peers found by "
                       "local peer discovery on this network. Set %2 to 1 to peer with all of "
                       "them on a VPN.")
                       .arg(list, key);
        return v;
    }
    v.reason = QCoreApplication::translate(
                   "opendo::transfer",
                   "Peering pauses while a VPN is connected (%1). Set %2 to 1 to keep peering on a "
                   "VPN.")
                   .arg(list, key);
    return v;
}

} // namespace

qint64 parseMemTotal(const QString& procMeminfo)
{
    for (QStringView line : QStringView(procMeminfo).split(QLatin1Char('\n'))) {
        if (!line.startsWith(QLatin1String("MemTotal:")))
            continue;
        const QList<QStringView> parts =
            line.mid(9).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return -1;
        bool ok = false;
        const qint64 value = parts[0].toLongLong(&ok);
        if (!ok || value < 0)
            return -1;
        // The kernel always writes "kB" (meaning KiB); a bare number would be bytes.
        if (parts.size() > 1 && parts[1].compare(QLatin1String("kB"), Qt::CaseInsensitive) == 0)
            return value * 1024;
        return value;
    }
    return -1;
}

void applyPowerSupplies(const QList<PowerSupplyFact>& supplies, SystemFacts& facts)
{
    int batteries = 0;
    int capacitySum = 0;
    int capacities = 0;
    bool discharging = false;
    bool externalKnown = false;
    bool externalOnline = false;
    for (const PowerSupplyFact& s : supplies) {
        if (s.type == QLatin1String("Battery")) {
            ++batteries;
            if (s.capacity >= 0) {
                capacitySum += std::min(s.capacity, 100);
                ++capacities;
            }
            discharging = discharging || s.status == QLatin1String("Discharging");
        } else {
            externalKnown = true;
            externalOnline = externalOnline || s.online;
        }
    }
    // Laptops with two packs drain them one after the other; their mean is what the charge
    // indicator shows.
    facts.batteryPercent =
        capacities > 0 ? std::optional<int>(capacitySum / capacities) : std::nullopt;
    // An adapter that is plugged in wins over a battery status, which some firmware leaves at
    // "Discharging" on AC; a battery at a charge threshold reports "Not charging" on AC.
    facts.onBattery = batteries > 0 && !externalOnline && (discharging || externalKnown);
}

SystemFacts probeSystemFacts(const QString& cacheDir)
{
    SystemFacts facts;
    {
        QFile meminfo(QStringLiteral("/proc/meminfo"));
        // MemTotal is the first line; procfs files have no size, so read a bounded chunk.
        if (meminfo.open(QIODevice::ReadOnly))
            facts.totalRamBytes = parseMemTotal(QString::fromLatin1(meminfo.read(4096)));
    }
    facts.cacheDriveTotalBytes = probeDriveTotal(cacheDir);
    applyPowerSupplies(probePowerSupplies(), facts);
    facts.interfaces = probeNetworkInterfaces();
    return facts;
}

QList<NetworkInterfaceFact> probeNetworkInterfaces()
{
    QList<NetworkInterfaceFact> interfaces;
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        interfaces << NetworkInterfaceFact{iface.name(), iface.humanReadableName(),
                                           iface.flags().testFlag(QNetworkInterface::IsUp)};
    }
    return interfaces;
}

QStringList vpnKeywords(const QString& policyKeywords)
{
    QStringList candidates = {QStringLiteral("VPN"), QStringLiteral("Secure"),
                              QStringLiteral("Virtual Private Network")};
    for (const char* p : kTunnelPrefixes)
        candidates << QString::fromLatin1(p);
    candidates << QStringLiteral("ipsec");
    candidates << policyKeywords.split(QLatin1Char(','));

    QStringList keywords;
    QSet<QString> seen;
    for (const QString& candidate : candidates) {
        const QString k = candidate.trimmed();
        if (k.isEmpty() || seen.contains(k.toCaseFolded()))
            continue;
        seen.insert(k.toCaseFolded());
        keywords << k;
    }
    return keywords;
}

QList<NetworkInterfaceFact> vpnInterfaces(const QList<NetworkInterfaceFact>& interfaces,
                                          const QStringList& keywords)
{
    QList<NetworkInterfaceFact> result;
    for (const NetworkInterfaceFact& iface : interfaces) {
        if (!iface.up)
            continue;
        for (const QString& k : keywords) {
            if (matches(iface, k)) {
                result << iface;
                break;
            }
        }
    }
    return result;
}

QString PeeringGates::firstReason() const
{
    for (const GateVerdict& v : verdicts) {
        if (!v.allowed)
            return v.reason;
    }
    return {};
}

QString PeeringGates::downloadBlockedReason() const
{
    return downloadFromPeersAllowed || verdicts.isEmpty() ? QString() : verdicts.last().reason;
}

bool PeeringGates::downloadsFrom(SourceClass cls) const
{
    return verdicts.isEmpty() || !verdicts.last().holdsBack(cls); // the VPN gate, last
}

bool PeeringGates::uploadsTo(SourceClass cls) const
{
    return std::none_of(verdicts.cbegin(), verdicts.cend(),
                        [cls](const GateVerdict& v) { return v.holdsBack(cls); });
}

bool restrictsToLocalPeers(const policy::PolicySnapshot& policies)
{
    const qint64 mode = policies.number(QStringLiteral("DODownloadMode"), 1);
    return policies.number(QStringLiteral("DORestrictPeerSelectionBy")) == 2 &&
           (mode == 1 || mode == 2);
}

PeeringGates evaluatePeeringGates(const policy::PolicySnapshot& policies, const SystemFacts& facts,
                                  qint64 uploadedThisMonthBytes)
{
    PeeringGates gates;
    gates.verdicts = {ramGate(policies, facts), diskGate(policies, facts),
                      batteryGate(policies, facts), capGate(policies, uploadedThisMonthBytes),
                      vpnGate(policies, facts)};
    for (const GateVerdict& v : gates.verdicts)
        gates.uploadAllowed = gates.uploadAllowed && v.allowed;
    gates.downloadFromPeersAllowed = gates.verdicts.last().allowed;
    return gates;
}

QList<NetworkInterfaceFact> vpnInterfacesFor(const policy::PolicySnapshot& policies,
                                             const QList<NetworkInterfaceFact>& interfaces)
{
    const policy::EffectivePolicy* keywords = policies.find(QStringLiteral("DOVpnKeywords"));
    return vpnInterfaces(interfaces, vpnKeywords(keywords ? keywords->value : QString()));
}

} // namespace opendo::transfer
