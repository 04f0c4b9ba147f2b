#pragma once

// `doctl config …`: list, get, set, reset, import and export Delivery Optimization settings.

#include "CliArguments.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

// Returns the process exit code: 0 success, 1 rejected/failed, 2 usage error.
int runConfigCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err);

} // namespace opendo::cli
