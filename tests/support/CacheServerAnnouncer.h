#pragma once

// A cache server announced on the local link by DNS-SD, as an administrator would with Avahi:
// the PTR/SRV/TXT/A records of one "_opendo-cache._tcp.local" instance, and a responder that
// multicasts them on the loopback interface whenever it hears a query for that type. The
// responder runs on its own thread, so it keeps answering while a test blocks on a process.

#include "discovery/local/DnsMessage.h"

#include <QHostAddress>
#include <QThread>
#include <atomic>

namespace opendo::test {

// ttlSeconds 0 is a goodbye.
discovery::local::DnsMessage cacheServerAnnouncement(const QString& instance,
                                                     const QHostAddress& address, quint16 port,
                                                     quint32 ttlSeconds = 120);

class CacheServerAnnouncer : public QThread
{
public:
    // Answers on 224.0.0.251:`mdnsPort` via the interface that carries 127.0.0.1.
    CacheServerAnnouncer(quint16 mdnsPort, QString instance, QHostAddress address, quint16 port);
    ~CacheServerAnnouncer() override; // stops the thread

    // How many queries for cache servers it heard (and answered) so far.
    int queriesAnswered() const { return m_answered.load(); }

protected:
    void run() override;

private:
    quint16 m_mdnsPort;
    QString m_instance;
    QHostAddress m_address;
    quint16 m_port;
    std::atomic<int> m_answered{0};
};

} // namespace opendo::test
