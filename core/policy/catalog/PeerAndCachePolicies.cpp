// Download mode, peer selection and cache settings.
// Facts follow the reference do-policies.tsv (mirrored in tests/core/policy/data); wording is ours.

#include "policy/catalog/AllowedValues.h"
#include "policy/catalog/PolicyTables.h"

#include <QCoreApplication>

namespace opendo::policy::catalog {

namespace {
constexpr PolicyDefinition kPeerAndCachePolicies[] = {
    {
        .key = "DODownloadMode",
        .gpName = "Download Mode",
        .registryValue = "DODownloadMode",
        .type = PolicyType::Enumeration,
        .unit = "",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 1,
        .defaultText = "",
        .allowed = kDownloadModeValues,
        .minWindowsVersion = "Windows 10 1507",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::DownloadModeAndPeers,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Which sources besides the origin server a download may use, from none to Internet "
            "peers."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 1 (LAN) as the default, like the reference page and the ADML preset; the "
            "CSP property table lists 0. Value 100 (Bypass) is deprecated in Windows 11: use 0 to "
            "turn peering off, or 99 for offline devices. Values 99 and 100 exist since Windows 10 "
            "1607; the reference dates the setting to 1511, the CSP to 1507."),
        .parentKey = "",
    },
    {
        .key = "DOGroupId",
        .gpName = "Group ID",
        .registryValue = "DOGroupId",
        .type = PolicyType::Guid,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::DownloadModeAndPeers,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "A GUID that puts devices into one peer group for Group mode, even across sites and "
            "domains."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Sources disagree on precedence: the 2024 reference says DOGroupIdSource is ignored "
            "when DOGroupId is set, while the ADML and the 2019 CSP say setting DOGroupIdSource "
            "makes DOGroupId ignored. OpenDO follows the 2024 reference: DOGroupId wins when set. "
            "The CSP dates the setting to Windows 10 1607, the reference to 1511."),
        .parentKey = "",
    },
    {
        .key = "DOGroupIdSource",
        .gpName = "Select the source of Group IDs",
        .registryValue = "DOGroupIdSource",
        .type = PolicyType::Enumeration,
        .unit = "",
        .minimum = 0,
        .maximum = 5,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kGroupIdSourceValues,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::DownloadModeAndPeers,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Where Group mode takes the group identity from when no Group ID is given."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy", "Value 5 (tenant ID) needs Windows 10 1903. OpenDO ignores this "
                              "setting while DOGroupId "
                              "is set (see DOGroupId for the disagreement between sources)."),
        .parentKey = "",
    },
    {
        .key = "DORestrictPeerSelectionBy",
        .gpName = "Select a method to restrict Peer Selection",
        .registryValue = "DORestrictPeerSelectionBy",
        .type = PolicyType::Enumeration,
        .unit = "",
        .minimum = 0,
        .maximum = 2,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kRestrictPeerSelectionValues,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::DownloadModeAndPeers,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Keeps LAN and Group peering to the own subnet or to locally discovered peers."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 0 (no restriction), the Windows 10 default. The Windows 11 default is "
            "disputed: Subnet in LAN mode (reference 2024), Local peer discovery (CSP note), or "
            "DNS-SD for consumer and Subnet for commercial devices (reference 2023). The reference "
            "page calls value 0 NAT; value 2 needs Windows 11 22H2 and older ADMX files offer only "
            "0 and 1. OpenDO finds local peers with multicast DNS (service _opendo._tcp, UDP "
            "5353 or the LocalDiscoveryPort setting): devices on one network segment only."),
        .parentKey = "",
    },

    {
        .key = "DOMaxCacheAge",
        .gpName = "Max Cache Age (in seconds)",
        .registryValue = "DOMaxCacheAge",
        .type = PolicyType::Integer,
        .unit = "seconds",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 259200,
        .defaultText = "",
        .allowed = kMaxCacheAgeValues,
        .minWindowsVersion = "Windows 10 1507",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Cache,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "How long a completed file stays in the cache and is offered to peers."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 259200 seconds (3 days), like the reference page and the ADML; the CSP "
            "text says 604800 (7 days). Value 0 needs Windows 10 1607; the reference dates the "
            "setting to 1511, the CSP to 1507."),
        .parentKey = "",
    },
    {
        .key = "DOMaxCacheSize",
        .gpName = "Max Cache Size (percentage)",
        .registryValue = "DOMaxCacheSize",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 1,
        .maximum = 100,
        .defaultNumber = 20,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1507",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Cache,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Largest cache size as a share of the free space on the cache drive."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The reference dates the setting to Windows 10 1511, the CSP to 1507."),
        .parentKey = "",
    },
    {
        .key = "DOAbsoluteMaxCacheSize",
        .gpName = "Absolute Max Cache Size (in GB)",
        .registryValue = "DOAbsoluteMaxCacheSize",
        .type = PolicyType::Integer,
        .unit = "GB",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 10,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Cache,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Largest cache size in GB; wins over the percentage limit, except when only the "
            "percentage is configured. 0 leaves the limit to the percentage."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 10 GB, like the ADML and older documents; the 2024 reference says not "
            "configured and the CSP property default is 0 (unlimited)."),
        .parentKey = "",
    },
    {
        .key = "DOModifyCacheDrive",
        .gpName = "Modify Cache Drive",
        .registryValue = "DOModifyCacheDrive",
        .type = PolicyType::Path,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Cache,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Drive, folder or environment variable to keep the cache in instead of the default "
            "place. The running agent moves its cache there once no download is writing to it; "
            "cached content moves along, except across file systems, where it is evicted."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Not set by default: on this platform the cache then lives inside the agent's data "
            "directory. On Windows the default is %SystemDrive%."),
        .parentKey = "",
    },
    {
        .key = "DOMinFileSizeToCache",
        .gpName = "Minimum Peer Caching Content File Size (in MB)",
        .registryValue = "DOMinFileSizeToCache",
        .type = PolicyType::Integer,
        .unit = "MB",
        .minimum = 1,
        .maximum = 100000,
        .defaultNumber = 50,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1703",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Cache,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Files smaller than this many MB are not shared with peers."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 50 MB, like the reference and configuration pages; the CSP text and the "
            "ADML preset say 100 MB."),
        .parentKey = "",
    },
};
} // namespace

std::span<const PolicyDefinition> peerAndCachePolicies()
{
    return kPeerAndCachePolicies;
}

} // namespace opendo::policy::catalog
