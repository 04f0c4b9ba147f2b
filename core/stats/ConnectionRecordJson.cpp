#include "stats/ConnectionRecordJson.h"

#include "transfer/PeerEndpoint.h"

namespace opendo::stats {

namespace {

QString destinationIp(const QString& endpoint)
{
    const auto parsed = transfer::parsePeerEndpoint(endpoint, nullptr);
    return parsed ? parsed->address.toString() : endpoint;
}

QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

} // namespace

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
