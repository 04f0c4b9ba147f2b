#include "support/TinyProxyServer.h"

#include "support/FreePort.h"

#include <QFile>
#include <QFileInfo>

namespace opendo::test {

TinyProxyServer::TinyProxyServer() = default;

TinyProxyServer::~TinyProxyServer()
{
    stop();
}

QString TinyProxyServer::binary()
{
    return QStringLiteral("/usr/bin/tinyproxy");
}

bool TinyProxyServer::isAvailable()
{
    return QFileInfo(binary()).isExecutable();
}

bool TinyProxyServer::start(QString* error)
{
    const auto setError = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (!isAvailable())
        return setError(QStringLiteral("%1 is missing; install tinyproxy").arg(binary()));
    stop();
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid())
        return setError(m_dir->errorString());

    const QHostAddress loopback(QHostAddress::LocalHost);
    for (int attempt = 0; attempt < 3; ++attempt) { // the free port may be taken meanwhile
        m_port = freePort(loopback);
        // No PidFile (tinyproxy then writes none) and no User: it keeps running as whoever
        // started it, which only earns a warning in the log.
        QFile conf(m_dir->path() + QStringLiteral("/tinyproxy.conf"));
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return setError(conf.errorString());
        conf.write(QStringLiteral("Port %1\n"
                                  "Listen 127.0.0.1\n"
                                  "Allow 127.0.0.1\n"
                                  "LogFile \"%2/tinyproxy.log\"\n"
                                  "LogLevel Info\n"
                                  "MaxClients 64\n"
                                  "Timeout 60\n")
                       .arg(m_port)
                       .arg(m_dir->path())
                       .toUtf8());
        conf.close();

        m_process.setProgram(binary());
        stopWithParent(m_process);
        m_process.setArguments({QStringLiteral("-d"), QStringLiteral("-c"), conf.fileName()});
        m_process.setStandardOutputFile(m_dir->path() + QStringLiteral("/stdout.log"));
        m_process.setStandardErrorFile(m_dir->path() + QStringLiteral("/stderr.log"));
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return setError(m_process.errorString());
        if (waitUntilListening(loopback, m_port, 10000, &m_process))
            return true;
        stop();
    }
    return setError(QStringLiteral("tinyproxy did not start listening: %1").arg(log()));
}

void TinyProxyServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString TinyProxyServer::proxyUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

QString TinyProxyServer::log() const
{
    if (!m_dir)
        return {};
    QString text;
    for (const char* name : {"/stderr.log", "/tinyproxy.log"}) {
        QFile file(m_dir->path() + QLatin1String(name));
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(file.readAll());
    }
    return text;
}

QStringList TinyProxyServer::requestLines() const
{
    QStringList lines;
    for (const QString& line : log().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (line.contains(QLatin1String("Request (file descriptor")))
            lines << line;
    }
    return lines;
}

} // namespace opendo::test
