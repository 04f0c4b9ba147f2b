#include "discovery/local/LocalPeerTable.h"

#include "discovery/local/DnsSdService.h"

#include <algorithm>

namespace opendo::discovery::local {

namespace {

QByteArray groupTagIn(const QList<QByteArray>& txt)
{
    for (const QByteArray& entry : txt) {
        if (entry.startsWith("group="))
            return entry.mid(6);
    }
    return {};
}

} // namespace

bool LocalPeerTable::absorb(const DnsMessage& response, qint64 nowMs)
{
    if (!response.response)
        return false;
    QList<DnsRecord> records = response.answers;
    records << response.authorities << response.additionals;
    // Our own records come back to us (multicast loopback); they must not stand in for, or
    // shadow, anyone else's.
    const DnsName ownInstance = instanceName(m_ownPeerId);
    const DnsName ownHost = hostName(m_ownPeerId);
    for (const DnsRecord& r : std::as_const(records)) {
        if (r.cls != kDnsClassIn || sameDnsName(r.name, ownInstance) ||
            sameDnsName(r.name, ownHost))
            continue;
        const qint64 lifetime = recordLifetimeMs(r.ttl);
        if (r.type == DnsType::Ptr && sameDnsName(r.name, serviceType())) {
            // A goodbye takes the peer off the list at once: it said it is leaving.
            const auto id = peerIdOfInstance(r.target);
            if (r.ttl == 0)
                m_instances.remove(recordKey(r.target));
            else if (id && *id != m_ownPeerId)
                putTimed(m_instances, recordKey(r.target), *id, nowMs, lifetime, kMaxEntries);
        } else if (r.type == DnsType::Srv && peerIdOfInstance(r.name)) {
            putTimed(m_services, recordKey(r.name), Service{r.port, recordKey(r.target)}, nowMs,
                     lifetime, kMaxEntries);
        } else if (r.type == DnsType::Txt && peerIdOfInstance(r.name)) {
            putTimed(m_groupTags, recordKey(r.name), groupTagIn(r.txt), nowMs, lifetime,
                     kMaxEntries);
        } else if (r.type == DnsType::A && r.address.protocol() == QHostAddress::IPv4Protocol &&
                   r.address != QHostAddress::AnyIPv4 && !r.address.isMulticast()) {
            putTimed(m_hosts, recordKey(r.name), r.address, nowMs, lifetime, kMaxEntries);
        }
    }
    return rebuild();
}

bool LocalPeerTable::expire(qint64 nowMs)
{
    purgeExpired(m_instances, nowMs);
    purgeExpired(m_services, nowMs);
    purgeExpired(m_groupTags, nowMs);
    purgeExpired(m_hosts, nowMs);
    return rebuild();
}

void LocalPeerTable::clear()
{
    m_instances.clear();
    m_services.clear();
    m_groupTags.clear();
    m_hosts.clear();
    m_peers.clear();
}

bool LocalPeerTable::hasAddress(const QHostAddress& address) const
{
    return std::any_of(m_peers.cbegin(), m_peers.cend(),
                       [&address](const LocalPeer& p) { return p.address.isEqual(address); });
}

QList<DnsRecord> LocalPeerTable::knownAnswers(qint64 nowMs, int max) const
{
    QList<DnsRecord> records;
    for (auto it = m_instances.cbegin(); it != m_instances.cend() && records.size() < max; ++it) {
        const auto service = m_services.constFind(it.key());
        const auto tag = m_groupTags.constFind(it.key());
        if (service == m_services.cend() || tag == m_groupTags.cend())
            continue;
        const auto host = m_hosts.constFind(service->value.host);
        // A part about to expire must be answered for again, and the answer refreshes them all.
        if (host == m_hosts.cend() || !it->halfLeft(nowMs) || !service->halfLeft(nowMs) ||
            !tag->halfLeft(nowMs) || !host->halfLeft(nowMs))
            continue;
        records << instancePointer(it->value, quint32((it->expiresAtMs - nowMs) / 1000));
    }
    return records;
}

bool LocalPeerTable::rebuild()
{
    QList<LocalPeer> peers;
    for (auto it = m_instances.cbegin(); it != m_instances.cend(); ++it) {
        const auto service = m_services.constFind(it.key());
        if (service == m_services.cend() || service->value.port == 0)
            continue;
        const auto host = m_hosts.constFind(service->value.host);
        if (host == m_hosts.cend())
            continue;
        const auto tag = m_groupTags.constFind(it.key());
        peers.append({it->value, host->value, service->value.port,
                      tag == m_groupTags.cend() ? QByteArray() : tag->value});
    }
    std::sort(peers.begin(), peers.end(),
              [](const LocalPeer& a, const LocalPeer& b) { return a.peerId < b.peerId; });
    if (peers == m_peers)
        return false;
    m_peers = std::move(peers);
    return true;
}

} // namespace opendo::discovery::local
