#pragma once

// QThread::wait() returns once a thread's run() is over, but the OS thread still has work left:
// it runs the destructors of its thread-specific data (Qt's thread data, GLib's per-thread main
// loop state) and then frees its stack. A process that returns from main() in that window tears
// the heap and the libraries down under those destructors — seen as "free(): invalid pointer" in
// a thread that had already been waited for. Owners of long-lived threads note the thread's
// native id while it runs and, after wait(), wait until the OS has really retired it.

#include <QtGlobal>
#include <chrono>

namespace opendo {

// The kernel's id of the calling thread (0 where the platform has none we can watch).
qint64 currentNativeThreadId();

// Blocks until the thread with that native id no longer exists in this process, or until the
// timeout; returns whether it is gone. An id of 0 counts as gone.
bool waitForNativeThreadExit(qint64 nativeId, std::chrono::milliseconds timeout);

} // namespace opendo
