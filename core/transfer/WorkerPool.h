#pragma once

// Disk and hash work off the agent's network thread, with each result handed back to the
// thread that owns the pool.
//
// Results travel through the pool object itself, never straight to the object that asked: that
// object (a download, an uploader) may be destroyed on its own thread while its task still runs,
// and a worker posting an event to an object that another thread is destroying at that moment
// corrupts the heap (QFuture::then(context) in Qt 6.4 does exactly that). The pool outlives all
// its tasks, and whether the asker still exists is checked on the asker's own thread, where it
// cannot change during the check.

#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <utility>

namespace opendo::transfer {

class WorkerPool : public QObject
{
public:
    explicit WorkerPool(int maxThreads, QObject* parent = nullptr);
    ~WorkerPool() override; // waits for running tasks; results not yet delivered are dropped

    // Runs `work()` on a worker thread, then `deliver(result)` on this object's thread from its
    // event loop, unless `context` (an object of this thread) is gone by then.
    template <typename Work, typename Deliver>
    void run(QObject* context, Work work, Deliver deliver)
    {
        Q_ASSERT(context && context->thread() == thread());
        m_threads.start([this, guard = QPointer<QObject>(context), work = std::move(work),
                         deliver = std::move(deliver)]() mutable {
            auto result = work();
            QMetaObject::invokeMethod(
                this,
                [guard, deliver = std::move(deliver), result = std::move(result)]() mutable {
                    if (guard)
                        deliver(result);
                },
                Qt::QueuedConnection);
        });
    }

    // Work whose caller waits for it by other means (a promise), with nothing to deliver here.
    template <typename Work> void start(Work work) { m_threads.start(std::move(work)); }

    void waitForDone() { m_threads.waitForDone(); }

private:
    QThreadPool m_threads;
};

} // namespace opendo::transfer
