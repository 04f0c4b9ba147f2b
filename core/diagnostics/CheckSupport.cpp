#include "diagnostics/CheckSupport.h"

#include "agent/AgentSettings.h"

#include <QHostAddress>

namespace opendo::diagnostics {

CheckFactory instantCheck(const QString& id, CheckGroup group, const QString& title,
                          InstantCheck::Evaluate evaluate)
{
    return {id, [=] { return std::make_unique<InstantCheck>(id, group, title, evaluate); }};
}

QString modeText(int mode)
{
    switch (mode) {
    case 0:
        return Diag::tr("0 (HTTP only)");
    case 1:
        return Diag::tr("1 (LAN)");
    case 2:
        return Diag::tr("2 (Group)");
    case 3:
        return Diag::tr("3 (Internet)");
    case 99:
        return Diag::tr("99 (Simple, no peers)");
    case 100:
        return Diag::tr("100 (Bypass)");
    default:
        return QString::number(mode);
    }
}

bool isPeeringMode(int mode)
{
    return mode >= 1 && mode <= 3;
}

QString gbText(qint64 bytes)
{
    return Diag::tr("%1 GB").arg(double(bytes) / (1024.0 * 1024 * 1024), 0, 'f', 1);
}

QString mbText(qint64 bytes)
{
    return Diag::tr("%1 MB").arg(double(bytes) / (1024.0 * 1024), 0, 'f', 1);
}

QString settingText(const policy::PolicySnapshot& policies, const QString& key)
{
    const policy::EffectivePolicy* p = policies.find(key);
    if (!p)
        return key;
    const QString value = p->value.isEmpty() ? Diag::tr("(not set)") : p->value;
    return Diag::tr("%1 = %2 (%3)").arg(key, value, policy::sourceName(p->source));
}

policy::PolicyChange change(const QString& key, const QString& value)
{
    return policy::PolicyChange{key, value};
}

QPair<QString, quint16> splitEndpoint(const QString& endpoint)
{
    const QString text = endpoint.trimmed();
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {text, 0};
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    else if (host.contains(QLatin1Char(':')))
        return {text, 0}; // a bare IPv6 address needs brackets around it
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535)
        return {host, 0};
    return {host, quint16(port)};
}

QStringList staticPeers(const DiagnosticInputs& inputs)
{
    QStringList peers = inputs.options.staticPeers;
    for (const QString& p :
         agent::splitPeerList(inputs.agentSettings.value(QStringLiteral("StaticPeers"))))
        if (!peers.contains(p))
            peers << p;
    return peers;
}

QHostAddress agentBindAddress(const DiagnosticInputs& inputs)
{
    const QHostAddress address(splitEndpoint(inputs.options.listen).first);
    if (address.isNull() || address == QHostAddress::AnyIPv4 || address == QHostAddress::AnyIPv6 ||
        address == QHostAddress::Any)
        return {};
    return address;
}

QString dialableHost(const QString& listenHost)
{
    const QHostAddress address(listenHost);
    if (address == QHostAddress::AnyIPv4 || listenHost.isEmpty())
        return QStringLiteral("127.0.0.1");
    if (address == QHostAddress::AnyIPv6 || address == QHostAddress::Any)
        return QStringLiteral("::1");
    return listenHost;
}

} // namespace opendo::diagnostics
