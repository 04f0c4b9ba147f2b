#pragma once

// `doctl download` (wait for a download and print its status) and `doctl create-metainfo`.

#include "CliArguments.h"
#include "CommandRunner.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

int runDownloadCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                       const CommandOptions& options);
int runCreateMetainfoCommand(CliArguments& args, QTextStream& out, QTextStream& err);

} // namespace opendo::cli
