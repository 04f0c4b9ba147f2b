#pragma once

// What the agent's peer side is doing, as one immutable snapshot for the console: the live
// connections and the state that decides whether peers are used at all.

#include "discovery/DiscoveryStatus.h"
#include "transfer/DialFailures.h"
#include "transfer/PeerSnapshot.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace opendo::agent {

// A peer the discovery service offered for a content.
struct OfferedPeer
{
    QString contentId;
    QString endpoint;
    transfer::SourceClass sourceClass = transfer::SourceClass::InternetPeer;
};

struct PeerActivity
{
    QList<transfer::PeerSnapshot> peers;
    QList<OfferedPeer> offered; // the last discovery answers, all contents
    QString listenEndpoint;     // "" when not listening
    int downloadMode = 1;       // in effect: 99 while discovery is unreachable
    int configuredMode = 1;     // DODownloadMode
    QString fallbackReason;     // why downloadMode is 99 although configuredMode is not
    discovery::DiscoveryStatus discovery;
    bool peeringAllowed = false;
    bool uploadAllowed = false;
    QString blockedReason; // why peering or uploading is off, naming the setting
    int bans = 0;
    QList<transfer::BannedPeer> banned; // oldest first
    int hashFailures = 0;
    QList<transfer::DialFailure> unreachable; // peers dialled in the last hour that never answered
};

} // namespace opendo::agent

Q_DECLARE_METATYPE(opendo::agent::PeerActivity)
