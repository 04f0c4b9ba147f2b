#pragma once

// The details pane of the downloads panel: every Get-DeliveryOptimizationStatus field of the
// selected job that applies, as label/value rows (a pure function, so it is testable).

#include "transfer/JobStatus.h"

#include <QList>
#include <QPair>
#include <QString>

namespace opendo::ui {

QList<QPair<QString, QString>> jobDetailRows(const transfer::JobStatus& job);

} // namespace opendo::ui
