#include "PeersCommand.h"

#include "agent/Agent.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

namespace opendo::cli {

namespace {

const char* const kUsage = "usage: doctl peers [--json]\n";
constexpr int kFirstSnapshotWaitMs = 2'000;

QJsonObject discoveryToJson(const discovery::DiscoveryStatus& d)
{
    QJsonObject o;
    o[QStringLiteral("State")] = discovery::discoveryStateKey(d.state);
    o[QStringLiteral("Url")] = d.serviceUrl;
    o[QStringLiteral("PublicAddress")] = d.publicAddress;
    o[QStringLiteral("LastError")] = d.lastError;
    o[QStringLiteral("Refusal")] = d.refusal;
    o[QStringLiteral("LastContact")] = d.lastContact.toString(Qt::ISODate);
    o[QStringLiteral("GroupId")] = d.groupId;
    o[QStringLiteral("GroupIdSource")] = d.groupIdSource;
    o[QStringLiteral("AnnouncedContents")] = d.announcedContents;
    o[QStringLiteral("PeersOffered")] = d.peersOffered;
    o[QStringLiteral("RetryInSeconds")] = d.retryInSeconds;
    return o;
}

} // namespace

QJsonObject peerActivityToJson(const agent::PeerActivity& a)
{
    QJsonObject o;
    o[QStringLiteral("DownloadMode")] = a.downloadMode;
    o[QStringLiteral("ConfiguredDownloadMode")] = a.configuredMode;
    o[QStringLiteral("FallbackReason")] = a.fallbackReason;
    o[QStringLiteral("ListenEndpoint")] = a.listenEndpoint;
    o[QStringLiteral("PeeringAllowed")] = a.peeringAllowed;
    o[QStringLiteral("UploadAllowed")] = a.uploadAllowed;
    o[QStringLiteral("BlockedReason")] = a.blockedReason;
    o[QStringLiteral("Discovery")] = discoveryToJson(a.discovery);
    QJsonArray offered;
    for (const agent::OfferedPeer& p : a.offered) {
        QJsonObject row;
        row[QStringLiteral("ContentId")] = p.contentId;
        row[QStringLiteral("Endpoint")] = p.endpoint;
        row[QStringLiteral("Class")] = transfer::sourceClassKey(p.sourceClass);
        offered.append(row);
    }
    o[QStringLiteral("Offered")] = offered;
    QJsonArray connections;
    for (const transfer::PeerSnapshot& p : a.peers) {
        QJsonObject row;
        row[QStringLiteral("ContentId")] = p.contentId;
        row[QStringLiteral("Endpoint")] = p.endpoint;
        row[QStringLiteral("Incoming")] = p.incoming;
        row[QStringLiteral("Class")] = transfer::sourceClassKey(p.sourceClass);
        row[QStringLiteral("Client")] = p.client;
        row[QStringLiteral("BytesReceived")] = p.bytesReceived;
        row[QStringLiteral("BytesSent")] = p.bytesSent;
        row[QStringLiteral("HashFailures")] = p.hashFailures;
        connections.append(row);
    }
    o[QStringLiteral("Connections")] = connections;
    o[QStringLiteral("Bans")] = a.bans;
    o[QStringLiteral("HashFailures")] = a.hashFailures;
    return o;
}

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
        out << QJsonDocument(peerActivityToJson(a)).toJson(QJsonDocument::Indented);
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
