#include "stats/DialFailureStore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::stats {

namespace {

bool failed(const QSqlQuery& q, QString* error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace

bool DialFailureStore::save(const QList<transfer::DialFailure>& entries, QString* error)
{
    if (!m_db.transaction()) {
        if (error)
            *error = m_db.lastError().text();
        return false;
    }
    QSqlQuery q(m_db);
    bool ok = q.exec(QStringLiteral("DELETE FROM dial_failures"));
    if (ok)
        ok = q.prepare(QStringLiteral(
            "INSERT OR REPLACE INTO dial_failures (content_id, endpoint, source_class, attempts, "
            "first_ms, last_ms, last_error) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    for (qsizetype i = 0; ok && i < entries.size(); ++i) {
        const transfer::DialFailure& f = entries[i];
        q.addBindValue(f.contentId);
        q.addBindValue(f.endpoint);
        q.addBindValue(transfer::sourceClassKey(f.sourceClass));
        q.addBindValue(qMax(1, f.attempts));
        q.addBindValue(f.firstAt.toMSecsSinceEpoch());
        q.addBindValue(f.lastAt.toMSecsSinceEpoch());
        q.addBindValue(f.lastError);
        ok = q.exec();
    }
    if (!ok) {
        failed(q, error);
        m_db.rollback();
        return false;
    }
    if (!m_db.commit()) {
        if (error)
            *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

bool DialFailureStore::restoreInto(transfer::DialFailures& tally, QString* error)
{
    QString why;
    const QList<transfer::DialFailure> saved = load(&why);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    tally.restore(saved);
    m_savedGeneration = tally.generation();
    return true;
}

bool DialFailureStore::saveIfChanged(const transfer::DialFailures& tally, QString* error)
{
    if (tally.generation() == m_savedGeneration)
        return true;
    if (!save(tally.entries(), error))
        return false;
    m_savedGeneration = tally.generation();
    return true;
}

QList<transfer::DialFailure> DialFailureStore::load(QString* error) const
{
    QSqlQuery q(m_db);
    QList<transfer::DialFailure> out;
    if (!q.exec(QStringLiteral("SELECT content_id, endpoint, source_class, attempts, first_ms, "
                               "last_ms, last_error FROM dial_failures ORDER BY last_ms"))) {
        failed(q, error);
        return out;
    }
    while (q.next()) {
        const auto cls = transfer::sourceClassFromKey(q.value(2).toString());
        if (!cls)
            continue;
        transfer::DialFailure f;
        f.contentId = q.value(0).toString();
        f.endpoint = q.value(1).toString();
        f.sourceClass = *cls;
        f.attempts = q.value(3).toInt();
        f.firstAt = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
        f.lastAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
        f.lastError = q.value(6).toString();
        out.append(f);
    }
    return out;
}

} // namespace opendo::stats
