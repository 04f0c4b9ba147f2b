#pragma once

// Permitted values of enumerations and documented special values of numbers, shared by the
// catalog tables. Meanings are marked for translation in the "opendo::policy" context.

#include "policy/PolicyDefinition.h"

#include <QtGlobal>

namespace opendo::policy::catalog {

inline constexpr AllowedValue kDownloadModeValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "HTTP only: no peer-to-peer")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "LAN: peers behind the same NAT")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Group: peers of the same group, across NATs")},
    {3, QT_TRANSLATE_NOOP("opendo::policy", "Internet: LAN and Internet peers")},
    {99, QT_TRANSLATE_NOOP("opendo::policy", "Simple: HTTP only, no cloud service")},
    {100, QT_TRANSLATE_NOOP("opendo::policy", "Bypass: hand over to BITS (deprecated)")},
};

inline constexpr AllowedValue kGroupIdSourceValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unset: AD site, then domain SID, then tenant ID")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Active Directory site")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Authenticated domain SID")},
    {3, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 234")},
    {4, QT_TRANSLATE_NOOP("opendo::policy", "DNS suffix")},
    {5, QT_TRANSLATE_NOOP("opendo::policy", "Microsoft Entra tenant ID")},
};

inline constexpr AllowedValue kRestrictPeerSelectionValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No restriction")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Same subnet only")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "Local peers found through DNS-SD")},
};

inline constexpr AllowedValue kCacheHostSourceValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No DNS-SD cache server discovery")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 235")},
    {2, QT_TRANSLATE_NOOP("opendo::policy", "DHCP option 235, overriding DOCacheHost")},
};

inline constexpr AllowedValue kVpnPeerCachingValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No peering while on VPN")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Peering allowed while on VPN")},
};

inline constexpr AllowedValue kCacheServerOnVpnValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Cache servers used while on VPN")},
    {1, QT_TRANSLATE_NOOP("opendo::policy", "Cache servers skipped while on VPN")},
};

inline constexpr AllowedValue kMaxCacheAgeValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unlimited: kept until the space is needed")},
};

inline constexpr AllowedValue kBatteryValues[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy",
                          "No policy limit: the service default applies (no uploads on battery)")},
};

inline constexpr AllowedValue kZeroUnlimited[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Unlimited")},
};

inline constexpr AllowedValue kZeroDynamic[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "Dynamic: adapts to the available bandwidth")},
};

inline constexpr AllowedValue kZeroNoDelay[] = {
    {0, QT_TRANSLATE_NOOP("opendo::policy", "No delay")},
};

inline constexpr qint64 kUInt32Max = 4294967295LL;

} // namespace opendo::policy::catalog
