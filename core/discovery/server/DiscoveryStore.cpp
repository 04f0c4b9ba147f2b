#include "discovery/server/DiscoveryStore.h"

#include "discovery/server/SwarmKeys.h"

#include <QAtomicInteger>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace opendo::discovery {
namespace {

Q_LOGGING_CATEGORY(lcStore, "opendo.discovery.store")

const char* const kSchema[] = {
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS published ("
    "  content_id TEXT PRIMARY KEY,"
    "  torrent BLOB NOT NULL,"
    "  published_at INTEGER NOT NULL)",
    "CREATE TABLE IF NOT EXISTS registrations ("
    "  info_hash BLOB NOT NULL,"
    "  peer_id BLOB NOT NULL,"
    "  seen BLOB NOT NULL,"
    "  public BLOB NOT NULL,"
    "  local BLOB,"
    "  port INTEGER NOT NULL,"
    "  mode INTEGER NOT NULL,"
    "  group_id TEXT,"
    "  subnet_base BLOB,"
    "  subnet_prefix INTEGER NOT NULL,"
    "  seed INTEGER NOT NULL,"
    "  opendo INTEGER NOT NULL,"
    "  expires_at INTEGER NOT NULL,"
    "  PRIMARY KEY (info_hash, peer_id)) WITHOUT ROWID",
};

// Addresses are stored as their 4 or 16 network-order bytes (empty for none): formatting and
// parsing text dominated the cost of saving large snapshots.
QByteArray addressBytes(const QHostAddress& address)
{
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        const quint32 v4 = address.toIPv4Address();
        const char bytes[4] = {char(v4 >> 24), char(v4 >> 16), char(v4 >> 8), char(v4)};
        return QByteArray(bytes, 4);
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR v6 = address.toIPv6Address();
        return QByteArray(reinterpret_cast<const char*>(v6.c), 16);
    }
    return QByteArray(""); // not null: the columns are NOT NULL
}

QHostAddress addressFrom(const QVariant& value)
{
    const QByteArray bytes = value.toByteArray();
    if (bytes.size() == 4) {
        return QHostAddress(quint32(uchar(bytes[0])) << 24 | quint32(uchar(bytes[1])) << 16 |
                            quint32(uchar(bytes[2])) << 8 | quint32(uchar(bytes[3])));
    }
    if (bytes.size() == 16)
        return QHostAddress(reinterpret_cast<const quint8*>(bytes.constData()));
    return QHostAddress();
}

} // namespace

DiscoveryStore::DiscoveryStore(QString path) : m_path(std::move(path))
{
    static QAtomicInteger<quint64> counter;
    m_connectionName = QStringLiteral("opendo-discovery-%1-%2")
                           .arg(quintptr(this), 0, 16)
                           .arg(counter.fetchAndAddRelaxed(1));
}

DiscoveryStore::~DiscoveryStore()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool DiscoveryStore::open(QString* error)
{
    auto fail = [&](const QString& detail) {
        if (error) {
            *error = QCoreApplication::translate("DiscoveryStore",
                                                 "Cannot open the discovery database %1: %2")
                         .arg(QDir::toNativeSeparators(m_path), detail);
        }
        return false;
    };
    const QString dir = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(dir))
        return fail(QCoreApplication::translate("DiscoveryStore", "cannot create the folder"));

    QSqlDatabase db = QSqlDatabase::contains(m_connectionName)
                          ? QSqlDatabase::database(m_connectionName, false)
                          : QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(m_path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return fail(db.lastError().text());

    QSqlQuery query(db);
    for (const char* statement :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
          // Snapshots of 100k registrations should not spill pages to the WAL mid-transaction.
          "PRAGMA cache_size=-32768"}) {
        if (!query.exec(QString::fromLatin1(statement)))
            return fail(query.lastError().text());
    }
    for (const char* statement : kSchema) {
        if (!query.exec(QString::fromLatin1(statement)))
            return fail(query.lastError().text());
    }
    return true;
}

QByteArray DiscoveryStore::loadOrCreateSecret()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = 'secret'"));
    if (query.exec() && query.next()) {
        const QByteArray secret = query.value(0).toByteArray();
        if (secret.size() >= 32)
            return secret;
        qCWarning(lcStore) << "stored key secret is too short; replacing it";
    }
    const QByteArray secret = SwarmKeys::generateSecret();
    QSqlQuery insert(db);
    insert.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES ('secret', ?)"));
    insert.addBindValue(secret);
    if (!insert.exec()) {
        // The service still works; keys just change at the next restart.
        qCWarning(lcStore) << "cannot store the key secret:" << insert.lastError().text();
    }
    return secret;
}

std::vector<QByteArray> DiscoveryStore::loadPublished()
{
    std::vector<QByteArray> torrents;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT torrent FROM published ORDER BY published_at, rowid"))) {
        qCWarning(lcStore) << "cannot load published content:" << query.lastError().text();
        return torrents;
    }
    while (query.next())
        torrents.push_back(query.value(0).toByteArray());
    return torrents;
}

bool DiscoveryStore::savePublished(const PublishedContent& content)
{
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO published (content_id, torrent, "
                                 "published_at) VALUES (?, ?, ?)"));
    query.addBindValue(content.contentId);
    query.addBindValue(content.torrent);
    query.addBindValue(content.publishedAtMs > 0 ? content.publishedAtMs
                                                 : QDateTime::currentMSecsSinceEpoch());
    if (!query.exec()) {
        qCWarning(lcStore) << "cannot save published content:" << query.lastError().text();
        return false;
    }
    return true;
}

std::vector<PeerRegistration> DiscoveryStore::loadRegistrations()
{
    std::vector<PeerRegistration> registrations;
    QSqlQuery query(QSqlDatabase::database(m_connectionName, false));
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral(
            "SELECT info_hash, peer_id, seen, public, local, port, mode, group_id, subnet_base, "
            "subnet_prefix, seed, opendo, expires_at FROM registrations"))) {
        qCWarning(lcStore) << "cannot load registrations:" << query.lastError().text();
        return registrations;
    }
    while (query.next()) {
        PeerRegistration r;
        r.infoHash = query.value(0).toByteArray();
        r.peerId = query.value(1).toByteArray();
        r.seenAddress = addressFrom(query.value(2));
        r.publicAddress = addressFrom(query.value(3));
        r.localAddress = addressFrom(query.value(4));
        const int port = query.value(5).toInt();
        r.mode = query.value(6).toInt();
        r.groupId = query.value(7).toString();
        r.subnetBase = addressFrom(query.value(8));
        r.subnetPrefix = query.value(9).toInt();
        r.seed = query.value(10).toBool();
        r.opendo = query.value(11).toBool();
        r.expiresAtMs = query.value(12).toLongLong();
        // A damaged or hand-edited file must not inject impossible registrations.
        if (r.infoHash.size() != 20 || r.peerId.size() != 20 || port <= 0 || port > 65535 ||
            r.seenAddress.isNull() || r.publicAddress.isNull() || r.mode < 1 || r.mode > 3) {
            continue;
        }
        r.port = quint16(port);
        if (r.localAddress.isNull())
            r.localAddress = r.seenAddress;
        registrations.push_back(std::move(r));
    }
    return registrations;
}

bool DiscoveryStore::saveRegistrations(const std::vector<PeerRegistration>& registrations)
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction()) {
        qCWarning(lcStore) << "cannot save registrations:" << db.lastError().text();
        return false;
    }
    // Inserting in primary key order appends to the B-tree instead of splitting pages all over.
    std::vector<const PeerRegistration*> ordered;
    ordered.reserve(registrations.size());
    for (const PeerRegistration& r : registrations)
        ordered.push_back(&r);
    std::sort(ordered.begin(), ordered.end(),
              [](const PeerRegistration* a, const PeerRegistration* b) {
                  const int byHash = a->infoHash.compare(b->infoHash);
                  return byHash != 0 ? byHash < 0 : a->peerId < b->peerId;
              });

    // Per-statement overhead in the Qt driver dominates for small rows, so rows go in batches
    // (kBatchRows * kColumns stays below SQLite's historic 999-parameter limit).
    constexpr int kColumns = 13;
    constexpr int kBatchRows = 64;
    auto insertSql = [](int rows) {
        QString sql = QStringLiteral(
            "INSERT OR REPLACE INTO registrations (info_hash, peer_id, seen, public, local, port, "
            "mode, group_id, subnet_base, subnet_prefix, seed, opendo, expires_at) VALUES ");
        const QString row = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        for (int i = 0; i < rows; ++i) {
            if (i > 0)
                sql += QLatin1Char(',');
            sql += row;
        }
        return sql;
    };

    auto bindRow = [&](QSqlQuery& query, int base, const PeerRegistration& r) {
        query.bindValue(base + 0, r.infoHash);
        query.bindValue(base + 1, r.peerId);
        query.bindValue(base + 2, addressBytes(r.seenAddress));
        query.bindValue(base + 3, addressBytes(r.publicAddress));
        query.bindValue(base + 4, addressBytes(r.localAddress));
        query.bindValue(base + 5, int(r.port));
        query.bindValue(base + 6, r.mode);
        query.bindValue(base + 7, r.groupId);
        query.bindValue(base + 8, addressBytes(r.subnetBase));
        query.bindValue(base + 9, r.subnetPrefix);
        query.bindValue(base + 10, int(r.seed));
        query.bindValue(base + 11, int(r.opendo));
        query.bindValue(base + 12, r.expiresAtMs);
    };

    QSqlQuery clear(db);
    QSqlQuery batch(db);
    QSqlQuery single(db);
    bool ok = clear.exec(QStringLiteral("DELETE FROM registrations")) &&
              batch.prepare(insertSql(kBatchRows)) && single.prepare(insertSql(1));
    QString failure = ok ? QString() : clear.lastError().text() + batch.lastError().text();
    size_t next = 0;
    while (ok && ordered.size() - next >= size_t(kBatchRows)) {
        for (int i = 0; i < kBatchRows; ++i)
            bindRow(batch, i * kColumns, *ordered[next + size_t(i)]);
        next += kBatchRows;
        ok = batch.exec();
        if (!ok)
            failure = batch.lastError().text();
    }
    for (; ok && next < ordered.size(); ++next) {
        bindRow(single, 0, *ordered[next]);
        ok = single.exec();
        if (!ok)
            failure = single.lastError().text();
    }
    clear.finish();
    batch.finish();
    single.finish();
    if (!ok) {
        qCWarning(lcStore) << "cannot save registrations:" << failure;
        db.rollback();
        return false;
    }
    if (!db.commit()) {
        qCWarning(lcStore) << "cannot save registrations:" << db.lastError().text();
        db.rollback();
        return false;
    }
    return true;
}

} // namespace opendo::discovery
