#pragma once

// Content published to the discovery service: its metainfo, found by content id, by info hash
// (the 20 bytes of announces) or by any of its web-seed file URLs (so an agent asked to download
// a URL can find out that it is published and get a verifiable, peerable download).

#include "content/Metainfo.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>
#include <memory>
#include <vector>

namespace opendo::discovery {

inline constexpr qsizetype kMaxPublishedMetainfoSize = 16 * 1024 * 1024;
// Bounds on what publishers can make the service hold: contents, and their metainfo bytes.
inline constexpr int kDefaultMaxPublishedItems = 10'000;
inline constexpr qint64 kDefaultMaxPublishedBytes = qint64(1024) * 1024 * 1024;

struct PublishedContent
{
    QString contentId;
    QByteArray handshakeHash; // 20 bytes: v1 info hash, else truncated v2
    QByteArray torrent;       // the metainfo file as published
    QString name;
    qint64 size = 0;
    QList<QUrl> fileUrls; // web seed file URLs, normalised
    qint64 publishedAtMs = 0;
};

// A URL that pointed at another content until this publication took it over.
struct ReplacedUrl
{
    QUrl url;
    QString previousContentId;
};

struct PublishResult
{
    enum class Refusal
    {
        None,
        Invalid, // not a usable metainfo
        Full     // the catalogue is at its item or byte limit
    };
    bool ok = false;
    Refusal refusal = Refusal::None;
    PublishedContent content;
    QList<ReplacedUrl> replacedUrls; // when ok
    QString error;                   // English, for the JSON error
};

class MetainfoCatalog
{
public:
    explicit MetainfoCatalog(int maxItems = kDefaultMaxPublishedItems,
                             qint64 maxBytes = kDefaultMaxPublishedBytes);

    // Parses and validates the metainfo; republishing the same content replaces the entry (and
    // is allowed when the catalogue is full). A new content beyond the limits is refused.
    // URLs already indexed for another content move to this one (listed in replacedUrls).
    PublishResult publish(const QByteArray& torrent, qint64 nowMs);
    const PublishedContent* byContentId(const QString& contentId) const;
    const PublishedContent* byHandshakeHash(QByteArrayView hash) const;
    const PublishedContent* byUrl(const QUrl& url) const;
    std::vector<const PublishedContent*> all() const;
    int count() const { return int(m_items.size()); }
    qint64 totalBytes() const { return m_totalBytes; }
    int maxItems() const { return m_maxItems; }

    // Normalised form used for URL lookups: scheme and host lower-case, default port dropped,
    // fragment dropped, path kept exactly.
    static QString normalizeUrl(const QUrl& url);

private:
    int m_maxItems;
    qint64 m_maxBytes;
    qint64 m_totalBytes = 0;
    QHash<QString, std::shared_ptr<PublishedContent>> m_items; // by content id
    QHash<QByteArray, QString> m_byHash;
    QHash<QString, QString> m_byUrl;
};

} // namespace opendo::discovery
