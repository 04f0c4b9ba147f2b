#pragma once

// The HTTP origin of the peer-savings demo: one file held in memory, served with byte ranges
// (206 + Content-Range) on a loopback address, on a thread of its own. It counts every body byte
// it sends, which is what the demo's "internet link" carried.

#include <QByteArray>
#include <QHostAddress>
#include <QMutex>
#include <QThread>
#include <QUrl>
#include <atomic>
#include <memory>

namespace opendo::discovery {
class HttpServer;
}

namespace opendo::demo {

class DemoOrigin
{
public:
    DemoOrigin();
    ~DemoOrigin(); // stops serving and joins the thread
    DemoOrigin(const DemoOrigin&) = delete;
    DemoOrigin& operator=(const DemoOrigin&) = delete;

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
    QThread m_thread;
    discovery::HttpServer* m_server = nullptr; // lives on m_thread
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace opendo::demo
