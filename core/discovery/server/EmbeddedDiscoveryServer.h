#pragma once

// The discovery service inside another process (the console), on a thread of its own so that
// announces never wait for the GUI and the GUI never waits for them.

#include "discovery/server/DiscoveryServer.h"
#include "discovery/server/ServerThread.h"

#include <QFuture>

namespace opendo::discovery {

class EmbeddedDiscoveryServer
{
public:
    // Destroying it stops the server (saving its state) and joins the thread.
    // Resolves to the base URL ("http://127.0.0.1:7681") or, on failure, to "" with the reason
    // in error(). When the preferred port is taken, any free port on the same address is used.
    QFuture<QString> start(DiscoveryServerOptions options);
    QString error() const { return m_error; }

private:
    ServerThread m_thread{QStringLiteral("discovery")};
    QString m_error;
};

} // namespace opendo::discovery
