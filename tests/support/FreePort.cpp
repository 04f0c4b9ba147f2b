#include "support/FreePort.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUdpSocket>
#include <csignal>
#include <sys/prctl.h>
#include <sys/resource.h>

namespace opendo::test {

quint16 freePort(const QHostAddress& address)
{
    QTcpServer server;
    if (!server.listen(address, 0))
        return 0;
    return server.serverPort();
}

quint16 freeUdpPort()
{
    QUdpSocket probe;
    if (!probe.bind(QHostAddress::AnyIPv4, 0))
        return 0;
    return probe.localPort();
}

void stopWithParent(QProcess& process)
{
    process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        const rlimit noCore{0, 0};
        ::setrlimit(RLIMIT_CORE, &noCore);
    });
}

bool waitUntilListening(const QHostAddress& address, quint16 port, int timeoutMs,
                        const QProcess* process)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (process && process->state() == QProcess::NotRunning)
            return false;
        QTcpSocket socket;
        socket.connectToHost(address, port);
        if (socket.waitForConnected(200)) {
            socket.disconnectFromHost();
            return true;
        }
        QThread::msleep(20);
    }
    return false;
}

} // namespace opendo::test
