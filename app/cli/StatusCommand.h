#pragma once

// `doctl status`: the agent's download jobs, like Get-DeliveryOptimizationStatus.

#include "CliArguments.h"
#include "CommandRunner.h"
#include "transfer/JobStatus.h"

#include <QTextStream>

namespace opendo::cli {

int runStatusCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                     const CommandOptions& options);

// One job as "Field : value" lines in Get-DeliveryOptimizationStatus order.
void printJobStatus(const transfer::JobStatus& status, QTextStream& out);

} // namespace opendo::cli
