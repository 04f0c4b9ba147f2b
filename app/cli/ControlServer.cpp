#include "ControlServer.h"

#include "CliText.h"
#include "CommandRunner.h"
#include "ControlProtocol.h"
#include "common/NativeThreadExit.h"
#include "log/LogCategories.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QJsonObject>
#include <QLocalSocket>
#include <QStringDecoder>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace opendo::cli {

using opendo::log::lcControl;

namespace {

constexpr int kRequestTimeoutMs = 10000; // a client that connects and says nothing
constexpr int kProbeTimeoutMs = 1000;

bool peerIsOwnUser(const QLocalSocket& socket)
{
#ifdef SO_PEERCRED
    ucred credentials{};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(int(socket.socketDescriptor()), SOL_SOCKET, SO_PEERCRED, &credentials,
                     &length) != 0)
        return false;
    return credentials.uid == ::geteuid();
#else
    Q_UNUSED(socket);
    return true; // the socket file's mode (0600) already keeps other users out
#endif
}

// One doctl connection: reads its request, runs the command on a worker thread and relays the
// output. Lives until both the client is gone and the command has finished, because the worker
// posts its output here.
class ControlConnection : public QObject
{
public:
    ControlConnection(QLocalSocket* socket, agent::Agent& agent, const std::atomic_bool& stopping,
                      QObject* parent);

    // Called from the worker thread, through queued invocations.
    void send(const QString& key, const QJsonValue& value);
    // For the server's shutdown: waits for the command and hands its last output to the socket.
    void drainForShutdown();

private:
    void readRequest();
    void reject(const QString& why);
    void start(const ControlRequest& request);
    void finishCommand(int rc);
    void closeSocket();
    void deleteWhenDone();

    QLocalSocket* m_socket;
    agent::Agent& m_agent;
    const std::atomic_bool& m_stopping;
    QByteArray m_buffer;
    bool m_requestSeen = false;
    bool m_socketGone = false;
    std::atomic_bool m_clientGone{false}; // read by the command's thread
    QThread* m_worker = nullptr;
    std::atomic<qint64> m_workerNativeId{0};
    bool m_workerDone = false;
    QStringList m_args;
};

// The device under a command's QTextStream: every flush becomes one reply message, decoded on
// the worker so that a multi-byte character split between flushes still arrives whole.
class ForwardingDevice : public QIODevice
{
public:
    ForwardingDevice(ControlConnection* target, QString key)
        : m_target(target), m_key(std::move(key))
    {
        open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 length) override
    {
        const QString text = m_decoder.decode(QByteArrayView(data, length));
        if (!text.isEmpty()) {
            QMetaObject::invokeMethod(
                m_target, [target = m_target, key = m_key, text] { target->send(key, text); },
                Qt::QueuedConnection);
        }
        return length;
    }

private:
    ControlConnection* m_target;
    QString m_key;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
};

ControlConnection::ControlConnection(QLocalSocket* socket, agent::Agent& agent,
                                     const std::atomic_bool& stopping, QObject* parent)
    : QObject(parent), m_socket(socket), m_agent(agent), m_stopping(stopping)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kMaxRequestBytes);
    connect(m_socket, &QLocalSocket::readyRead, this, &ControlConnection::readRequest);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] {
        m_socketGone = true;
        m_clientGone = true;
        deleteWhenDone();
    });
    QTimer::singleShot(kRequestTimeoutMs, this, [this] {
        if (!m_requestSeen) {
            qCWarning(lcControl, "control: a client sent no request within %d s",
                      kRequestTimeoutMs / 1000);
            m_requestSeen = true;
            closeSocket();
        }
    });
    // Bytes or a hang-up may have arrived before the signals were connected.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_socket->state() != QLocalSocket::ConnectedState &&
                m_socket->bytesAvailable() == 0) {
                m_socketGone = true;
                deleteWhenDone();
            } else {
                readRequest();
            }
        },
        Qt::QueuedConnection);
}

void ControlConnection::readRequest()
{
    if (m_requestSeen) {
        m_socket->readAll(); // one request per connection; the rest is noise
        return;
    }
    m_buffer += m_socket->readAll();
    const qsizetype end = m_buffer.indexOf('\n');
    if ((end < 0 && m_buffer.size() >= kMaxRequestBytes) || end + 1 > kMaxRequestBytes) {
        reject(QCoreApplication::translate("doctl", "the request is longer than %1 bytes")
                   .arg(kMaxRequestBytes));
        return;
    }
    if (end < 0)
        return;
    m_requestSeen = true;
    QString why;
    const auto request = parseRequest(m_buffer.left(end), &why);
    m_buffer.clear();
    if (!request) {
        reject(why);
        return;
    }
    start(*request);
}

void ControlConnection::reject(const QString& why)
{
    m_requestSeen = true;
    m_buffer.clear();
    qCWarning(lcControl, "control: rejected a request: %s", qUtf8Printable(why));
    send(QStringLiteral("err"), errorLine(why));
    send(QStringLiteral("rc"), 2);
    closeSocket();
}

void ControlConnection::start(const ControlRequest& request)
{
    // The client should have done this already; a client that did not still gets the user's
    // paths and not the agent's working directory.
    m_args =
        request.cwd.isEmpty() ? request.args : absolutePathArguments(request.args, request.cwd);
    const CommandOptions options{request.progress, false, &m_stopping, &m_clientGone};
    m_worker = QThread::create([this, args = m_args, options] {
        m_workerNativeId = currentNativeThreadId();
        int rc = 0;
        {
            ForwardingDevice outDevice(this, QStringLiteral("out"));
            ForwardingDevice errDevice(this, QStringLiteral("err"));
            QTextStream out(&outDevice);
            QTextStream err(&errDevice);
            rc = runAgentCommand(m_agent, args, out, err, options);
        }
        // Queued after every output message of this thread, so the exit code comes last.
        QMetaObject::invokeMethod(
            this, [this, rc] { finishCommand(rc); }, Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("opendo-control"));
    m_worker->setParent(this);
    connect(m_worker, &QThread::finished, this, [this] {
        // "finished" is emitted a moment before the thread really ends.
        m_worker->wait();
        waitForNativeThreadExit(m_workerNativeId, std::chrono::seconds(2));
        m_workerDone = true;
        deleteWhenDone();
    });
    m_worker->start();
}

void ControlConnection::send(const QString& key, const QJsonValue& value)
{
    // A client that went away does not stop its command; its output goes nowhere.
    if (m_socket->state() != QLocalSocket::ConnectedState)
        return;
    m_socket->write(encodeMessage(QJsonObject{{key, value}}));
}

void ControlConnection::finishCommand(int rc)
{
    qCInfo(lcControl, "control: doctl %s (rc %d)%s", qUtf8Printable(m_args.join(u' ')), rc,
           m_socketGone ? " - the client had gone" : "");
    send(QStringLiteral("rc"), rc);
    closeSocket();
}

void ControlConnection::closeSocket()
{
    if (m_socket->state() == QLocalSocket::ConnectedState) {
        m_socket->flush();
        m_socket->disconnectFromServer(); // "disconnected" follows once the replies are out
    }
    if (m_socket->state() == QLocalSocket::UnconnectedState) {
        m_socketGone = true;
        deleteWhenDone();
    }
}

void ControlConnection::deleteWhenDone()
{
    if (m_socketGone && (!m_worker || m_workerDone))
        deleteLater();
}

void ControlConnection::drainForShutdown()
{
    if (m_worker) {
        m_worker->wait();
        waitForNativeThreadExit(m_workerNativeId, std::chrono::seconds(2));
    }
    // The command's last output and exit code are still queued for this object.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    if (m_socket->state() != QLocalSocket::UnconnectedState)
        m_socket->flush();
}

} // namespace

ControlServer::ControlServer(agent::Agent& agent, QString dataDir, QObject* parent)
    : QObject(parent), m_agent(agent), m_dataDir(std::move(dataDir)), m_server(this)
{
    connect(&m_server, &QLocalServer::newConnection, this, &ControlServer::acceptConnections);
}

ControlServer::~ControlServer()
{
    m_stopping = true;
    if (m_server.isListening())
        m_server.close(); // also removes the socket file
    const QObjectList connections = children();
    for (QObject* child : connections) {
        if (auto* connection = dynamic_cast<ControlConnection*>(child))
            connection->drainForShutdown();
    }
}

QString ControlServer::socketPath() const
{
    return controlSocketPath(m_dataDir);
}

bool ControlServer::listen(QString* error)
{
    const QString path = socketPath();
    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = QCoreApplication::translate("doctl", "cannot create the folder %1")
                     .arg(QFileInfo(path).absolutePath());
        return false;
    }
    const QFileInfo existing(path);
    if (existing.exists() || existing.isSymLink()) {
        // A socket file outlives an agent that crashed; one that answers belongs to a live agent.
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(kProbeTimeoutMs)) {
            probe.abort();
            *error =
                QCoreApplication::translate("doctl", "another agent already serves %1 (%2 answers)")
                    .arg(QDir::toNativeSeparators(m_dataDir), path);
            return false;
        }
        if (!QLocalServer::removeServer(path)) {
            *error = QCoreApplication::translate("doctl", "cannot remove the stale socket file %1")
                         .arg(path);
            return false;
        }
        qCInfo(lcControl, "control: removed the stale socket file %s", qUtf8Printable(path));
    }
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server.listen(path)) {
        *error = QCoreApplication::translate("doctl", "cannot listen on %1: %2")
                     .arg(path, m_server.errorString());
        return false;
    }
    // UserAccessOption asks for this already; the endpoint runs commands as the agent's user, so
    // do not depend on how a Qt version implements it.
    if (::chmod(QFile::encodeName(path).constData(), S_IRUSR | S_IWUSR) != 0) {
        *error = QCoreApplication::translate("doctl", "cannot restrict the permissions of %1: %2")
                     .arg(path, QString::fromLocal8Bit(::strerror(errno)));
        m_server.close();
        return false;
    }
    qCInfo(lcControl, "control: listening on %s", qUtf8Printable(path));
    return true;
}

void ControlServer::acceptConnections()
{
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        if (!peerIsOwnUser(*socket)) {
            qCWarning(lcControl, "control: refused a client of another user");
            socket->abort();
            socket->deleteLater();
            continue;
        }
        new ControlConnection(socket, m_agent, m_stopping, this);
    }
}

} // namespace opendo::cli
