#pragma once

// Agent options for in-process test agents: no peer listener, so tests running in parallel do
// not compete for port 7680 and nothing outside the test can reach them.

#include "agent/AgentOptions.h"

namespace opendo::test {

inline agent::AgentOptions testAgentOptions(const QString& dataDir, bool resumeQueuedJobs = true)
{
    agent::AgentOptions options;
    options.dataDir = dataDir;
    options.resumeQueuedJobs = resumeQueuedJobs;
    options.listen.clear();
    return options;
}

} // namespace opendo::test
