#include "discovery/local/DnsSdService.h"

#include "content/Sha.h"
#include "peer/Handshake.h"

#include <algorithm>
#include <cctype>

namespace opendo::discovery::local {

DnsName instanceName(const QByteArray& peerId)
{
    DnsName name{peerId.toHex()};
    name.append(serviceType());
    return name;
}

// A host name per agent rather than per machine: several agents on one machine (labs, tests)
// each advertise their own address. The whole peer id: OpenDO's peer ids share their first
// 8 bytes ("-OD0100-"), and a shared host name would mix up their addresses.
DnsName hostName(const QByteArray& peerId)
{
    return {QByteArray("opendo-") + peerId.toHex(), QByteArray("local")};
}

DnsName serviceType()
{
    return {QByteArray("_opendo"), QByteArray("_tcp"), QByteArray("local")};
}

DnsRecord instancePointer(const QByteArray& peerId, quint32 ttlSeconds)
{
    DnsRecord ptr = dnsRecord(serviceType(), DnsType::Ptr, ttlSeconds);
    ptr.target = instanceName(peerId);
    return ptr;
}

DnsMessage advertisement(const LocalAdvert& advert, quint32 ttlSeconds)
{
    const DnsName instance = instanceName(advert.peerId);
    const DnsName host = hostName(advert.peerId);
    DnsMessage m;
    m.response = true;
    m.authoritative = true;

    m.answers << instancePointer(advert.peerId, ttlSeconds);

    // Unique records (SRV, TXT, A) carry cache-flush: a receiver replaces what it held for the
    // name, so an agent that moved to another port or address is not listed twice.
    DnsRecord srv = dnsRecord(instance, DnsType::Srv, ttlSeconds);
    srv.cacheFlush = true;
    srv.port = advert.port;
    srv.target = host;
    m.additionals << srv;

    DnsRecord txt = dnsRecord(instance, DnsType::Txt, ttlSeconds);
    txt.cacheFlush = true;
    txt.txt << QByteArray("txtvers=1");
    if (!advert.groupTag.isEmpty())
        txt.txt << QByteArray("group=") + advert.groupTag;
    m.additionals << txt;

    DnsRecord a = dnsRecord(host, DnsType::A, ttlSeconds);
    a.cacheFlush = true;
    a.address = advert.address;
    m.additionals << a;
    return m;
}

DnsMessage serviceQuery(const QList<DnsRecord>& knownAnswers)
{
    DnsMessage m;
    DnsQuestion q;
    q.name = serviceType();
    q.type = DnsType::Ptr;
    m.questions << q;
    m.answers = knownAnswers.mid(0, kMaxDnsSectionEntries);
    return m;
}

bool asksForUs(const DnsMessage& query, const QByteArray& peerId)
{
    if (query.response)
        return false;
    const DnsName instance = instanceName(peerId);
    // RFC 6762 §7.1: an asker that lists our PTR with at least half its TTL left has it.
    const bool known =
        std::any_of(query.answers.cbegin(), query.answers.cend(), [&](const DnsRecord& r) {
            return r.type == DnsType::Ptr && r.cls == kDnsClassIn &&
                   sameDnsName(r.name, serviceType()) && sameDnsName(r.target, instance) &&
                   r.ttl >= kAdvertTtlSeconds / 2;
        });
    for (const DnsQuestion& q : query.questions) {
        if (q.cls != kDnsClassIn)
            continue;
        if (sameDnsName(q.name, serviceType()) &&
            (q.type == DnsType::Ptr || q.type == DnsType::Any) && !known)
            return true;
        if (sameDnsName(q.name, instance) &&
            (q.type == DnsType::Srv || q.type == DnsType::Txt || q.type == DnsType::Any))
            return true;
    }
    return false;
}

QByteArray groupTagOf(const QString& groupId)
{
    if (groupId.isEmpty())
        return {};
    return content::sha256(groupId.trimmed().toLower().toUtf8()).left(8).toHex();
}

std::optional<QByteArray> peerIdOfInstance(const DnsName& instance)
{
    if (instance.size() != serviceType().size() + 1 || !sameDnsName(instance.mid(1), serviceType()))
        return std::nullopt;
    const QByteArray& label = instance.first();
    if (label.size() != 2 * peer::kPeerIdLength)
        return std::nullopt;
    for (char c : label) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return std::nullopt;
    }
    return QByteArray::fromHex(label);
}

} // namespace opendo::discovery::local
