#pragma once

// Runs a function on a thread pool and hands its result back as a QFuture, so callers can
// continue with `.then(context, …)` on their own thread (dropped if the context is gone).

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <memory>

namespace opendo::transfer {

template <typename T, typename Work> QFuture<T> runInPool(QThreadPool& pool, Work work)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    pool.start([promise, work = std::move(work)]() mutable {
        promise->addResult(work());
        promise->finish();
    });
    return future;
}

// Runs `continuation(result)` on `context`'s thread once `future` has a result, always from the
// event loop. QFuture::then(context, …) calls it synchronously when the work has already
// finished, which re-enters the caller in the middle of its own code (a signal emitted from
// inside commit() could delete the very object the caller is still using).
template <typename T, typename Continuation>
void thenQueued(QFuture<T> future, QObject* context, Continuation continuation)
{
    future.then(context, [context, continuation = std::move(continuation)](const T& result) {
        QMetaObject::invokeMethod(
            context, [continuation, result]() mutable { continuation(result); },
            Qt::QueuedConnection);
    });
}

} // namespace opendo::transfer
