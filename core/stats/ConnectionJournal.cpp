#include "stats/ConnectionJournal.h"

#include "log/LogCategories.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::stats {

ConnectionRecord connectionRecordOf(const transfer::PeerSnapshot& peer)
{
    ConnectionRecord r;
    r.contentId = peer.contentId;
    r.endpoint = peer.endpoint;
    r.incoming = peer.incoming;
    r.sourceClass = peer.sourceClass;
    r.client = peer.client;
    r.bytesReceived = peer.bytesReceived;
    r.bytesSent = peer.bytesSent;
    r.hashFailures = peer.hashFailures;
    return r;
}

ConnectionJournal::ConnectionJournal(QSqlDatabase db) : m_db(std::move(db)) {}

ConnectionJournal::~ConnectionJournal()
{
    flush();
}

void ConnectionJournal::record(const ConnectionRecord& r)
{
    m_pending.append(r);
    if (m_pending.size() >= kBatch)
        flush();
}

bool ConnectionJournal::flush()
{
    if (m_pending.isEmpty())
        return true;
    // Inside a caller's transaction (tests) the records join it.
    const bool own = m_db.transaction();
    // A record the database refuses (reported by insert) does not cost the others theirs.
    int inserted = 0;
    for (const ConnectionRecord& r : std::as_const(m_pending))
        inserted += insert(r) ? 1 : 0;
    bool ok = inserted == m_pending.size();
    if (own && (inserted > 0 ? !m_db.commit() : !m_db.rollback()))
        ok = false;
    m_sincePrune += int(m_pending.size());
    m_pending.clear();
    if (ok && m_sincePrune >= 100) {
        m_sincePrune = 0;
        prune();
    }
    return ok;
}

bool ConnectionJournal::insert(const ConnectionRecord& r)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO peer_connections (content_id, endpoint, incoming, source_class, client, "
        "started_ms, ended_ms, bytes_received, bytes_sent, hash_failures, end_reason, violation) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    // A null QString binds as SQL NULL, and a peer that closed before its extension handshake
    // never named its client: that is "", not a refused record (and a lost batch).
    const auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; };
    q.addBindValue(text(r.contentId));
    q.addBindValue(text(r.endpoint));
    q.addBindValue(r.incoming ? 1 : 0);
    q.addBindValue(transfer::sourceClassKey(r.sourceClass));
    q.addBindValue(text(r.client));
    q.addBindValue(r.startedAt.toMSecsSinceEpoch());
    q.addBindValue(r.endedAt.toMSecsSinceEpoch());
    q.addBindValue(r.bytesReceived);
    q.addBindValue(r.bytesSent);
    q.addBindValue(r.hashFailures);
    q.addBindValue(text(r.endReason));
    q.addBindValue(r.violation ? 1 : 0);
    if (!q.exec()) {
        qCWarning(log::lcSwarm).noquote() << "cannot keep the record of the connection to"
                                          << r.endpoint << ":" << q.lastError().text();
        return false;
    }
    if (++m_sincePrune >= 100) {
        m_sincePrune = 0;
        prune();
    }
    return true;
}

void ConnectionJournal::prune()
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("DELETE FROM peer_connections WHERE ended_ms < ? OR id <= "
                       "(SELECT id FROM peer_connections ORDER BY id DESC LIMIT 1 OFFSET ?)"));
    q.addBindValue(QDateTime::currentDateTimeUtc().addDays(-kKeepDays).toMSecsSinceEpoch());
    q.addBindValue(kMaxRecords);
    q.exec();
}

QList<ConnectionRecord> ConnectionJournal::recent(int limit, const QString& contentId,
                                                  QString* error) const
{
    // Reading must not write: the console asks for these on every change of the peer list, and
    // a flush is a disk sync. The waiting records are newer than anything stored.
    QList<ConnectionRecord> waiting;
    for (const ConnectionRecord& r : m_pending) {
        if (contentId.isEmpty() || r.contentId == contentId)
            waiting.append(r);
    }
    limit = qMax(0, limit);
    if (waiting.size() >= limit)
        return waiting.mid(waiting.size() - limit);
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("SELECT content_id, endpoint, incoming, source_class, client, started_ms, "
                       "ended_ms, bytes_received, bytes_sent, hash_failures, end_reason, violation "
                       "FROM peer_connections %1 ORDER BY id DESC LIMIT ?")
            .arg(contentId.isEmpty() ? QString() : QStringLiteral("WHERE content_id = ?")));
    if (!contentId.isEmpty())
        q.addBindValue(contentId);
    q.addBindValue(limit - int(waiting.size()));
    QList<ConnectionRecord> records;
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return records;
    }
    while (q.next()) {
        ConnectionRecord r;
        r.contentId = q.value(0).toString();
        r.endpoint = q.value(1).toString();
        r.incoming = q.value(2).toInt() != 0;
        // A class this build does not know (a newer agent wrote it) reads as an Internet peer:
        // the class that promises the least.
        r.sourceClass = transfer::sourceClassFromKey(q.value(3).toString())
                            .value_or(transfer::SourceClass::InternetPeer);
        r.client = q.value(4).toString();
        r.startedAt = QDateTime::fromMSecsSinceEpoch(q.value(5).toLongLong(), Qt::UTC);
        r.endedAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        r.bytesReceived = q.value(7).toLongLong();
        r.bytesSent = q.value(8).toLongLong();
        r.hashFailures = q.value(9).toInt();
        r.endReason = q.value(10).toString();
        r.violation = q.value(11).toInt() != 0;
        records.prepend(r);
    }
    return records + waiting;
}

} // namespace opendo::stats
