#pragma once

// Bytes uploaded to peers by class: since the agent started, and in the current calendar month
// (local time), which is the figure DOMonthlyUploadDataCap is enforced on. The month's figure is
// the ledger's (so the cap survives restarts) plus what was counted since the last flush; bytes
// are written to the month they were counted in, so the ledger holds exactly what the cap saw.

#include "transfer/SourceClass.h"

#include <QDate>
#include <QHash>
#include <array>

namespace opendo::stats {
class UploadLedger;
}

namespace opendo::transfer {

class MonthlyUploads
{
public:
    // ledger may be null (no persistence: the month starts from zero).
    MonthlyUploads(stats::UploadLedger* ledger, const QDate& today);

    void count(SourceClass cls, qint64 bytes);
    qint64 thisMonth(SourceClass cls) const { return m_month.value(int(cls)); }
    // Since the agent started, indexed by SourceClass; never reset by a new month.
    const PerSourceClass<qint64>& totals() const { return m_totals; }

    struct FlushResult
    {
        bool wroteBytes = false; // something was counted since the last flush
        bool newMonth = false;   // today is in a later month: the month's figures restarted
    };
    // Writes what was counted to the ledger under the month it was counted in; when `today`
    // lies in another month, the month's figures are reloaded from the ledger for it.
    FlushResult flush(const QDate& today);

private:
    void loadMonth(const QDate& day);

    stats::UploadLedger* m_ledger;
    QDate m_monthStart;             // first day of the month m_month counts
    QHash<int, qint64> m_month;     // by SourceClass
    QHash<int, qint64> m_unflushed; // by SourceClass
    PerSourceClass<qint64> m_totals{};
};

} // namespace opendo::transfer
