#include "cache/CacheExpiry.h"

namespace opendo::cache {

QDateTime cacheExpiry(const CachedContent& content, const CacheLimits& limits)
{
    if (limits.maxAgeSeconds <= 0 || content.pinned || !content.completedAt ||
        !content.completedAt->isValid())
        return {};
    const QDateTime byAge = content.completedAt->addSecs(limits.maxAgeSeconds);
    // An ExpireOn set by the administrator only ever postpones the age rule.
    return content.keepUntil && content.keepUntil->isValid() && *content.keepUntil > byAge
               ? *content.keepUntil
               : byAge;
}

} // namespace opendo::cache
