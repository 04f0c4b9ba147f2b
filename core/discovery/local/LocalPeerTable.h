#pragma once

// The agents found on the local link, assembled from multicast DNS responses. A response may
// spread an instance over several packets (PTR in one, SRV/TXT/A in another), so the parts are
// kept by name until they expire and joined whenever something changes. Every part has a TTL;
// a TTL of 0 is a goodbye. Everything here comes from the LAN unauthenticated, so the table is
// bounded: a flood of invented instances pushes out the ones that expire first, never grows
// the agent's memory.

#include "discovery/local/DnsMessage.h"
#include "discovery/local/TimedRecords.h"

#include <QHash>
#include <QHostAddress>
#include <QList>

namespace opendo::discovery::local {

struct LocalPeer
{
    QByteArray peerId;
    QHostAddress address;
    quint16 port = 0;
    QByteArray groupTag; // "" when the peer advertises none
    bool operator==(const LocalPeer&) const = default;
};

class LocalPeerTable
{
public:
    static constexpr int kMaxEntries = 512; // per kind of record

    explicit LocalPeerTable(QByteArray ownPeerId = {}) : m_ownPeerId(std::move(ownPeerId)) {}
    void setOwnPeerId(const QByteArray& id) { m_ownPeerId = id; }

    // Takes the records of one response; true when the list of peers changed.
    bool absorb(const DnsMessage& response, qint64 nowMs);
    // Drops what expired; true when the list of peers changed.
    bool expire(qint64 nowMs);
    void clear();

    const QList<LocalPeer>& peers() const { return m_peers; }
    // PTR records of the complete peers whose every part still has at least half its TTL left
    // (remaining TTL in the record), at most `max`: what a query lists as known answers, so
    // those peers need not answer; the others (and soon stale ones) will.
    QList<DnsRecord> knownAnswers(qint64 nowMs, int max) const;
    bool hasAddress(const QHostAddress& address) const;

private:
    struct Service
    {
        quint16 port = 0;
        QString host; // lower-case text of the SRV target
    };

    bool rebuild();

    QByteArray m_ownPeerId;
    TimedMap<QByteArray> m_instances; // instance name -> peer id
    TimedMap<Service> m_services;     // instance name -> port and host
    TimedMap<QByteArray> m_groupTags; // instance name -> group tag
    TimedMap<QHostAddress> m_hosts;   // host name -> IPv4 address
    QList<LocalPeer> m_peers;
};

} // namespace opendo::discovery::local
