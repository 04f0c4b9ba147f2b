#pragma once

// Calls `handler(result)` on the GUI thread once `future` has a result, unless `context` is gone
// by then (the watcher is its child, so it dies with it). Never blocks.

#include <QFutureWatcher>
#include <QObject>
#include <utility>

namespace opendo::ui {

template <typename T, typename Handler>
void whenReady(QObject* context, QFuture<T> future, Handler handler)
{
    auto* watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, handler = std::move(handler)]() mutable {
                         watcher->deleteLater();
                         if (watcher->isCanceled() || watcher->future().resultCount() == 0)
                             handler(T{});
                         else
                             handler(watcher->result());
                     });
    watcher->setFuture(std::move(future));
}

} // namespace opendo::ui
