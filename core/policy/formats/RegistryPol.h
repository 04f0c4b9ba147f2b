#pragma once

// Registry.pol: the binary PReg format Group Policy stores under GroupPolicy\Machine.

#include "policy/formats/PolicyDocument.h"

namespace opendo::policy::formats {

PolicyParseResult parseRegistryPol(const QByteArray& bytes);
QByteArray writeRegistryPol(const QMap<QString, QString>& values);

} // namespace opendo::policy::formats
