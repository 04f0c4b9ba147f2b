#pragma once

// The DO error codes an agent raised, kept in its database (error_events) so the
// troubleshooter's "Errors found" check sees the last weeks, across restarts, the way DO's
// troubleshooter reads its logs of the last 15 days. Reporting also logs the message, tagged
// with its code, as a warning. Lives on the thread that owns the DB connection.

#include "log/ErrorCodes.h"

#include <QDateTime>
#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

namespace opendo::stats {

struct ErrorEvent
{
    QDateTime at;
    quint32 code = 0;
    QString category; // "opendo.swarm", …
    QString message;  // as logged, without the code tag
};

class ErrorJournal
{
public:
    // Events older than this, or beyond the newest kMaxEvents, are dropped.
    static constexpr int kKeepDays = 30;
    static constexpr int kMaxEvents = 10'000;

    explicit ErrorJournal(QSqlDatabase db);

    void report(log::DoErrorCode code, const QLoggingCategory& category, const QString& message);
    // Newest last; empty (with `error` set) when the database cannot be read.
    QList<ErrorEvent> since(const QDateTime& from, QString* error = nullptr) const;

private:
    void prune();

    QSqlDatabase m_db;
    int m_sincePrune = 0;
};

// Reports through `journal`, or only logs when there is none (an agent without a database).
void reportError(ErrorJournal* journal, log::DoErrorCode code, const QLoggingCategory& category,
                 const QString& message);

} // namespace opendo::stats
