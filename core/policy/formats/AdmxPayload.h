#pragma once

// The ADMX payload the Policy CSP expects in <Data> for the ADMX-backed business-hours groups.

#include "policy/formats/PolicyEntryMapper.h"

namespace opendo::policy::formats {

// <enabled/> with four <data id value/> elements gives the four sub-value changes;
// <disabled/> gives their removal. Errors name `place` and the group.
bool parseBusinessHoursPayload(const QString& place, const PolicyDefinition& group,
                               const QString& payload, QList<PolicyChange>* out, QString* error);

// "" when none of the group's sub-values is configured.
QString businessHoursPayload(const PolicyDefinition& group,
                             const QMap<QString, StoredValue>& stored);

} // namespace opendo::policy::formats
