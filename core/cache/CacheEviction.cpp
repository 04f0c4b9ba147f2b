#include "cache/CacheEviction.h"

#include "cache/CacheExpiry.h"
#include "common/ByteUnits.h"

#include <QCoreApplication>
#include <QDir>
#include <QSet>
#include <algorithm>
#include <limits>
#include <tuple>

namespace opendo::cache {
namespace {

bool isNameStart(QChar c)
{
    return c == QLatin1Char('_') || (c.unicode() < 128 && c.isLetter());
}

bool isNameChar(QChar c)
{
    return isNameStart(c) || (c.unicode() < 128 && c.isDigit());
}

// Expands $NAME, ${NAME} and Windows-style %NAME% from the environment. Text that is not a
// reference ("100%", a lone "$") stays literal. An unset variable fails the whole expansion:
// substituting "" would turn "$CACHE/do" into "/do", a folder nobody meant.
std::optional<QString> expandEnvironment(const QString& text)
{
    QString out;
    for (qsizetype i = 0; i < text.size();) {
        const QChar c = text.at(i);
        QString name;
        qsizetype next = -1;
        if (c == QLatin1Char('$') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('{')) {
            const qsizetype close = text.indexOf(QLatin1Char('}'), i + 2);
            if (close > i + 2) {
                name = text.mid(i + 2, close - i - 2);
                next = close + 1;
            }
        } else if (c == QLatin1Char('$') && i + 1 < text.size() && isNameStart(text.at(i + 1))) {
            qsizetype end = i + 1;
            while (end < text.size() && isNameChar(text.at(end)))
                ++end;
            name = text.mid(i + 1, end - i - 1);
            next = end;
        } else if (c == QLatin1Char('%')) {
            const qsizetype close = text.indexOf(QLatin1Char('%'), i + 1);
            if (close > i + 1) {
                name = text.mid(i + 1, close - i - 1);
                next = close + 1;
            }
        }
        if (next < 0) {
            out += c;
            ++i;
            continue;
        }
        const QByteArray key = name.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(key.constData()))
            return std::nullopt;
        out += qEnvironmentVariable(key.constData());
        i = next;
    }
    return out;
}

// Unknown last use sorts as oldest, so it cannot protect a content from eviction.
qint64 sortKey(const QDateTime& t)
{
    return t.isValid() ? t.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}

} // namespace

CacheLimits cacheLimitsFrom(const policy::PolicySnapshot& policies)
{
    // The policy layer validates ranges; clamping again keeps a hand-edited database from
    // producing negative or overflowing limits.
    CacheLimits limits;
    limits.maxAgeSeconds = qMax<qint64>(0, policies.number(QStringLiteral("DOMaxCacheAge")));
    limits.maxSizePercent =
        int(std::clamp<qint64>(policies.number(QStringLiteral("DOMaxCacheSize"), 20), 1, 100));
    const qint64 gb = std::clamp<qint64>(policies.number(QStringLiteral("DOAbsoluteMaxCacheSize")),
                                         0, std::numeric_limits<qint64>::max() / kGiB);
    // The absolute cap wins when an admin set it, and by default (10 GB); but an admin who set
    // only the percentage means the percentage, not a default they never chose.
    const auto configured = [&policies](const char* key) {
        const policy::EffectivePolicy* p = policies.find(QString::fromLatin1(key));
        return p && p->source != policy::PolicySource::Default;
    };
    const bool percentOnly = configured("DOMaxCacheSize") && !configured("DOAbsoluteMaxCacheSize");
    limits.absoluteMaxBytes = percentOnly ? 0 : gb * kGiB;
    const qint64 mb = std::clamp<qint64>(policies.number(QStringLiteral("DOMinFileSizeToCache")), 0,
                                         std::numeric_limits<qint64>::max() / kMiB);
    limits.minFileSizeBytes = mb * kMiB;
    return limits;
}

qint64 cacheSizeLimit(const CacheLimits& limits, const DriveSpace& drive)
{
    if (limits.absoluteMaxBytes > 0)
        return limits.absoluteMaxBytes;
    // A drive whose size could not be read must not look like a 0-byte drive: that would
    // evict the whole cache. Without a size the percentage cannot apply.
    if (drive.total <= 0)
        return std::numeric_limits<qint64>::max();
    // Windows documents the percentage "of available drive space". We take it of the drive's
    // capacity instead: free space shrinks as the cache itself grows, so a limit based on it
    // would keep moving under the cache and evict content that was within bounds when stored.
    const qint64 percent = qBound(0, limits.maxSizePercent, 100);
    return drive.total / 100 * percent + drive.total % 100 * percent / 100;
}

QList<EvictionDecision> planEviction(const QList<CachedContent>& contents,
                                     const CacheLimits& limits, const DriveSpace& drive,
                                     const QDateTime& now)
{
    QList<EvictionDecision> plan;
    QSet<QString> chosen;
    // Pinned content is the admin's explicit wish; incomplete content is still being
    // downloaded and evicting it would only make the download start over.
    auto evictable = [&chosen](const CachedContent& c) {
        return c.complete() && !c.pinned && !chosen.contains(c.geometry.contentId);
    };
    auto choose = [&](const CachedContent& c, const QString& reason) {
        plan << EvictionDecision{c.geometry.contentId, reason};
        chosen.insert(c.geometry.contentId);
    };

    if (limits.minFileSizeBytes > 0) {
        const QString reason = QCoreApplication::translate(
                                   "opendo::cache", "smaller than DOMinFileSizeToCache (%1 MB)")
                                   .arg(limits.minFileSizeBytes / kMiB);
        for (const CachedContent& c : contents) {
            if (evictable(c) && c.geometry.fileSize < limits.minFileSizeBytes)
                choose(c, reason);
        }
    }

    if (limits.maxAgeSeconds > 0) {
        const QString reason =
            QCoreApplication::translate("opendo::cache", "older than DOMaxCacheAge (%1 s)")
                .arg(limits.maxAgeSeconds);
        for (const CachedContent& c : contents) {
            const QDateTime expiry = evictable(c) ? cacheExpiry(c, limits) : QDateTime();
            if (!expiry.isValid() || expiry >= now)
                continue;
            const bool postponed = c.keepUntil && *c.keepUntil == expiry;
            choose(c, postponed ? QCoreApplication::translate("opendo::cache",
                                                              "past the ExpireOn set for it (%1)")
                                      .arg(expiry.toString(Qt::ISODate))
                                : reason);
        }
    }

    // Pinned and incomplete content count towards the size (their bytes are on the disk) even
    // though only the rest can make room.
    const qint64 limit = cacheSizeLimit(limits, drive);
    qint64 used = 0;
    for (const CachedContent& c : contents) {
        if (!chosen.contains(c.geometry.contentId))
            used += c.bytesPresent();
    }
    if (used <= limit)
        return plan;

    QList<const CachedContent*> lru;
    for (const CachedContent& c : contents) {
        if (evictable(c))
            lru << &c;
    }
    std::sort(lru.begin(), lru.end(), [](const CachedContent* a, const CachedContent* b) {
        const auto ka = std::make_tuple(sortKey(a->lastUsedAt), sortKey(*a->completedAt),
                                        a->geometry.contentId);
        const auto kb = std::make_tuple(sortKey(b->lastUsedAt), sortKey(*b->completedAt),
                                        b->geometry.contentId);
        return ka < kb;
    });
    const QString reason =
        limits.absoluteMaxBytes > 0
            ? QCoreApplication::translate(
                  "opendo::cache", "cache over its size limit (DOAbsoluteMaxCacheSize %1 GB)")
                  .arg(limits.absoluteMaxBytes / kGiB)
            : QCoreApplication::translate(
                  "opendo::cache",
                  "cache over its size limit (DOMaxCacheSize %1 % of a %2 GB drive)")
                  .arg(limits.maxSizePercent)
                  .arg(double(drive.total) / double(kGiB), 0, 'f', 1);
    for (const CachedContent* c : lru) {
        if (used <= limit)
            break;
        choose(*c, reason);
        used -= c->bytesPresent();
    }
    return plan;
}

QString cacheDirectoryFor(const policy::PolicySnapshot& policies, const QString& dataDir)
{
    const QString fallback = QDir(dataDir).filePath(QStringLiteral("cache"));
    const policy::EffectivePolicy* setting = policies.find(QStringLiteral("DOModifyCacheDrive"));
    const QString value = setting ? setting->value.trimmed() : QString();
    if (value.isEmpty())
        return fallback;
    // Only an absolute folder is usable here. A drive letter ("D:"), a relative path or an unset
    // variable has no meaning on this platform (a relative path would depend on the agent's
    // working directory), so the cache stays in the default place rather than somewhere
    // surprising; the troubleshooting checks point out the unusable setting.
    const std::optional<QString> expanded = expandEnvironment(value);
    if (!expanded || !QDir::isAbsolutePath(*expanded))
        return fallback;
    return QDir::cleanPath(*expanded);
}

} // namespace opendo::cache
