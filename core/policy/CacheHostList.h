#pragma once

// DOCacheHost: cache servers as a comma-separated list, each a host name, an IPv4 address or an
// IPv6 address, optionally with a port ("cache.example.com", "10.0.0.7:8080", "[fd00::7]:80").
// Windows takes names and addresses only and always uses port 80; the port is an OpenDO
// extension for labs that run a cache beside other services on one machine.

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::policy {

struct CacheHostEntry
{
    QString host; // a name or an address, without brackets
    quint16 port = 80;

    QString authority() const; // "host", "host:port", "[v6]:port" as it goes into a URL

    friend bool operator==(const CacheHostEntry&, const CacheHostEntry&) = default;
};

// One item; nullopt with `why` set (in words for users) when it is not a host.
std::optional<CacheHostEntry> parseCacheHost(const QString& item, QString* why = nullptr);
// The whole setting, in order; items that do not parse are skipped (values are validated when
// they are set, so this only matters for hand-edited databases).
QList<CacheHostEntry> parseCacheHostList(const QString& value);
// A list from elsewhere (DHCP option 235, the discovery service): every item must be a host, so
// a source that sends garbage does not half-configure us. nullopt with `why` naming the first
// item that is not one ("\"item\": reason").
std::optional<QList<CacheHostEntry>> parseEveryCacheHost(const QStringList& items, QString* why);
QStringList cacheHostAuthorities(const QList<CacheHostEntry>& hosts);

} // namespace opendo::policy
