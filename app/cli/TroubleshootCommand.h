#pragma once

// `doctl troubleshoot [--p2p] [--cache-server] [--json] [--peer ADDR:PORT] [--url URL]
// [--download JOBID] [--timeout SECONDS]` runs the troubleshooter's checks (all of them when
// neither --p2p nor --cache-server is given, like DO's own troubleshooter) and exits 1 when any
// check fails; `doctl troubleshoot --bundle FILE` writes the support bundle.

#include "CliArguments.h"
#include "CommandRunner.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

int runTroubleshootCommand(agent::Agent& agent, CliArguments& args, QTextStream& out,
                           QTextStream& err, const CommandOptions& options);

} // namespace opendo::cli
