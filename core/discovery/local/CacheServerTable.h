#pragma once

// Cache servers announced on the local link by DNS-SD (RFC 6763 over multicast DNS): what DO
// does when DOCacheHostSource is not set and DOCacheHost names no server. Microsoft does not
// document the service type its clients browse, so OpenDO browses its own,
// "_opendo-cache._tcp.local": a Connected-Cache-like server (nginx proxying to the origin in
// `cacheHostOrigin`) is announced with any DNS-SD responder, e.g. an Avahi service file.
//
// A server is listed once its PTR, SRV and A records are all held and unexpired. Anyone on the
// link can announce one, so the table is bounded like the peer table and downloads only use
// these servers for content whose pieces they can verify (see CacheServerPlan).

#include "discovery/local/DnsMessage.h"
#include "discovery/local/TimedRecords.h"

#include <QHostAddress>
#include <QList>

namespace opendo::discovery::local {

// "_opendo-cache._tcp.local"
DnsName cacheServerServiceType();
// The question a browser asks for every instance of that type.
DnsQuestion cacheServerQuestion();

struct LinkCacheServer
{
    QString name; // the instance label, as the responder named it ("Branch cache")
    QHostAddress address;
    quint16 port = 0;
    bool operator==(const LinkCacheServer&) const = default;
};

class CacheServerTable
{
public:
    static constexpr int kMaxEntries = 64; // per kind of record
    static constexpr int kMaxServers = 16; // in the list handed to downloads

    // Takes the records of one response; true when the list of servers changed.
    bool absorb(const DnsMessage& response, qint64 nowMs);
    // Drops what expired; true when the list of servers changed.
    bool expire(qint64 nowMs);
    void clear();

    // Sorted by name, then address, so every agent on a link tries them in the same order.
    const QList<LinkCacheServer>& servers() const { return m_servers; }

private:
    struct Service
    {
        quint16 port = 0;
        QString host; // key of the SRV target
    };
    bool rebuild();

    TimedMap<QString> m_instances;  // instance key -> instance label
    TimedMap<Service> m_services;   // instance key -> port and host
    TimedMap<QHostAddress> m_hosts; // host key -> IPv4 address
    QList<LinkCacheServer> m_servers;
};

} // namespace opendo::discovery::local
