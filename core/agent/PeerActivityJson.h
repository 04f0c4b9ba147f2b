#pragma once

// The agent's peer side as JSON (`doctl peers --json`, the support bundle's peers.json):
// download mode configured and in effect, the discovery service, the peers it offered and the
// live connections.

#include "agent/PeerActivity.h"

#include <QJsonObject>

namespace opendo::agent {

QJsonObject peerActivityToJson(const PeerActivity& activity);

} // namespace opendo::agent
