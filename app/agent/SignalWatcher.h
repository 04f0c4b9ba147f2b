#pragma once

// Turns SIGTERM/SIGINT into a Qt signal on the main thread (self-pipe), so the service shuts
// down through the event loop: jobs persist, workers finish their writes, the lock is released.

#include <QObject>

class QSocketNotifier;

namespace opendo::agentapp {

class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void stopRequested(int signalNumber);

private:
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace opendo::agentapp
