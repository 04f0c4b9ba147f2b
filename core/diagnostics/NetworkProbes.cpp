#include "diagnostics/NetworkProbes.h"

#include "common/WildcardAddress.h"
#include "diagnostics/CheckSupport.h" // Diag: the diagnostics translation context

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>
#include <QtEndian>
#include <cstring>
#include <memory>

#ifdef Q_OS_LINUX
#include <dirent.h>
#include <unistd.h>
#endif

namespace opendo::diagnostics {

namespace {

constexpr qint64 kMaxBodyBytes = 64 * 1024;

QString noAnswerWithin(int timeoutMs)
{
    return Diag::tr("no answer within %1 ms").arg(timeoutMs);
}

// Calls `done(result)` from the event loop, never from inside the probe function: queued to
// `context` (dropped when it is destroyed first), or to this thread when there is no context.
template <typename Result>
void deliver(QObject* context, std::function<void(Result)> done, Result result)
{
    if (!done)
        return;
    auto call = [done = std::move(done), result = std::move(result)]() mutable {
        done(std::move(result));
    };
    if (context)
        QMetaObject::invokeMethod(context, std::move(call), Qt::QueuedConnection);
    else
        QTimer::singleShot(0, std::move(call));
}

// "[::1]" and "::1" both mean the IPv6 address.
QString bareHost(const QString& host)
{
    const QString trimmed = host.trimmed();
    if (trimmed.size() > 2 && trimmed.startsWith(QLatin1Char('[')) &&
        trimmed.endsWith(QLatin1Char(']')))
        return trimmed.mid(1, trimmed.size() - 2);
    return trimmed;
}

QString dialled(const QString& host, quint16 port)
{
    if (host.contains(QLatin1Char(':')))
        return QStringLiteral("[%1]:%2").arg(host).arg(port);
    return QStringLiteral("%1:%2").arg(host).arg(port);
}

bool isSocketMessage(const QString& message, const char* english)
{
    return message.compare(QLatin1String(english), Qt::CaseInsensitive) == 0 ||
           message.compare(QCoreApplication::translate("QNativeSocketEngine", english),
                           Qt::CaseInsensitive) == 0;
}

TcpOutcome outcomeOf(QAbstractSocket::SocketError error, const QString& message)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return TcpOutcome::Refused;
    case QAbstractSocket::HostNotFoundError:
        return TcpOutcome::LookupFailed;
    case QAbstractSocket::SocketTimeoutError:
        return TcpOutcome::TimedOut;
    case QAbstractSocket::NetworkError:
        // Qt reports ENETUNREACH, EHOSTUNREACH and ETIMEDOUT all as NetworkError; only the
        // message tells them apart.
        if (isSocketMessage(message, "Network unreachable") ||
            isSocketMessage(message, "Host unreachable") ||
            message.contains(QLatin1String("unreachable"), Qt::CaseInsensitive))
            return TcpOutcome::Unreachable;
        if (isSocketMessage(message, "Connection timed out"))
            return TcpOutcome::TimedOut;
        return TcpOutcome::OtherError;
    default:
        break;
    }
    return TcpOutcome::OtherError;
}

struct TcpProbeState
{
    TcpProbeResult result;
    QElapsedTimer clock;
    bool finished = false;
};

// One HTTP GET: owns the reply (and the private manager when the probe needs its own proxy),
// so destroying the context mid-flight aborts the request without a callback.
class HttpProbe final : public QObject
{
public:
    HttpProbe(QObject* context, int timeoutMs, std::function<void(HttpProbeResult)> done)
        : QObject(context), m_context(context), m_hadContext(context != nullptr),
          m_done(std::move(done)), m_timeoutMs(timeoutMs)
    {
        m_clock.start();
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { onTimeout(); });
    }

    ~HttpProbe() override
    {
        if (m_reply) {
            disconnect(m_reply, nullptr, this, nullptr);
            m_reply->abort();
            delete m_reply;
        }
        // m_ownNetwork goes after its reply.
    }

    void start(QNetworkAccessManager& shared, const QNetworkRequest& request,
               const QNetworkProxy& proxy)
    {
        QNetworkAccessManager* network = &shared;
        // A QNetworkRequest has no proxy of its own, and changing the shared manager's proxy
        // would reroute every other request in flight on it. So a probe through a proxy other
        // than the manager's gets a private manager (no connection reuse, which a probe does not
        // need); DefaultProxy means "whatever the manager does".
        if (proxy.type() != QNetworkProxy::DefaultProxy && !(proxy == shared.proxy())) {
            m_ownNetwork = std::make_unique<QNetworkAccessManager>();
            m_ownNetwork->setProxy(proxy);
            m_ownNetwork->setRedirectPolicy(shared.redirectPolicy());
            network = m_ownNetwork.get();
        }
        m_reply = network->get(request);
        // Without a limit QNetworkAccessManager buffers a whole 200 answer in memory.
        m_reply->setReadBufferSize(kMaxBodyBytes);
        connect(m_reply, &QNetworkReply::metaDataChanged, this, [this] { captureMetaData(); });
        connect(m_reply, &QNetworkReply::readyRead, this, [this] { readSome(); });
        connect(m_reply, &QNetworkReply::finished, this, [this] { onFinished(); });
        m_timer.start(m_timeoutMs);
    }

private:
    void captureMetaData()
    {
        if (!m_reply)
            return;
        const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0)
            return;
        m_result.status = status;
        m_result.headers.clear();
        for (const auto& [name, value] : m_reply->rawHeaderPairs()) {
            const QByteArray key = name.toLower();
            auto it = m_result.headers.find(key);
            if (it == m_result.headers.end())
                m_result.headers.insert(key, value);
            else
                it.value() += ", " + value;
        }
    }

    void readSome()
    {
        if (m_finished || !m_reply)
            return;
        while (m_result.body.size() < kMaxBodyBytes && m_reply->bytesAvailable() > 0) {
            const QByteArray chunk = m_reply->read(kMaxBodyBytes - m_result.body.size());
            if (chunk.isEmpty())
                break;
            m_result.body += chunk;
        }
        if (m_result.body.size() >= kMaxBodyBytes && m_reply->isRunning()) {
            // Enough to judge the answer: a 200 to a Range request may be gigabytes.
            captureMetaData();
            finish(QString());
        }
    }

    void onFinished()
    {
        if (m_finished || !m_reply)
            return;
        readSome();
        if (m_finished)
            return;
        captureMetaData();
        const QNetworkReply::NetworkError error = m_reply->error();
        QString message;
        if (m_result.status == 0)
            message = error != QNetworkReply::NoError ? m_reply->errorString()
                                                      : Diag::tr("no HTTP answer");
        else if (error == QNetworkReply::InsecureRedirectError ||
                 error == QNetworkReply::TooManyRedirectsError)
            message = m_reply->errorString();
        finish(message);
    }

    void onTimeout()
    {
        captureMetaData();
        if (m_reply)
            readSome();
        if (m_finished)
            return;
        finish(m_result.status == 0
                   ? noAnswerWithin(m_timeoutMs)
                   : Diag::tr("the answer did not complete within %1 ms").arg(m_timeoutMs));
    }

    void finish(const QString& error)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_timer.stop();
        m_result.error = error;
        m_result.elapsedMs = m_clock.elapsed();
        if (m_reply) {
            disconnect(m_reply, nullptr, this, nullptr);
            if (m_reply->isRunning())
                m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        if (m_hadContext && !m_context)
            return; // the context is going away: no callback
        deliver(m_context.data(), std::move(m_done), std::move(m_result));
        deleteLater();
    }

    QPointer<QObject> m_context;
    bool m_hadContext;
    std::function<void(HttpProbeResult)> m_done;
    int m_timeoutMs;
    QElapsedTimer m_clock;
    QTimer m_timer;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QPointer<QNetworkReply> m_reply;
    HttpProbeResult m_result;
    bool m_finished = false;
};

#ifdef Q_OS_LINUX

// "0100007F:1F90" (tcp) or 32 hex digits ":PORT" (tcp6): the words are in host byte order.
bool parseProcAddress(const QByteArray& field, QHostAddress* address, quint16* port)
{
    const qsizetype colon = field.indexOf(':');
    if (colon != 8 && colon != 32)
        return false;
    bool ok = false;
    *port = static_cast<quint16>(field.mid(colon + 1).toUInt(&ok, 16));
    if (!ok)
        return false;
    const int words = static_cast<int>(colon / 8);
    quint8 bytes[16] = {};
    for (int i = 0; i < words; ++i) {
        const quint32 word = field.mid(i * 8, 8).toUInt(&ok, 16);
        if (!ok)
            return false;
        std::memcpy(bytes + i * 4, &word, sizeof word);
    }
    if (words == 1) {
        quint32 networkOrder = 0;
        std::memcpy(&networkOrder, bytes, sizeof networkOrder);
        address->setAddress(qFromBigEndian(networkOrder));
    } else {
        address->setAddress(bytes);
    }
    return true;
}

// Inodes of the sockets listening on `port` at `address` (or on a wildcard address).
QSet<quint64> listeningInodes(const QHostAddress& address, quint16 port)
{
    QSet<quint64> inodes;
    for (const char* table : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile file{QLatin1String(table)};
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // readAll: /proc files have no size, so atEnd() cannot be trusted.
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 has the column titles
            const QList<QByteArray> fields = lines.at(i).simplified().split(' ');
            // sl local rem st queues timer retrnsmt uid timeout inode ...
            if (fields.size() < 10 || fields.at(3) != "0A")
                continue;
            QHostAddress local;
            quint16 localPort = 0;
            if (!parseProcAddress(fields.at(1), &local, &localPort) || localPort != port)
                continue;
            if (!isWildcardAddress(address) && !isWildcardAddress(local) &&
                !local.isEqual(address, QHostAddress::ConvertV4MappedToIPv4))
                continue;
            bool ok = false;
            const quint64 inode = fields.at(9).toULongLong(&ok);
            if (ok && inode != 0)
                inodes.insert(inode);
        }
    }
    return inodes;
}

// The pid whose descriptors include one of the sockets; 0 when none can be seen.
qint64 ownerOf(const QSet<quint64>& inodes)
{
    constexpr int kMaxDescriptorsScanned = 1000000; // bounds the scan on a very busy host
    int scanned = 0;
    DIR* proc = opendir("/proc");
    if (!proc)
        return 0;
    qint64 owner = 0;
    while (owner == 0 && scanned < kMaxDescriptorsScanned) {
        const dirent* entry = readdir(proc);
        if (!entry)
            break;
        bool isPid = false;
        const qint64 pid = QByteArray(entry->d_name).toLongLong(&isPid);
        if (!isPid || pid <= 0)
            continue;
        const QByteArray fdPath = "/proc/" + QByteArray::number(pid) + "/fd";
        DIR* fds = opendir(fdPath.constData());
        if (!fds)
            continue; // another user's process, or gone already
        while (const dirent* fd = readdir(fds)) {
            if (++scanned >= kMaxDescriptorsScanned)
                break;
            if (fd->d_name[0] == '.')
                continue;
            const QByteArray link = fdPath + '/' + fd->d_name;
            char target[64];
            const ssize_t length = readlink(link.constData(), target, sizeof target - 1);
            if (length <= 0)
                continue;
            const QByteArrayView view(target, length);
            if (!view.startsWith("socket:[") || !view.endsWith("]"))
                continue;
            bool ok = false;
            const quint64 inode = view.sliced(8, view.size() - 9).toULongLong(&ok);
            if (ok && inodes.contains(inode)) {
                owner = pid;
                break;
            }
        }
        closedir(fds);
    }
    closedir(proc);
    return owner;
}

#endif

} // namespace

QString TcpProbeResult::verdictText() const
{
    const QString ms = elapsedMs < 1 ? QStringLiteral("<1") : QString::number(elapsedMs);
    switch (outcome) {
    case TcpOutcome::Connected:
        return Diag::tr("connected to %1 in %2 ms").arg(address, ms);
    case TcpOutcome::Refused:
        return Diag::tr("refused by %1: the host answered but nothing listens on that port")
            .arg(address);
    case TcpOutcome::TimedOut:
        return Diag::tr(
                   "no answer from %1 within %2 ms: a firewall drops the connection or the host "
                   "is down")
            .arg(address, ms);
    case TcpOutcome::Unreachable:
        return Diag::tr("%1 is unreachable from here (no route)").arg(address);
    case TcpOutcome::LookupFailed:
        return Diag::tr("the name in %1 does not resolve: %2").arg(address, error);
    case TcpOutcome::OtherError:
        break;
    }
    return Diag::tr("could not connect to %1: %2").arg(address, error);
}

void probeTcp(const QString& host, quint16 port, int timeoutMs, QObject* context,
              std::function<void(TcpProbeResult)> done, const QHostAddress& bindAddress)
{
    const QString name = bareHost(host);
    auto state = std::make_shared<TcpProbeState>();
    state->clock.start();
    state->result.address = dialled(name, port);

    // A child of the context: destroying it ends the attempt, and the callback is never made.
    auto* socket = new QTcpSocket(context);
    auto* timer = new QTimer(socket);
    timer->setSingleShot(true);
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;

    auto finish = [state, socket, timer, guard, hadContext,
                   done = std::move(done)](TcpOutcome outcome, const QString& error) mutable {
        if (state->finished)
            return;
        state->finished = true;
        if (hadContext && !guard)
            return; // the socket dies with its context, mid-destruction
        timer->stop();
        state->result.outcome = outcome;
        state->result.error = error;
        state->result.elapsedMs = state->clock.elapsed();
        // A FIN, not a reset, when connected: the listener sees an ordinary short connection.
        // Signals from here on find `finished` set.
        if (outcome == TcpOutcome::Connected)
            socket->disconnectFromHost();
        else
            socket->abort();
        socket->deleteLater();
        deliver(guard.data(), std::move(done), state->result);
    };

    if (!bindAddress.isNull() && !socket->bind(bindAddress, 0)) {
        finish(TcpOutcome::OtherError, Diag::tr("cannot use the local address %1: %2")
                                           .arg(bindAddress.toString(), socket->errorString()));
        return;
    }

    QObject::connect(socket, &QTcpSocket::connected, socket,
                     [finish]() mutable { finish(TcpOutcome::Connected, QString()); });
    QObject::connect(socket, &QAbstractSocket::errorOccurred, socket,
                     [finish, socket](QAbstractSocket::SocketError error) mutable {
                         const QString message = socket->errorString();
                         finish(outcomeOf(error, message), message);
                     });
    QObject::connect(timer, &QTimer::timeout, socket, [finish, timeoutMs]() mutable {
        finish(TcpOutcome::TimedOut, noAnswerWithin(timeoutMs));
    });
    timer->start(timeoutMs);
    // A bound socket looks up only addresses of its own family, so the binding is kept.
    socket->connectToHost(name, port, QIODevice::ReadWrite,
                          bindAddress.isNull() ? QAbstractSocket::AnyIPProtocol
                                               : bindAddress.protocol());
}

void probeLookup(const QString& host, int timeoutMs, QObject* context,
                 std::function<void(LookupResult)> done)
{
    const QString name = bareHost(host);
    QElapsedTimer clock;
    clock.start();

    const QHostAddress literal(name);
    if (!literal.isNull()) {
        LookupResult result;
        result.addresses = {literal};
        result.elapsedMs = clock.elapsed();
        deliver(context, std::move(done), std::move(result));
        return;
    }

    struct State
    {
        QElapsedTimer clock;
        bool finished = false;
        int lookupId = -1;
        std::function<void(LookupResult)> done;
    };
    auto state = std::make_shared<State>();
    state->clock = clock;
    state->done = std::move(done);
    const QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    // Parented to the context, so it dies with it; without one it deletes itself when done.
    auto* timer = new QTimer(context);
    timer->setSingleShot(true);

    auto finish = [state, guard, hadContext, timer](LookupResult result) {
        if (state->finished)
            return;
        state->finished = true;
        timer->stop();
        timer->deleteLater();
        if (hadContext && !guard)
            return;
        result.elapsedMs = state->clock.elapsed();
        deliver(guard.data(), std::move(state->done), std::move(result));
    };

    QObject::connect(timer, &QTimer::timeout, timer, [state, finish, timeoutMs] {
        if (state->lookupId >= 0)
            QHostInfo::abortHostLookup(state->lookupId);
        LookupResult result;
        result.error = noAnswerWithin(timeoutMs);
        finish(std::move(result));
    });
    timer->start(timeoutMs);
    state->lookupId = QHostInfo::lookupHost(name, timer, [finish](const QHostInfo& info) {
        LookupResult result;
        if (info.error() != QHostInfo::NoError)
            result.error = info.errorString();
        else
            result.addresses = info.addresses();
        if (result.error.isEmpty() && result.addresses.isEmpty())
            result.error = Diag::tr("the name has no addresses");
        finish(std::move(result));
    });
}

void probeHttp(QNetworkAccessManager& network, const QString& url, const QString& rangeHeader,
               const QNetworkProxy& proxy, int timeoutMs, QObject* context,
               std::function<void(HttpProbeResult)> done)
{
    QNetworkRequest request{QUrl(url)};
    if (!rangeHeader.isEmpty())
        request.setRawHeader("Range", rangeHeader.toLatin1());
    // The bytes as stored, like a download sees them: no compression of a range.
    request.setRawHeader("Accept-Encoding", "identity");
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute,
                         QNetworkRequest::AlwaysNetwork);
    auto* probe = new HttpProbe(context, timeoutMs, std::move(done));
    probe->start(network, request, proxy);
}

QString processListeningOn(const QHostAddress& address, quint16 port)
{
#ifdef Q_OS_LINUX
    if (port == 0)
        return QString();
    const QSet<quint64> inodes = listeningInodes(address, port);
    if (inodes.isEmpty())
        return QString();
    const qint64 pid = ownerOf(inodes);
    if (pid == 0)
        return QString();
    QFile comm(QStringLiteral("/proc/%1/comm").arg(pid));
    QString name;
    if (comm.open(QIODevice::ReadOnly))
        name = QString::fromLocal8Bit(comm.readAll()).trimmed();
    if (name.isEmpty())
        name = Diag::tr("unknown process");
    return Diag::tr("%1 (pid %2)").arg(name).arg(pid);
#else
    Q_UNUSED(address)
    Q_UNUSED(port)
    return QString();
#endif
}

} // namespace opendo::diagnostics
