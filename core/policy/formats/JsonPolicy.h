#pragma once

// OpenDO's own JSON policy files: {"format": "opendo-policy", "version": 1, "policies": {...}}.

#include "policy/formats/PolicyDocument.h"

namespace opendo::policy::formats {

PolicyParseResult parseJsonPolicy(const QByteArray& bytes);
QByteArray writeJsonPolicy(const QMap<QString, QString>& values);

} // namespace opendo::policy::formats
