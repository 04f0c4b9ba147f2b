#include "diagnostics/FirewallCheck.h"

#include "diagnostics/CheckSupport.h"
#include "diagnostics/NftRuleset.h"

#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

namespace opendo::diagnostics {

namespace {

QString nftProgram()
{
    QString path = QStandardPaths::findExecutable(QStringLiteral("nft"));
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            QStringLiteral("nft"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
    return path;
}

InboundConnection connectionFor(const QString& listen)
{
    const auto [host, port] = splitEndpoint(listen);
    const QHostAddress address(host);
    InboundConnection c;
    c.port = port;
    c.ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol &&
             !address.isEqual(QHostAddress::AnyIPv6);
    c.interfaceName = address.isLoopback() ? QStringLiteral("lo") : QString();
    return c;
}

} // namespace

FirewallCheck::FirewallCheck()
    : Check(QStringLiteral("connection.firewall"), CheckGroup::Connection,
            Diag::tr("Firewall lets peers in"))
{}

void FirewallCheck::start(const DiagnosticInputs& in, Done done)
{
    if (in.options.listen.isEmpty() || splitEndpoint(in.options.listen).second == 0) {
        done(result(Verdict::NotApplicable,
                    Diag::tr("The agent does not listen for peers, so no inbound rule matters.")));
        return;
    }
    const QString program = nftProgram();
    if (program.isEmpty()) {
        CheckResult r = result(Verdict::NotApplicable,
                               Diag::tr("nftables is not installed (no nft command), so the "
                                        "kernel firewall rules cannot be read."));
        r.remedy = Diag::tr("If another firewall runs here, allow inbound TCP %1 in it.")
                       .arg(splitEndpoint(in.options.listen).second);
        done(r);
        return;
    }
    const InboundConnection connection = connectionFor(in.options.listen);
    const bool peering = isPeeringMode(in.activity.downloadMode);
    m_nft = new QProcess(this);
    connect(m_nft, &QProcess::finished, this, [this, done, connection, peering, program] {
        const QByteArray out = m_nft->readAllStandardOutput();
        const QString err = QString::fromLocal8Bit(m_nft->readAllStandardError()).trimmed();
        if (m_nft->exitStatus() != QProcess::NormalExit || m_nft->exitCode() != 0) {
            CheckResult r = result(Verdict::NotApplicable,
                                   Diag::tr("The firewall rules cannot be read by this user."));
            r.evidence << QStringLiteral("%1 -j list ruleset: %2").arg(program, err);
            r.remedy = Diag::tr("Run the troubleshooter as root (sudo doctl troubleshoot), or "
                                "look for rules that drop TCP %1 in: sudo nft list ruleset")
                           .arg(connection.port);
            done(r);
            return;
        }
        QString error;
        const auto decision = evaluateInbound(out, connection, &error);
        if (!decision) {
            CheckResult r = result(Verdict::Warn, Diag::tr("The firewall rules could not be "
                                                           "understood: %1")
                                                      .arg(error));
            r.remedy = Diag::tr("Check by hand that TCP %1 is allowed in: sudo nft list ruleset")
                           .arg(connection.port);
            done(r);
            return;
        }
        CheckResult r;
        const QString packet = Diag::tr("a new TCP connection to port %1%2")
                                   .arg(connection.port)
                                   .arg(connection.interfaceName == QLatin1String("lo")
                                            ? Diag::tr(" on the loopback interface")
                                            : QString());
        switch (decision->outcome) {
        case FirewallDecision::Outcome::Accepted:
            r = result(Verdict::Pass,
                       decision->baseChains == 0
                           ? Diag::tr("No nftables chain filters incoming connections.")
                           : Diag::tr("nftables accepts %1.").arg(packet));
            break;
        case FirewallDecision::Outcome::Dropped:
            r = result(
                peering ? Verdict::Fail : Verdict::Warn,
                Diag::tr("nftables drops %1, so no peer can connect to this device.").arg(packet));
            r.remedy = Diag::tr("Allow the peer port: sudo nft insert rule %1 %2 %3 tcp dport %4 "
                                "accept (and add it to /etc/nftables.conf to keep it).")
                           .arg(decision->family, decision->table, decision->chain)
                           .arg(connection.port);
            if (!peering)
                r.remedy += QLatin1Char(' ') +
                            Diag::tr("It matters once the download mode uses peers (1, 2 or 3).");
            break;
        case FirewallDecision::Outcome::Uncertain:
            r = result(Verdict::Warn,
                       Diag::tr("Whether nftables accepts %1 depends on rules the troubleshooter "
                                "cannot decide (the peer's address, rate limits, iptables "
                                "extensions).")
                           .arg(packet));
            r.remedy = Diag::tr("Check that the rules listed let TCP %1 in from the devices that "
                                "should reach this one: sudo nft list ruleset")
                           .arg(connection.port);
            break;
        }
        r.evidence << Diag::tr("%n filter chain(s) on the input hook", nullptr,
                               decision->baseChains);
        if (!decision->decidedBy.isEmpty())
            r.evidence << Diag::tr("Decided by %1").arg(decision->decidedBy);
        for (const QString& rule : decision->undecided)
            r.evidence << Diag::tr("May apply: %1").arg(rule);
        done(r);
    });
    connect(m_nft, &QProcess::errorOccurred, this, [this, done, program](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return; // a crash or timeout still ends in finished()
        CheckResult r =
            result(Verdict::NotApplicable,
                   Diag::tr("The firewall rules cannot be read: %1 does not start.").arg(program));
        r.evidence << m_nft->errorString();
        done(r);
    });
    m_nft->start(program,
                 {QStringLiteral("-j"), QStringLiteral("list"), QStringLiteral("ruleset")});
}

} // namespace opendo::diagnostics
