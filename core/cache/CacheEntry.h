#pragma once

// One content in the cache as users see it (the console's cache panel): what it is, how much of
// it is here, how long it stays, whether it is pinned. Immutable, safe between threads.

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace opendo::cache {

struct CacheEntry
{
    QString contentId;
    QString name;
    QString sourceUrl;
    qint64 fileSize = 0;
    qint64 bytesPresent = 0;
    bool complete = false;
    bool pinned = false;
    bool shareable = false; // has metainfo: may be offered to peers
    bool inUse = false;     // a download is using it (never evicted meanwhile)
    QDateTime addedAt;
    QDateTime lastUsedAt;
    QDateTime expiresAt; // lastUsedAt + DOMaxCacheAge; invalid when kept without limit or pinned
};

} // namespace opendo::cache

Q_DECLARE_METATYPE(opendo::cache::CacheEntry)
