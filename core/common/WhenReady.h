#pragma once

// Continuations of a QFuture on the thread of a QObject, safe against that object's
// destruction.
//
// QFuture::then(context, …) in Qt 6.4 checks `context` on the thread that fulfils the future and
// then posts to it; if the context is destroyed between the check and the post (a panel closing
// while the agent answers), the event lands on a dead object and corrupts the heap. A
// QFutureWatcher that is the context's child is disconnected from the future under the future's
// own lock when it dies, so nothing reaches it afterwards. Never blocks; the handler always runs
// from the event loop, even for a future that is already finished.

#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace opendo {

namespace detail {
template <typename T, typename Handler, typename Cancelled>
void watchFuture(QObject* context, QFuture<T> future, Handler handler, Cancelled cancelled)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(
        watcher, &QFutureWatcherBase::finished, context,
        [watcher, handler = std::move(handler), cancelled = std::move(cancelled)]() mutable {
            watcher->deleteLater();
            if (!watcher->isCanceled() && watcher->future().resultCount() > 0)
                handler(watcher->result());
            else
                cancelled();
        });
    watcher->setFuture(std::move(future));
}
} // namespace detail

// `handler(result)` once the future has one; `cancelled()` instead if its producer went away
// without an answer (an agent shutting down), like QFuture::then(…).onCanceled(…).
template <typename T, typename Handler, typename Cancelled = void (*)()>
void onResult(
    QObject* context, QFuture<T> future, Handler handler, Cancelled cancelled = [] {})
{
    detail::watchFuture(context, std::move(future), std::move(handler), std::move(cancelled));
}

// Like onResult, but a cancelled future calls `handler(T{})`, for callers that must always
// leave a waiting state (a spinner, a disabled button).
template <typename T, typename Handler>
void whenReady(QObject* context, QFuture<T> future, Handler handler)
{
    auto cancelled = [handler]() mutable { handler(T{}); };
    detail::watchFuture(context, std::move(future), std::move(handler), std::move(cancelled));
}

} // namespace opendo
