#include "stats/TransferHistory.h"

#include "common/ErrorOut.h"
#include "stats/UploadLedger.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <utility>

namespace opendo::stats {
namespace {

using transfer::SourceClass;

constexpr qint64 kSecondsKept = 3600;
constexpr qint64 kMinutesKept = 90LL * 24 * 3600;

// Same order as transfer::SourceClass, so column i holds ClassBytes[i].
const QString kColumns = QStringLiteral("http, cache_server, lan, grp, internet, link_local");
const QString kAddExcluded = QStringLiteral(
    "http = http + excluded.http, cache_server = cache_server + excluded.cache_server, "
    "lan = lan + excluded.lan, grp = grp + excluded.grp, internet = internet + excluded.internet, "
    "link_local = link_local + excluded.link_local");

int directionValue(Direction d)
{
    return d == Direction::Upload ? 1 : 0;
}

ClassBytes readBytes(const QSqlQuery& q, int first)
{
    ClassBytes bytes{};
    for (int i = 0; i < int(bytes.size()); ++i)
        bytes[size_t(i)] = q.value(first + i).toLongLong();
    return bytes;
}

void addTo(ClassBytes& into, const ClassBytes& bytes)
{
    for (size_t i = 0; i < into.size(); ++i)
        into[i] += bytes[i];
}

QString monthKey(const QDate& day)
{
    // Format strings are locale-independent, so the key never changes with the user's language.
    return day.toString(QStringLiteral("yyyy-MM"));
}

bool upsert(QSqlDatabase& db, const QString& table, const QString& keyColumn, const QVariant& key,
            int direction, const ClassBytes& bytes, QString* error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO %1 (%2, direction, %3) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (%2, direction) DO UPDATE SET %4")
                  .arg(table, keyColumn, kColumns, kAddExcluded));
    q.addBindValue(key);
    q.addBindValue(direction);
    for (qint64 b : bytes)
        q.addBindValue(b);
    if (!q.exec())
        return failWith(error,
                        QStringLiteral("cannot add to %1: %2").arg(table, q.lastError().text()));
    return true;
}

} // namespace

qint64 total(const ClassBytes& bytes)
{
    qint64 sum = 0;
    for (qint64 b : bytes)
        sum += b;
    return sum;
}

TransferHistory::TransferHistory(QSqlDatabase db) : m_db(std::move(db)) {}

bool TransferHistory::record(const QDateTime& second, Direction direction, const ClassBytes& bytes,
                             QString* error)
{
    if (!second.isValid())
        return failWith(error,
                        QStringLiteral("cannot record transferred bytes for an invalid time"));
    for (qint64 b : bytes) {
        if (b < 0)
            return failWith(error,
                            QStringLiteral("cannot record a negative byte count (%1)").arg(b));
    }
    if (total(bytes) == 0)
        return true;

    const qint64 t = second.toSecsSinceEpoch();
    // The month follows the user's calendar, not UTC, so it matches what the console shows.
    const QString month = monthKey(QDateTime::fromSecsSinceEpoch(t).toLocalTime().date());
    const int dir = directionValue(direction);

    if (!m_db.transaction())
        return failWith(error, m_db.lastError().text());
    // Both rows or neither: month totals are kept alongside, never derived from the seconds,
    // so they must not drift from them.
    if (!upsert(m_db, QStringLiteral("transfer_seconds"), QStringLiteral("t"), t, dir, bytes,
                error) ||
        !upsert(m_db, QStringLiteral("transfer_months"), QStringLiteral("month"), month, dir, bytes,
                error)) {
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        const QString message = m_db.lastError().text();
        m_db.rollback();
        return failWith(error, message);
    }
    return true;
}

bool TransferHistory::recordDownloadActivity(const QDateTime& at, bool foreground, qint64 bytes,
                                             qint64 activeMs, QString* error)
{
    if (!at.isValid())
        return failWith(error,
                        QStringLiteral("cannot record download activity for an invalid time"));
    if (bytes < 0 || activeMs < 0)
        return failWith(error, QStringLiteral("cannot record negative download activity"));
    if (bytes == 0 && activeMs == 0)
        return true;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO download_speed_months (month, foreground, bytes, active_ms) "
        "VALUES (?, ?, ?, ?) ON CONFLICT (month, foreground) DO UPDATE SET "
        "bytes = bytes + excluded.bytes, active_ms = active_ms + excluded.active_ms"));
    q.addBindValue(monthKey(at.toLocalTime().date()));
    q.addBindValue(foreground ? 1 : 0);
    q.addBindValue(bytes);
    q.addBindValue(activeMs);
    if (!q.exec())
        return failWith(
            error, QStringLiteral("cannot add download activity: %1").arg(q.lastError().text()));
    return true;
}

QList<HistorySample> TransferHistory::samples(const QDateTime& from, const QDateTime& to) const
{
    if (!from.isValid() || !to.isValid() || from >= to)
        return {};
    const qint64 f = from.toSecsSinceEpoch();
    const qint64 e = to.toSecsSinceEpoch();

    // Keyed by (start, length) so a minute row and a second row starting at the same instant
    // stay separate samples.
    QMap<std::pair<qint64, int>, HistorySample> byStart;
    auto collect = [&](const QString& table, int length) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT t, direction, %1 FROM %2 WHERE t < ? AND t + ? > ?")
                      .arg(kColumns, table));
        q.addBindValue(e);
        q.addBindValue(length);
        q.addBindValue(f);
        if (!q.exec())
            return;
        while (q.next()) {
            const qint64 t = q.value(0).toLongLong();
            HistorySample& s = byStart[{t, length}];
            s.start = QDateTime::fromSecsSinceEpoch(t, Qt::UTC);
            s.seconds = length;
            addTo(q.value(1).toInt() == 1 ? s.up : s.down, readBytes(q, 2));
        }
    };
    // Every byte lives in exactly one row of one table (compaction moves rows atomically), so
    // returning both tables can never count a byte twice. Normally a minute is in only one of
    // them; a late record() for an already compacted minute is the exception, and keeping both
    // rows then is what keeps the sums right.
    collect(QStringLiteral("transfer_seconds"), 1);
    collect(QStringLiteral("transfer_minutes"), 60);

    QList<HistorySample> result;
    result.reserve(byStart.size());
    for (const HistorySample& s : std::as_const(byStart))
        result.append(s);
    return result;
}

MonthTotals TransferHistory::month(const QDate& anyDay) const
{
    MonthTotals totals;
    if (!anyDay.isValid())
        return totals;
    totals.month = monthKey(anyDay);
    totals.capCountedBytes = UploadLedger(m_db).monthBytes(SourceClass::InternetPeer, anyDay);
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT direction, %1 FROM transfer_months WHERE month = ?").arg(kColumns));
    q.addBindValue(totals.month);
    if (!q.exec())
        return totals;
    while (q.next())
        addTo(q.value(0).toInt() == 1 ? totals.up : totals.down, readBytes(q, 1));
    QSqlQuery speed(m_db);
    speed.prepare(QStringLiteral(
        "SELECT foreground, bytes, active_ms FROM download_speed_months WHERE month = ?"));
    speed.addBindValue(totals.month);
    if (speed.exec()) {
        while (speed.next()) {
            const qint64 ms = speed.value(2).toLongLong();
            const qint64 rate = ms > 0 ? speed.value(1).toLongLong() * 1000 / ms : 0;
            (speed.value(0).toInt() == 1 ? totals.foregroundRate : totals.backgroundRate) = rate;
        }
    }
    return totals;
}

bool TransferHistory::compact(const QDateTime& now, QString* error)
{
    if (!now.isValid())
        return failWith(error,
                        QStringLiteral("cannot compact transfer history for an invalid time"));
    const qint64 n = now.toSecsSinceEpoch();
    // A minute boundary, so only whole minutes move: a minute is then either all seconds or all
    // one minute row, never split between the tables.
    qint64 secondsCutoff = n - kSecondsKept;
    secondsCutoff -= ((secondsCutoff % 60) + 60) % 60;
    const qint64 minutesCutoff = n - kMinutesKept;

    if (!m_db.transaction())
        return failWith(error, m_db.lastError().text());
    auto rollback = [&](const QSqlQuery& q) {
        const QString message = q.lastError().text();
        m_db.rollback();
        return failWith(error, QStringLiteral("cannot compact transfer history: %1").arg(message));
    };

    QSqlQuery fold(m_db);
    // The WHERE clause also keeps SQLite from reading ON CONFLICT as a join constraint.
    fold.prepare(QStringLiteral("INSERT INTO transfer_minutes (t, direction, %1) "
                                "SELECT t - ((t % 60) + 60) % 60 AS minute, direction, "
                                "SUM(http), SUM(cache_server), SUM(lan), SUM(grp), SUM(internet), "
                                "SUM(link_local) "
                                "FROM transfer_seconds WHERE t < ? GROUP BY minute, direction "
                                "ON CONFLICT (t, direction) DO UPDATE SET %2")
                     .arg(kColumns, kAddExcluded));
    fold.addBindValue(secondsCutoff);
    if (!fold.exec())
        return rollback(fold);

    QSqlQuery dropSeconds(m_db);
    dropSeconds.prepare(QStringLiteral("DELETE FROM transfer_seconds WHERE t < ?"));
    dropSeconds.addBindValue(secondsCutoff);
    if (!dropSeconds.exec())
        return rollback(dropSeconds);

    QSqlQuery dropMinutes(m_db);
    dropMinutes.prepare(QStringLiteral("DELETE FROM transfer_minutes WHERE t < ?"));
    dropMinutes.addBindValue(minutesCutoff);
    if (!dropMinutes.exec())
        return rollback(dropMinutes);

    if (!m_db.commit()) {
        const QString message = m_db.lastError().text();
        m_db.rollback();
        return failWith(error, message);
    }
    return true;
}

} // namespace opendo::stats
