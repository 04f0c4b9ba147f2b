#include "support/DiscoveryProcess.h"

#include "support/FreePort.h"
#include "support/TestPaths.h"
#include "transfer/PeerEndpoint.h"

#include <csignal>

namespace opendo::test {

DiscoveryProcess::DiscoveryProcess(DiscoveryProcessOptions options) : m_options(std::move(options))
{
    if (m_options.port == 0)
        m_options.port = freePort(m_options.address);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

DiscoveryProcess::~DiscoveryProcess()
{
    if (isRunning())
        stop(5000);
}

QUrl DiscoveryProcess::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_options.port);
    return url;
}

bool DiscoveryProcess::start(QString* error, int timeoutMs)
{
    QStringList args{QStringLiteral("--listen"),
                     m_options.listenArg.isEmpty()
                         ? transfer::PeerEndpoint{m_options.address, m_options.port}.toString()
                         : m_options.listenArg,
                     QStringLiteral("--interval"), QString::number(m_options.intervalSeconds)};
    if (!m_options.databasePath.isEmpty())
        args << QStringLiteral("--db") << m_options.databasePath;
    for (const QString& rule : std::as_const(m_options.natMap))
        args << QStringLiteral("--nat-map") << rule;
    args << m_options.extraArgs;
    m_process.start(executable(QStringLiteral("do-discovery")), args);
    stopWithParent(m_process);
    if (!m_process.waitForStarted(5000)) {
        *error = m_process.errorString();
        return false;
    }
    if (!waitUntilListening(m_options.address, m_options.port, timeoutMs, &m_process)) {
        *error =
            QStringLiteral("do-discovery did not listen on %1: %2").arg(url().toString(), log());
        return false;
    }
    return true;
}

int DiscoveryProcess::stop(int timeoutMs)
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitCode();
    ::kill(pid_t(m_process.processId()), SIGTERM);
    const bool finished = m_process.waitForFinished(timeoutMs);
    m_log += QString::fromUtf8(m_process.readAll());
    if (!finished) {
        m_process.kill();
        m_process.waitForFinished(3000);
        return -1;
    }
    return m_process.exitCode();
}

bool DiscoveryProcess::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QString DiscoveryProcess::log()
{
    m_log += QString::fromUtf8(m_process.readAll());
    return m_log;
}

} // namespace opendo::test
