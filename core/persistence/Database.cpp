#include "persistence/Database.h"

#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

namespace opendo::persistence {
namespace {

// Each entry upgrades the schema by one version; never edit a released step, append one.
const char* const kMigrations[] = {
    "CREATE TABLE policy_values ("
    "  layer TEXT NOT NULL CHECK (layer IN ('policy', 'local')),"
    "  key TEXT NOT NULL,"
    "  value TEXT NOT NULL,"
    "  changed_at INTEGER NOT NULL,"
    "  PRIMARY KEY (layer, key))",
    // 2: the piece cache index, its eviction log, and download jobs.
    "CREATE TABLE cache_contents ("
    "  content_id TEXT PRIMARY KEY,"
    "  name TEXT NOT NULL,"
    "  file_size INTEGER NOT NULL,"
    "  piece_length INTEGER NOT NULL,"
    "  piece_count INTEGER NOT NULL,"
    "  metainfo BLOB," // NULL for HTTP-only content, which is never shared
    "  source_url TEXT NOT NULL DEFAULT '',"
    "  pinned INTEGER NOT NULL DEFAULT 0,"
    "  added_at INTEGER NOT NULL,"
    "  completed_at INTEGER,"
    "  last_used_at INTEGER NOT NULL);"
    "CREATE TABLE cache_pieces ("
    "  content_id TEXT NOT NULL REFERENCES cache_contents(content_id) ON DELETE CASCADE,"
    "  piece INTEGER NOT NULL,"
    "  PRIMARY KEY (content_id, piece)) WITHOUT ROWID;"
    "CREATE TABLE cache_evictions ("
    "  id INTEGER PRIMARY KEY,"
    "  at INTEGER NOT NULL,"
    "  content_id TEXT NOT NULL,"
    "  name TEXT NOT NULL,"
    "  file_size INTEGER NOT NULL,"
    "  reason TEXT NOT NULL);"
    "CREATE TABLE download_jobs ("
    "  job_id TEXT PRIMARY KEY,"
    "  content_id TEXT NOT NULL,"
    "  source TEXT NOT NULL,"
    "  out_path TEXT NOT NULL,"
    "  foreground INTEGER NOT NULL,"
    "  state TEXT NOT NULL,"
    "  error TEXT NOT NULL DEFAULT '',"
    "  download_mode INTEGER NOT NULL,"
    "  bytes_http INTEGER NOT NULL DEFAULT 0,"
    "  created_at INTEGER NOT NULL,"
    "  finished_at INTEGER)",
    // v3: peer transfers. Bytes by the source class they came from, and the uploads of each
    // calendar month (DOMonthlyUploadDataCap counts them).
    "ALTER TABLE download_jobs ADD COLUMN bytes_lan INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE download_jobs ADD COLUMN bytes_group INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE download_jobs ADD COLUMN bytes_internet INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE download_jobs ADD COLUMN bytes_cache_server INTEGER NOT NULL DEFAULT 0;"
    "CREATE TABLE upload_months ("
    "  month TEXT NOT NULL," // "2026-11", local time
    "  source_class TEXT NOT NULL CHECK (source_class IN ('lan', 'group', 'internet')),"
    "  bytes INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (month, source_class));"
    // OpenDO's own settings, beside the DO policies: static peers, later the discovery URL.
    "CREATE TABLE agent_settings ("
    "  key TEXT PRIMARY KEY,"
    "  value TEXT NOT NULL)",
    // v4: bytes by source class over time (TransferHistory). direction 0 = download, 1 = upload;
    // one column per SourceClass. Seconds are kept for an hour, minutes for 90 days.
    "CREATE TABLE transfer_seconds ("
    "  t INTEGER NOT NULL," // UTC seconds since the epoch
    "  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
    "  http INTEGER NOT NULL DEFAULT 0, cache_server INTEGER NOT NULL DEFAULT 0,"
    "  lan INTEGER NOT NULL DEFAULT 0, grp INTEGER NOT NULL DEFAULT 0,"
    "  internet INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (t, direction));"
    "CREATE TABLE transfer_minutes ("
    "  t INTEGER NOT NULL," // start of the minute, UTC seconds since the epoch
    "  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
    "  http INTEGER NOT NULL DEFAULT 0, cache_server INTEGER NOT NULL DEFAULT 0,"
    "  lan INTEGER NOT NULL DEFAULT 0, grp INTEGER NOT NULL DEFAULT 0,"
    "  internet INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (t, direction));"
    "CREATE TABLE transfer_months ("
    "  month TEXT NOT NULL," // "2026-11", local time
    "  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
    "  http INTEGER NOT NULL DEFAULT 0, cache_server INTEGER NOT NULL DEFAULT 0,"
    "  lan INTEGER NOT NULL DEFAULT 0, grp INTEGER NOT NULL DEFAULT 0,"
    "  internet INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (month, direction))",
    // v5: cache use over time against its limits (CacheHistory), one row per minute, 90 days.
    "CREATE TABLE cache_minutes ("
    "  t INTEGER PRIMARY KEY," // start of the minute, UTC seconds since the epoch
    "  cache_bytes INTEGER NOT NULL,"
    "  files INTEGER NOT NULL,"
    "  limit_bytes INTEGER NOT NULL,"        // the limit in effect (0 = none)
    "  max_size_bytes INTEGER NOT NULL,"     // DOMaxCacheSize as bytes of the drive
    "  absolute_max_bytes INTEGER NOT NULL," // DOAbsoluteMaxCacheSize (0 = not set)
    "  disk_free_bytes INTEGER NOT NULL)",
    // v6: average download speed by priority this month (PerfSnapThisMonth's Fg/Bg rates):
    // bytes received and the time at least one download of that priority was moving.
    "CREATE TABLE download_speed_months ("
    "  month TEXT NOT NULL," // "2026-11", local time
    "  foreground INTEGER NOT NULL CHECK (foreground IN (0, 1)),"
    "  bytes INTEGER NOT NULL DEFAULT 0,"
    "  active_ms INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (month, foreground))",
    // v7: DO error codes the agent raised, for the troubleshooter's "Errors found" check.
    "CREATE TABLE error_events ("
    "  id INTEGER PRIMARY KEY,"
    "  at_ms INTEGER NOT NULL," // UTC milliseconds since the epoch
    "  code INTEGER NOT NULL,"  // 0x80D0xxxx
    "  category TEXT NOT NULL,"
    "  message TEXT NOT NULL);"
    "CREATE INDEX error_events_at ON error_events (at_ms)",
    // v8: Set-DeliveryOptimizationStatus -ExpireOn: a content is not removed by age before this
    // time (UTC seconds; NULL = DOMaxCacheAge alone decides).
    "ALTER TABLE cache_contents ADD COLUMN keep_until INTEGER",
    // v9: peer connections that ended, with their bytes and why they closed
    // (Get-DeliveryOptimizationLogAnalysis -ListConnections).
    "CREATE TABLE peer_connections ("
    "  id INTEGER PRIMARY KEY,"
    "  content_id TEXT NOT NULL,"
    "  endpoint TEXT NOT NULL,"
    "  incoming INTEGER NOT NULL CHECK (incoming IN (0, 1)),"
    "  source_class TEXT NOT NULL,"
    "  client TEXT NOT NULL,"
    "  started_ms INTEGER NOT NULL," // UTC milliseconds since the epoch
    "  ended_ms INTEGER NOT NULL,"
    "  bytes_received INTEGER NOT NULL,"
    "  bytes_sent INTEGER NOT NULL,"
    "  hash_failures INTEGER NOT NULL,"
    "  end_reason TEXT NOT NULL,"
    "  violation INTEGER NOT NULL CHECK (violation IN (0, 1)));"
    "CREATE INDEX peer_connections_ended ON peer_connections (ended_ms)",
    // v10: the folder the cache index refers to, so an agent started after DOModifyCacheDrive
    // changed finds the content where it was and moves it.
    "CREATE TABLE cache_folder ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  path TEXT NOT NULL)",
    // v11: peers found by local peer discovery (DNS-SD) are their own source class, as DO's
    // LinkLocal peers; bytes counted before this version stay under the class they had.
    "ALTER TABLE transfer_seconds ADD COLUMN link_local INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE transfer_minutes ADD COLUMN link_local INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE transfer_months ADD COLUMN link_local INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE download_jobs ADD COLUMN bytes_link_local INTEGER NOT NULL DEFAULT 0",
    // v12: peers the agent dialled and could not reach (the Peers panel's "Could not connect"),
    // so that evidence outlives a restart of the agent.
    "CREATE TABLE dial_failures ("
    "  content_id TEXT NOT NULL,"
    "  endpoint TEXT NOT NULL,"
    "  source_class TEXT NOT NULL,"
    "  attempts INTEGER NOT NULL CHECK (attempts > 0),"
    "  first_ms INTEGER NOT NULL," // UTC milliseconds since the epoch
    "  last_ms INTEGER NOT NULL,"
    "  last_error TEXT NOT NULL,"
    "  PRIMARY KEY (content_id, endpoint))",
};

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1 (%2)").arg(q.lastError().text(), sql.left(60));
    return false;
}

} // namespace

Database::~Database()
{
    close();
}

bool Database::open(const QString& dataDir, QString* error)
{
    if (!QDir().mkpath(dataDir)) {
        if (error)
            *error = QStringLiteral("cannot create data directory %1").arg(dataDir);
        return false;
    }
    m_path = QDir(dataDir).filePath(fileName());
    m_connectionName = QStringLiteral("opendo-%1").arg(QUuid::createUuid().toString());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(m_path, db.lastError().text());
        return false;
    }
    // WAL lets doctl read while the console writes; FULL sync makes each commit durable.
    if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), error) ||
        !exec(db, QStringLiteral("PRAGMA synchronous=FULL"), error) ||
        !exec(db, QStringLiteral("PRAGMA foreign_keys=ON"), error))
        return false;
    return migrate(error);
}

bool Database::migrate(QString* error)
{
    QSqlDatabase db = handle();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    const int current = q.value(0).toInt();
    const int target = int(std::size(kMigrations));
    if (current > target) {
        if (error)
            *error = QStringLiteral("%1 was written by a newer OpenDO (schema %2, this build "
                                    "knows %3)")
                         .arg(m_path)
                         .arg(current)
                         .arg(target);
        return false;
    }
    for (int v = current; v < target; ++v) {
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        // The SQLite driver runs one statement per exec; steps contain no ';' inside literals.
        bool ok = true;
        for (const QString& statement :
             QString::fromLatin1(kMigrations[v]).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            ok = ok && exec(db, statement, error);
        if (!ok || !exec(db, QStringLiteral("PRAGMA user_version=%1").arg(v + 1), error)) {
            db.rollback();
            return false;
        }
        if (!db.commit()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
    }
    return true;
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

bool Database::isOpen() const
{
    return !m_connectionName.isEmpty() && QSqlDatabase::database(m_connectionName, false).isOpen();
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

qint64 Database::dataVersion() const
{
    QSqlQuery q(handle());
    if (q.exec(QStringLiteral("PRAGMA data_version")) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

} // namespace opendo::persistence
