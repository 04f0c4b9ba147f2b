#pragma once

// Where bytes come from or go to. Every byte a download receives or an upload sends is counted
// under exactly one class, so the per-class figures always add up to the totals.

#include <QString>
#include <array>

namespace opendo::transfer {

enum class SourceClass
{
    Http,        // the origin (web seed)
    CacheServer, // a Connected Cache server
    LanPeer,     // a peer behind the same public address (download mode 1)
    GroupPeer,   // a peer of the same group (mode 2)
    InternetPeer // any other peer (mode 3)
};

inline constexpr std::array<SourceClass, 5> kAllSourceClasses = {
    SourceClass::Http, SourceClass::CacheServer, SourceClass::LanPeer, SourceClass::GroupPeer,
    SourceClass::InternetPeer};

inline bool isPeerClass(SourceClass c)
{
    return c == SourceClass::LanPeer || c == SourceClass::GroupPeer ||
           c == SourceClass::InternetPeer;
}

// Stable lower-case names for storage and JSON: "http", "cache_server", "lan", "group",
// "internet".
QString sourceClassKey(SourceClass c);
// Names for users ("HTTP", "LAN peers", …), translated.
QString sourceClassLabel(SourceClass c);

} // namespace opendo::transfer
