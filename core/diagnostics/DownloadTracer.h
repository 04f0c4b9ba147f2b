#pragma once

// "Why did this file get 0 % from peers?": the gates one download passes on its way to its peer
// share, in the order the agent applies them, with the first one that failed as the answer.

#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"

namespace opendo::diagnostics {

DownloadTrace traceDownload(const transfer::JobStatus& job, const DiagnosticInputs& inputs);
// The request's download, or every download when it names none.
QList<DownloadTrace> traceDownloads(const DiagnosticInputs& inputs);

} // namespace opendo::diagnostics
