// The upload counters behind DOMonthlyUploadDataCap and the perf snapshot's upload totals.

#include "transfer/MonthlyUploads.h"

#include "log/LogCategories.h"
#include "stats/UploadLedger.h"

namespace opendo::transfer {

namespace {

QDate firstOfMonth(const QDate& day)
{
    return QDate(day.year(), day.month(), 1);
}

} // namespace

MonthlyUploads::MonthlyUploads(stats::UploadLedger* ledger, const QDate& today) : m_ledger(ledger)
{
    loadMonth(today);
}

void MonthlyUploads::count(SourceClass cls, qint64 bytes)
{
    if (bytes <= 0)
        return;
    m_unflushed[int(cls)] += bytes;
    m_month[int(cls)] += bytes;
    m_totals[size_t(cls)] += bytes;
}

MonthlyUploads::FlushResult MonthlyUploads::flush(const QDate& today)
{
    FlushResult result;
    result.wroteBytes = !m_unflushed.isEmpty();
    result.newMonth = firstOfMonth(today) != m_monthStart;
    if (m_ledger) {
        for (auto it = m_unflushed.cbegin(); it != m_unflushed.cend(); ++it) {
            QString error;
            if (!m_ledger->add(SourceClass(it.key()), it.value(), m_monthStart, &error))
                qCWarning(log::lcAgent).noquote() << "cannot record uploads:" << error;
        }
    }
    m_unflushed.clear();
    if (result.newMonth)
        loadMonth(today);
    return result;
}

void MonthlyUploads::loadMonth(const QDate& day)
{
    m_monthStart = firstOfMonth(day);
    m_month.clear();
    if (!m_ledger)
        return;
    for (SourceClass cls : kAllSourceClasses) {
        if (!isPeerClass(cls))
            continue;
        const qint64 stored = m_ledger->monthBytes(cls, day);
        // An unreadable ledger must not switch the cap off for the whole month: count from
        // what this run uploads instead, and say so.
        if (stored < 0)
            qCWarning(log::lcAgent).noquote()
                << "cannot read this month's uploads; the upload cap counts from zero";
        m_month[int(cls)] = qMax<qint64>(0, stored);
    }
}

} // namespace opendo::transfer
