#pragma once

// Asks until when a cached content stays at least (Set-DeliveryOptimizationStatus -ExpireOn):
// a date and time between now and a year ahead.

#include <QDateTime>
#include <optional>

class QWidget;

namespace opendo::ui {

// nullopt when the user cancels. `name` is the content's file name, for the question.
std::optional<QDateTime> askKeepUntil(QWidget* parent, const QString& name,
                                      const QDateTime& suggested);

} // namespace opendo::ui
