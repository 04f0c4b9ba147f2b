#pragma once

// Runs a function on a thread pool and hands its result back as a QFuture, so callers can
// continue with `.then(context, …)` on their own thread (dropped if the context is gone).

#include <QFuture>
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

} // namespace opendo::transfer
