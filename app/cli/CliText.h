#pragma once

// Every doctl message is translated in the "doctl" context, whichever program runs the command
// (doctl itself, or the do-agent or console that serves it over the control endpoint).

#include <QString>

namespace opendo::cli {

// "error: MESSAGE" and a line break, in the user's language.
QString errorLine(const QString& message);
// "warning: MESSAGE" and a line break, in the user's language.
QString warningLine(const QString& message);

} // namespace opendo::cli
