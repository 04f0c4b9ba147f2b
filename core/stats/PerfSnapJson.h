#pragma once

// The device-wide figures of Get-DeliveryOptimizationPerfSnap (`doctl perfsnap`, the support
// bundle's perfsnap.json) with its field names, computed from the agent's snapshots.

#include "agent/PeerActivity.h"
#include "stats/DeviceStats.h"
#include "transfer/JobStatus.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

namespace opendo::stats {

// The fields in the order Get-DeliveryOptimizationPerfSnap shows them. Totals count since the
// agent started.
QList<QPair<QString, QJsonValue>> perfSnapFields(const DeviceStats& device,
                                                 const agent::PeerActivity& peers,
                                                 const QList<transfer::JobStatus>& jobs);
QJsonObject perfSnapToJson(const DeviceStats& device, const agent::PeerActivity& peers,
                           const QList<transfer::JobStatus>& jobs);

} // namespace opendo::stats
