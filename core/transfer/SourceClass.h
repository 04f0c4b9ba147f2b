#pragma once

// Where bytes come from or go to. Every byte a download receives or an upload sends is counted
// under exactly one class, so the per-class figures always add up to the totals.

#include <QString>
#include <array>
#include <optional>

namespace opendo::transfer {

enum class SourceClass
{
    Http,         // the origin (web seed)
    CacheServer,  // a Connected Cache server
    LanPeer,      // a peer behind the same public address (download mode 1)
    GroupPeer,    // a peer of the same group (mode 2)
    InternetPeer, // any other peer (mode 3)
    // A peer found on this network by local peer discovery (DNS-SD, DORestrictPeerSelectionBy
    // 2): DO's "LinkLocal" peer type. Last so that indexes stored before it existed keep their
    // meaning.
    LinkLocalPeer
};

inline constexpr int kSourceClassCount = 6;

inline constexpr std::array<SourceClass, kSourceClassCount> kAllSourceClasses = {
    SourceClass::Http,      SourceClass::CacheServer,  SourceClass::LanPeer,
    SourceClass::GroupPeer, SourceClass::InternetPeer, SourceClass::LinkLocalPeer};

// A value per source class, indexed by int(SourceClass).
template <typename T> using PerSourceClass = std::array<T, kSourceClassCount>;

inline bool isPeerClass(SourceClass c)
{
    return c == SourceClass::LanPeer || c == SourceClass::GroupPeer ||
           c == SourceClass::InternetPeer || c == SourceClass::LinkLocalPeer;
}

// The sum over the peer classes.
template <typename T> T peerClassesSum(const PerSourceClass<T>& values)
{
    T sum{};
    for (SourceClass c : kAllSourceClasses)
        sum += isPeerClass(c) ? values[size_t(c)] : T{};
    return sum;
}

// Stable lower-case names for storage and JSON: "http", "cache_server", "lan", "group",
// "internet", "link_local".
QString sourceClassKey(SourceClass c);
std::optional<SourceClass> sourceClassFromKey(const QString& key); // nullopt for an unknown key
// Names for users ("HTTP", "LAN peers", …), translated.
QString sourceClassLabel(SourceClass c);

} // namespace opendo::transfer
