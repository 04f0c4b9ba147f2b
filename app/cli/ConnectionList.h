#pragma once

// `doctl analysis --list-connections`: the peer connections of every file, open ones from the
// live snapshot and ended ones from the agent's journal, with the bytes each carried and how it
// ended — DO's Get-DeliveryOptimizationLogAnalysis -ListConnections.

#include <QTextStream>

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::cli {

void printConnectionList(agent::Agent& agent, bool json, QTextStream& out);

} // namespace opendo::cli
