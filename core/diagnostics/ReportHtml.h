#pragma once

// The troubleshooter's findings as one self-contained HTML page (inline CSS, no scripts, no
// external resources) for the support bundle.

#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"

namespace opendo::diagnostics {

QString renderHtmlReport(const DiagnosticReport& report, const DiagnosticInputs& facts);

} // namespace opendo::diagnostics
