#include "cache/CacheExpiry.h"

namespace opendo::cache {

QDateTime cacheExpiry(const CachedContent& content, const CacheLimits& limits)
{
    if (limits.maxAgeSeconds <= 0 || content.pinned || !content.completedAt ||
        !content.completedAt->isValid())
        return {};
    return content.completedAt->addSecs(limits.maxAgeSeconds);
}

} // namespace opendo::cache
