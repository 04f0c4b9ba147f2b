#pragma once

// The support bundle: one .tar.gz a help desk can ask for, with everything needed to judge a
// device without access to it — effective policy with every source, status and perf snapshot
// JSON, the recent log, the troubleshooter's results, network interfaces and routes, and an HTML
// report that opens in any browser. Secrets (swarm keys, tokens, passwords in URLs) never go in.

#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace opendo::diagnostics {

struct SupportBundleInputs
{
    DiagnosticInputs facts;
    DiagnosticReport report;
    QList<log::LogRecord> log; // the recent log, oldest first
};

// The files of the bundle, name → content, in archive order (all under "opendo-support/").
QList<QPair<QString, QByteArray>> supportBundleFiles(const SupportBundleInputs& inputs);
// Writes the bundle atomically (temporary file, then rename). Returns "" or the error.
QString writeSupportBundle(const QString& path, const SupportBundleInputs& inputs);

// Removes what must not leave the machine: user:password@ in URLs, token/key/secret/password
// query values, swarm keys and other 64-hex-digit secrets that follow "key".
QString redactSecrets(QString text);

} // namespace opendo::diagnostics
