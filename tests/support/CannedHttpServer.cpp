#include "support/CannedHttpServer.h"

#include <QTcpSocket>
#include <memory>

namespace opendo::test {

CannedHttpServer::CannedHttpServer()
{
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            peers << socket->peerAddress();
            auto buffer = std::make_shared<QByteArray>();
            connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                *buffer += socket->readAll();
                if (!buffer->contains("\r\n\r\n"))
                    return;
                requests << *buffer;
                if (response.isEmpty())
                    return;
                socket->write(response);
                if (closeAfterResponse)
                    socket->disconnectFromHost();
            });
        }
    });
}

bool CannedHttpServer::listen()
{
    return m_server.listen(QHostAddress(QHostAddress::LocalHost));
}

QUrl CannedHttpServer::url(const QString& path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

} // namespace opendo::test
