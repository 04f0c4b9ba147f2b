#pragma once

// How the agent stands with its discovery service, as one immutable snapshot for status
// output, the console and the troubleshooter.

#include "discovery/local/LocalDiscoveryStatus.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace opendo::discovery {

enum class DiscoveryState
{
    NotConfigured, // no service: only static peers (labs, tests)
    Contacting,    // configured, no answer yet
    Reachable,     // the last request was answered
    Unreachable    // the last request failed: the effective download mode is 99
};

QString discoveryStateKey(DiscoveryState state);   // "not_configured", "reachable", …
QString discoveryStateLabel(DiscoveryState state); // translated

struct DiscoveryStatus
{
    DiscoveryState state = DiscoveryState::NotConfigured;
    QString serviceUrl;
    QString lastError;     // of the last failed request (kept after recovery for context)
    QString refusal;       // the service answered but refused (failure reason)
    QDateTime lastContact; // last answered request
    QDateTime lastAttempt;
    QString publicAddress; // as the service sees us
    QString groupId;       // what we announce in mode 2 ("" otherwise)
    QString groupIdSource; // where it came from, for users
    int announcedContents = 0;
    int peersOffered = 0; // in the last answers, all contents
    int consecutiveFailures = 0;
    int retryInSeconds = 0;            // while unreachable
    QStringList cacheHosts;            // the cache servers the service assigns ("host:port")
    local::LocalDiscoveryStatus local; // DNS-SD on the local link (DORestrictPeerSelectionBy 2)
};

} // namespace opendo::discovery

Q_DECLARE_METATYPE(opendo::discovery::DiscoveryStatus)
