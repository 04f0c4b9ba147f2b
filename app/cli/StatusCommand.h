#pragma once

// `doctl status`: the agent's download jobs, like Get-DeliveryOptimizationStatus.

#include "CliArguments.h"
#include "CommandRunner.h"
#include "transfer/JobStatus.h"

#include <QTextStream>

namespace opendo::cli {

int runStatusCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                     const CommandOptions& options);

// The agent's jobs; for an agent started for this command, waits a moment for its first
// snapshot instead of taking "none yet" for "none".
QList<transfer::JobStatus> jobsOf(agent::Agent& agent, const CommandOptions& options);

// One job as "Field : value" lines in Get-DeliveryOptimizationStatus order.
void printJobStatus(const transfer::JobStatus& status, QTextStream& out);

} // namespace opendo::cli
