#include "PeersCommand.h"

#include "agent/Agent.h"
#include "agent/PeerActivityJson.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QThread>

namespace opendo::cli {

namespace {

const char* const kUsage = "usage: doctl peers [--json]\n";
constexpr int kFirstSnapshotWaitMs = 2'000;

} // namespace

int runPeersCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    if (!args.remaining().isEmpty()) {
        err << kUsage;
        return 2;
    }
    // A freshly started agent publishes its first snapshot within a second.
    QDeadlineTimer deadline(kFirstSnapshotWaitMs);
    while (!agent.hasPeerActivity() && !deadline.hasExpired())
        QThread::msleep(50);
    const agent::PeerActivity a = agent.peerActivity();
    if (json) {
        out << QJsonDocument(agent::peerActivityToJson(a)).toJson(QJsonDocument::Indented);
        return 0;
    }
    out << "Download mode: " << a.downloadMode;
    if (a.downloadMode != a.configuredMode)
        out << " (configured " << a.configuredMode << "; " << a.fallbackReason << ")";
    out << '\n';
    out << "Discovery: " << discovery::discoveryStateLabel(a.discovery.state);
    if (!a.discovery.serviceUrl.isEmpty())
        out << " — " << a.discovery.serviceUrl;
    if (!a.discovery.publicAddress.isEmpty())
        out << ", sees us as " << a.discovery.publicAddress;
    out << '\n';
    if (!a.discovery.refusal.isEmpty())
        out << "  refused: " << a.discovery.refusal << '\n';
    if (!a.discovery.groupId.isEmpty())
        out << "  group id " << a.discovery.groupId << " from " << a.discovery.groupIdSource
            << '\n';
    out << "Listening: " << (a.listenEndpoint.isEmpty() ? QStringLiteral("no") : a.listenEndpoint)
        << '\n';
    if (!a.blockedReason.isEmpty())
        out << "Peering: " << a.blockedReason << '\n';
    out << "Offered by discovery: " << a.offered.size() << '\n';
    for (const agent::OfferedPeer& p : a.offered)
        out << "  " << p.contentId.left(12) << "  " << p.endpoint << "  "
            << transfer::sourceClassLabel(p.sourceClass) << '\n';
    out << "Connections: " << a.peers.size() << '\n';
    for (const transfer::PeerSnapshot& p : a.peers)
        out << "  " << p.contentId.left(12) << "  " << p.endpoint << "  "
            << transfer::sourceClassLabel(p.sourceClass) << "  " << p.client << "  received "
            << p.bytesReceived << "  sent " << p.bytesSent << '\n';
    return 0;
}

} // namespace opendo::cli
