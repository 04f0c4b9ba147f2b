#pragma once

// What the agent's peer side is doing, as one immutable snapshot for the console: the live
// connections and the state that decides whether peers are used at all.

#include "transfer/PeerSnapshot.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace opendo::agent {

struct PeerActivity
{
    QList<transfer::PeerSnapshot> peers;
    QString listenEndpoint; // "" when not listening
    int downloadMode = 1;
    bool peeringAllowed = false;
    bool uploadAllowed = false;
    QString blockedReason; // why peering or uploading is off, naming the setting
    int bans = 0;
    int hashFailures = 0;
};

} // namespace opendo::agent

Q_DECLARE_METATYPE(opendo::agent::PeerActivity)
