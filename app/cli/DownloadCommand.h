#pragma once

// `doctl download`: hand a download to the agent, wait for it and print its status.

#include "CliArguments.h"
#include "CommandRunner.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

int runDownloadCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                       const CommandOptions& options);

} // namespace opendo::cli
