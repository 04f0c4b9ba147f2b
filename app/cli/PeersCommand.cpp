#include "PeersCommand.h"

#include "agent/Agent.h"
#include "agent/PeerActivityJson.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThread>

namespace opendo::cli {

namespace {

const char* const kPeersUsage = QT_TRANSLATE_NOOP("doctl", "usage: doctl peers [--json]\n");
constexpr int kPeersSnapshotWaitMs = 2'000;

QString localDiscoveryLine(const discovery::local::LocalDiscoveryStatus& l)
{
    const QString title = QCoreApplication::translate("doctl", "Local discovery (DNS-SD): %1");
    if (!l.error.isEmpty())
        return title.arg(l.error);
    if (!l.advertising && !l.restricting && !l.browsingCacheServers)
        return title.arg(QCoreApplication::translate("doctl", "off (download mode without peers)"));
    const QString where =
        QCoreApplication::translate("doctl", "UDP %1 on %2")
            .arg(QString::number(l.port), l.interfaces.join(QStringLiteral(", ")));
    if (!l.advertising && !l.restricting)
        return title.arg(
            QCoreApplication::translate("doctl", "asking for cache servers only, %1").arg(where));
    if (!l.restricting)
        return title.arg(
            QCoreApplication::translate("doctl", "answering, %1; peers are not restricted to it")
                .arg(where));
    return title.arg(
        QCoreApplication::translate("doctl", "only peers found here are used "
                                             "(DORestrictPeerSelectionBy 2), %1; found %2")
            .arg(where, l.peers.isEmpty() ? QCoreApplication::translate("doctl", "none yet")
                                          : l.peers.join(QStringLiteral(", "))));
}

// Said only while cache servers are looked for by DNS-SD (no DOCacheHost, DOCacheHostSource not
// set); empty otherwise.
QString linkCacheServersLine(const discovery::local::LocalDiscoveryStatus& l)
{
    if (!l.browsingCacheServers)
        return {};
    return QCoreApplication::translate("doctl", "Cache servers announced here (DNS-SD): %1")
        .arg(l.cacheServers.isEmpty() ? QCoreApplication::translate("doctl", "none")
                                      : l.cacheServers.join(QStringLiteral(", ")));
}

} // namespace

agent::PeerActivity latestPeerActivity(agent::Agent& agent)
{
    // A freshly started agent publishes its first snapshot within a second.
    QDeadlineTimer deadline(kPeersSnapshotWaitMs);
    while (!agent.hasPeerActivity() && !deadline.hasExpired())
        QThread::msleep(50);
    return agent.peerActivity();
}

int runPeersCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    if (!args.remaining().isEmpty()) {
        err << QCoreApplication::translate("doctl", kPeersUsage);
        return 2;
    }
    const agent::PeerActivity a = latestPeerActivity(agent);
    if (json) {
        out << QJsonDocument(agent::peerActivityToJson(a)).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << QCoreApplication::translate("doctl", "Download mode: %1").arg(a.downloadMode);
    if (a.downloadMode != a.configuredMode)
        out << ' '
            << QCoreApplication::translate("doctl", "(configured %1; %2)")
                   .arg(QString::number(a.configuredMode), a.fallbackReason);
    out << '\n';
    out << QCoreApplication::translate("doctl", "Discovery: %1")
               .arg(discovery::discoveryStateLabel(a.discovery.state));
    if (!a.discovery.serviceUrl.isEmpty())
        out << " — " << a.discovery.serviceUrl;
    if (!a.discovery.publicAddress.isEmpty())
        out << QCoreApplication::translate("doctl", ", sees us as %1")
                   .arg(a.discovery.publicAddress);
    out << '\n';
    if (!a.discovery.refusal.isEmpty())
        out << "  " << QCoreApplication::translate("doctl", "refused: %1").arg(a.discovery.refusal)
            << '\n';
    if (!a.discovery.cacheHosts.isEmpty())
        out << "  "
            << QCoreApplication::translate("doctl", "assigns cache servers %1")
                   .arg(a.discovery.cacheHosts.join(QStringLiteral(", ")))
            << '\n';
    if (!a.discovery.groupId.isEmpty())
        out << "  "
            << QCoreApplication::translate("doctl", "group id %1 from %2")
                   .arg(a.discovery.groupId, a.discovery.groupIdSource)
            << '\n';
    out << localDiscoveryLine(a.discovery.local) << '\n';
    if (const QString line = linkCacheServersLine(a.discovery.local); !line.isEmpty())
        out << "  " << line << '\n';
    out << QCoreApplication::translate("doctl", "Listening: %1")
               .arg(a.listenEndpoint.isEmpty()
                        ? QCoreApplication::translate("doctl", "no", "not listening")
                        : a.listenEndpoint)
        << '\n';
    if (!a.blockedReason.isEmpty())
        out << QCoreApplication::translate("doctl", "Peering: %1").arg(a.blockedReason) << '\n';
    out << QCoreApplication::translate("doctl", "Offered by discovery: %1").arg(a.offered.size())
        << '\n';
    for (const agent::OfferedPeer& p : a.offered)
        out << "  " << p.contentId.left(12) << "  " << p.endpoint << "  "
            << transfer::sourceClassLabel(p.sourceClass) << '\n';
    out << QCoreApplication::translate("doctl", "Connections: %1").arg(a.peers.size()) << '\n';
    for (const transfer::PeerSnapshot& p : a.peers) {
        out << "  " << p.contentId.left(12) << "  " << p.endpoint << "  "
            << transfer::sourceClassLabel(p.sourceClass) << "  " << p.client << "  "
            << QCoreApplication::translate("doctl", "received %1  sent %2")
                   .arg(p.bytesReceived)
                   .arg(p.bytesSent);
        // Paced uploads (LEDBAT): how long they queue on the way, and the window that keeps it so.
        if (p.uploadWindow > 0)
            out << "  "
                << QCoreApplication::translate("doctl", "upload delay %1 ms (window %2 bytes)")
                       .arg(p.queuingDelayMs)
                       .arg(p.uploadWindow);
        out << '\n';
    }
    out << QCoreApplication::translate("doctl", "Banned: %1").arg(a.banned.size()) << '\n';
    for (const transfer::BannedPeer& b : a.banned)
        out << "  " << b.contentId.left(12) << "  " << b.address << "  "
            << b.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
            << b.reason << '\n';
    out << QCoreApplication::translate("doctl", "Unreachable in the last hour: %1")
               .arg(a.unreachable.size())
        << '\n';
    for (const transfer::DialFailure& f : a.unreachable)
        out << "  " << f.contentId.left(12) << "  " << f.endpoint << "  "
            << QCoreApplication::translate("doctl", "%n attempt(s), last %1: %2", nullptr,
                                           f.attempts)
                   .arg(f.lastAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")), f.lastError)
            << '\n';
    return 0;
}

} // namespace opendo::cli
