#include "ControlClient.h"

#include "CliText.h"
#include "ControlProtocol.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace opendo::cli {

namespace {

constexpr int kReadPollMs = 1000;

} // namespace

bool ControlClient::connectTo(const QString& dataDir, int timeoutMs)
{
    m_dataDir = dataDir;
    const QString path = controlSocketPath(dataDir);
    if (!QFileInfo::exists(path))
        return false;
    m_socket.connectToServer(path);
    if (m_socket.waitForConnected(timeoutMs))
        return true;
    m_socket.abort();
    return false;
}

int ControlClient::run(const QStringList& args, QTextStream& out, QTextStream& err,
                       bool showProgress)
{
    const QString cwd = QDir::currentPath();
    const QByteArray request = encodeRequest({absolutePathArguments(args, cwd), cwd, showProgress});
    m_socket.write(request);
    m_socket.flush();

    QByteArray buffer;
    for (;;) {
        qsizetype end;
        while ((end = buffer.indexOf('\n')) >= 0) {
            const QJsonObject message = QJsonDocument::fromJson(buffer.left(end)).object();
            buffer.remove(0, end + 1);
            if (const QJsonValue text = message.value(QStringLiteral("out")); text.isString()) {
                out << text.toString();
                out.flush();
            }
            if (const QJsonValue text = message.value(QStringLiteral("err")); text.isString()) {
                err << text.toString();
                err.flush();
            }
            if (const QJsonValue rc = message.value(QStringLiteral("rc")); rc.isDouble())
                return rc.toInt();
        }
        if (m_socket.bytesAvailable() > 0) {
            buffer += m_socket.readAll();
            continue;
        }
        if (m_socket.state() != QLocalSocket::ConnectedState)
            break;
        // A download may take hours and say nothing meanwhile; only a hang-up ends the wait, and
        // a hang-up shows as the state above. The result and error() are no verdict: a wait that
        // ran out between spurious wake-ups returns false and leaves an older error in place.
        m_socket.waitForReadyRead(kReadPollMs);
    }
    err << errorLine(
        QCoreApplication::translate("doctl", "the agent on %1 stopped before the command finished")
            .arg(QDir::toNativeSeparators(m_dataDir)));
    err.flush();
    return 1;
}

std::optional<int> ControlClient::tryRun(const QString& dataDir, const QStringList& args,
                                         QTextStream& out, QTextStream& err, bool showProgress)
{
    ControlClient client;
    if (!client.connectTo(dataDir))
        return std::nullopt;
    return client.run(args, out, err, showProgress);
}

} // namespace opendo::cli
