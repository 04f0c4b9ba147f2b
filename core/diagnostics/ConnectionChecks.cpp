// Connection: a usable interface, the peer port, the discovery service, the origin's byte-range
// support and the proxy — each measured on the network, with timings as evidence.

#include "diagnostics/CheckSupport.h"
#include "diagnostics/ConnectionProbeChecks.h"
#include "diagnostics/FirewallCheck.h"
#include "diagnostics/NetworkFacts.h"

namespace opendo::diagnostics {

namespace {

CheckResult interfaces(const InstantCheck& c, const DiagnosticInputs&)
{
    const QList<InterfaceFact> facts = networkInterfaces();
    QStringList usable;
    QStringList others;
    for (const InterfaceFact& f : facts) {
        QStringList addresses;
        for (const QHostAddress& a : f.addresses)
            addresses << a.toString();
        const QString line = QStringLiteral("%1 (%2)").arg(
            f.name,
            addresses.isEmpty() ? Diag::tr("no address") : addresses.join(QStringLiteral(", ")));
        (isUsable(f) ? usable : others) << line;
    }
    if (usable.isEmpty()) {
        CheckResult r =
            c.result(Verdict::Fail, Diag::tr("No usable network interface: peers and the origin "
                                             "cannot be reached."));
        r.evidence << Diag::tr("Other interfaces: %1").arg(others.join(QStringLiteral("; ")));
        r.remedy = Diag::tr("Connect the device to a network (ip link, nmcli device status) and "
                            "check that an interface is up with an address.");
        return r;
    }
    CheckResult r = c.result(
        Verdict::Pass, Diag::tr("%n usable network interface(s).", nullptr, int(usable.size())));
    r.evidence = usable;
    return r;
}

} // namespace

QList<CheckFactory> connectionChecks()
{
    return {
        instantCheck(QStringLiteral("connection.interface"), CheckGroup::Connection,
                     Diag::tr("Network interface"), interfaces),
        {QStringLiteral("connection.peer_port"), [] { return std::make_unique<PeerPortCheck>(); }},
        {QStringLiteral("connection.firewall"), [] { return std::make_unique<FirewallCheck>(); }},
        {QStringLiteral("connection.discovery"), [] { return std::make_unique<DiscoveryCheck>(); }},
        {QStringLiteral("connection.origin_ranges"),
         [] { return std::make_unique<OriginRangesCheck>(); }},
        {QStringLiteral("connection.proxy"), [] { return std::make_unique<ProxyCheck>(); }},
        {QStringLiteral("connection.peer_test"), [] { return std::make_unique<PeerTestCheck>(); }},
    };
}

} // namespace opendo::diagnostics
