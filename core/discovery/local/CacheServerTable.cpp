#include "discovery/local/CacheServerTable.h"

#include <algorithm>

namespace opendo::discovery::local {

namespace {

bool isCacheServerInstance(const DnsName& name)
{
    const DnsName type = cacheServerServiceType();
    return name.size() == type.size() + 1 && sameDnsName(name.mid(1), type);
}

} // namespace

DnsName cacheServerServiceType()
{
    return {QByteArray("_opendo-cache"), QByteArray("_tcp"), QByteArray("local")};
}

DnsQuestion cacheServerQuestion()
{
    DnsQuestion q;
    q.name = cacheServerServiceType();
    q.type = DnsType::Ptr;
    return q;
}

bool CacheServerTable::absorb(const DnsMessage& response, qint64 nowMs)
{
    if (!response.response)
        return false;
    QList<DnsRecord> records = response.answers;
    records << response.authorities << response.additionals;
    for (const DnsRecord& r : std::as_const(records)) {
        if (r.cls != kDnsClassIn)
            continue;
        const qint64 lifetime = recordLifetimeMs(r.ttl);
        if (r.type == DnsType::Ptr && sameDnsName(r.name, cacheServerServiceType())) {
            if (!isCacheServerInstance(r.target))
                continue;
            if (r.ttl == 0) // a goodbye: the server is leaving, so downloads stop asking it now
                m_instances.remove(recordKey(r.target));
            else
                putTimed(m_instances, recordKey(r.target), QString::fromUtf8(r.target.first()),
                         nowMs, lifetime, kMaxEntries);
        } else if (r.type == DnsType::Srv && isCacheServerInstance(r.name)) {
            putTimed(m_services, recordKey(r.name), Service{r.port, recordKey(r.target)}, nowMs,
                     lifetime, kMaxEntries);
        } else if (r.type == DnsType::A && r.address.protocol() == QHostAddress::IPv4Protocol &&
                   r.address != QHostAddress::AnyIPv4 && !r.address.isMulticast() &&
                   !r.address.isBroadcast()) {
            putTimed(m_hosts, recordKey(r.name), r.address, nowMs, lifetime, kMaxEntries);
        }
    }
    return rebuild();
}

bool CacheServerTable::expire(qint64 nowMs)
{
    purgeExpired(m_instances, nowMs);
    purgeExpired(m_services, nowMs);
    purgeExpired(m_hosts, nowMs);
    return rebuild();
}

void CacheServerTable::clear()
{
    m_instances.clear();
    m_services.clear();
    m_hosts.clear();
    m_servers.clear();
}

bool CacheServerTable::rebuild()
{
    QList<LinkCacheServer> servers;
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it) {
        const auto service = m_services.constFind(it.key());
        if (service == m_services.cend() || service->value.port == 0)
            continue;
        const auto host = m_hosts.constFind(service->value.host);
        if (host != m_hosts.cend())
            servers.append({it->value, host->value, service->value.port});
    }
    std::sort(servers.begin(), servers.end(),
              [](const LinkCacheServer& a, const LinkCacheServer& b) {
                  if (a.name != b.name)
                      return a.name < b.name;
                  if (a.address != b.address)
                      return a.address.toIPv4Address() < b.address.toIPv4Address();
                  return a.port < b.port;
              });
    servers = servers.mid(0, kMaxServers);
    if (servers == m_servers)
        return false;
    m_servers = std::move(servers);
    return true;
}

} // namespace opendo::discovery::local
