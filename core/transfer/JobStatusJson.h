#pragma once

// A job's status as JSON with the Get-DeliveryOptimizationStatus field names, for doctl and
// the control API.

#include "transfer/JobStatus.h"

#include <QJsonObject>

namespace opendo::transfer {

QJsonObject jobStatusToJson(const JobStatus& status);

// The field names in the order Get-DeliveryOptimizationStatus shows them (JSON objects sort
// their keys; tables should not).
QStringList jobStatusFieldOrder();

} // namespace opendo::transfer
