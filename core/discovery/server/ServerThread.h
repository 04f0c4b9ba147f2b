#pragma once

// A thread of its own for one server object inside another process (the console's discovery
// service, the demo's origin): announces and downloads never wait for the GUI and the GUI never
// waits for them. The object is destroyed on that thread, where its sockets and timers live,
// before the thread is joined.

#include "common/NativeThreadExit.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>

namespace opendo::discovery {

class ServerThread
{
public:
    explicit ServerThread(const QString& name)
    {
        m_thread.setObjectName(name);
        // "started" is emitted on the new thread itself.
        QObject::connect(
            &m_thread, &QThread::started, &m_thread,
            [this] { m_nativeThreadId = currentNativeThreadId(); }, Qt::DirectConnection);
    }
    ~ServerThread()
    {
        if (!m_thread.isRunning())
            return;
        if (m_object)
            QMetaObject::invokeMethod(
                m_object, [object = m_object] { delete object; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
        waitForNativeThreadExit(m_nativeThreadId, std::chrono::seconds(2));
    }
    ServerThread(const ServerThread&) = delete;
    ServerThread& operator=(const ServerThread&) = delete;

    QThread* start()
    {
        if (!m_thread.isRunning())
            m_thread.start();
        return &m_thread;
    }
    // The object lives on this thread from now on and is deleted with it.
    void adopt(QObject* object) { m_object = object; }

private:
    QThread m_thread;
    QObject* m_object = nullptr;
    std::atomic<qint64> m_nativeThreadId = 0;
};

} // namespace opendo::discovery
