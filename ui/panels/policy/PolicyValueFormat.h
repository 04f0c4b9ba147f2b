#pragma once

// How a policy value reads in the editor: enumerations with their meaning, hours as times.

#include "policy/PolicyDefinition.h"

#include <QString>

namespace opendo::ui {

QString formatPolicyValue(const policy::PolicyDefinition& def, const QString& value);
QString formatRange(const policy::PolicyDefinition& def);
QString formatAllowedValues(const policy::PolicyDefinition& def);

} // namespace opendo::ui
