#pragma once

// `doctl perfsnap --month`: this calendar month's bytes by source class, as
// Get-DeliveryOptimizationPerfSnapThisMonth reports them.

#include "CliArguments.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

int runPerfSnapCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err);

} // namespace opendo::cli
