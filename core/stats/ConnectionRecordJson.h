#pragma once

// A peer connection, open or ended, in the shape of Get-DeliveryOptimizationLogAnalysis
// -ListConnections (FileId, DestinationIp, PeerType, status, bytes each way) plus what OpenDO
// knows beyond it: the port, direction, client, times, hash failures and why it ended.

#include "stats/ConnectionJournal.h"

#include <QJsonArray>
#include <QJsonObject>

namespace opendo::stats {

// "Open", "Closed", or "ProtocolViolation" when the peer broke the wire protocol or sent bad
// data (DO's numeric status code has no equivalent that could be filled honestly).
QString connectionStatus(const ConnectionRecord& record);

QJsonObject connectionRecordToJson(const ConnectionRecord& record);
QJsonArray connectionRecordsToJson(const QList<ConnectionRecord>& records);

} // namespace opendo::stats
