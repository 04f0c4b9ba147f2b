#pragma once

// A peer connection, open or ended, in the shape of Get-DeliveryOptimizationLogAnalysis
// -ListConnections (FileId, DestinationIp, PeerType, status, bytes each way) plus what OpenDO
// knows beyond it: the port, direction, client, times, hash failures and why it ended.

#include "stats/ConnectionJournal.h"
#include "transfer/PeerSnapshot.h"

#include <QJsonArray>
#include <QJsonObject>

namespace opendo::stats {

// An open connection in the journal's shape: no end time, no reason.
ConnectionRecord openConnectionRecord(const transfer::PeerSnapshot& peer);

// "Open", "Closed", or "ProtocolViolation" when the peer broke the wire protocol or sent bad
// data (DO's numeric status code has no equivalent that could be filled honestly).
QString connectionStatus(const ConnectionRecord& record);

QJsonObject connectionRecordToJson(const ConnectionRecord& record);
QJsonArray connectionRecordsToJson(const QList<ConnectionRecord>& records);

} // namespace opendo::stats
