#pragma once

// Multicast DNS records held until their TTL runs out, keyed by name, for the tables that
// assemble services from responses (peers, cache servers). Everything on the mDNS group comes
// from anyone on the LAN unauthenticated, so a map never holds more than its bound: a flood of
// invented names pushes out what expires first, never grows the agent's memory.

#include "discovery/local/DnsMessage.h"

#include <QHash>
#include <QString>
#include <algorithm>

namespace opendo::discovery::local {

template <typename T> struct Timed
{
    T value;
    qint64 expiresAtMs = 0;
    qint64 lifetimeMs = 0; // the TTL it came with
    bool halfLeft(qint64 nowMs) const { return 2 * (expiresAtMs - nowMs) >= lifetimeMs; }
};

template <typename T> using TimedMap = QHash<QString, Timed<T>>;

// Names compare case-insensitively in DNS; the maps key them by their lower-case text.
inline QString recordKey(const DnsName& name)
{
    return dnsNameText(name).toLower();
}

// RFC 6762 §10.1: a goodbye (TTL 0) keeps the record for one more second.
inline qint64 recordLifetimeMs(quint32 ttlSeconds)
{
    return ttlSeconds == 0 ? 1000 : qint64(ttlSeconds) * 1000;
}

template <typename T>
void putTimed(TimedMap<T>& map, const QString& key, T value, qint64 nowMs, qint64 lifetimeMs,
              int maxEntries)
{
    const qint64 expiresAt = nowMs + lifetimeMs;
    if (!map.contains(key) && map.size() >= maxEntries) {
        // Make room by dropping what would expire first: a flood of fresh inventions cannot
        // push out an entry that was refreshed a moment ago.
        auto soonest = std::min_element(map.begin(), map.end(), [](const auto& a, const auto& b) {
            return a.expiresAtMs < b.expiresAtMs;
        });
        if (soonest->expiresAtMs > expiresAt)
            return;
        map.erase(soonest);
    }
    map.insert(key, Timed<T>{std::move(value), expiresAt, lifetimeMs});
}

template <typename T> void purgeExpired(TimedMap<T>& map, qint64 nowMs)
{
    for (auto it = map.begin(); it != map.end();)
        it = it->expiresAtMs <= nowMs ? map.erase(it) : std::next(it);
}

} // namespace opendo::discovery::local
