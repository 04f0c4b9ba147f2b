#pragma once

// How an agent is started: where its state lives and how it reaches the network.

#include <QString>
#include <QStringList>

namespace opendo::agent {

struct AgentOptions
{
    QString dataDir{};   // all state of the agent lives here ("" = the user's data location)
    QString httpProxy{}; // explicit proxy URL; "" = http_proxy/https_proxy/no_proxy from the env
    // Whether downloads left queued by an earlier run start by themselves. A short-lived agent
    // (doctl) runs only what it was asked to; the console and the service run everything.
    bool resumeQueuedJobs = true;
    // Where peers reach this agent ("ADDR:PORT"; "" = do not listen). Outgoing peer connections
    // bind to the same address, so agents on 127.0.0.x can share one machine.
    QString listen = QStringLiteral("0.0.0.0:7680");
    // A service must own its port; a short-lived doctl agent downloads without listening when
    // the port is taken.
    bool listenRequired = false;
    QStringList staticPeers{}; // "ADDR:PORT" of peers every download tries
    // Discovery service base URL from the command line (wins over the DiscoveryUrl setting).
    QString discoveryUrl{};
    // The service used when neither is set: the console's built-in one; "" = none.
    QString defaultDiscoveryUrl{};
};

} // namespace opendo::agent
