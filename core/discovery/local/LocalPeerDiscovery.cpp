#include "discovery/local/LocalPeerDiscovery.h"

#include "common/WildcardAddress.h"
#include "transfer/PeerEndpoint.h"

#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QUdpSocket>

namespace opendo::discovery::local {

Q_LOGGING_CATEGORY(lcLocal, "opendo.discovery.local")

namespace {

const QHostAddress kGroup(QStringLiteral("224.0.0.251"));
// A turn parses this many datagrams and drops the rest that waits: multicast DNS on a LAN is a
// few packets a second, more is a flood, and parsing a flood would starve the agent's peers.
// Reading stops at kReadsPerTurn so a sustained flood cannot hold the thread either. The
// socket is always drained within a turn: Qt notifies an unbuffered UDP socket again only
// after its handler read what was waiting.
constexpr int kParsedPerTurn = 256;
constexpr int kReadsPerTurn = 8192; // then yield to the event loop
constexpr int kMaxQueryIntervalMs = 60'000;
constexpr int kExpireIntervalMs = 1000;
constexpr int kRetryIntervalMs = 30'000;

QHostAddress ipv4Of(const QNetworkInterface& iface)
{
    for (const QNetworkAddressEntry& e : iface.addressEntries()) {
        if (e.ip().protocol() == QHostAddress::IPv4Protocol)
            return e.ip();
    }
    return {};
}

} // namespace

QList<QNetworkInterface> multicastInterfacesFor(const QHostAddress& listenAddress)
{
    QList<QNetworkInterface> out;
    for (const QNetworkInterface& iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        if (!(flags & QNetworkInterface::IsUp) || !(flags & QNetworkInterface::IsRunning))
            continue;
        if (isWildcardAddress(listenAddress)) {
            if ((flags & QNetworkInterface::CanMulticast) &&
                !(flags & QNetworkInterface::IsLoopBack) && !ipv4Of(iface).isNull())
                out << iface;
            continue;
        }
        for (const QNetworkAddressEntry& e : iface.addressEntries()) {
            if (e.ip().protocol() == QHostAddress::IPv4Protocol &&
                listenAddress.isInSubnet(e.ip(), e.prefixLength())) {
                out << iface;
                break;
            }
        }
    }
    return out;
}

LocalPeerDiscovery::LocalPeerDiscovery(QObject* parent) : QObject(parent)
{
    m_clock.start();
    m_queryTimer.setSingleShot(true);
    connect(&m_queryTimer, &QTimer::timeout, this, &LocalPeerDiscovery::sendQuery);
    m_answerTimer.setSingleShot(true);
    connect(&m_answerTimer, &QTimer::timeout, this, [this] { sendAdvert(kAdvertTtlSeconds); });
    m_announceTimer.setSingleShot(true);
    m_announceTimer.setInterval(1000);
    connect(&m_announceTimer, &QTimer::timeout, this, [this] { sendAdvert(kAdvertTtlSeconds); });
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(kRetryIntervalMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &LocalPeerDiscovery::start);
    m_expireTimer.setInterval(kExpireIntervalMs);
    connect(&m_expireTimer, &QTimer::timeout, this, &LocalPeerDiscovery::expire);
}

LocalPeerDiscovery::~LocalPeerDiscovery()
{
    blockSignals(true); // whoever listens may be half-destroyed by now
    stop();
}

void LocalPeerDiscovery::configure(const LocalDiscoveryConfig& config)
{
    // The same again changes nothing; a failed start is retried by its own timer.
    if (config == m_config && (m_socket || m_retryTimer.isActive() || !config.active()))
        return;
    stop();
    m_config = config;
    m_table.setOwnPeerId(config.advert.peerId);
    start();
}

void LocalPeerDiscovery::start()
{
    m_interfaces.clear();
    if (!m_config.active()) {
        m_error.clear();
        return;
    }
    m_interfaces = multicastInterfacesFor(m_config.listenAddress);
    if (m_interfaces.isEmpty()) {
        fail(tr("no network interface that can multicast carries %1")
                 .arg(isWildcardAddress(m_config.listenAddress)
                          ? tr("an IPv4 address")
                          : m_config.listenAddress.toString()));
        return;
    }
    m_socket = new QUdpSocket(this);
    // Shared, because other agents on this machine and the system's own responder listen on
    // the same port; every socket joined to the group receives each multicast datagram.
    if (!m_socket->bind(QHostAddress::AnyIPv4, m_config.port,
                        QUdpSocket::ShareAddress | QUdpSocket::ReuseAddressHint)) {
        fail(tr("cannot listen on UDP port %1 for multicast DNS: %2")
                 .arg(m_config.port)
                 .arg(m_socket->errorString()));
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::MulticastTtlOption, 255);
    m_socket->setSocketOption(QAbstractSocket::MulticastLoopbackOption, 1);
    QStringList failed;
    for (const QNetworkInterface& iface : std::as_const(m_interfaces)) {
        if (!m_socket->joinMulticastGroup(kGroup, iface))
            failed << iface.name();
    }
    if (failed.size() == m_interfaces.size()) {
        fail(tr("cannot join the multicast DNS group on %1: %2")
                 .arg(failed.join(QStringLiteral(", ")), m_socket->errorString()));
        return;
    }
    m_error.clear();
    connect(m_socket, &QUdpSocket::readyRead, this, &LocalPeerDiscovery::onReadyRead);
    m_expireTimer.start();
    if (m_config.advertise) {
        sendAdvert(kAdvertTtlSeconds);
        m_announceTimer.start(); // RFC 6762 §8.3: announce at least twice, a second apart
    }
    if (m_config.search || m_config.browseCacheServers) {
        m_queryIntervalMs = 1000;
        sendQuery();
    }
}

void LocalPeerDiscovery::fail(const QString& error)
{
    delete m_socket;
    m_socket = nullptr;
    // Said once per cause, not at every retry. Only a device restricted to local peers loses
    // anything; for the others it is a detail.
    if (error != m_error) {
        if (m_config.search || m_config.browseCacheServers)
            qCWarning(lcLocal).noquote() << "local discovery (DNS-SD):" << error;
        else
            qCInfo(lcLocal).noquote() << "local peer discovery (answering only):" << error;
    }
    m_error = error;
    // An interface that comes up later, or a port set free, ends it without a restart.
    m_retryTimer.start();
}

void LocalPeerDiscovery::stop()
{
    m_queryTimer.stop();
    m_answerTimer.stop();
    m_announceTimer.stop();
    m_expireTimer.stop();
    m_retryTimer.stop();
    if (m_socket) {
        if (m_config.advertise)
            sendAdvert(0); // goodbye: others drop us at once instead of after the TTL
        delete m_socket;
        m_socket = nullptr;
    }
    const bool hadPeers = !m_table.peers().isEmpty();
    const bool hadCacheServers = !m_cacheServers.servers().isEmpty();
    m_table.clear();
    m_cacheServers.clear();
    if (hadPeers)
        Q_EMIT peersChanged();
    if (hadCacheServers)
        Q_EMIT cacheServersChanged();
}

void LocalPeerDiscovery::onReadyRead()
{
    if (!m_socket)
        return;
    for (int i = 0; i < kReadsPerTurn && m_socket->hasPendingDatagrams(); ++i) {
        if (i >= kParsedPerTurn) {
            m_socket->readDatagram(nullptr, 0);
            continue;
        }
        const QNetworkDatagram datagram = m_socket->receiveDatagram(kMaxDnsMessageSize + 1);
        if (datagram.data().size() > kMaxDnsMessageSize)
            continue;
        QString error;
        const auto message = parseDnsMessage(datagram.data(), &error);
        if (!message) {
            qCDebug(lcLocal).noquote() << "ignored a malformed multicast DNS datagram from"
                                       << datagram.senderAddress().toString() << "-" << error;
            continue;
        }
        if (message->response) {
            if (m_config.search && m_table.absorb(*message, m_clock.elapsed()))
                Q_EMIT peersChanged();
            if (m_config.browseCacheServers && m_cacheServers.absorb(*message, m_clock.elapsed()))
                Q_EMIT cacheServersChanged();
        } else if (m_config.advertise && asksForUs(*message, m_config.advert.peerId)) {
            scheduleAnswer();
        }
    }
}

void LocalPeerDiscovery::sendQuery()
{
    // One message asks for whatever is wanted: peers (with the ones already known), cache
    // servers, or both.
    DnsMessage query;
    if (m_config.search)
        query = serviceQuery(m_table.knownAnswers(m_clock.elapsed(), kMaxDnsSectionEntries));
    if (m_config.browseCacheServers)
        query.questions << cacheServerQuestion();
    for (const QNetworkInterface& iface : std::as_const(m_interfaces))
        send(query, iface);
    m_queryTimer.start(m_queryIntervalMs);
    m_queryIntervalMs = qMin(2 * m_queryIntervalMs, kMaxQueryIntervalMs);
}

void LocalPeerDiscovery::sendAdvert(quint32 ttl)
{
    for (const QNetworkInterface& iface : std::as_const(m_interfaces)) {
        LocalAdvert advert = m_config.advert;
        advert.address =
            isWildcardAddress(m_config.listenAddress) ? ipv4Of(iface) : m_config.listenAddress;
        send(advertisement(advert, ttl), iface);
    }
    m_lastAdvertMs = m_clock.elapsed();
}

void LocalPeerDiscovery::send(const DnsMessage& message, const QNetworkInterface& iface)
{
    m_socket->setMulticastInterface(iface);
    if (m_socket->writeDatagram(serializeDnsMessage(message), kGroup, m_config.port) < 0)
        qCDebug(lcLocal).noquote()
            << "multicast DNS send on" << iface.name() << "failed:" << m_socket->errorString();
}

void LocalPeerDiscovery::scheduleAnswer()
{
    if (m_answerTimer.isActive())
        return; // queries close together get one answer
    // RFC 6762 §6: wait 20–120 ms (answers of many responders spread out), and multicast the
    // same records at most once a second.
    qint64 delay = 20 + QRandomGenerator::global()->bounded(100);
    if (m_lastAdvertMs >= 0)
        delay = qMax(delay, 1000 - (m_clock.elapsed() - m_lastAdvertMs));
    m_answerTimer.start(int(delay));
}

void LocalPeerDiscovery::expire()
{
    if (m_table.expire(m_clock.elapsed()))
        Q_EMIT peersChanged();
    if (m_cacheServers.expire(m_clock.elapsed()))
        Q_EMIT cacheServersChanged();
}

LocalDiscoveryStatus LocalPeerDiscovery::status() const
{
    LocalDiscoveryStatus s;
    s.advertising = m_socket && m_config.advertise;
    s.restricting = m_config.search;
    s.port = m_config.port;
    for (const QNetworkInterface& iface : m_interfaces)
        s.interfaces << iface.name();
    s.error = m_error;
    for (const LocalPeer& p : m_table.peers())
        s.peers << transfer::PeerEndpoint{p.address, p.port}.toString();
    s.browsingCacheServers = m_config.browseCacheServers;
    for (const LinkCacheServer& c : m_cacheServers.servers())
        s.cacheServers << QStringLiteral("%1 (%2)").arg(
            transfer::PeerEndpoint{c.address, c.port}.toString(), c.name);
    return s;
}

} // namespace opendo::discovery::local
