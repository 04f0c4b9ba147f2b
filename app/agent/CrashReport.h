#pragma once

// A service that dies on SIGSEGV or abort() leaves only "stopped" behind. This writes the
// signal and a raw backtrace to stderr (the agent's log) first, then lets the signal take its
// default course, so the exit status and any core dump stay what they would have been.

namespace opendo::agentapp {

void installCrashReport();

} // namespace opendo::agentapp
