#include "stats/ErrorJournal.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::stats {

namespace {

void logTagged(log::DoErrorCode code, const QLoggingCategory& category, const QString& message)
{
    qCWarning(category).noquote() << log::errorCodeTag(code) << message;
}

} // namespace

ErrorJournal::ErrorJournal(QSqlDatabase db) : m_db(std::move(db)) {}

void ErrorJournal::report(log::DoErrorCode code, const QLoggingCategory& category,
                          const QString& message)
{
    logTagged(code, category, message);
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO error_events (at_ms, code, category, message) "
                             "VALUES (?, ?, ?, ?)"));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(qint64(code));
    q.addBindValue(QString::fromLatin1(category.categoryName()));
    q.addBindValue(message);
    if (!q.exec()) {
        // Logged without the tag: a failing database must not feed itself more events.
        qCWarning(category).noquote() << "cannot keep the error event:" << q.lastError().text();
        return;
    }
    if (++m_sincePrune >= 100) {
        m_sincePrune = 0;
        prune();
    }
}

void ErrorJournal::prune()
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM error_events WHERE at_ms < ? OR id <= "
                             "(SELECT id FROM error_events ORDER BY id DESC LIMIT 1 OFFSET ?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-kKeepDays).toMSecsSinceEpoch());
    q.addBindValue(kMaxEvents);
    q.exec();
}

QList<ErrorEvent> ErrorJournal::since(const QDateTime& from, QString* error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at_ms, code, category, message FROM error_events "
                             "WHERE at_ms >= ? ORDER BY id"));
    q.addBindValue(from.toMSecsSinceEpoch());
    QList<ErrorEvent> events;
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return events;
    }
    while (q.next()) {
        events.append({QDateTime::fromMSecsSinceEpoch(q.value(0).toLongLong()),
                       quint32(q.value(1).toLongLong()), q.value(2).toString(),
                       q.value(3).toString()});
    }
    return events;
}

void reportError(ErrorJournal* journal, log::DoErrorCode code, const QLoggingCategory& category,
                 const QString& message)
{
    if (journal)
        journal->report(code, category, message);
    else
        logTagged(code, category, message);
}

} // namespace opendo::stats
