#pragma once

// The discovery service inside another process (the console), on a thread of its own so that
// announces never wait for the GUI and the GUI never waits for them.

#include "discovery/server/DiscoveryServer.h"

#include <QFuture>
#include <QThread>

namespace opendo::discovery {

class EmbeddedDiscoveryServer
{
public:
    EmbeddedDiscoveryServer();
    ~EmbeddedDiscoveryServer(); // stops the server (saving its state) and joins the thread

    // Resolves to the base URL ("http://127.0.0.1:7681") or, on failure, to "" with the reason
    // in error(). When the preferred port is taken, any free port on the same address is used.
    QFuture<QString> start(DiscoveryServerOptions options);
    QString error() const { return m_error; }

private:
    QThread m_thread;
    DiscoveryServer* m_server = nullptr; // lives on m_thread
    QString m_error;
};

} // namespace opendo::discovery
