#pragma once

// Finds a TCP port nothing listens on, for test servers and for "connection refused" cases, waits
// for a server process to start listening on one, and ties the server's life to the test's.

#include <QHostAddress>

class QProcess;

namespace opendo::test {

// Binds port 0 on `address`, notes the number the kernel chose and releases it again.
quint16 freePort(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));
// The same for UDP on every IPv4 address: a multicast DNS port of a test's own, so that neither
// the system's responder nor a parallel test hears its agents.
quint16 freeUdpPort();

// Makes the kernel send SIGTERM to the started server when the test process dies (a crash or a
// timeout kill included), so no server outlives its test. A server that crashes leaves no core
// file in the build tree either.
void stopWithParent(QProcess& process);

// Tries to connect until it works or `timeoutMs` passes; gives up early when `process` (the
// server expected to listen) has exited.
bool waitUntilListening(const QHostAddress& address, quint16 port, int timeoutMs,
                        const QProcess* process = nullptr);

} // namespace opendo::test
