#pragma once

// The services' log format on stderr (journald and `do-agent … 2>log` read it): local time with
// milliseconds, level, category, message — one line per message, flushed at once.

#include <QtGlobal>

class QMessageLogContext;
class QString;

void logToStderr(QtMsgType type, const QMessageLogContext& context, const QString& message);
