#pragma once

// The HTTP origin of the peer-savings demo: one file held in memory, served with byte ranges
// (206 + Content-Range) on a loopback address, on a thread of its own. It counts every body byte
// it sends, which is what the demo's "internet link" carried.

#include "discovery/server/ServerThread.h"

#include <QByteArray>
#include <QHostAddress>
#include <QMutex>
#include <QUrl>
#include <atomic>
#include <memory>

namespace opendo::demo {

class DemoOrigin
{
public:
    // Destroying it stops serving and joins its thread.
    // Listens on address (any free port) and answers GET /fileName; until setContent() the file
    // is empty. Returns the file's URL, or an empty URL with *error set.
    QUrl start(const QHostAddress& address, const QString& fileName, QString* error);
    void setContent(QByteArray content);
    qint64 bytesServed() const { return m_state->served.load(); }

private:
    struct State
    {
        QMutex mutex;
        QByteArray content; // implicitly shared: a response copies only its slice
        std::atomic<qint64> served{0};
    };
    discovery::ServerThread m_thread{QStringLiteral("demo-origin")};
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace opendo::demo
