#pragma once

// Turns any number of refresh requests into at most one fetch per interval (250 ms: ≤ 4 Hz)
// with at most one fetch in flight: requests made while a fetch runs are folded into one
// follow-up fetch when it finishes, so a burst of timers, signals and user actions never
// queues a pile of identical work on the agent's thread.

#include <QTimer>
#include <functional>

namespace opendo::ui {

class RefreshCoalescer
{
public:
    // `fetch` starts the work and must call finished() once it completes (or is cancelled).
    RefreshCoalescer(QObject* owner, std::function<void()> fetch, int intervalMs = 250)
        : m_timer(new QTimer(owner)), m_fetch(std::move(fetch))
    {
        m_timer->setSingleShot(true);
        m_timer->setInterval(intervalMs);
        QObject::connect(m_timer, &QTimer::timeout, owner, [this] { fire(); });
    }
    ~RefreshCoalescer() { delete m_timer; }
    RefreshCoalescer(const RefreshCoalescer&) = delete;
    RefreshCoalescer& operator=(const RefreshCoalescer&) = delete;

    void request()
    {
        m_wanted = true;
        if (!m_inFlight && !m_timer->isActive())
            m_timer->start();
    }
    void finished()
    {
        m_inFlight = false;
        if (m_wanted && !m_timer->isActive())
            m_timer->start();
    }
    bool inFlight() const { return m_inFlight; }
    int fetches() const { return m_fetches; } // how many fetches ran (tests check coalescing)

private:
    void fire()
    {
        if (m_inFlight || !m_wanted)
            return;
        m_wanted = false;
        m_inFlight = true;
        ++m_fetches;
        m_fetch();
    }

    QTimer* m_timer; // child of the owner, deleted with the coalescer that uses it
    std::function<void()> m_fetch;
    bool m_wanted = false;
    bool m_inFlight = false;
    int m_fetches = 0;
};

} // namespace opendo::ui
