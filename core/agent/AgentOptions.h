#pragma once

// How an agent is started: where its state lives and how it reaches the network.

#include <QString>

namespace opendo::agent {

struct AgentOptions
{
    QString dataDir;   // all state of the agent lives here ("" = the user's data location)
    QString httpProxy; // explicit proxy URL; "" = http_proxy/https_proxy/no_proxy from the env
};

} // namespace opendo::agent
