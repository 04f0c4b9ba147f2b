#include "cache/PieceStore.h"

#include "common/ErrorOut.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::cache {
namespace {

// A content id becomes a folder name, so anything that could climb out of the cache folder
// ("..", "/", "") or surprise a shell is refused before it reaches the file system.
bool validContentId(const QString& id)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_-]{1,100}$"));
    return re.match(id).hasMatch();
}

QString invalidId(const QString& id)
{
    return QStringLiteral("\"%1\" is not a valid content id").arg(id);
}

QDateTime fromSecs(const QVariant& v)
{
    return QDateTime::fromSecsSinceEpoch(v.toLongLong());
}

const QString kSelectContents = QStringLiteral(
    "SELECT content_id, name, file_size, piece_length, piece_count, metainfo, source_url, "
    "pinned, added_at, completed_at, last_used_at, keep_until FROM cache_contents");

CachedContent contentFrom(const QSqlQuery& q)
{
    CachedContent c;
    c.geometry.contentId = q.value(0).toString();
    c.geometry.name = q.value(1).toString();
    c.geometry.fileSize = q.value(2).toLongLong();
    c.geometry.pieceLength = q.value(3).toLongLong();
    c.geometry.pieceCount = q.value(4).toInt();
    c.metainfo = q.value(5).isNull() ? QByteArray() : q.value(5).toByteArray();
    c.sourceUrl = q.value(6).toString();
    c.pinned = q.value(7).toBool();
    c.addedAt = fromSecs(q.value(8));
    if (!q.value(9).isNull())
        c.completedAt = fromSecs(q.value(9));
    c.lastUsedAt = fromSecs(q.value(10));
    if (!q.value(11).isNull())
        c.keepUntil = fromSecs(q.value(11));
    c.present = QBitArray(c.geometry.pieceCount);
    return c;
}

// Sets the present bits of `contents` from cache_pieces (all rows, or one content's).
bool loadPieces(const QSqlDatabase& db, QList<CachedContent>& contents, const QString& onlyId)
{
    QHash<QString, CachedContent*> byId;
    for (CachedContent& c : contents)
        byId.insert(c.geometry.contentId, &c);
    QSqlQuery q(db);
    if (onlyId.isEmpty()) {
        q.prepare(QStringLiteral("SELECT content_id, piece FROM cache_pieces"));
    } else {
        q.prepare(
            QStringLiteral("SELECT content_id, piece FROM cache_pieces WHERE content_id = ?"));
        q.addBindValue(onlyId);
    }
    if (!q.exec())
        return false;
    while (q.next()) {
        CachedContent* c = byId.value(q.value(0).toString());
        const int piece = q.value(1).toInt();
        if (c && piece >= 0 && piece < c->present.size())
            c->present.setBit(piece);
    }
    return true;
}

} // namespace

PieceStore::PieceStore(QSqlDatabase db, QString cacheDir)
    : m_db(std::move(db)), m_cacheDir(std::move(cacheDir))
{}

QString PieceStore::dataPath(const QString& contentId) const
{
    // No path at all for an id that is not safe as a folder name.
    if (!validContentId(contentId))
        return {};
    return QDir(m_cacheDir).filePath(contentId + QStringLiteral("/content"));
}

bool PieceStore::add(const ContentGeometry& geometry, const QByteArray& metainfo,
                     const QString& sourceUrl, QString* error)
{
    const QString& id = geometry.contentId;
    if (!validContentId(id))
        return failWith(error, invalidId(id));
    // Zero-byte content has nothing to cache or share, and a geometry whose piece count does not
    // cover the file exactly would make piece offsets lie.
    if (geometry.fileSize <= 0 || geometry.pieceLength <= 0 ||
        geometry.pieceCount !=
            (geometry.fileSize + geometry.pieceLength - 1) / geometry.pieceLength)
        return failWith(error, QStringLiteral("%1: inconsistent geometry (%2 bytes, pieces of %3, "
                                              "%4 pieces)")
                                   .arg(id)
                                   .arg(geometry.fileSize)
                                   .arg(geometry.pieceLength)
                                   .arg(geometry.pieceCount));
    const QString folder = QDir(m_cacheDir).filePath(id);
    if (!QDir().mkpath(folder))
        return failWith(error, QStringLiteral("cannot create cache folder %1").arg(folder));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery q(m_db);
    // Ignores only an existing row (unlike INSERT OR IGNORE, which would also swallow a NOT NULL
    // violation and report success without a row).
    q.prepare(QStringLiteral(
        "INSERT INTO cache_contents(content_id, name, file_size, piece_length, piece_count, "
        "metainfo, source_url, pinned, added_at, completed_at, last_used_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, ?) ON CONFLICT(content_id) DO NOTHING"));
    // Qt binds a null QString as SQL NULL; these columns are NOT NULL, so an unset one is "".
    auto text = [](const QString& s) { return s.isNull() ? QStringLiteral("") : s; };
    q.addBindValue(id);
    q.addBindValue(text(geometry.name));
    q.addBindValue(geometry.fileSize);
    q.addBindValue(geometry.pieceLength);
    q.addBindValue(geometry.pieceCount);
    // NULL, not an empty blob, marks HTTP-only content (never shared), as the schema says.
    q.addBindValue(metainfo.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>())
                                      : QVariant(metainfo));
    q.addBindValue(text(sourceUrl));
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec())
        return failWith(error, q.lastError().text());
    if (q.numRowsAffected() > 0)
        return true;

    // Already known: fine if it is the same content, but pieces cut differently would be
    // attributed to the wrong byte ranges.
    QSqlQuery existing(m_db);
    existing.prepare(QStringLiteral("SELECT file_size, piece_length, piece_count FROM "
                                    "cache_contents WHERE content_id = ?"));
    existing.addBindValue(id);
    if (!existing.exec())
        return failWith(error, existing.lastError().text());
    if (!existing.next())
        return failWith(error, QStringLiteral("%1 was neither added nor found").arg(id));
    if (existing.value(0).toLongLong() != geometry.fileSize ||
        existing.value(1).toLongLong() != geometry.pieceLength ||
        existing.value(2).toInt() != geometry.pieceCount)
        return failWith(error, QStringLiteral("%1 is already cached with a different size or piece "
                                              "length (%2 bytes in pieces of %3)")
                                   .arg(id)
                                   .arg(existing.value(0).toLongLong())
                                   .arg(existing.value(1).toLongLong()));
    return true;
}

std::optional<CachedContent> PieceStore::find(const QString& contentId) const
{
    if (!validContentId(contentId))
        return std::nullopt;
    QSqlQuery q(m_db);
    q.prepare(kSelectContents + QStringLiteral(" WHERE content_id = ?"));
    q.addBindValue(contentId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    QList<CachedContent> one{contentFrom(q)};
    if (!loadPieces(m_db, one, contentId))
        return std::nullopt;
    return one.first();
}

QList<CachedContent> PieceStore::all() const
{
    QList<CachedContent> contents;
    QSqlQuery q(m_db);
    if (!q.exec(kSelectContents + QStringLiteral(" ORDER BY added_at, content_id")))
        return contents;
    while (q.next())
        contents << contentFrom(q);
    if (!loadPieces(m_db, contents, {}))
        return {};
    return contents;
}

bool PieceStore::markPresent(const QString& contentId, const QList<int>& pieces, QString* error)
{
    if (!validContentId(contentId))
        return failWith(error, invalidId(contentId));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT piece_count FROM cache_contents WHERE content_id = ?"));
    q.addBindValue(contentId);
    if (!q.exec())
        return failWith(error, q.lastError().text());
    if (!q.next())
        return failWith(error, QStringLiteral("%1 is not in the cache").arg(contentId));
    const int pieceCount = q.value(0).toInt();
    q.finish();
    // Checked before writing anything: one bad index rejects the whole batch.
    for (int piece : pieces) {
        if (piece < 0 || piece >= pieceCount)
            return failWith(error, QStringLiteral("piece %1 is out of range for %2 (%3 pieces)")
                                       .arg(piece)
                                       .arg(contentId)
                                       .arg(pieceCount));
    }

    if (!m_db.transaction())
        return failWith(error, m_db.lastError().text());
    auto rollback = [&](const QString& message) {
        m_db.rollback();
        return failWith(error, message);
    };
    QSqlQuery insert(m_db);
    insert.prepare(
        QStringLiteral("INSERT OR IGNORE INTO cache_pieces(content_id, piece) VALUES (?, ?)"));
    for (int piece : pieces) {
        insert.addBindValue(contentId);
        insert.addBindValue(piece);
        if (!insert.exec())
            return rollback(insert.lastError().text());
    }
    QSqlQuery count(m_db);
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM cache_pieces WHERE content_id = ?"));
    count.addBindValue(contentId);
    if (!count.exec() || !count.next())
        return rollback(count.lastError().text());
    if (count.value(0).toInt() == pieceCount) {
        count.finish();
        QSqlQuery complete(m_db);
        complete.prepare(QStringLiteral("UPDATE cache_contents SET completed_at = ? "
                                        "WHERE content_id = ? AND completed_at IS NULL"));
        complete.addBindValue(QDateTime::currentSecsSinceEpoch());
        complete.addBindValue(contentId);
        if (!complete.exec())
            return rollback(complete.lastError().text());
    }
    count.finish();
    if (!m_db.commit())
        return rollback(m_db.lastError().text());
    return true;
}

bool PieceStore::touch(const QString& contentId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE cache_contents SET last_used_at = ? WHERE content_id = ?"));
    q.addBindValue(QDateTime::currentSecsSinceEpoch());
    q.addBindValue(contentId);
    return q.exec() && q.numRowsAffected() > 0;
}

bool PieceStore::setPinned(const QString& contentId, bool pinned, QString* error)
{
    return updateColumn(QStringLiteral("pinned"), pinned ? 1 : 0, contentId, error);
}

bool PieceStore::setKeepUntil(const QString& contentId, const std::optional<QDateTime>& until,
                              QString* error)
{
    return updateColumn(QStringLiteral("keep_until"),
                        until ? QVariant(until->toSecsSinceEpoch())
                              : QVariant(QMetaType::fromType<qlonglong>()),
                        contentId, error);
}

bool PieceStore::setKeepUntilForAll(const QDateTime& until, QString* error)
{
    // One statement: every content gets the date, or none does.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE cache_contents SET keep_until = ?"));
    q.addBindValue(until.toSecsSinceEpoch());
    return q.exec() || failWith(error, q.lastError().text());
}

bool PieceStore::updateColumn(const QString& column, const QVariant& value,
                              const QString& contentId, QString* error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE cache_contents SET %1 = ? WHERE content_id = ?").arg(column));
    q.addBindValue(value);
    q.addBindValue(contentId);
    if (!q.exec())
        return failWith(error, q.lastError().text());
    if (q.numRowsAffected() == 0)
        return failWith(error, QStringLiteral("%1 is not in the cache").arg(contentId));
    return true;
}

QString PieceStore::recordedCacheDir() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT path FROM cache_folder WHERE id = 1")) && q.next())
        return q.value(0).toString();
    return {};
}

bool PieceStore::recordCacheDir(QString* error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO cache_folder(id, path) VALUES (1, ?) "
                             "ON CONFLICT(id) DO UPDATE SET path = excluded.path"));
    q.addBindValue(m_cacheDir);
    if (!q.exec())
        return failWith(error, q.lastError().text());
    return true;
}

bool PieceStore::evict(const QString& contentId, const QString& reason, QString* error)
{
    if (!validContentId(contentId))
        return failWith(error, invalidId(contentId));
    const std::optional<CachedContent> content = find(contentId);
    if (!content)
        return failWith(error, QStringLiteral("%1 is not in the cache").arg(contentId));

    // Bytes first, rows second: a crash in between leaves a row whose file is gone, which
    // reconcile() repairs; the other order would leak a folder nothing knows about.
    const QString path = dataPath(contentId);
    QFile file(path);
    if (file.exists() && !file.remove())
        return failWith(error,
                        QStringLiteral("cannot delete %1: %2").arg(path, file.errorString()));
    // rmdir, not a recursive delete: only remove what the cache itself wrote, even if the
    // cache folder was pointed somewhere unexpected.
    const QString folder = QFileInfo(path).absolutePath();
    if (QFileInfo::exists(folder) && !QDir().rmdir(folder))
        qWarning("cache: could not remove folder %s (not empty?)", qUtf8Printable(folder));

    if (!m_db.transaction())
        return failWith(error, m_db.lastError().text());
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM cache_contents WHERE content_id = ?"));
    remove.addBindValue(contentId);
    QSqlQuery record(m_db);
    record.prepare(QStringLiteral("INSERT INTO cache_evictions(at, content_id, name, file_size, "
                                  "reason) VALUES (?, ?, ?, ?, ?)"));
    record.addBindValue(QDateTime::currentSecsSinceEpoch());
    record.addBindValue(contentId);
    record.addBindValue(content->geometry.name);
    record.addBindValue(content->geometry.fileSize);
    record.addBindValue(reason);
    for (QSqlQuery* q : {&remove, &record}) {
        if (!q->exec()) {
            const QString message = q->lastError().text();
            m_db.rollback();
            return failWith(error, message);
        }
    }
    if (!m_db.commit()) {
        const QString message = m_db.lastError().text();
        m_db.rollback();
        return failWith(error, message);
    }
    qInfo("cache: evicted %s (%s, %lld bytes): %s", qUtf8Printable(content->geometry.name),
          qUtf8Printable(contentId), static_cast<long long>(content->bytesPresent()),
          qUtf8Printable(reason));
    return true;
}

QList<EvictionRecord> PieceStore::evictions(int limit) const
{
    QList<EvictionRecord> records;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT at, content_id, name, file_size, reason FROM "
                             "cache_evictions ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return records;
    while (q.next())
        records << EvictionRecord{fromSecs(q.value(0)), q.value(1).toString(),
                                  q.value(2).toString(), q.value(3).toLongLong(),
                                  q.value(4).toString()};
    return records;
}

QSet<QString> PieceStore::pinnedContentIds() const
{
    QSet<QString> ids;
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT content_id FROM cache_contents WHERE pinned != 0"))) {
        while (q.next())
            ids.insert(q.value(0).toString());
    }
    return ids;
}

qint64 PieceStore::totalBytes() const
{
    // The same sum as bytesPresent() over all(), without loading every metainfo blob; only the
    // last piece of a file is shorter than piece_length.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral(
            "SELECT COALESCE(SUM(MIN(c.piece_length, c.file_size - p.piece * c.piece_length)), 0) "
            "FROM cache_pieces p JOIN cache_contents c ON c.content_id = p.content_id "
            "WHERE p.piece >= 0 AND p.piece < c.piece_count")) ||
        !q.next())
        return 0;
    return q.value(0).toLongLong();
}

int PieceStore::contentCount() const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM cache_contents")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

int PieceStore::reconcile(QString* error)
{
    // Pieces are marked only after their bytes were synced, so the index never runs ahead of
    // the disk on its own; what this catches is a data file deleted or truncated behind our
    // back (or a lost directory entry after a crash).
    struct Row
    {
        QString id;
        qint64 fileSize;
    };
    auto failed = [error](const QString& message) {
        failWith(error, message);
        return -1;
    };
    QList<Row> rows;
    {
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT content_id, file_size FROM cache_contents")))
            return failed(q.lastError().text());
        while (q.next())
            rows << Row{q.value(0).toString(), q.value(1).toLongLong()};
    }
    QList<Row> broken;
    for (const Row& row : rows) {
        const QFileInfo info(dataPath(row.id));
        if (!info.isFile() || info.size() < row.fileSize)
            broken << row;
    }
    if (broken.isEmpty())
        return 0;

    if (!m_db.transaction())
        return failed(m_db.lastError().text());
    int unmarked = 0;
    for (const Row& row : broken) {
        QSqlQuery pieces(m_db);
        pieces.prepare(QStringLiteral("DELETE FROM cache_pieces WHERE content_id = ?"));
        pieces.addBindValue(row.id);
        if (!pieces.exec()) {
            const QString message = pieces.lastError().text();
            m_db.rollback();
            return failed(message);
        }
        // Read now: the SQLite driver reports the connection's latest statement, not this one's.
        const int n = pieces.numRowsAffected();
        QSqlQuery incomplete(m_db);
        incomplete.prepare(
            QStringLiteral("UPDATE cache_contents SET completed_at = NULL WHERE content_id = ?"));
        incomplete.addBindValue(row.id);
        if (!incomplete.exec()) {
            const QString message = incomplete.lastError().text();
            m_db.rollback();
            return failed(message);
        }
        if (n > 0)
            qWarning("cache: data file of %s is missing or short; forgot %d pieces",
                     qUtf8Printable(row.id), n);
        unmarked += n;
    }
    if (!m_db.commit()) {
        const QString message = m_db.lastError().text();
        m_db.rollback();
        return failed(message);
    }
    return unmarked;
}

} // namespace opendo::cache
