#pragma once

// `doctl log [--follow] [--json] [--level LEVEL] [--component NAME] [--lines N]`: the agent's
// recent log from its in-memory ring (log::LogBuffer), filtered; --follow keeps printing new
// records until interrupted (or, through the control endpoint, until doctl goes away).

#include "CliArguments.h"
#include "CommandRunner.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

int runLogCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                  const CommandOptions& options);

} // namespace opendo::cli
