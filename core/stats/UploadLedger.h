#pragma once

// Bytes uploaded to peers per calendar month (local time) and peer class, kept in the
// upload_months table so DOMonthlyUploadDataCap survives agent restarts. Lives on the thread
// that owns the DB connection.

#include "transfer/SourceClass.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>

namespace opendo::stats {

class UploadLedger
{
public:
    explicit UploadLedger(QSqlDatabase db);

    // Adds to the month that contains `day`. Bytes <= 0 add nothing and succeed; a class that
    // is not a peer class (uploads only go to peers) or an invalid day fails.
    bool add(transfer::SourceClass cls, qint64 bytes, const QDate& day, QString* error);

    // -1 when the database cannot be read; 0 for a month without uploads.
    qint64 monthBytes(transfer::SourceClass cls, const QDate& anyDayOfMonth) const;
    qint64 monthTotal(const QDate& anyDayOfMonth) const; // all peer classes

    static QString monthKey(const QDate& day); // "2026-11"; "" for an invalid date

private:
    QSqlDatabase m_db;
};

} // namespace opendo::stats
