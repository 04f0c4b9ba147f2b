#include "CrashReport.h"

#include <csignal>
#include <cstring>
#include <execinfo.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace opendo::agentapp {

namespace {

constexpr int kFatalSignals[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};
constexpr int kMaxFrames = 64;

void writeText(const char* text)
{
    // Only async-signal-safe calls from here on; a short write is not worth a retry loop.
    [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, text, std::strlen(text));
}

void onFatalSignal(int number)
{
    char line[128] = "do-agent: fatal signal ";
    const char* name = sigabbrev_np(number);
    std::strncat(line, name ? name : "?", 16);
    // Which of the agent's threads (opendo-agent, opendo-control, Thread (pooled), …) died.
    char thread[17] = {};
    if (::prctl(PR_GET_NAME, thread) == 0) {
        std::strcat(line, " in thread ");
        std::strcat(line, thread); // PR_GET_NAME writes at most 16 bytes, terminator included
    }
    std::strcat(line, ", backtrace follows\n");
    writeText(line);
    void* frames[kMaxFrames];
    const int count = ::backtrace(frames, kMaxFrames);
    ::backtrace_symbols_fd(frames, count, STDERR_FILENO);
    // SA_RESETHAND restored the default action: re-raising ends the process as the signal would.
    ::raise(number);
}

} // namespace

void installCrashReport()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return; // the sanitizer's own report says more, and this handler would replace it
#endif
    // backtrace() loads libgcc on first use, which allocates: do that now, not inside a handler.
    void* warmUp[1];
    ::backtrace(warmUp, 1);
    struct sigaction action
    {
    };
    action.sa_handler = onFatalSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_NODEFER;
    for (const int number : kFatalSignals)
        ::sigaction(number, &action, nullptr);
}

} // namespace opendo::agentapp
