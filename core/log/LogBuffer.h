#pragma once

// The agent's recent log, in memory: every Qt log message of the process (all threads) goes
// into a bounded ring of records with increasing sequence numbers, so the console's log viewer
// and `doctl log [--follow]` can read what happened and then only what is new. Installed once
// by the program (it chains to the previous message handler, so stderr output is unchanged).

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace opendo::log {

enum class LogLevel
{
    Debug,
    Info,
    Warning,
    Critical
};

QString logLevelKey(LogLevel level); // "debug", "info", "warning", "critical"
std::optional<LogLevel> logLevelFromKey(const QString& key);

struct LogRecord
{
    qint64 seq = 0; // 1, 2, 3, … in the order messages were logged
    QDateTime at;
    LogLevel level = LogLevel::Info;
    QString category; // "opendo.swarm", …
    QString message;
};

class LogBuffer
{
public:
    static constexpr int kCapacity = 20'000;

    // Installs the message handler that feeds the buffer; idempotent.
    static void install();
    static void append(LogLevel level, const QString& category, const QString& message);
    // Records after `afterSeq`, oldest first, at most `max` (the newest ones when more).
    static QList<LogRecord> since(qint64 afterSeq, int max = kCapacity);
    static qint64 lastSeq();
};

} // namespace opendo::log

Q_DECLARE_METATYPE(opendo::log::LogRecord)
