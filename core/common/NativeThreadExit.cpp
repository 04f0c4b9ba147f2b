#include "common/NativeThreadExit.h"

#include <QDeadlineTimer>
#include <QThread>

#ifdef Q_OS_LINUX
#include <cstdio>
#include <unistd.h>
#endif

namespace opendo {

qint64 currentNativeThreadId()
{
#ifdef Q_OS_LINUX
    return ::gettid();
#else
    return 0;
#endif
}

bool waitForNativeThreadExit(qint64 nativeId, std::chrono::milliseconds timeout)
{
#ifdef Q_OS_LINUX
    if (nativeId <= 0)
        return true;
    // The kernel removes a thread's /proc entry only after the thread has left user space for
    // good, i.e. after its thread-specific destructors and its stack release.
    char path[64];
    std::snprintf(path, sizeof path, "/proc/self/task/%lld", static_cast<long long>(nativeId));
    const QDeadlineTimer deadline(timeout);
    while (::access(path, F_OK) == 0) {
        if (deadline.hasExpired())
            return false;
        QThread::usleep(200);
    }
    return true;
#else
    Q_UNUSED(nativeId);
    Q_UNUSED(timeout);
    return true;
#endif
}

} // namespace opendo
