#include "agent/PeerActivityJson.h"

#include <QJsonArray>

namespace opendo::agent {

namespace {

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
    o[QStringLiteral("CacheHosts")] = QJsonArray::fromStringList(d.cacheHosts);
    QJsonObject local;
    local[QStringLiteral("Advertising")] = d.local.advertising;
    local[QStringLiteral("Restricting")] = d.local.restricting;
    local[QStringLiteral("Port")] = d.local.port;
    local[QStringLiteral("Interfaces")] = QJsonArray::fromStringList(d.local.interfaces);
    local[QStringLiteral("Error")] = d.local.error;
    local[QStringLiteral("Peers")] = QJsonArray::fromStringList(d.local.peers);
    local[QStringLiteral("BrowsingCacheServers")] = d.local.browsingCacheServers;
    local[QStringLiteral("CacheServers")] = QJsonArray::fromStringList(d.local.cacheServers);
    o[QStringLiteral("LocalDiscovery")] = local;
    return o;
}

} // namespace

QJsonObject peerActivityToJson(const PeerActivity& a)
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
    for (const OfferedPeer& p : a.offered) {
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
        row[QStringLiteral("UploadWindow")] = p.uploadWindow;
        row[QStringLiteral("QueuingDelayMs")] = p.queuingDelayMs;
        connections.append(row);
    }
    o[QStringLiteral("Connections")] = connections;
    o[QStringLiteral("Bans")] = a.bans;
    QJsonArray banned;
    for (const transfer::BannedPeer& b : a.banned) {
        QJsonObject row;
        row[QStringLiteral("ContentId")] = b.contentId;
        row[QStringLiteral("Address")] = b.address;
        row[QStringLiteral("Endpoint")] = b.endpoint;
        row[QStringLiteral("Reason")] = b.reason;
        row[QStringLiteral("Since")] = b.at.toUTC().toString(Qt::ISODate);
        banned.append(row);
    }
    o[QStringLiteral("Banned")] = banned;
    o[QStringLiteral("HashFailures")] = a.hashFailures;
    QJsonArray unreachable;
    for (const transfer::DialFailure& f : a.unreachable) {
        QJsonObject row;
        row[QStringLiteral("ContentId")] = f.contentId;
        row[QStringLiteral("Endpoint")] = f.endpoint;
        row[QStringLiteral("Class")] = transfer::sourceClassKey(f.sourceClass);
        row[QStringLiteral("Attempts")] = f.attempts;
        row[QStringLiteral("FirstAttempt")] = f.firstAt.toUTC().toString(Qt::ISODate);
        row[QStringLiteral("LastAttempt")] = f.lastAt.toUTC().toString(Qt::ISODate);
        row[QStringLiteral("LastError")] = f.lastError;
        unreachable.append(row);
    }
    o[QStringLiteral("Unreachable")] = unreachable;
    return o;
}

} // namespace opendo::agent
