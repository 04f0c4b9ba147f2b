#pragma once

// The doctl commands that need an agent, run against whichever agent the caller has: one
// embedded in doctl, or the agent that serves the control endpoint to doctl.

#include <QStringList>
#include <QTextStream>
#include <atomic>

namespace opendo::agent {
class Agent;
}

namespace opendo::cli {

struct CommandOptions
{
    bool showProgress = false; // the user's stderr is a terminal: draw a download's progress
    // The agent was started for this command, so its first jobs snapshot may still be on its way.
    bool freshAgent = false;
    // Set when the host shuts down: commands that wait for a download stop waiting.
    const std::atomic_bool* stop = nullptr;
    // Set when the doctl that asked for the command went away (ends `log --follow`).
    const std::atomic_bool* clientGone = nullptr;

    bool stopping() const { return stop && stop->load(); }
    bool abandoned() const { return stopping() || (clientGone && clientGone->load()); }
};

// True for the commands that need an agent (config, download, status, cache, …).
bool isAgentCommand(const QString& command);

// `args` is the command and its arguments without doctl's global options. Returns the exit
// code: 0 success, 1 failed or rejected, 2 usage error. Blocks until the command is done, so it
// must not run on the agent's thread nor on a thread the command's output depends on.
int runAgentCommand(agent::Agent& agent, const QStringList& args, QTextStream& out,
                    QTextStream& err, const CommandOptions& options = {});

} // namespace opendo::cli
