#pragma once

// Serves the local control endpoint (see ControlProtocol.h) for an agent host such as do-agent
// or the console: doctl commands for the host's data directory run on the host's agent.

#include "agent/Agent.h"

#include <QLocalServer>
#include <QObject>
#include <QString>
#include <atomic>

namespace opendo::cli {

class ControlServer : public QObject
{
    Q_OBJECT
public:
    // The agent must outlive the server: destroy the server first.
    ControlServer(agent::Agent& agent, QString dataDir, QObject* parent = nullptr);
    // Stops listening, tells running commands to stop waiting and waits for them.
    ~ControlServer() override;

    // Listens on <dataDir>/control.sock, replacing a socket file nobody answers on. Fails when
    // another agent already serves the directory or the socket cannot be created.
    bool listen(QString* error);
    bool isListening() const { return m_server.isListening(); }
    QString socketPath() const;

private:
    void acceptConnections();

    agent::Agent& m_agent;
    QString m_dataDir;
    QLocalServer m_server;
    std::atomic_bool m_stopping{false};
};

} // namespace opendo::cli
