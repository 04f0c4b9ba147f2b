#include "support/AgentProcess.h"

#include "support/FreePort.h"
#include "support/TestPaths.h"
#include "transfer/PeerEndpoint.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QThread>
#include <csignal>

namespace opendo::test {

AgentProcess::AgentProcess(AgentProcessOptions options) : m_options(std::move(options))
{
    if (m_options.port == 0)
        m_options.port = freePort(m_options.address);
}

AgentProcess::~AgentProcess()
{
    if (isRunning())
        stop(5000);
}

QString AgentProcess::endpoint() const
{
    return transfer::PeerEndpoint{m_options.address, m_options.port}.toString();
}

bool AgentProcess::start(QString* error, int timeoutMs)
{
    QStringList args{QStringLiteral("--data-dir"), m_options.dataDir, QStringLiteral("--listen"),
                     endpoint()};
    for (const QString& peer : std::as_const(m_options.peers))
        args << QStringLiteral("--peer") << peer;
    args << m_options.extraArgs;
    if (m_options.launcher.isEmpty()) {
        m_process.setProgram(executable(QStringLiteral("do-agent")));
    } else {
        m_process.setProgram(m_options.launcher.first());
        args =
            m_options.launcher.mid(1) + QStringList{executable(QStringLiteral("do-agent"))} + args;
    }
    // A file, not a pipe: nobody has to keep reading for the agent to keep logging.
    m_logPath = QDir(m_options.dataDir).filePath(QStringLiteral("agent.log"));
    QDir().mkpath(m_options.dataDir);
    m_process.setStandardErrorFile(m_logPath, QIODevice::Append);
    m_process.setArguments(args);
    m_process.start();
    stopWithParent(m_process);
    if (!m_process.waitForStarted(5000)) {
        *error = m_process.errorString();
        return false;
    }
    if (!waitUntilListening(m_options.address, m_options.port, timeoutMs, &m_process)) {
        *error = QStringLiteral("do-agent did not listen on %1: %2").arg(endpoint(), log());
        return false;
    }
    // The control endpoint comes up right after the peer listener.
    const QString socketPath = QDir(m_options.dataDir).filePath(QStringLiteral("control.sock"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QLocalSocket probe;
        probe.connectToServer(socketPath);
        if (probe.waitForConnected(200))
            return true;
        QThread::msleep(50);
    }
    *error =
        QStringLiteral("do-agent's control endpoint %1 did not answer: %2").arg(socketPath, log());
    return false;
}

int AgentProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(3000);
        return -1;
    }
    if (m_process.exitStatus() != QProcess::NormalExit) {
        // The agent's crash report (signal and backtrace) is in its log, which goes with the
        // test's temporary folder: show it here.
        qWarning().noquote() << "do-agent on" << m_options.dataDir << "crashed while stopping:\n"
                             << log().right(4000);
        return -1;
    }
    return m_process.exitCode();
}

bool AgentProcess::killWith(int signalNumber, int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return false;
    ::kill(pid_t(m_process.processId()), signalNumber);
    return m_process.waitForFinished(timeoutMs);
}

bool AgentProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString AgentProcess::log()
{
    QFile file(m_logPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace opendo::test
