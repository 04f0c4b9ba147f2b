#pragma once

// A hand-written HTTP server on 127.0.0.1 that answers every request with `response` and notes
// where each connection came from and what it asked: for clients that must cope with whatever a
// server sends (malformed bodies, no answer at all).

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

namespace opendo::test {

class CannedHttpServer : public QObject
{
public:
    QByteArray response; // empty: accept and never answer
    bool closeAfterResponse = true;
    QList<QHostAddress> peers;
    QList<QByteArray> requests;

    CannedHttpServer();
    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString& path) const;

private:
    QTcpServer m_server;
};

} // namespace opendo::test
