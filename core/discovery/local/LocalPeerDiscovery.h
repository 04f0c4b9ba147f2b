#pragma once

// DNS-SD on the local link (multicast DNS, RFC 6762/6763): the agent answers for itself while
// it peers (download modes 1–3), and — when DORestrictPeerSelectionBy = 2 — asks who else is
// there, so that only those peers are used; when no cache server is configured it also asks
// for cache servers announced on the link (CacheServerTable). One socket serves all three.
// Lives on the agent thread; all I/O is asynchronous.
//
// Responses are multicast only (never unicast), so several agents on one machine, each with
// its own socket on the shared port, all hear everything. Queries repeat at growing intervals
// (1 s, 2 s, 4 s … 60 s); answers to queries wait 20–120 ms and a second one within a second
// is folded into the first, as RFC 6762 asks of responders.

#include "discovery/local/CacheServerTable.h"
#include "discovery/local/DnsSdService.h"
#include "discovery/local/LocalDiscoveryStatus.h"
#include "discovery/local/LocalPeerTable.h"

#include <QElapsedTimer>
#include <QNetworkInterface>
#include <QObject>
#include <QTimer>

class QUdpSocket;

namespace opendo::discovery::local {

struct LocalDiscoveryConfig
{
    bool advertise = false;          // answer for ourselves
    bool search = false;             // ask for others (the restriction is in effect)
    bool browseCacheServers = false; // ask for cache servers (none configured otherwise)
    quint16 port = kMulticastDnsPort;
    QHostAddress listenAddress; // the agent's peer address; a wildcard uses every interface
    LocalAdvert advert;         // address is filled per interface when listenAddress is a wildcard
    bool operator==(const LocalDiscoveryConfig&) const = default;
    bool active() const { return advertise || search || browseCacheServers; }
};

class LocalPeerDiscovery : public QObject
{
    Q_OBJECT
public:
    explicit LocalPeerDiscovery(QObject* parent = nullptr);
    ~LocalPeerDiscovery() override; // says goodbye while advertising

    void configure(const LocalDiscoveryConfig& config);
    // How long a failed start (no interface, port taken) waits before it tries again.
    void setRetryIntervalMs(int ms) { m_retryTimer.setInterval(ms); }
    const QList<LocalPeer>& peers() const { return m_table.peers(); }
    bool hasPeerAt(const QHostAddress& address) const { return m_table.hasAddress(address); }
    const QList<LinkCacheServer>& cacheServers() const { return m_cacheServers.servers(); }
    LocalDiscoveryStatus status() const;

Q_SIGNALS:
    void peersChanged();
    void cacheServersChanged();

private:
    void start();
    void stop(); // goodbye, close
    void onReadyRead();
    void sendQuery();
    void sendAdvert(quint32 ttl);
    void send(const DnsMessage& message, const QNetworkInterface& iface);
    void scheduleAnswer();
    void expire();
    void fail(const QString& error); // closes the socket, says why, retries later

    LocalDiscoveryConfig m_config;
    QUdpSocket* m_socket = nullptr;
    QList<QNetworkInterface> m_interfaces;
    QString m_error;
    LocalPeerTable m_table;
    CacheServerTable m_cacheServers;
    QElapsedTimer m_clock;
    QTimer m_queryTimer;
    QTimer m_answerTimer;
    QTimer m_announceTimer; // the second unsolicited announcement, then re-announcements
    QTimer m_expireTimer;
    QTimer m_retryTimer;
    int m_queryIntervalMs = 1000;
    qint64 m_lastAdvertMs = -1;
};

// The interfaces multicast DNS uses for an agent listening on `listenAddress`: the one that
// carries it (loopback included, for labs on 127.0.0.x), or for a wildcard every interface
// that is up, can multicast and has an IPv4 address.
QList<QNetworkInterface> multicastInterfacesFor(const QHostAddress& listenAddress);

} // namespace opendo::discovery::local
