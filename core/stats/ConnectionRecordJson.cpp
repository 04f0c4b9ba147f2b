#include "stats/ConnectionRecordJson.h"

namespace opendo::stats {

namespace {

QString destinationIp(const QString& endpoint)
{
    const qsizetype colon = endpoint.lastIndexOf(QLatin1Char(':'));
    QString ip = colon > 0 ? endpoint.left(colon) : endpoint;
    if (ip.startsWith(QLatin1Char('[')) && ip.endsWith(QLatin1Char(']')))
        ip = ip.mid(1, ip.size() - 2);
    return ip;
}

QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

ConnectionRecord openConnectionRecord(const transfer::PeerSnapshot& peer)
{
    ConnectionRecord r;
    r.contentId = peer.contentId;
    r.endpoint = peer.endpoint;
    r.incoming = peer.incoming;
    r.sourceClass = peer.sourceClass;
    r.client = peer.client;
    r.bytesReceived = peer.bytesReceived;
    r.bytesSent = peer.bytesSent;
    r.hashFailures = peer.hashFailures;
    return r;
}

QString connectionStatus(const ConnectionRecord& record)
{
    if (!record.endedAt.isValid())
        return QStringLiteral("Open");
    return record.violation ? QStringLiteral("ProtocolViolation") : QStringLiteral("Closed");
}

QJsonObject connectionRecordToJson(const ConnectionRecord& r)
{
    return QJsonObject{
        {QStringLiteral("FileId"), r.contentId},
        {QStringLiteral("DestinationIp"), destinationIp(r.endpoint)},
        {QStringLiteral("Endpoint"), r.endpoint},
        {QStringLiteral("PeerType"), transfer::sourceClassKey(r.sourceClass)},
        {QStringLiteral("Direction"),
         r.incoming ? QStringLiteral("Incoming") : QStringLiteral("Outgoing")},
        {QStringLiteral("Client"), r.client},
        {QStringLiteral("Status"), connectionStatus(r)},
        {QStringLiteral("Reason"), r.endReason},
        {QStringLiteral("BytesReceived"), r.bytesReceived},
        {QStringLiteral("BytesSent"), r.bytesSent},
        {QStringLiteral("HashFailures"), r.hashFailures},
        {QStringLiteral("Started"), timeValue(r.startedAt)},
        {QStringLiteral("Ended"), timeValue(r.endedAt)},
    };
}

QJsonArray connectionRecordsToJson(const QList<ConnectionRecord>& records)
{
    QJsonArray array;
    for (const ConnectionRecord& r : records)
        array.append(connectionRecordToJson(r));
    return array;
}

} // namespace opendo::stats
