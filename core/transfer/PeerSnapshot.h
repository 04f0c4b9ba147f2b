#pragma once

// One live peer connection as users see it (the console's Peers panel, doctl): immutable, safe
// to pass between threads.

#include "transfer/SourceClass.h"

#include <QMetaType>
#include <QString>

namespace opendo::transfer {

struct PeerSnapshot
{
    QString contentId;
    QString endpoint; // "127.0.0.3:7680"
    bool incoming = false;
    SourceClass sourceClass = SourceClass::LanPeer;
    QString client;
    qint64 bytesReceived = 0; // verified or not: every piece byte that arrived
    qint64 bytesSent = 0;
    qint64 receiveRate = 0; // bytes per second over the last publishing interval
    qint64 sendRate = 0;
    bool amChoking = true;
    bool amInterested = false;
    bool peerChoking = true;
    bool peerInterested = false;
    int peerPercent = 0; // share of the content the peer has
    int hashFailures = 0;
};

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::PeerSnapshot)
