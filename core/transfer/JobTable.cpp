#include "transfer/JobTable.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::transfer {

namespace {

JobState stateFromName(const QString& name)
{
    for (JobState s :
         {JobState::Queued, JobState::Downloading, JobState::Paused, JobState::Complete,
          JobState::Caching, JobState::Failed, JobState::Cancelled}) {
        if (jobStateName(s) == name)
            return s;
    }
    return JobState::Failed;
}

// NOT NULL text columns: a null QString would bind as SQL NULL.
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

QVariant secs(const QDateTime& t)
{
    return t.isValid() ? QVariant(t.toSecsSinceEpoch()) : QVariant();
}

} // namespace

bool JobTable::save(const JobRecord& r, QString* error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT INTO download_jobs(job_id, content_id, source, out_path, foreground, state, "
        "error, download_mode, bytes_http, created_at, finished_at, bytes_cache_server, bytes_lan, "
        "bytes_group, bytes_internet, bytes_link_local) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
        "ON CONFLICT(job_id) DO UPDATE SET content_id=excluded.content_id, state=excluded.state, "
        "error=excluded.error, download_mode=excluded.download_mode, "
        "bytes_http=excluded.bytes_http, finished_at=excluded.finished_at, "
        "bytes_cache_server=excluded.bytes_cache_server, bytes_lan=excluded.bytes_lan, "
        "bytes_group=excluded.bytes_group, bytes_internet=excluded.bytes_internet, "
        "bytes_link_local=excluded.bytes_link_local"));
    q.addBindValue(text(r.jobId));
    q.addBindValue(text(r.contentId));
    q.addBindValue(text(r.source));
    q.addBindValue(text(r.outPath));
    q.addBindValue(r.foreground ? 1 : 0);
    q.addBindValue(jobStateName(r.state));
    q.addBindValue(text(r.error));
    q.addBindValue(r.downloadMode);
    q.addBindValue(r.bytesHttp);
    q.addBindValue(secs(r.createdAt));
    q.addBindValue(secs(r.finishedAt));
    q.addBindValue(r.bytesCacheServer);
    q.addBindValue(r.bytesLan);
    q.addBindValue(r.bytesGroup);
    q.addBindValue(r.bytesInternet);
    q.addBindValue(r.bytesLinkLocal);
    if (q.exec())
        return true;
    if (error)
        *error = q.lastError().text();
    return false;
}

QList<JobRecord> JobTable::load(QString* error) const
{
    QList<JobRecord> records;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT job_id, content_id, source, out_path, foreground, state, "
                               "error, download_mode, bytes_http, created_at, finished_at, "
                               "bytes_cache_server, bytes_lan, bytes_group, bytes_internet, "
                               "bytes_link_local FROM "
                               "download_jobs ORDER BY created_at, rowid"))) {
        if (error)
            *error = q.lastError().text();
        return records;
    }
    while (q.next()) {
        JobRecord r;
        r.jobId = q.value(0).toString();
        r.contentId = q.value(1).toString();
        r.source = q.value(2).toString();
        r.outPath = q.value(3).toString();
        r.foreground = q.value(4).toInt() != 0;
        r.state = stateFromName(q.value(5).toString());
        r.error = q.value(6).toString();
        r.downloadMode = q.value(7).toInt();
        r.bytesHttp = q.value(8).toLongLong();
        r.createdAt = QDateTime::fromSecsSinceEpoch(q.value(9).toLongLong());
        if (!q.value(10).isNull())
            r.finishedAt = QDateTime::fromSecsSinceEpoch(q.value(10).toLongLong());
        r.bytesCacheServer = q.value(11).toLongLong();
        r.bytesLan = q.value(12).toLongLong();
        r.bytesGroup = q.value(13).toLongLong();
        r.bytesInternet = q.value(14).toLongLong();
        r.bytesLinkLocal = q.value(15).toLongLong();
        records << r;
    }
    return records;
}

} // namespace opendo::transfer
