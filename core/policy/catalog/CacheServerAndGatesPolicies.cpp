// Cache server settings and the VPN, power and hardware gates for peering.
// Facts follow the reference do-policies.tsv (mirrored in tests/core/policy/data); wording is ours.

#include "policy/catalog/AllowedValues.h"
#include "policy/catalog/PolicyTables.h"

#include <QCoreApplication>

namespace opendo::policy::catalog {

namespace {
constexpr PolicyDefinition kCacheServerAndGatePolicies[] = {

    {
        .key = "DOCacheHost",
        .gpName = "Cache Server Hostname",
        .registryValue = "DOCacheHost",
        .type = PolicyType::List,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1709",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::CacheServer,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Comma-separated cache server names or addresses, tried one at a time in order."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The CSP dates the setting to Windows 10 1709, the reference to 1809."),
        .parentKey = "",
    },
    {
        .key = "DOCacheHostSource",
        .gpName = "Cache Server Hostname Source",
        .registryValue = "DOCacheHostSource",
        .type = PolicyType::Enumeration,
        .unit = "",
        .minimum = 0,
        .maximum = 2,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = kCacheHostSourceValues,
        .minWindowsVersion = "Windows 10 2004",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::CacheServer,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Takes cache servers from DHCP option 235: 1 when DOCacheHost is empty, 2 in "
            "preference to it. OpenDO reads the option from the DHCP client's lease files. Not "
            "set, with DOCacheHost empty: cache servers announced on the local link by DNS-SD "
            "(_opendo-cache._tcp) are used for verifiable downloads; 0 stops that."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Not set by default; the CSP says the client then tries DNS-SD cache discovery. OpenDO "
            "accepts 0-2, the documented values, although the CSP declares 0-4294967295. Value 0 "
            "appears only in newer CSP text; the ADMX and the reference list just 1 and 2."),
        .parentKey = "",
    },
    {
        .key = "DODelayCacheServerFallbackForeground",
        .gpName = "Delay Foreground download Cache Server fallback (in seconds)",
        .registryValue = "DODelayCacheServerFallbackForeground",
        .type = PolicyType::Integer,
        .unit = "seconds",
        .minimum = 0,
        .maximum = 2592000,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroNoDelay,
        .minWindowsVersion = "Windows 10 1903",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::CacheServer,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Seconds a foreground download keeps trying cache servers before using HTTP."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The reference page names it DelayCacheServerFallbackForeground, without the DO "
            "prefix."),
        .parentKey = "",
    },
    {
        .key = "DODelayCacheServerFallbackBackground",
        .gpName = "Delay Background download Cache Server fallback (in seconds)",
        .registryValue = "DODelayCacheServerFallbackBackground",
        .type = PolicyType::Integer,
        .unit = "seconds",
        .minimum = 0,
        .maximum = 2592000,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroNoDelay,
        .minWindowsVersion = "Windows 10 1903",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::CacheServer,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Seconds a background download keeps trying cache servers before using HTTP."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The reference page names it DelayCacheServerFallbackBackground, without the DO "
            "prefix."),
        .parentKey = "",
    },
    {
        .key = "DODisallowCacheServerDownloadsOnVPN",
        .gpName = "Disallow cache server downloads on VPN",
        .registryValue = "DODisallowCacheServerDownloadsOnVPN",
        .type = PolicyType::Boolean,
        .unit = "",
        .minimum = 0,
        .maximum = 1,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kCacheServerOnVpnValues,
        .minWindowsVersion = "Windows 11 22H2",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::CacheServer,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "While on a VPN, skip cache servers and download from the origin instead."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The registry value name is assumed to equal the key (no ADMX from 22H2 on was "
            "available); the ADMX policy itself is named AllowCacheHostWithVPN. Needs Windows 11 "
            "22H2 build 10.0.22621.2361 per the 2024 CSP; the 2023 CSP said Windows 11 21H2."),
        .parentKey = "",
    },

    {
        .key = "DOMinRAMAllowedToPeer",
        .gpName = "Minimum RAM capacity (inclusive) required to enable use of Peer Caching (in GB)",
        .registryValue = "DOMinRAMAllowedToPeer",
        .type = PolicyType::Integer,
        .unit = "GB",
        .minimum = 1,
        .maximum = 100000,
        .defaultNumber = 4,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1703",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::VpnAndPowerGates,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Devices with less memory than this many GB stay out of peering."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOMinDiskSizeAllowedToPeer",
        .gpName = "Minimum disk size allowed to use Peer Caching (in GB)",
        .registryValue = "DOMinDiskSizeAllowedToPeer",
        .type = PolicyType::Integer,
        .unit = "GB",
        .minimum = 1,
        .maximum = 100000,
        .defaultNumber = 32,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1703",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::VpnAndPowerGates,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Devices whose cache drive holds fewer GB than this stay out of peering."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOMinBatteryPercentageAllowedToUpload",
        .gpName = "Allow uploads while the device is on battery while under set Battery level "
                  "(percentage)",
        .registryValue = "DOMinBatteryPercentageAllowedToUpload",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kBatteryValues,
        .minWindowsVersion = "Windows 10 1703",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::VpnAndPowerGates,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "On battery, a device serves LAN and Group peers only while its charge is at least "
            "this."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The CSP dates the setting to Windows 10 1703, the reference to 1709."),
        .parentKey = "",
    },
    {
        .key = "DOAllowVPNPeerCaching",
        .gpName = "Enable Peer Caching while the device connects via VPN",
        .registryValue = "DOAllowVPNPeerCaching",
        .type = PolicyType::Boolean,
        .unit = "",
        .minimum = 0,
        .maximum = 1,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kVpnPeerCachingValues,
        .minWindowsVersion = "Windows 10 1703",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::VpnAndPowerGates,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Keeps peering with domain peers going while a VPN is connected."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The CSP dates the setting to Windows 10 1703, the reference to 1709."),
        .parentKey = "",
    },
    {
        .key = "DOVpnKeywords",
        .gpName = "VPN Keywords",
        .registryValue = "DOVpnKeywords",
        .type = PolicyType::List,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 11 22H2",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::VpnAndPowerGates,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "More adapter-name words that mark a VPN, besides the built-in VPN, Secure and Virtual "
            "Private Network."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Not set by default; the built-in keywords VPN, Secure and Virtual Private Network "
            "always apply. The registry value name is assumed to equal the key (no ADMX from 22H2 "
            "on was available). Needs Windows 11 22H2 build 10.0.22621.2361 per the 2024 CSP; the "
            "2023 CSP said Windows 11 21H2."),
        .parentKey = "",
    },
};
} // namespace

std::span<const PolicyDefinition> cacheServerAndGatesPolicies()
{
    return kCacheServerAndGatePolicies;
}

} // namespace opendo::policy::catalog
