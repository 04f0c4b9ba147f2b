#pragma once

// What the cache knows about one content: its geometry, which pieces are durably present, and
// how it is kept (pinned, ages, whether it may be shared with peers).

#include <QBitArray>
#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>

namespace opendo::cache {

struct ContentGeometry
{
    QString contentId; // metainfo content id (info hash hex), or "url-<sha256 of URL>"
    QString name;      // file name for users
    qint64 fileSize = 0;
    qint64 pieceLength = 0;
    int pieceCount = 0;

    qint64 pieceOffset(int index) const { return qint64(index) * pieceLength; }
    qint64 pieceSize(int index) const
    {
        if (index < 0 || index >= pieceCount)
            return 0;
        return qMin(pieceLength, fileSize - pieceOffset(index));
    }
};

struct CachedContent
{
    ContentGeometry geometry;
    QByteArray metainfo; // bencoded .torrent; empty for HTTP-only content
    QString sourceUrl;
    bool pinned = false;
    QDateTime addedAt;
    std::optional<QDateTime> completedAt;
    QDateTime lastUsedAt;
    // Set-DeliveryOptimizationStatus -ExpireOn: age does not remove the content before this.
    std::optional<QDateTime> keepUntil;
    QBitArray present; // one bit per piece, set only once the piece is durable and verified

    // Only content with trusted hashes may ever be offered to peers.
    bool shareable() const { return !metainfo.isEmpty(); }
    bool complete() const { return completedAt.has_value(); }
    qint64 bytesPresent() const;
};

struct EvictionRecord
{
    QDateTime at;
    QString contentId;
    QString name;
    qint64 fileSize = 0;
    QString reason; // e.g. "older than DOMaxCacheAge (259200 s)"
};

} // namespace opendo::cache
