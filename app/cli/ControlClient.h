#pragma once

// doctl's side of the local control endpoint (see ControlProtocol.h): hands a command to the
// agent that runs on a data directory.

#include <QLocalSocket>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <optional>

namespace opendo::cli {

class ControlClient
{
public:
    // Connects to the agent serving `dataDir`; false when no agent answers within `timeoutMs`
    // (no socket file, or one left behind by an agent that is gone).
    bool connectTo(const QString& dataDir, int timeoutMs = 1000);

    // Sends the command (path arguments made absolute against the working directory) and copies
    // the agent's output to `out` and `err` as it arrives. Returns the command's exit code, or 1
    // when the agent goes away before the command finished. `showProgress`: the user's stderr
    // is a terminal.
    int run(const QStringList& args, QTextStream& out, QTextStream& err, bool showProgress = false);

    // Both in one: nullopt when no agent serves `dataDir`, so the caller runs the command itself.
    static std::optional<int> tryRun(const QString& dataDir, const QStringList& args,
                                     QTextStream& out, QTextStream& err, bool showProgress = false);

private:
    QLocalSocket m_socket;
    QString m_dataDir;
};

} // namespace opendo::cli
