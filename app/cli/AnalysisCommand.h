#pragma once

// `doctl analysis`: every download the agent knows, summed up as DO's
// Get-DeliveryOptimizationLogAnalysis does — how many could use peers, how many did, and the
// share of bytes from peers — with the reasons the rest could not.

#include "CliArguments.h"
#include "CommandRunner.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::cli {

int runAnalysisCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                       const CommandOptions& options);

} // namespace opendo::cli
