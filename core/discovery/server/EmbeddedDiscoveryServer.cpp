#include "discovery/server/EmbeddedDiscoveryServer.h"

#include <QPromise>
#include <memory>

namespace opendo::discovery {

QFuture<QString> EmbeddedDiscoveryServer::start(DiscoveryServerOptions options)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    QThread* thread = m_thread.start();
    auto* holder = new QObject;
    holder->moveToThread(thread);
    QMetaObject::invokeMethod(
        holder,
        [this, holder, options, promise]() mutable {
            delete holder;
            auto* server = new DiscoveryServer(options);
            QString error;
            bool ok = server->start(&error);
            if (!ok && options.port != 0) {
                // Another console (or a standalone service) has the port: any port will do
                // for agents of this process.
                delete server;
                options.port = 0;
                server = new DiscoveryServer(options);
                ok = server->start(&error);
            }
            if (!ok) {
                delete server;
                m_error = error;
                promise->addResult(QString());
            } else {
                m_thread.adopt(server);
                promise->addResult(server->baseUrl());
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace opendo::discovery
