#pragma once

// `doctl peers`: the agent's peer side — download mode configured and in effect (with the
// reason when it fell back to 99), the discovery service and what it sees, the peers it offered
// per content and the live connections.

#include "CliArguments.h"
#include "agent/PeerActivity.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::cli {

int runPeersCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err);
// The agent's latest snapshot, waiting briefly for the first one of a fresh agent.
agent::PeerActivity latestPeerActivity(agent::Agent& agent);

} // namespace opendo::cli
