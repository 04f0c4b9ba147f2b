#include "transfer/PeerEndpoint.h"

#include <QCoreApplication>

namespace opendo::transfer {

QString PeerEndpoint::toString() const
{
    if (address.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(address.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(address.toString()).arg(port);
}

std::optional<PeerEndpoint> parsePeerEndpoint(const QString& text, QString* error,
                                              bool allowPortZero)
{
    auto fail = [&](const QString& why) -> std::optional<PeerEndpoint> {
        if (error)
            *error =
                QCoreApplication::translate("opendo::transfer", "\"%1\" is not ADDRESS:PORT: %2")
                    .arg(text, why);
        return std::nullopt;
    };
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return fail(QCoreApplication::translate("opendo::transfer", "the port is missing"));
    QString host = trimmed.left(colon);
    const QString portText = trimmed.mid(colon + 1);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return fail(QCoreApplication::translate(
            "opendo::transfer", "write IPv6 addresses in brackets, e.g. [::1]:7680"));
    QHostAddress address;
    if (!address.setAddress(host))
        return fail(QCoreApplication::translate("opendo::transfer", "\"%1\" is not an IP address")
                        .arg(host));
    bool ok = false;
    const uint port = portText.toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowPortZero))
        return fail(QCoreApplication::translate("opendo::transfer",
                                                "the port must be a number from 1 to 65535"));
    return PeerEndpoint{address, quint16(port)};
}

} // namespace opendo::transfer
