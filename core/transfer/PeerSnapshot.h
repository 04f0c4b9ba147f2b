#pragma once

// One live peer connection as users see it (the console's Peers panel, doctl): immutable, safe
// to pass between threads.

#include "transfer/SourceClass.h"

#include <QDateTime>
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
    // Upload pacing (LEDBAT): what we may have outstanding to the peer, and the queuing delay
    // our traffic sees on its path; 0 when not paced (nothing sent yet, or no kernel figures).
    qint64 uploadWindow = 0;
    int queuingDelayMs = 0;
};

// A peer address a swarm no longer talks to, and why: the evidence help-desk staff take to the
// device behind it.
struct BannedPeer
{
    QString contentId;
    QString address;  // "127.0.0.9": the ban covers every port of the address
    QString endpoint; // the connection that earned it, "127.0.0.9:51234"
    QString reason;   // "sent piece 3 with data that fails verification"
    QDateTime at;
};

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::PeerSnapshot)
Q_DECLARE_METATYPE(opendo::transfer::BannedPeer)
