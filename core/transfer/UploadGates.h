#pragma once

// The conditions under which this device takes part in peer caching, as DO defines them: enough
// RAM (DOMinRAMAllowedToPeer), a large enough cache drive (DOMinDiskSizeAllowedToPeer), enough
// battery when on battery (DOMinBatteryPercentageAllowedToUpload), the monthly upload cap not
// reached (DOMonthlyUploadDataCap), and no VPN unless DOAllowVPNPeerCaching (VPN detected by
// matching interface names against DOVpnKeywords plus the built-in keywords).
//
// Facts come from the OS (procfs, sysfs, statvfs); the evaluation is a pure function so tests
// can feed any facts.

#include "policy/PolicyState.h"
#include "transfer/SourceClass.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::transfer {

struct NetworkInterfaceFact
{
    QString name;        // "wg0", "tun0", "eth0"
    QString description; // human-readable name where the OS has one (may equal name)
    bool up = false;
};

struct SystemFacts
{
    qint64 totalRamBytes = -1;        // -1 = unknown
    qint64 cacheDriveTotalBytes = -1; // capacity of the file system holding the cache
    // Battery: nullopt when the device has none (desktops, servers, VMs).
    std::optional<int> batteryPercent;
    bool onBattery = false; // discharging, not on AC
    QList<NetworkInterfaceFact> interfaces;
};

// Reads the facts for a cache folder. Cheap enough to call every few seconds.
SystemFacts probeSystemFacts(const QString& cacheDir);
QList<NetworkInterfaceFact> probeNetworkInterfaces();

// Parsers the probe uses, separate so tests can feed them text.
qint64 parseMemTotal(const QString& procMeminfo); // bytes, -1 when absent
// One power supply from /sys/class/power_supply/<name>: its "type", "capacity", "status"
// (and "online" for AC adapters). applyPowerSupplies sets the battery fields of the facts.
struct PowerSupplyFact
{
    QString type; // "Battery", "Mains", "USB", …
    int capacity = -1;
    QString status; // "Discharging", "Charging", "Full", …
    bool online = false;
};
void applyPowerSupplies(const QList<PowerSupplyFact>& supplies, SystemFacts& facts);

// Keywords that identify a VPN interface: the built-in ones DO uses ("VPN", "Secure",
// "Virtual Private Network") plus Linux tunnel names ("tun", "tap", "wg", "ppp", "ipsec")
// plus DOVpnKeywords (comma-separated). Case-insensitive substring match on name and
// description, except that the short tunnel names ("tun", "tap", "wg", "ppp") only match at the
// start, so "stap0" is no VPN; only interfaces that are up count.
QStringList vpnKeywords(const QString& policyKeywords);
QList<NetworkInterfaceFact> vpnInterfaces(const QList<NetworkInterfaceFact>& interfaces,
                                          const QStringList& keywords);
// The interfaces DOVpnKeywords (or its default keywords) mark as VPN connections.
QList<NetworkInterfaceFact> vpnInterfacesFor(const policy::PolicySnapshot& policies,
                                             const QList<NetworkInterfaceFact>& interfaces);

// DORestrictPeerSelectionBy 2 in download mode 1 or 2: only peers that local discovery
// (DNS-SD) finds are used.
bool restrictsToLocalPeers(const policy::PolicySnapshot& policies);

struct GateVerdict
{
    QString policyKey; // the setting that decides, e.g. "DOMinRAMAllowedToPeer"
    bool allowed = true;
    QString evidence; // what was measured, e.g. "16.0 GB RAM, minimum 4 GB"
    QString reason;   // for users when not allowed, naming the setting to change
    // Peer classes a closed gate lets through all the same: the monthly cap counts uploads to
    // Internet peers only, and the VPN gate spares local-discovery peers (as DO does) while
    // peers are restricted to them.
    QList<SourceClass> spared;
    bool holdsBack(SourceClass cls) const { return !allowed && !spared.contains(cls); }
};

struct PeeringGates
{
    QList<GateVerdict> verdicts;               // one per gate, in the order above
    bool downloadFromPeersAllowed = true;      // only the VPN gate blocks downloads from peers
    bool uploadAllowed = true;                 // any failed gate blocks uploads
    QString firstReason() const;               // the first failing gate's reason, or ""
    QString downloadBlockedReason() const;     // why downloads from peers pause, or ""
    bool downloadsFrom(SourceClass cls) const; // the VPN gate does not hold the class back
    bool uploadsTo(SourceClass cls) const;     // no gate holds the class back
};

// uploadedThisMonthBytes: bytes uploaded to internet peers this calendar month (the cap counts
// those, as DO's does).
PeeringGates evaluatePeeringGates(const policy::PolicySnapshot& policies, const SystemFacts& facts,
                                  qint64 uploadedThisMonthBytes);

} // namespace opendo::transfer
