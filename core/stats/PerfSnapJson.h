#pragma once

// The device-wide figures of Get-DeliveryOptimizationPerfSnap (`doctl perfsnap`, the support
// bundle's perfsnap.json) with its field names, computed from the agent's snapshots.

#include "agent/PeerActivity.h"
#include "stats/DeviceStats.h"
#include "stats/TransferHistory.h"
#include "transfer/JobStatus.h"

#include <QDate>
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

// Get-DeliveryOptimizationPerfSnapThisMonth (`doctl perfsnap --month`, the bundle's
// perfsnap-month.json) for the month of `today`, plus the group classes DO folds into LAN and
// the upload cap's use; `capGb` is DOMonthlyUploadDataCap as policy holds it.
QList<QPair<QString, QJsonValue>> perfSnapMonthFields(const MonthTotals& totals, const QDate& today,
                                                      qint64 capGb);
QJsonObject perfSnapMonthToJson(const MonthTotals& totals, const QDate& today, qint64 capGb);

} // namespace opendo::stats
