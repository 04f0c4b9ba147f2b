#include "support/NginxServer.h"

#include "support/FreePort.h"
#include "support/TestFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace opendo::test {

namespace {

QString listenAddress(const QHostAddress& address, quint16 port)
{
    const QString host = address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + address.toString() + QLatin1Char(']')
                             : address.toString();
    return host + QLatin1Char(':') + QString::number(port);
}

// Every path nginx would otherwise take from its compiled-in defaults (/var/lib/nginx,
// /run/nginx.pid, /var/log/nginx) points into the prefix, so the test never touches /var and
// runs without root. "master_process off" keeps nginx to one process that never switches user
// (as root, workers would become "nobody" and could not read a private temporary directory).
QString config(const QString& prefix, const NginxOptions& options, quint16 port)
{
    QString conf = QStringLiteral(R"(master_process off;
daemon off;
worker_processes 1;
pid "%1/nginx.pid";
error_log "%1/error.log" info;
events { worker_connections 256; }
http {
    default_type application/octet-stream;
    log_format opendo '$status $body_bytes_sent "$http_range" "$http_via" "$request"';
    access_log "%1/access.log" opendo;
    client_body_temp_path "%1/client_body";
    proxy_temp_path "%1/proxy";
    fastcgi_temp_path "%1/fastcgi";
    uwsgi_temp_path "%1/uwsgi";
    scgi_temp_path "%1/scgi";
    server {
        listen %2;
        root "%3";
        %4
        %5
    }
}
)");
    return conf.arg(prefix, listenAddress(options.address, port),
                    QFileInfo(options.documentRoot).absoluteFilePath(),
                    options.rangesEnabled ? QString() : QStringLiteral("max_ranges 0;"),
                    options.extraServerConfig);
}

} // namespace

NginxServer::NginxServer(NginxOptions options) : m_options(std::move(options)) {}

NginxServer::~NginxServer()
{
    stop();
}

QString NginxServer::binary()
{
    return QStringLiteral("/usr/sbin/nginx");
}

bool NginxServer::isAvailable()
{
    return QFileInfo(binary()).isExecutable();
}

bool NginxServer::start(QString* error)
{
    const auto setError = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (!isAvailable())
        return setError(QStringLiteral("%1 is missing; install nginx-light").arg(binary()));
    stop();
    m_prefix = std::make_unique<QTemporaryDir>();
    if (!m_prefix->isValid())
        return setError(m_prefix->errorString());
    const QString prefix = m_prefix->path();

    // The free port can be taken by someone else before nginx binds it: try a few.
    for (int attempt = 0; attempt < 3; ++attempt) {
        m_port = freePort(m_options.address);
        QFile conf(prefix + QStringLiteral("/nginx.conf"));
        if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return setError(conf.errorString());
        conf.write(config(prefix, m_options, m_port).toUtf8());
        conf.close();

        m_process.setProgram(binary());
        stopWithParent(m_process);
        m_process.setArguments({QStringLiteral("-p"), prefix + QLatin1Char('/'),
                                QStringLiteral("-c"), conf.fileName(), QStringLiteral("-e"),
                                prefix + QStringLiteral("/error.log")});
        m_process.setStandardOutputFile(prefix + QStringLiteral("/stdout.log"));
        m_process.setStandardErrorFile(prefix + QStringLiteral("/stderr.log"));
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return setError(m_process.errorString());
        if (waitUntilListening(m_options.address, m_port, 10000, &m_process))
            return true;
        stop();
    }
    return setError(QStringLiteral("nginx did not start listening: %1").arg(errorLog()));
}

void NginxServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool NginxServer::isRunning() const
{
    return m_process.state() != QProcess::NotRunning;
}

QUrl NginxServer::url(const QString& path) const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.address.toString());
    url.setPort(m_port);
    url.setPath(path);
    return url;
}

QStringList NginxServer::accessLog() const
{
    if (!m_prefix)
        return {};
    QFile file(m_prefix->path() + QStringLiteral("/access.log"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

qint64 NginxServer::bytesServed() const
{
    static const QRegularExpression line(QStringLiteral(R"(^\d{3} (\d+) )"));
    qint64 total = 0;
    for (const QString& entry : accessLog()) {
        const QRegularExpressionMatch m = line.match(entry);
        if (m.hasMatch())
            total += m.captured(1).toLongLong();
    }
    return total;
}

QString NginxServer::errorLog() const
{
    if (!m_prefix)
        return {};
    QString text;
    for (const char* name : {"/stderr.log", "/error.log"}) {
        QFile file(m_prefix->path() + QLatin1String(name));
        if (file.open(QIODevice::ReadOnly))
            text += QString::fromUtf8(file.readAll());
    }
    return text;
}

std::unique_ptr<NginxServer> startContentOrigin(const QString& root, qint64 size, quint32 seed,
                                                const QString& extraServerConfig, QString* error)
{
    if (!QDir().mkpath(root) ||
        !writeRandomFile(root + QStringLiteral("/content.bin"), size, seed)) {
        *error = QStringLiteral("cannot write %1/content.bin").arg(root);
        return nullptr;
    }
    auto nginx = std::make_unique<NginxServer>(
        NginxOptions{root, QHostAddress(QHostAddress::LocalHost), true, extraServerConfig});
    if (!nginx->start(error))
        return nullptr;
    return nginx;
}

} // namespace opendo::test
