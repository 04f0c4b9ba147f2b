#pragma once

// When the cache policies take a content out of the cache by age (Get-DeliveryOptimizationStatus
// ExpireOn): the one rule shared by every view of it.

#include "cache/CacheEviction.h"

#include <QDateTime>

namespace opendo::cache {

// DOMaxCacheAge after the content completed, or the content's keep-until time when that is later
// (Set-DeliveryOptimizationStatus -ExpireOn), as planEviction's age rule applies it. Invalid
// when age never removes it: no age limit (0), pinned, or not complete yet (a partial download
// is never evicted; DO sets ExpireOn once a file completes).
QDateTime cacheExpiry(const CachedContent& content, const CacheLimits& limits);

} // namespace opendo::cache
