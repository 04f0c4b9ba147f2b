#pragma once

// Which checks exist and in which order each check set runs them.

#include "diagnostics/Check.h"
#include "diagnostics/DiagnosticRequest.h"

#include <memory>
#include <vector>

namespace opendo::diagnostics {

QStringList allCheckIds();
QStringList checkIdsFor(CheckSet set);
std::unique_ptr<Check> makeCheck(const QString& id); // nullptr for an unknown id
// The request's checks: its explicit ids, else its set.
std::vector<std::unique_ptr<Check>> makeChecks(const DiagnosticRequest& request);

} // namespace opendo::diagnostics
