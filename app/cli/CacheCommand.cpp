#include "CacheCommand.h"

#include "CliText.h"
#include "agent/Agent.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace opendo::cli {

namespace {

const char* const kCacheUsage = QT_TRANSLATE_NOOP(
    "doctl", "usage: doctl cache [list] [--json]\n"
             "       doctl cache pin|unpin FILEID\n"
             "       doctl cache expire [FILEID] --on DATE\n"
             "       doctl cache delete [FILEID] [--include-pinned]\n"
             "FILEID is a file id from the list, or enough of its start to tell it apart.\n"
             "expire keeps one file (without FILEID: every cached file) at least until DATE\n"
             "(2026-12-31 or 2026-12-31T18:00, at most a year ahead), as ExpireOn does.\n"
             "delete without FILEID removes every cached file that is neither pinned (unless\n"
             "--include-pinned) nor in use by a download.\n");

constexpr int kMinIdPrefix = 6;

QJsonValue timeValue(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonObject entryToJson(const cache::CacheEntry& e)
{
    return QJsonObject{{QStringLiteral("FileId"), e.contentId},
                       {QStringLiteral("FileName"), e.name},
                       {QStringLiteral("SourceURL"), e.sourceUrl},
                       {QStringLiteral("FileSize"), e.fileSize},
                       {QStringLiteral("BytesInCache"), e.bytesPresent},
                       {QStringLiteral("Complete"), e.complete},
                       {QStringLiteral("IsPinned"), e.pinned},
                       {QStringLiteral("Shareable"), e.shareable},
                       {QStringLiteral("InUse"), e.inUse},
                       {QStringLiteral("AddedOn"), timeValue(e.addedAt)},
                       {QStringLiteral("LastUsedOn"), timeValue(e.lastUsedAt)},
                       {QStringLiteral("ExpireOn"), timeValue(e.expiresAt)}};
}

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

int printList(const QList<cache::CacheEntry>& entries, bool json, QTextStream& out)
{
    if (json) {
        QJsonArray rows;
        for (const cache::CacheEntry& e : entries)
            rows.append(entryToJson(e));
        out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
        return 0;
    }
    if (entries.isEmpty()) {
        out << QCoreApplication::translate("doctl", "The cache is empty.") << '\n';
        return 0;
    }
    qint64 total = 0;
    for (const cache::CacheEntry& e : entries) {
        total += e.bytesPresent;
        QStringList flags;
        if (e.pinned)
            flags << QCoreApplication::translate("doctl", "pinned");
        if (e.inUse)
            flags << QCoreApplication::translate("doctl", "in use");
        if (!e.shareable)
            flags << QCoreApplication::translate("doctl", "HTTP only");
        const int percent = e.fileSize > 0 ? int(e.bytesPresent * 100 / e.fileSize) : 100;
        out << e.contentId << "  " << e.name << '\n'
            << "    "
            << QCoreApplication::translate("doctl", "%1 of %2 here (%3 %)")
                   .arg(sizeText(e.bytesPresent), sizeText(e.fileSize))
                   .arg(percent);
        out << " · "
            << (e.expiresAt.isValid()
                    ? QCoreApplication::translate("doctl", "expires %1")
                          .arg(QLocale().toString(e.expiresAt, QLocale::ShortFormat))
                    : QCoreApplication::translate("doctl", "no expiry"));
        if (!flags.isEmpty())
            out << " · " << flags.join(QStringLiteral(", "));
        out << '\n';
    }
    out << QCoreApplication::translate("doctl", "%n file(s), %1 in the cache", nullptr,
                                       int(entries.size()))
               .arg(sizeText(total))
        << '\n';
    return 0;
}

// The entry FILEID names: the whole id or a prefix that only one entry has.
const cache::CacheEntry* findEntry(const QList<cache::CacheEntry>& entries, const QString& id,
                                   QString* error)
{
    const cache::CacheEntry* found = nullptr;
    for (const cache::CacheEntry& e : entries) {
        if (e.contentId.compare(id, Qt::CaseInsensitive) == 0)
            return &e;
        if (id.size() >= kMinIdPrefix && e.contentId.startsWith(id, Qt::CaseInsensitive)) {
            if (found) {
                *error =
                    QCoreApplication::translate(
                        "doctl", "\"%1\" matches more than one cached file; give more of the id")
                        .arg(id);
                return nullptr;
            }
            found = &e;
        }
    }
    if (!found)
        *error =
            id.size() < kMinIdPrefix && !entries.isEmpty()
                ? QCoreApplication::translate(
                      "doctl", "no cached file has the id \"%1\" (a shortened id needs at least %2 "
                               "characters)")
                      .arg(id)
                      .arg(kMinIdPrefix)
                : QCoreApplication::translate(
                      "doctl", "no cached file has the id \"%1\" (see: doctl cache list)")
                      .arg(id);
    return found;
}

// findEntry, with its complaint printed; null when there is no such entry.
const cache::CacheEntry* resolveEntry(const QList<cache::CacheEntry>& entries, const QString& id,
                                      QTextStream& err)
{
    QString error;
    const cache::CacheEntry* entry = findEntry(entries, id, &error);
    if (!entry)
        err << errorLine(error);
    return entry;
}

int pin(agent::Agent& agent, const cache::CacheEntry& entry, bool pinned, QTextStream& out,
        QTextStream& err)
{
    if (const QString error = agent.setPinned(entry.contentId, pinned).result(); !error.isEmpty()) {
        err << errorLine(error);
        return 1;
    }
    out << (pinned
                ? QCoreApplication::translate(
                      "doctl", "pinned %1 (%2): it stays in the cache until unpinned")
                : QCoreApplication::translate(
                      "doctl", "unpinned %1 (%2): DOMaxCacheAge and the size limits apply again"))
               .arg(entry.contentId, entry.name)
        << '\n';
    return 0;
}

// Returns "" or why the entry stays.
QString deleteEntry(agent::Agent& agent, const cache::CacheEntry& entry, bool includePinned)
{
    if (entry.inUse)
        return QCoreApplication::translate("doctl", "a download is using it");
    if (entry.pinned) {
        if (!includePinned)
            return QCoreApplication::translate("doctl", "pinned (add --include-pinned)");
        if (const QString error = agent.setPinned(entry.contentId, false).result();
            !error.isEmpty())
            return error;
    }
    return agent.evictContent(entry.contentId).result();
}

int deleteFiles(agent::Agent& agent, const QList<cache::CacheEntry>& entries,
                const std::optional<QString>& id, bool includePinned, QTextStream& out,
                QTextStream& err)
{
    QList<const cache::CacheEntry*> targets;
    if (id) {
        const cache::CacheEntry* entry = resolveEntry(entries, *id, err);
        if (!entry)
            return 1;
        targets << entry;
    } else {
        for (const cache::CacheEntry& e : entries)
            targets << &e;
    }
    int deleted = 0;
    int kept = 0;
    qint64 freed = 0;
    for (const cache::CacheEntry* e : std::as_const(targets)) {
        const QString why = deleteEntry(agent, *e, includePinned);
        if (why.isEmpty()) {
            ++deleted;
            freed += e->bytesPresent;
            out << QCoreApplication::translate("doctl", "deleted %1 (%2)")
                       .arg(e->contentId, e->name)
                << '\n';
        } else {
            ++kept;
            out << QCoreApplication::translate("doctl", "kept %1 (%2): %3")
                       .arg(e->contentId, e->name, why)
                << '\n';
        }
    }
    out << QCoreApplication::translate("doctl", "%n file(s) deleted", nullptr, deleted) << ", "
        << QCoreApplication::translate("doctl", "%1 freed").arg(sizeText(freed));
    if (kept > 0)
        out << ", " << QCoreApplication::translate("doctl", "%n kept", nullptr, kept);
    out << '\n';
    // Naming one file that cannot go is a failure; a sweep that skips some is not.
    return id && kept > 0 ? 1 : 0;
}

// "2026-12-31" means the end of that day; a time may be given ("2026-12-31T18:00").
QDateTime parseExpireOn(const QString& text)
{
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (day.isValid() && text.size() == 10)
        return day.endOfDay();
    return QDateTime::fromString(text, Qt::ISODate);
}

int expireFiles(agent::Agent& agent, const QList<cache::CacheEntry>& entries,
                const std::optional<QString>& id, const QString& on, QTextStream& out,
                QTextStream& err)
{
    const QDateTime until = parseExpireOn(on);
    if (!until.isValid()) {
        err << errorLine(QCoreApplication::translate(
                             "doctl", "\"%1\" is not a date (2026-12-31) or a date and time "
                                      "(2026-12-31T18:00)")
                             .arg(on));
        return 2;
    }
    QString target;
    if (id) {
        const cache::CacheEntry* entry = resolveEntry(entries, *id, err);
        if (!entry)
            return 1;
        target = entry->contentId;
    }
    if (const QString error = agent.setExpireOn(target, until).result(); !error.isEmpty()) {
        err << errorLine(error);
        return 1;
    }
    out << (target.isEmpty()
                ? QCoreApplication::translate("doctl", "every cached file stays at least until %1")
                      .arg(QLocale().toString(until, QLocale::ShortFormat))
                : QCoreApplication::translate("doctl", "%1 stays at least until %2")
                      .arg(target, QLocale().toString(until, QLocale::ShortFormat)))
        << '\n';
    return 0;
}

} // namespace

int runCacheCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    const bool includePinned = args.takeFlag(QStringLiteral("include-pinned"));
    QString optionError;
    const std::optional<QString> on = args.takeOption(QStringLiteral("on"), &optionError);
    const QString verb = args.takePositional().value_or(QStringLiteral("list"));
    const std::optional<QString> id = args.takePositional();
    const bool needsId = verb == QLatin1String("pin") || verb == QLatin1String("unpin");
    const bool expire = verb == QLatin1String("expire");
    const bool known =
        verb == QLatin1String("list") || verb == QLatin1String("delete") || needsId || expire;
    if (!known || (needsId && !id) || (verb == QLatin1String("list") && id) ||
        expire != on.has_value() || !optionError.isEmpty() || !args.remaining().isEmpty()) {
        err << QCoreApplication::translate("doctl", kCacheUsage);
        return 2;
    }
    const QList<cache::CacheEntry> entries = agent.cacheContents().result();
    if (verb == QLatin1String("list"))
        return printList(entries, json, out);
    if (verb == QLatin1String("delete"))
        return deleteFiles(agent, entries, id, includePinned, out, err);
    if (expire)
        return expireFiles(agent, entries, id, *on, out, err);
    const cache::CacheEntry* entry = resolveEntry(entries, *id, err);
    return entry ? pin(agent, *entry, verb == QLatin1String("pin"), out, err) : 1;
}

} // namespace opendo::cli
