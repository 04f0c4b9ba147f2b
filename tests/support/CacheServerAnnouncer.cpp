#include "support/CacheServerAnnouncer.h"

#include "discovery/local/CacheServerTable.h"

#include <QEventLoop>
#include <QNetworkDatagram>
#include <QNetworkInterface>
#include <QUdpSocket>
#include <QVariant>

namespace opendo::test {

using namespace discovery::local;

namespace {

const QHostAddress kGroup(QStringLiteral("224.0.0.251"));

QNetworkInterface loopbackInterface()
{
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        if (iface.flags() & QNetworkInterface::IsLoopBack)
            return iface;
    }
    return {};
}

bool asksForCacheServers(const DnsMessage& query)
{
    if (query.response)
        return false;
    for (const DnsQuestion& q : query.questions) {
        if (sameDnsName(q.name, cacheServerServiceType()) &&
            (q.type == DnsType::Ptr || q.type == DnsType::Any))
            return true;
    }
    return false;
}

} // namespace

DnsMessage cacheServerAnnouncement(const QString& instance, const QHostAddress& address,
                                   quint16 port, quint32 ttlSeconds)
{
    DnsName instanceName{instance.toUtf8()};
    instanceName.append(cacheServerServiceType());
    const DnsName host = dnsName(QStringLiteral("cachebox-%1.local").arg(port));
    DnsMessage m;
    m.response = true;
    m.authoritative = true;
    DnsRecord ptr = dnsRecord(cacheServerServiceType(), DnsType::Ptr, ttlSeconds);
    ptr.target = instanceName;
    m.answers << ptr;
    DnsRecord srv = dnsRecord(instanceName, DnsType::Srv, ttlSeconds);
    srv.port = port;
    srv.target = host;
    m.additionals << srv;
    DnsRecord txt = dnsRecord(instanceName, DnsType::Txt, ttlSeconds);
    txt.txt << QByteArray("path=/");
    m.additionals << txt;
    DnsRecord a = dnsRecord(host, DnsType::A, ttlSeconds);
    a.address = address;
    m.additionals << a;
    return m;
}

CacheServerAnnouncer::CacheServerAnnouncer(quint16 mdnsPort, QString instance, QHostAddress address,
                                           quint16 port)
    : m_mdnsPort(mdnsPort), m_instance(std::move(instance)), m_address(std::move(address)),
      m_port(port)
{}

CacheServerAnnouncer::~CacheServerAnnouncer()
{
    quit();
    wait();
}

void CacheServerAnnouncer::run()
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress::AnyIPv4, m_mdnsPort,
                     QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint))
        qFatal("cache server announcer: cannot bind UDP %d", m_mdnsPort);
    const QNetworkInterface lo = loopbackInterface();
    if (!socket.joinMulticastGroup(kGroup, lo))
        qFatal("cache server announcer: cannot join the mDNS group on lo");
    socket.setMulticastInterface(lo);
    socket.setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    const QByteArray answer =
        serializeDnsMessage(cacheServerAnnouncement(m_instance, m_address, m_port));
    QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [&] {
        while (socket.hasPendingDatagrams()) {
            const auto query = parseDnsMessage(socket.receiveDatagram().data());
            if (query && asksForCacheServers(*query)) {
                socket.writeDatagram(answer, kGroup, m_mdnsPort);
                ++m_answered;
            }
        }
    });
    exec();
}

} // namespace opendo::test
