#include "discovery/server/MetainfoCatalog.h"

#include <algorithm>

namespace opendo::discovery {

MetainfoCatalog::MetainfoCatalog(int maxItems, qint64 maxBytes)
    : m_maxItems(std::max(0, maxItems)), m_maxBytes(std::max<qint64>(0, maxBytes))
{}

PublishResult MetainfoCatalog::publish(const QByteArray& torrent, qint64 nowMs)
{
    PublishResult result;
    result.refusal = PublishResult::Refusal::Invalid;
    if (torrent.size() > kMaxPublishedMetainfoSize) {
        result.error =
            QStringLiteral("metainfo is larger than %1 bytes").arg(kMaxPublishedMetainfoSize);
        return result;
    }
    content::MetainfoParseResult parsed = content::Metainfo::parse(torrent);
    if (!parsed.ok()) {
        result.error = parsed.error;
        return result;
    }
    const content::Metainfo& metainfo = *parsed.metainfo;
    if (metainfo.webSeeds().isEmpty()) {
        result.error = QStringLiteral("metainfo has no web seed (url-list)");
        return result;
    }

    auto item = std::make_shared<PublishedContent>();
    item->contentId = metainfo.contentId();
    item->handshakeHash = metainfo.hasV1() ? metainfo.v1InfoHash() : metainfo.v2InfoHash().left(20);
    item->torrent = torrent;
    item->name = metainfo.name();
    item->size = metainfo.fileSize();
    item->publishedAtMs = nowMs;
    for (const QUrl& seed : metainfo.webSeeds()) {
        const QUrl file(normalizeUrl(metainfo.webSeedFileUrl(seed)), QUrl::StrictMode);
        if (file.isValid() && !item->fileUrls.contains(file))
            item->fileUrls.append(file);
    }

    const auto old = m_items.constFind(item->contentId);
    const qint64 previousBytes = old == m_items.cend() ? 0 : (*old)->torrent.size();
    if ((old == m_items.cend() && m_items.size() >= m_maxItems) ||
        m_totalBytes - previousBytes + torrent.size() > m_maxBytes) {
        result.refusal = PublishResult::Refusal::Full;
        result.error = QStringLiteral("the catalogue is full (%1 of at most %2 contents, %3 of at "
                                      "most %4 bytes of metainfo)")
                           .arg(m_items.size())
                           .arg(m_maxItems)
                           .arg(m_totalBytes)
                           .arg(m_maxBytes);
        return result;
    }

    // Drop what the previous version indexed, but only entries still pointing at it: another
    // content published since may have taken over one of its URLs.
    if (old != m_items.cend()) {
        const PublishedContent& previous = **old;
        if (m_byHash.value(previous.handshakeHash) == previous.contentId)
            m_byHash.remove(previous.handshakeHash);
        for (const QUrl& url : previous.fileUrls) {
            const QString key = normalizeUrl(url);
            if (m_byUrl.value(key) == previous.contentId)
                m_byUrl.remove(key);
        }
    }
    m_byHash.insert(item->handshakeHash, item->contentId);
    for (const QUrl& url : item->fileUrls) {
        const QString key = normalizeUrl(url);
        const QString previous = m_byUrl.value(key);
        if (!previous.isEmpty() && previous != item->contentId)
            result.replacedUrls.append(ReplacedUrl{url, previous});
        m_byUrl.insert(key, item->contentId);
    }
    m_totalBytes += torrent.size() - previousBytes;
    m_items.insert(item->contentId, item);

    result.ok = true;
    result.refusal = PublishResult::Refusal::None;
    result.content = *item;
    return result;
}

const PublishedContent* MetainfoCatalog::byContentId(const QString& contentId) const
{
    const auto it = m_items.constFind(contentId);
    return it == m_items.cend() ? nullptr : it->get();
}

const PublishedContent* MetainfoCatalog::byHandshakeHash(QByteArrayView hash) const
{
    const auto it = m_byHash.constFind(hash.toByteArray());
    return it == m_byHash.cend() ? nullptr : byContentId(*it);
}

const PublishedContent* MetainfoCatalog::byUrl(const QUrl& url) const
{
    const auto it = m_byUrl.constFind(normalizeUrl(url));
    return it == m_byUrl.cend() ? nullptr : byContentId(*it);
}

std::vector<const PublishedContent*> MetainfoCatalog::all() const
{
    std::vector<const PublishedContent*> items;
    items.reserve(size_t(m_items.size()));
    for (const auto& item : m_items)
        items.push_back(item.get());
    std::sort(items.begin(), items.end(), [](const PublishedContent* a, const PublishedContent* b) {
        return a->contentId < b->contentId;
    });
    return items;
}

QString MetainfoCatalog::normalizeUrl(const QUrl& url)
{
    QUrl normal = url;
    normal.setFragment(QString());
    const QString scheme = url.scheme().toLower();
    normal.setScheme(scheme);
    normal.setHost(url.host(QUrl::FullyEncoded).toLower(), QUrl::StrictMode);
    if ((scheme == QLatin1String("http") && url.port() == 80) ||
        (scheme == QLatin1String("https") && url.port() == 443))
        normal.setPort(-1);
    return normal.toString(QUrl::FullyEncoded);
}

} // namespace opendo::discovery
