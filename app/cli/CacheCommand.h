#pragma once

// `doctl cache`: the cached files and what DO's cache cmdlets do with them —
// list (the cache side of Get-DeliveryOptimizationStatus), pin and unpin
// (Set-DeliveryOptimizationStatus -Pin) and delete (Delete-DeliveryOptimizationCache
// [-FileId] [-IncludePinnedFiles]).

#include "CliArguments.h"

#include <QTextStream>

namespace opendo::agent {
class Agent;
} // namespace opendo::agent

namespace opendo::cli {

int runCacheCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err);

} // namespace opendo::cli
