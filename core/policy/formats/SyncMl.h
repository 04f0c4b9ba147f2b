#pragma once

// MDM SyncML bodies addressing the Policy CSP DeliveryOptimization nodes.

#include "policy/formats/PolicyDocument.h"

namespace opendo::policy::formats {

PolicyParseResult parseSyncMl(const QByteArray& bytes);
// In SyncMlWriter.cpp.
QByteArray writeSyncMl(const QMap<QString, QString>& values);

} // namespace opendo::policy::formats
