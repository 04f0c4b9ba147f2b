#pragma once

// Local peer discovery (DNS-SD) as status output, the console and the troubleshooter see it.

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace opendo::discovery::local {

struct LocalDiscoveryStatus
{
    bool advertising = false; // answering on the local link (download modes 1–3)
    bool restricting = false; // DORestrictPeerSelectionBy = 2 in effect: only local peers
    quint16 port = 0;         // UDP port of multicast DNS (5353 unless a lab changes it)
    QStringList interfaces;   // where it sends and listens
    QString error;            // why it cannot (e.g. the port cannot be bound); "" when fine
    QStringList peers;        // "ADDR:PORT" of each agent found (while restricting)
    QStringList excluded;     // offered by the discovery service but not found here: unused
    bool browsingCacheServers = false; // asking for cache servers (none configured)
    QStringList cacheServers;          // "ADDR:PORT (instance name)" of each one announced
};

} // namespace opendo::discovery::local

Q_DECLARE_METATYPE(opendo::discovery::local::LocalDiscoveryStatus)
