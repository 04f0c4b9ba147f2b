#include "policy/PolicyCatalog.h"

#include <QCoreApplication>
#include <array>

// Facts (names, ranges, defaults, versions) follow /work/shared/reference/do-policies.tsv, which
// tests/core/policy/data/do-policies-facts.tsv mirrors; test_policy_catalog checks this table
// against it. Descriptions and meanings are OpenDO's own wording.

namespace opendo::policy {

namespace {

constexpr const char* kContext = "opendo::policy";

// ---- Allowed values -------------------------------------------------------------------------

constexpr AllowedValue kDownloadModeValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "HTTP only: no peer-to-peer")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "LAN: peers behind the same NAT")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Group: peers of the same group, across NATs")},
    {3, QT_TRANSLATE_NOOP("opendo::policy", "Internet: LAN and Internet peers")},
    {99, QT_TRANSLATE_NOOP("opendo::policy", "Simple: HTTP only, no cloud service")},
    {100, QT_TRANSLATE_NOOP("opendo::policy", "Bypass: hand over to BITS (deprecated)")},
};

constexpr AllowedValue kGroupIdSourceValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unset: AD site, then domain SID, then tenant ID")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Active Directory site")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Authenticated domain SID")},
    {3, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 234")},
    {4, QT_TRANSLATE_NOOP("opendo::policy", "DNS suffix")},
    {5, QT_TRANSLATE_NOOP("opendo::policy", "Microsoft Entra tenant ID")},
};

constexpr AllowedValue kRestrictPeerSelectionValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No restriction")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Same subnet only")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Local peers found through DNS-SD")},
};

constexpr AllowedValue kCacheHostSourceValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No DNS-SD cache server discovery")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 235")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 235, overriding DOCacheHost")},
};

constexpr AllowedValue kVpnPeerCachingValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No peering while on VPN")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Peering allowed while on VPN")},
};

constexpr AllowedValue kCacheServerOnVpnValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Cache servers used while on VPN")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Cache servers skipped while on VPN")},
};

constexpr AllowedValue kMaxCacheAgeValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unlimited: kept until the space is needed")},
};

constexpr AllowedValue kBatteryValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy",
                          "No policy limit: the service default applies (no uploads on battery)")},
};

constexpr AllowedValue kZeroUnlimited[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unlimited")},
};

constexpr AllowedValue kZeroDynamic[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Dynamic: adapts to the available bandwidth")},
};

constexpr AllowedValue kZeroNoDelay[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No delay")},
};

constexpr qint64 kUInt32Max = 4294967295LL;

// ---- The catalog, in display order ----------------------------------------------------------

constexpr PolicyDefinition kPolicies[] = {
    // -- Download mode and peers --
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
            "0 and 1."),
        .parentKey = "",
    },

    // -- Cache --
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
            "opendo::policy", "Largest cache size in GB; wins over the percentage limit when set."),
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
            "place."),
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

    // -- Bandwidth --
    {
        .key = "DOMaxForegroundDownloadBandwidth",
        .gpName = "Maximum Foreground Download Bandwidth (in KB/s)",
        .registryValue = "DOMaxForegroundDownloadBandwidth",
        .type = PolicyType::Integer,
        .unit = "KB/s",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 2004",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Speed ceiling in KB/s shared by all foreground downloads."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOMaxBackgroundDownloadBandwidth",
        .gpName = "Maximum Background Download Bandwidth (in KB/s)",
        .registryValue = "DOMaxBackgroundDownloadBandwidth",
        .type = PolicyType::Integer,
        .unit = "KB/s",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 2004",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Speed ceiling in KB/s shared by all background downloads."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOPercentageMaxForegroundBandwidth",
        .gpName = "Maximum Foreground Download Bandwidth (percentage)",
        .registryValue = "DOPercentageMaxForegroundBandwidth",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Foreground downloads together may use at most this share of the measured bandwidth."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOPercentageMaxBackgroundBandwidth",
        .gpName = "Maximum Background Download Bandwidth (percentage)",
        .registryValue = "DOPercentageMaxBackgroundBandwidth",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Background downloads together may use at most this share of the measured bandwidth."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOMinBackgroundQos",
        .gpName = "Minimum Background QoS (in KB/s)",
        .registryValue = "DOMinBackgroundQos",
        .type = PolicyType::Integer,
        .unit = "KB/s",
        .minimum = 1,
        .maximum = kUInt32Max,
        .defaultNumber = 500,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Background downloads are kept at least this fast in KB/s by adding HTTP traffic."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 500 KB/s (ADML, 2019 CSP, older reference); the 2024 reference says 2500 "
            "while still recommending 500, and the CSP from 2023 says 20480. The reference spells "
            "the key DOMinBackgroundQoS."),
        .parentKey = "",
    },
    {
        .key = "DOMaxUploadBandwidth",
        .gpName = "Max Upload Bandwidth (in KB/s)",
        .registryValue = "DOMaxUploadBandwidth",
        .type = PolicyType::Integer,
        .unit = "KB/s",
        .minimum = 0,
        .maximum = 4000000,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "Windows 10 2004 (no direct replacement)",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP("opendo::policy",
                                         "Legacy speed ceiling in KB/s for uploads to peers."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The original Windows 10 1511 ADMX already had it, without a range. Unlimited by "
            "default; DOMonthlyUploadDataCap still limits the upload volume."),
        .parentKey = "",
    },
    {
        .key = "DOMonthlyUploadDataCap",
        .gpName = "Monthly Upload Data Cap (in GB)",
        .registryValue = "DOMonthlyUploadDataCap",
        .type = PolicyType::Integer,
        .unit = "GB",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 20,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "GB a device may upload to Internet peers per calendar month."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "OpenDO uses 20 GB, like the reference page and the ADML; the CSP text from 2023 says "
            "5120 GB (5 TB)."),
        .parentKey = "",
    },
    {
        .key = "DODelayForegroundDownloadFromHttp",
        .gpName = "Delay Foreground download from http (in secs)",
        .registryValue = "DODelayForegroundDownloadFromHttp",
        .type = PolicyType::Integer,
        .unit = "seconds",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroNoDelay,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Seconds a foreground download tries peers before it also fetches over HTTP."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Maximum 4294967295 follows the ADMX and the CSP from 2023; the 2019 CSP and Intune "
            "Graph allow at most 86400. The 2019 CSP describes 0 as managed by the cloud service."),
        .parentKey = "",
    },
    {
        .key = "DODelayBackgroundDownloadFromHttp",
        .gpName = "Delay background download from http (in secs)",
        .registryValue = "DODelayBackgroundDownloadFromHttp",
        .type = PolicyType::Integer,
        .unit = "seconds",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroNoDelay,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "Seconds a background download tries peers before it also fetches over HTTP."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOMaxDownloadBandwidth",
        .gpName = "Maximum Download Bandwidth (in KB/s)",
        .registryValue = "DOMaxDownloadBandwidth",
        .type = PolicyType::Integer,
        .unit = "KB/s",
        .minimum = 0,
        .maximum = kUInt32Max,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "Windows 10 2004",
        .replacement = "DOMaxBackgroundDownloadBandwidth, DOMaxForegroundDownloadBandwidth",
        .category = PolicyCategory::Bandwidth,
        .description = QT_TRANSLATE_NOOP("opendo::policy",
                                         "Legacy single speed ceiling in KB/s for all downloads."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOPercentageMaxDownloadBandwidth",
        .gpName = "Percentage of Maximum Download Bandwidth",
        .registryValue = "DOPercentageMaxDownloadBandwidth",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroDynamic,
        .minWindowsVersion = "Windows 10 1607",
        .deprecation = "Windows 10 2004",
        .replacement = "DOPercentageMaxForegroundBandwidth, DOPercentageMaxBackgroundBandwidth",
        .category = PolicyCategory::Bandwidth,
        .description =
            QT_TRANSLATE_NOOP("opendo::policy", "Legacy single bandwidth share for all downloads."),
        .sourceNote = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "The reference dates the deprecation to Windows 10 2004; the 2019 CSP already marked "
            "it deprecated."),
        .parentKey = "",
    },

    // -- Business hours --
    {
        .key = "DOSetHoursToLimitForegroundDownloadBandwidth",
        .gpName = "Set Business Hours to Limit Foreground Download Bandwidth",
        .registryValue = "",
        .type = PolicyType::BusinessHours,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "A daily window with one foreground bandwidth share inside it and another outside."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOSetHoursToLimitForegroundDownloadBandwidth_From",
        .gpName = "Set Business Hours to Limit Foreground Download Bandwidth > From",
        .registryValue = "DOSetHoursToLimitForegroundDownloadBandwidth_From",
        .type = PolicyType::Integer,
        .unit = "hour of day",
        .minimum = 0,
        .maximum = 23,
        .defaultNumber = 8,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Hour at which the foreground business-hours window opens."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitForegroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitForegroundDownloadBandwidth_To",
        .gpName = "Set Business Hours to Limit Foreground Download Bandwidth > To",
        .registryValue = "DOSetHoursToLimitForegroundDownloadBandwidth_To",
        .type = PolicyType::Integer,
        .unit = "hour of day",
        .minimum = 0,
        .maximum = 23,
        .defaultNumber = 17,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Hour at which the foreground business-hours window closes."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitForegroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitForegroundDownloadBandwidth_In",
        .gpName = "Maximum Foreground Download Bandwidth (percentage) during Business Hours",
        .registryValue = "DOSetHoursToLimitForegroundDownloadBandwidth_In",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Foreground bandwidth share allowed inside business hours."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitForegroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitForegroundDownloadBandwidth_Out",
        .gpName = "Maximum Foreground Download Bandwidth (percentage) outside of Business Hours",
        .registryValue = "DOSetHoursToLimitForegroundDownloadBandwidth_Out",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Foreground bandwidth share allowed outside business hours."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitForegroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitBackgroundDownloadBandwidth",
        .gpName = "Set Business Hours to Limit Background Download Bandwidth",
        .registryValue = "",
        .type = PolicyType::BusinessHours,
        .unit = "",
        .minimum = 0,
        .maximum = 0,
        .defaultNumber = std::nullopt,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy",
            "A daily window with one background bandwidth share inside it and another outside."),
        .sourceNote = "",
        .parentKey = "",
    },
    {
        .key = "DOSetHoursToLimitBackgroundDownloadBandwidth_From",
        .gpName = "Set Business Hours to Limit Background Download Bandwidth > From",
        .registryValue = "DOSetHoursToLimitBackgroundDownloadBandwidth_From",
        .type = PolicyType::Integer,
        .unit = "hour of day",
        .minimum = 0,
        .maximum = 23,
        .defaultNumber = 8,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Hour at which the background business-hours window opens."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitBackgroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitBackgroundDownloadBandwidth_To",
        .gpName = "Set Business Hours to Limit Background Download Bandwidth > To",
        .registryValue = "DOSetHoursToLimitBackgroundDownloadBandwidth_To",
        .type = PolicyType::Integer,
        .unit = "hour of day",
        .minimum = 0,
        .maximum = 23,
        .defaultNumber = 17,
        .defaultText = "",
        .allowed = {},
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Hour at which the background business-hours window closes."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitBackgroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitBackgroundDownloadBandwidth_In",
        .gpName = "Maximum Background Download Bandwidth (percentage) during Business Hours",
        .registryValue = "DOSetHoursToLimitBackgroundDownloadBandwidth_In",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Background bandwidth share allowed inside business hours."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitBackgroundDownloadBandwidth",
    },
    {
        .key = "DOSetHoursToLimitBackgroundDownloadBandwidth_Out",
        .gpName = "Maximum Background Download Bandwidth (percentage) outside of Business Hours",
        .registryValue = "DOSetHoursToLimitBackgroundDownloadBandwidth_Out",
        .type = PolicyType::Integer,
        .unit = "percent",
        .minimum = 0,
        .maximum = 100,
        .defaultNumber = 0,
        .defaultText = "",
        .allowed = kZeroUnlimited,
        .minWindowsVersion = "Windows 10 1803",
        .deprecation = "",
        .replacement = "",
        .category = PolicyCategory::BusinessHours,
        .description = QT_TRANSLATE_NOOP(
            "opendo::policy", "Background bandwidth share allowed outside business hours."),
        .sourceNote = "",
        .parentKey = "DOSetHoursToLimitBackgroundDownloadBandwidth",
    },

    // -- Cache servers (Microsoft Connected Cache) --
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
            "opendo::policy", "Finds cache servers at run time through DHCP option 235."),
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

    // -- VPN and power gates --
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

// Translates a string marked with QT_TRANSLATE_NOOP("opendo::policy", ...) in the table.
QString translated(const char* text)
{
    return QCoreApplication::translate(kContext, text);
}

QString withUnit(qint64 value, const char* unit)
{
    const QLatin1String u(unit);
    if (u == QLatin1String("seconds"))
        return QCoreApplication::translate("opendo::policy", "%1 seconds").arg(value);
    if (u == QLatin1String("percent"))
        return QCoreApplication::translate("opendo::policy", "%1%").arg(value);
    if (u == QLatin1String("GB"))
        return QCoreApplication::translate("opendo::policy", "%1 GB").arg(value);
    if (u == QLatin1String("MB"))
        return QCoreApplication::translate("opendo::policy", "%1 MB").arg(value);
    if (u == QLatin1String("KB/s"))
        return QCoreApplication::translate("opendo::policy", "%1 KB/s").arg(value);
    if (u == QLatin1String("hour of day"))
        return QCoreApplication::translate("opendo::policy", "%1:00")
            .arg(value, 2, 10, QLatin1Char('0'));
    return QString::number(value);
}

} // namespace

std::span<const PolicyDefinition> PolicyCatalog::all()
{
    return kPolicies;
}

const PolicyDefinition* PolicyCatalog::find(const QString& key)
{
    if (key.isEmpty())
        return nullptr;
    for (const PolicyDefinition& def : kPolicies) {
        if (key.compare(QLatin1String(def.key), Qt::CaseInsensitive) == 0)
            return &def;
    }
    return nullptr;
}

const PolicyDefinition* PolicyCatalog::findByRegistryValue(const QString& valueName)
{
    if (valueName.isEmpty())
        return nullptr;
    for (const PolicyDefinition& def : kPolicies) {
        if (valueName.compare(QLatin1String(def.registryValue), Qt::CaseInsensitive) == 0)
            return &def;
    }
    return nullptr;
}

QStringList PolicyCatalog::childrenOf(const QString& compositeKey)
{
    const PolicyDefinition* parent = find(compositeKey);
    if (!parent || !parent->isComposite())
        return {};
    static constexpr std::array<const char*, 4> suffixes{"_From", "_To", "_In", "_Out"};
    QStringList children;
    for (const char* suffix : suffixes) {
        const QString childKey = QLatin1String(parent->key) + QLatin1String(suffix);
        const PolicyDefinition* child = find(childKey);
        if (child && QLatin1String(child->parentKey) == QLatin1String(parent->key))
            children.append(QLatin1String(child->key));
    }
    return children;
}

QString PolicyCatalog::categoryName(PolicyCategory category)
{
    switch (category) {
    case PolicyCategory::DownloadModeAndPeers:
        return QCoreApplication::translate("opendo::policy", "Download mode and peers");
    case PolicyCategory::Cache:
        return QCoreApplication::translate("opendo::policy", "Cache");
    case PolicyCategory::Bandwidth:
        return QCoreApplication::translate("opendo::policy", "Bandwidth");
    case PolicyCategory::BusinessHours:
        return QCoreApplication::translate("opendo::policy", "Business hours");
    case PolicyCategory::CacheServer:
        return QCoreApplication::translate("opendo::policy", "Cache servers");
    case PolicyCategory::VpnAndPowerGates:
        return QCoreApplication::translate("opendo::policy", "VPN and power");
    }
    return {};
}

QString PolicyCatalog::typeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Integer:
        return QCoreApplication::translate("opendo::policy", "Number");
    case PolicyType::Enumeration:
        return QCoreApplication::translate("opendo::policy", "Choice");
    case PolicyType::Boolean:
        return QCoreApplication::translate("opendo::policy", "On/off");
    case PolicyType::Guid:
        return QCoreApplication::translate("opendo::policy", "GUID");
    case PolicyType::Path:
        return QCoreApplication::translate("opendo::policy", "Path");
    case PolicyType::List:
        return QCoreApplication::translate("opendo::policy", "List");
    case PolicyType::BusinessHours:
        return QCoreApplication::translate("opendo::policy", "Business hours");
    }
    return {};
}

QString PolicyCatalog::description(const PolicyDefinition& def)
{
    return translated(def.description);
}

QString PolicyCatalog::meaningOf(const PolicyDefinition& def, qint64 value)
{
    for (const AllowedValue& allowed : def.allowed) {
        if (allowed.value == value)
            return translated(allowed.meaning);
    }
    return {};
}

QString PolicyCatalog::defaultDisplay(const PolicyDefinition& def)
{
    if (def.isNumeric()) {
        if (!def.defaultNumber)
            return QCoreApplication::translate("opendo::policy", "Not configured");
        const qint64 value = *def.defaultNumber;
        const QString meaning = meaningOf(def, value);
        if (!meaning.isEmpty())
            return QCoreApplication::translate("opendo::policy", "%1 (%2)").arg(value).arg(meaning);
        return withUnit(value, def.unit);
    }
    if (def.defaultText && *def.defaultText)
        return QString::fromUtf8(def.defaultText);
    return QCoreApplication::translate("opendo::policy", "Not configured");
}

QString PolicyCatalog::registryKeyPath()
{
    return QStringLiteral("SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization");
}

QString PolicyCatalog::omaUriPrefix()
{
    return QStringLiteral("./Device/Vendor/MSFT/Policy/Config/DeliveryOptimization/");
}

} // namespace opendo::policy
