#pragma once

// Bytes moved per source class over time, kept in SQLite so the console's charts and the
// monthly figures survive restarts: one row per second for the last hour, one row per minute
// for 90 days, and running totals per calendar month (local time). Downloads and uploads are
// separate directions; every byte is counted under exactly one class, so per-class figures
// always add up to the totals.

#include "transfer/SourceClass.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <array>

namespace opendo::stats {

enum class Direction
{
    Download,
    Upload
};

// Bytes per class for one interval (index = int(SourceClass)).
using ClassBytes = transfer::PerSourceClass<qint64>;

qint64 total(const ClassBytes& bytes);

struct HistorySample
{
    QDateTime start;   // beginning of the interval (UTC)
    int seconds = 1;   // interval length: 1 (fine) or 60 (coarse)
    ClassBytes down{}; // bytes received in the interval, by class
    ClassBytes up{};   // bytes sent
};

struct MonthTotals
{
    QString month; // "2026-11"
    ClassBytes down{};
    ClassBytes up{};
    // What DOMonthlyUploadDataCap counts for this month: uploads to Internet peers as the
    // UploadLedger holds them, the one counter the upload gate enforces (it adds the last few
    // seconds not yet written). -1 when the ledger cannot be read.
    qint64 capCountedBytes = 0;
    // Average speed of foreground and background downloads, in bytes per second: bytes received
    // over the time at least one download of that priority was moving. 0 = none this month.
    qint64 foregroundRate = 0;
    qint64 backgroundRate = 0;
};

class TransferHistory
{
public:
    explicit TransferHistory(QSqlDatabase db);

    // Adds bytes moved during the second that starts at `second` (UTC, truncated to whole
    // seconds). Several calls for the same second add up. Negative amounts are refused.
    bool record(const QDateTime& second, Direction direction, const ClassBytes& bytes,
                QString* error);
    // Samples overlapping [from, to): 1-second rows where they still exist (last hour),
    // 1-minute rows before that. Ordered by time.
    QList<HistorySample> samples(const QDateTime& from, const QDateTime& to) const;
    // Adds `bytes` received by downloads of one priority during `activeMs` of time in which at
    // least one of them was moving; `at` decides the month.
    bool recordDownloadActivity(const QDateTime& at, bool foreground, qint64 bytes, qint64 activeMs,
                                QString* error);
    MonthTotals month(const QDate& anyDay) const;
    // Folds 1-second rows older than an hour into 1-minute rows and drops 1-minute rows older
    // than 90 days; `now` is injectable for tests. Totals are unchanged by compaction.
    bool compact(const QDateTime& now, QString* error);

private:
    QSqlDatabase m_db;
};

} // namespace opendo::stats
