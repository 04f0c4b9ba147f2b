#pragma once

// A real nginx (Debian's /usr/sbin/nginx) started by a test as the HTTP origin: one process in
// the foreground on a loopback address and a free port, everything it writes inside a temporary
// prefix, its access log readable to see what clients asked for.

#include <QHostAddress>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace opendo::test {

struct NginxOptions
{
    QString documentRoot; // served at "/"
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    bool rangesEnabled = true; // false: "max_ranges 0", 200 only
    QString extraServerConfig; // directives inside server { }, e.g. "location /old { ... }"
};

class NginxServer
{
public:
    explicit NginxServer(NginxOptions options);
    ~NginxServer();
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    static QString binary();   // /usr/sbin/nginx
    static bool isAvailable(); // tests QSKIP ("install nginx-light") without it

    // Starts nginx and waits (at most 10 s) until the port accepts connections.
    bool start(QString* error = nullptr);
    void stop(); // SIGTERM, then wait; kill after 5 s
    bool isRunning() const;

    quint16 port() const { return m_port; }
    QUrl url(const QString& path) const; // path starts with "/"

    // One line per finished request, format:
    //   <status> <body_bytes_sent> "<Range>" "<Via>" "<request line>"
    QStringList accessLog() const;
    qint64 bytesServed() const; // sum of $body_bytes_sent over the access log
    QString errorLog() const;

private:
    NginxOptions m_options;
    std::unique_ptr<QTemporaryDir> m_prefix;
    QProcess m_process;
    quint16 m_port = 0;
};

// The origin most tests need: <root>/content.bin, `size` random bytes from `seed` (written
// first), served by nginx on 127.0.0.1 with `extraServerConfig` ("limit_rate 16m;"). Null with
// `error` set when the file or the server cannot be made.
std::unique_ptr<NginxServer> startContentOrigin(const QString& root, qint64 size, quint32 seed,
                                                const QString& extraServerConfig, QString* error);

} // namespace opendo::test
