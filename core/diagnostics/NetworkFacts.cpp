#include "diagnostics/NetworkFacts.h"

#include <QFile>
#include <QNetworkInterface>
#include <QRegularExpression>
#include <QStringList>
#include <QtEndian>
#include <bit>
#include <optional>

namespace opendo::diagnostics {

namespace {

// Name prefixes of interfaces that are not a physical link: containers, bridges, tunnels,
// hypervisor host-only networks and overlay networks.
const QStringList& virtualPrefixes()
{
    static const QStringList prefixes = {
        QStringLiteral("docker"),  QStringLiteral("veth"),      QStringLiteral("br-"),
        QStringLiteral("virbr"),   QStringLiteral("tun"),       QStringLiteral("tap"),
        QStringLiteral("wg"),      QStringLiteral("vboxnet"),   QStringLiteral("vmnet"),
        QStringLiteral("lxcbr"),   QStringLiteral("lxdbr"),     QStringLiteral("cni"),
        QStringLiteral("flannel"), QStringLiteral("cali"),      QStringLiteral("vxlan"),
        QStringLiteral("zt"),      QStringLiteral("tailscale"), QStringLiteral("podman"),
        QStringLiteral("ppp"),     QStringLiteral("ipsec"),     QStringLiteral("dummy"),
    };
    return prefixes;
}

bool hasVirtualName(const QString& name)
{
    for (const QString& prefix : virtualPrefixes())
        if (name.startsWith(prefix, Qt::CaseInsensitive))
            return true;
    return false;
}

const QRegularExpression& whitespace()
{
    static const QRegularExpression re(QStringLiteral("\\s+"));
    return re;
}

QString readProcFile(const QString& path, QString* error)
{
    // /proc files report size 0, so read until the end rather than by size.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = file.errorString();
        return {};
    }
    return QString::fromLocal8Bit(file.readAll());
}

// An IPv4 address as /proc/net/route prints it: the 32-bit value in memory order on a
// little-endian machine, in hex ("0100000A" is 10.0.0.1).
std::optional<quint32> parseIpv4Hex(const QString& hex)
{
    bool ok = false;
    const quint32 raw = hex.toUInt(&ok, 16);
    if (!ok || hex.size() != 8)
        return std::nullopt;
    return qbswap(raw); // host order: 10.0.0.1 = 0x0A000001
}

// An IPv6 address as /proc/net/ipv6_route prints it: 32 hex digits in network order.
std::optional<QHostAddress> parseIpv6Hex(const QString& hex)
{
    if (hex.size() != 32)
        return std::nullopt;
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (bytes.size() != 16)
        return std::nullopt;
    Q_IPV6ADDR address;
    for (int i = 0; i < 16; ++i)
        address[i] = quint8(bytes[i]);
    return QHostAddress(address);
}

// Linux route flags (linux/route.h, linux/ipv6_route.h).
constexpr quint32 kRtfGateway = 0x0002;
constexpr quint32 kRtfReject = 0x0200;
constexpr quint32 kRtfCache = 0x01000000;
constexpr quint32 kRtfLocal = 0x80000000;

} // namespace

QList<InterfaceFact> networkInterfaces()
{
    QList<InterfaceFact> facts;
    const QList<QNetworkInterface> interfaces = QNetworkInterface::allInterfaces();
    for (const QNetworkInterface& iface : interfaces) {
        InterfaceFact fact;
        fact.name = iface.name();
        const QNetworkInterface::InterfaceFlags flags = iface.flags();
        fact.up = flags.testFlag(QNetworkInterface::IsUp);
        fact.running = flags.testFlag(QNetworkInterface::IsRunning);
        fact.loopback = flags.testFlag(QNetworkInterface::IsLoopBack) ||
                        iface.type() == QNetworkInterface::Loopback;
        fact.virtualType = iface.type() == QNetworkInterface::Virtual || hasVirtualName(fact.name);
        const QList<QNetworkAddressEntry> entries = iface.addressEntries();
        for (const QNetworkAddressEntry& entry : entries)
            if (!entry.ip().isNull())
                fact.addresses.append(entry.ip());
        facts.append(fact);
    }
    return facts;
}

bool isUsable(const InterfaceFact& fact)
{
    if (!fact.up || !fact.running || fact.loopback)
        return false;
    for (const QHostAddress& address : fact.addresses)
        if (!address.isNull() && !address.isLinkLocal() && !address.isLoopback())
            return true;
    return false;
}

QString describeInterfaces(const QList<InterfaceFact>& facts)
{
    QString text;
    for (const InterfaceFact& fact : facts) {
        QStringList flags;
        flags << (fact.up ? QStringLiteral("up") : QStringLiteral("down"));
        if (fact.running)
            flags << QStringLiteral("running");
        if (fact.loopback)
            flags << QStringLiteral("loopback");
        if (fact.virtualType)
            flags << QStringLiteral("virtual");
        flags << (isUsable(fact) ? QStringLiteral("usable") : QStringLiteral("not usable"));
        text +=
            fact.name + QStringLiteral(": ") + flags.join(QStringLiteral(", ")) + QLatin1Char('\n');
        if (fact.addresses.isEmpty())
            text += QStringLiteral("    (no addresses)\n");
        for (const QHostAddress& address : fact.addresses) {
            const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
            text += (v4 ? QStringLiteral("    inet ") : QStringLiteral("    inet6 ")) +
                    address.toString();
            if (address.isLinkLocal())
                text += QStringLiteral(" (link-local)");
            text += QLatin1Char('\n');
        }
    }
    return text;
}

QString describeRoutes()
{
    QString text = QStringLiteral("IPv4 routes (/proc/net/route):\n");
    QString error;
    const QString v4 = readProcFile(QStringLiteral("/proc/net/route"), &error);
    if (!error.isEmpty())
        text += QStringLiteral("    cannot read: ") + error + QLatin1Char('\n');
    else
        text += parseIpv4Routes(v4);
    text += QStringLiteral("\nIPv6 routes (/proc/net/ipv6_route):\n");
    error.clear();
    const QString v6 = readProcFile(QStringLiteral("/proc/net/ipv6_route"), &error);
    if (!error.isEmpty())
        text += QStringLiteral("    cannot read: ") + error + QLatin1Char('\n');
    else
        text += parseIpv6Routes(v6);
    return text;
}

QString parseIpv4Routes(const QString& procNetRoute)
{
    // Iface Destination Gateway Flags RefCnt Use Metric Mask MTU Window IRTT
    QString text;
    const QStringList lines = procNetRoute.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QStringList f = line.trimmed().split(whitespace(), Qt::SkipEmptyParts);
        if (f.size() < 8 || f[0] == QLatin1String("Iface"))
            continue;
        const std::optional<quint32> destination = parseIpv4Hex(f[1]);
        const std::optional<quint32> gateway = parseIpv4Hex(f[2]);
        const std::optional<quint32> mask = parseIpv4Hex(f[7]);
        bool flagsOk = false, metricOk = false;
        const quint32 flags = f[3].toUInt(&flagsOk, 16);
        const quint32 metric = f[6].toUInt(&metricOk);
        if (!destination || !gateway || !mask || !flagsOk || !metricOk)
            continue;
        const int prefix = std::popcount(*mask);
        QString route;
        if (flags & kRtfReject)
            route += QStringLiteral("unreachable ");
        if (*destination == 0 && prefix == 0)
            route += QStringLiteral("default");
        else if (prefix == 32)
            route += QHostAddress(*destination).toString();
        else
            route +=
                QHostAddress(*destination).toString() + QLatin1Char('/') + QString::number(prefix);
        if (*gateway != 0 || (flags & kRtfGateway))
            route += QStringLiteral(" via ") + QHostAddress(*gateway).toString();
        if (f[0] != QLatin1String("*"))
            route += QStringLiteral(" dev ") + f[0];
        if (metric != 0)
            route += QStringLiteral(" metric ") + QString::number(metric);
        text += route + QLatin1Char('\n');
    }
    if (text.isEmpty())
        text = QStringLiteral("(no routes)\n");
    return text;
}

QString parseIpv6Routes(const QString& procNetIpv6Route)
{
    // dest dest_plen src src_plen next_hop metric refcnt use flags iface (all hex but iface)
    QString text;
    const QStringList lines = procNetIpv6Route.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        const QStringList f = line.trimmed().split(whitespace(), Qt::SkipEmptyParts);
        if (f.size() < 10)
            continue;
        const std::optional<QHostAddress> destination = parseIpv6Hex(f[0]);
        const std::optional<QHostAddress> nextHop = parseIpv6Hex(f[4]);
        bool prefixOk = false, metricOk = false, flagsOk = false;
        const int prefix = int(f[1].toUInt(&prefixOk, 16));
        const quint32 metric = f[5].toUInt(&metricOk, 16);
        const quint32 flags = f[8].toUInt(&flagsOk, 16);
        if (!destination || !nextHop || !prefixOk || !metricOk || !flagsOk || prefix > 128)
            continue;
        if (flags & kRtfCache)
            continue; // cloned entries, not configured routes
        QString route;
        if (flags & kRtfReject)
            route += QStringLiteral("unreachable ");
        else if (flags & kRtfLocal)
            route += QStringLiteral("local ");
        if (prefix == 0 && *destination == QHostAddress::AnyIPv6)
            route += QStringLiteral("default");
        else if (prefix == 128)
            route += destination->toString();
        else
            route += destination->toString() + QLatin1Char('/') + QString::number(prefix);
        if (*nextHop != QHostAddress::AnyIPv6)
            route += QStringLiteral(" via ") + nextHop->toString();
        route += QStringLiteral(" dev ") + f[9];
        route += QStringLiteral(" metric ") + QString::number(metric);
        text += route + QLatin1Char('\n');
    }
    if (text.isEmpty())
        text = QStringLiteral("(no routes)\n");
    return text;
}

} // namespace opendo::diagnostics
