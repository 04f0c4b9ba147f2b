#pragma once

// A real HTTP proxy (Debian's /usr/bin/tinyproxy) started by a test: foreground, on 127.0.0.1
// and a free port, accepting only loopback clients, logging every request to a temporary file.

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace opendo::test {

class TinyProxyServer
{
public:
    TinyProxyServer();
    ~TinyProxyServer();
    TinyProxyServer(const TinyProxyServer&) = delete;
    TinyProxyServer& operator=(const TinyProxyServer&) = delete;

    static QString binary();   // /usr/bin/tinyproxy
    static bool isAvailable(); // tests QSKIP ("install tinyproxy") without it

    bool start(QString* error = nullptr); // waits (at most 10 s) for the port
    void stop();

    quint16 port() const { return m_port; }
    QString proxyUrl() const; // "http://127.0.0.1:<port>"

    // tinyproxy logs "Request (file descriptor N): GET http://host/path HTTP/1.1" per request.
    QStringList requestLines() const;
    int requestCount() const { return static_cast<int>(requestLines().size()); }
    QString log() const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace opendo::test
