#pragma once

// The device's network as text for the support bundle and as facts for the interface check:
// interfaces with their addresses and flags, and the IPv4/IPv6 routing tables from /proc.

#include <QHostAddress>
#include <QList>
#include <QString>

namespace opendo::diagnostics {

struct InterfaceFact
{
    QString name;
    bool up = false;
    bool running = false;
    bool loopback = false;
    bool virtualType = false; // tunnel, bridge, veth, docker… (by name and kind)
    QList<QHostAddress> addresses;
};

QList<InterfaceFact> networkInterfaces();
// A usable interface: up, running, not loopback, with an address that is not link-local.
bool isUsable(const InterfaceFact& fact);

QString describeInterfaces(const QList<InterfaceFact>& facts); // one block per interface
// /proc/net/route and /proc/net/ipv6_route rendered like `ip route`; the parsers are separate
// so tests can feed text.
QString describeRoutes();
QString parseIpv4Routes(const QString& procNetRoute);
QString parseIpv6Routes(const QString& procNetIpv6Route);

} // namespace opendo::diagnostics
