#pragma once

// How an agent is started: where its state lives and how it reaches the network.

#include <QString>

namespace opendo::agent {

struct AgentOptions
{
    QString dataDir;   // all state of the agent lives here ("" = the user's data location)
    QString httpProxy; // explicit proxy URL; "" = http_proxy/https_proxy/no_proxy from the env
    // Whether downloads left queued by an earlier run start by themselves. A short-lived agent
    // (doctl) runs only what it was asked to; the console and the service run everything.
    bool resumeQueuedJobs = true;
};

} // namespace opendo::agent
