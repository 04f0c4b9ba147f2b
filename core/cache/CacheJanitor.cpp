#include "cache/CacheJanitor.h"

#include "cache/PieceStore.h"

#include <QStorageInfo>

namespace opendo::cache {

namespace {
constexpr int kSweepIntervalMs = 60 * 1000;
}

CacheJanitor::CacheJanitor(PieceStore& store, PolicySource policies, BusyTest busy, QObject* parent)
    : QObject(parent), m_store(store), m_policies(std::move(policies)), m_busy(std::move(busy))
{
    m_timer.setInterval(kSweepIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { sweep(); });
    m_timer.start();
}

QList<EvictionDecision> CacheJanitor::sweep()
{
    // Content a download still uses counts toward the size limit but must stay: present it
    // to the planner as pinned.
    QList<CachedContent> candidates = m_store.all();
    for (CachedContent& c : candidates) {
        if (m_busy(c.geometry.contentId))
            c.pinned = true;
    }
    const QStorageInfo storage(m_store.cacheDir());
    const DriveSpace drive{storage.bytesTotal(), storage.bytesAvailable()};
    const QList<EvictionDecision> decisions = planEviction(
        candidates, cacheLimitsFrom(m_policies()), drive, QDateTime::currentDateTime());
    QList<EvictionDecision> done;
    for (const EvictionDecision& d : decisions) {
        QString error;
        if (m_store.evict(d.contentId, d.reason, &error)) {
            done << d;
            Q_EMIT evicted(d.contentId, d.reason);
        } else {
            qWarning("cache: cannot evict %s: %s", qPrintable(d.contentId), qPrintable(error));
        }
    }
    return done;
}

} // namespace opendo::cache
