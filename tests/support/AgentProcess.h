#pragma once

// A real do-agent process for integration tests: its own data directory, listening on a
// loopback address of the test's choosing, stopped (SIGTERM) when the test is done or dies.

#include <QHostAddress>
#include <QProcess>
#include <QStringList>

namespace opendo::test {

struct AgentProcessOptions
{
    QString dataDir;
    QHostAddress address = QHostAddress(QStringLiteral("127.0.0.2"));
    quint16 port = 0;    // 0: a free port is chosen
    QStringList peers{}; // "ADDR:PORT"
    QStringList extraArgs{};
    // Runs the agent through this command (e.g. nsenter into a network namespace a test made).
    QStringList launcher{};
};

class AgentProcess
{
public:
    explicit AgentProcess(AgentProcessOptions options);
    ~AgentProcess();
    AgentProcess(const AgentProcess&) = delete;
    AgentProcess& operator=(const AgentProcess&) = delete;

    // Starts the agent and waits until both its peer port and its control endpoint answer.
    bool start(QString* error, int timeoutMs = 15000);
    // SIGTERM and wait for a clean exit; returns the exit code (-1 if it had to be killed).
    int stop(int timeoutMs = 15000);
    bool isRunning() const;
    // For tests of how the agent dies: sends the signal and waits for the process to end.
    bool killWith(int signalNumber, int timeoutMs = 15000);
    bool crashed() const { return m_process.exitStatus() == QProcess::CrashExit; }
    QString endpoint() const; // "127.0.0.2:PORT"
    quint16 port() const { return m_options.port; }
    const QString& dataDir() const { return m_options.dataDir; }
    QString log(); // stderr so far (<dataDir>/agent.log)

private:
    AgentProcessOptions m_options;
    QProcess m_process;
    QString m_logPath;
};

} // namespace opendo::test
