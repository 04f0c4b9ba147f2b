#pragma once

// The measurements the connection and peer checks make: a TCP connect (the built-in equivalent
// of `telnet host port`), a name lookup, an HTTP GET with an optional Range, and who holds a
// local TCP port. Each reports once through its callback, on the caller's thread, within its
// timeout.

#include <QHostAddress>
#include <QMap>
#include <QNetworkProxy>
#include <QString>
#include <functional>

class QObject;
class QNetworkAccessManager;

namespace opendo::diagnostics {

enum class TcpOutcome
{
    Connected,
    Refused,     // RST: the host is up, nothing listens on the port
    TimedOut,    // no answer: a firewall drops the SYN, or the host is down
    Unreachable, // no route / network down
    LookupFailed,
    OtherError
};

struct TcpProbeResult
{
    TcpOutcome outcome = TcpOutcome::OtherError;
    QString address; // what was dialled, "ADDR:PORT"
    qint64 elapsedMs = 0;
    QString error; // the socket's message when not connected
    bool ok() const { return outcome == TcpOutcome::Connected; }
    QString verdictText() const; // "connected in 0.4 ms", "refused: nothing listens on …"
};

// `bindAddress` (when not null) is the local address to connect from, like the agent's peers.
void probeTcp(const QString& host, quint16 port, int timeoutMs, QObject* context,
              std::function<void(TcpProbeResult)> done, const QHostAddress& bindAddress = {});

struct LookupResult
{
    QList<QHostAddress> addresses;
    QString error;
    qint64 elapsedMs = 0;
};
void probeLookup(const QString& host, int timeoutMs, QObject* context,
                 std::function<void(LookupResult)> done);

struct HttpProbeResult
{
    int status = 0;                       // 0 = no HTTP answer
    QMap<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;                      // at most the first 64 KiB
    QString error; // transport error or timeout; "" when an HTTP answer arrived
    qint64 elapsedMs = 0;
};

// GET `url`; `rangeHeader` like "bytes=0-9" ("" = none). Redirects are followed.
void probeHttp(QNetworkAccessManager& network, const QString& url, const QString& rangeHeader,
               const QNetworkProxy& proxy, int timeoutMs, QObject* context,
               std::function<void(HttpProbeResult)> done);

// The process listening on TCP `port` (on `address` or any address), as "name (pid N)", from
// /proc; "" when nobody listens or it cannot be told (another user's process).
QString processListeningOn(const QHostAddress& address, quint16 port);

} // namespace opendo::diagnostics
