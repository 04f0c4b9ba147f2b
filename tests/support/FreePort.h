#pragma once

// Finds a TCP port nothing listens on, for test servers and for "connection refused" cases, and
// waits for a server process to start listening on one.

#include <QHostAddress>

class QProcess;

namespace opendo::test {

// Binds port 0 on `address`, notes the number the kernel chose and releases it again.
quint16 freePort(const QHostAddress& address = QHostAddress(QHostAddress::LocalHost));

// Tries to connect until it works or `timeoutMs` passes; gives up early when `process` (the
// server expected to listen) has exited.
bool waitUntilListening(const QHostAddress& address, quint16 port, int timeoutMs,
                        const QProcess* process = nullptr);

} // namespace opendo::test
