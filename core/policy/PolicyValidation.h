#pragma once

// Checks a single value, or a whole set of values, against the catalog's rules.

#include "policy/PolicyDefinition.h"
#include "policy/PolicyState.h"

#include <QList>
#include <QString>

namespace opendo::policy {

struct ValueCheck
{
    bool ok = false;
    QString canonical; // normalised text form when ok (e.g. "42", lower-case GUID)
    QString error;     // when !ok
};

// Text in, canonical text out. Numbers are decimal; booleans also accept true/false.
ValueCheck checkValue(const PolicyDefinition& def, const QString& input);

// Rules that involve several settings (e.g. a business-hours window whose end equals its start).
QList<PolicyIssue> checkCombination(const PolicyState& candidate);

} // namespace opendo::policy
