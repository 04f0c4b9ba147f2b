#pragma once

// Which cached contents must go, and why, under the DO cache policies. A pure function of the
// cache's contents, the limits, the drive and the time, so every rule is testable.

#include "cache/CachedContent.h"
#include "policy/PolicyState.h"

#include <QList>

namespace opendo::cache {

struct CacheLimits
{
    qint64 maxAgeSeconds = 0;    // DOMaxCacheAge; 0 = unlimited
    int maxSizePercent = 20;     // DOMaxCacheSize, of the cache drive
    qint64 absoluteMaxBytes = 0; // DOAbsoluteMaxCacheSize in bytes; 0 = not set; wins over %
    qint64 minFileSizeBytes = 0; // DOMinFileSizeToCache in bytes
};

struct DriveSpace
{
    qint64 total = 0;     // capacity of the drive holding the cache
    qint64 available = 0; // free bytes for the agent
};

struct EvictionDecision
{
    QString contentId;
    QString reason;
};

CacheLimits cacheLimitsFrom(const policy::PolicySnapshot& policies);

// The size ceiling in bytes that applies on this drive.
qint64 cacheSizeLimit(const CacheLimits& limits, const DriveSpace& drive);

// Pinned content and content still downloading are never chosen.
QList<EvictionDecision> planEviction(const QList<CachedContent>& contents,
                                     const CacheLimits& limits, const DriveSpace& drive,
                                     const QDateTime& now);

// The cache folder: DOModifyCacheDrive when set (an absolute folder; $VARS expanded), else
// <dataDir>/cache.
QString cacheDirectoryFor(const policy::PolicySnapshot& policies, const QString& dataDir);

} // namespace opendo::cache
