#pragma once

// A real do-discovery process for integration tests, on a loopback address and a free port,
// stopped (SIGTERM, so it saves its database) when the test is done or dies.

#include <QHostAddress>
#include <QProcess>
#include <QStringList>
#include <QUrl>

namespace opendo::test {

struct DiscoveryProcessOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;         // 0: a free port is chosen (kept across restarts)
    QString databasePath{};   // "" = state in memory
    int intervalSeconds = 60; // announce interval the service asks for
    QStringList natMap{};     // --nat-map rules
    QStringList extraArgs{};
    QString listenArg{}; // --listen as given ("*:PORT"); "" = address:port
};

class DiscoveryProcess
{
public:
    explicit DiscoveryProcess(DiscoveryProcessOptions options);
    ~DiscoveryProcess();
    DiscoveryProcess(const DiscoveryProcess&) = delete;
    DiscoveryProcess& operator=(const DiscoveryProcess&) = delete;

    // Starts it and waits until the port accepts connections. Can be called again after stop().
    bool start(QString* error, int timeoutMs = 10000);
    int stop(int timeoutMs = 10000); // exit code, -1 when it had to be killed
    bool isRunning() const;
    QUrl url() const; // http://ADDR:PORT
    QString log();

private:
    DiscoveryProcessOptions m_options;
    QProcess m_process;
    QString m_log;
};

} // namespace opendo::test
