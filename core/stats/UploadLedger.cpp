#include "stats/UploadLedger.h"

#include "common/ErrorOut.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::stats {
namespace {

qint64 sumOf(QSqlQuery& q)
{
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

UploadLedger::UploadLedger(QSqlDatabase db) : m_db(std::move(db)) {}

QString UploadLedger::monthKey(const QDate& day)
{
    // QDate::toString with a format is locale-independent, so the key never changes with the
    // user's language.
    return day.isValid() ? day.toString(QStringLiteral("yyyy-MM")) : QString();
}

bool UploadLedger::add(transfer::SourceClass cls, qint64 bytes, const QDate& day, QString* error)
{
    if (!transfer::isPeerClass(cls))
        return failWith(error,
                        QStringLiteral("uploads are only counted for peer classes, not \"%1\"")
                            .arg(transfer::sourceClassKey(cls)));
    if (!day.isValid())
        return failWith(error, QStringLiteral("cannot count uploads for an invalid date"));
    if (bytes <= 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO upload_months (month, source_class, bytes) VALUES (?, ?, ?) "
        "ON CONFLICT (month, source_class) DO UPDATE SET bytes = bytes + excluded.bytes"));
    q.addBindValue(monthKey(day));
    q.addBindValue(transfer::sourceClassKey(cls));
    q.addBindValue(bytes);
    if (!q.exec())
        return failWith(error, QStringLiteral("cannot record %1 uploaded bytes: %2")
                                   .arg(bytes)
                                   .arg(q.lastError().text()));
    return true;
}

qint64 UploadLedger::monthBytes(transfer::SourceClass cls, const QDate& anyDayOfMonth) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(bytes), 0) FROM upload_months WHERE month = ? AND source_class = ?"));
    q.addBindValue(monthKey(anyDayOfMonth));
    q.addBindValue(transfer::sourceClassKey(cls));
    return sumOf(q);
}

qint64 UploadLedger::monthTotal(const QDate& anyDayOfMonth) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COALESCE(SUM(bytes), 0) FROM upload_months WHERE month = ?"));
    q.addBindValue(monthKey(anyDayOfMonth));
    return sumOf(q);
}

} // namespace opendo::stats
