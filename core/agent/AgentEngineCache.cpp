// The cache panel's and doctl's actions on cached content: listing it with the expiry the
// clean-up will apply, pinning, ExpireOn and eviction by hand; and moving the cache when
// DOModifyCacheDrive changes.

#include "agent/AgentEngine.h"
#include "cache/CacheEviction.h"
#include "cache/CacheExpiry.h"
#include "cache/CacheRelocation.h"
#include "cache/PieceStore.h"
#include "log/LogCategories.h"
#include "transfer/PeerHub.h"

#include <QDir>
#include <utility>

namespace opendo::agent {

using namespace opendo::policy;

namespace {
constexpr int kMaxExpireOnDays = 365;   // Set-DeliveryOptimizationStatus -ExpireOn's reach
constexpr int kCacheMoveRetryMs = 2000; // while downloads keep the cache folder busy
// A copy onto another drive that failed half-way is tried again this much later.
constexpr int kCacheCopyRetryMs = 5 * 60 * 1000;
} // namespace

QList<cache::CacheEntry> AgentEngine::cacheContents() const
{
    QList<cache::CacheEntry> out;
    if (!m_store)
        return out;
    const cache::CacheLimits limits = cache::cacheLimitsFrom(resolveEffective(m_policies->state()));
    for (const cache::CachedContent& c : m_store->all()) {
        cache::CacheEntry e;
        e.contentId = c.geometry.contentId;
        e.name = c.geometry.name;
        e.sourceUrl = c.sourceUrl;
        e.fileSize = c.geometry.fileSize;
        e.bytesPresent = c.bytesPresent();
        e.complete = c.complete();
        e.pinned = c.pinned;
        e.shareable = c.shareable();
        e.inUse = m_downloads && m_downloads->hasActiveJobFor(e.contentId);
        e.addedAt = c.addedAt;
        e.lastUsedAt = c.lastUsedAt;
        e.expiresAt = cache::cacheExpiry(c, limits); // the rule the clean-up applies
        out.append(e);
    }
    return out;
}

QList<cache::EvictionRecord> AgentEngine::evictions(int limit) const
{
    return m_store ? m_store->evictions(limit) : QList<cache::EvictionRecord>{};
}

QString AgentEngine::setPinned(const QString& contentId, bool pinned)
{
    if (!m_store)
        return tr("The agent is not running.");
    QString error;
    if (!m_store->setPinned(contentId, pinned, &error))
        return error;
    // A job's snapshot carries its content's pin; a finished job changes no more by itself.
    if (!m_jobsPublishTimer.isActive())
        m_jobsPublishTimer.start();
    return {};
}

QString AgentEngine::setExpireOn(const QString& contentId, const QDateTime& until)
{
    if (!m_store)
        return tr("The agent is not running.");
    // As DO: an ExpireOn lies in the future and at most a year ahead.
    const QDateTime now = QDateTime::currentDateTime();
    if (!until.isValid() || until <= now || until > now.addDays(kMaxExpireOnDays))
        return tr("ExpireOn must lie between now and %1 days ahead (%2 given).")
            .arg(kMaxExpireOnDays)
            .arg(until.isValid() ? until.toString(Qt::ISODate) : tr("no valid time"));
    QString error;
    const bool stored = contentId.isEmpty() ? m_store->setKeepUntilForAll(until, &error)
                                            : m_store->setKeepUntil(contentId, until, &error);
    if (!stored)
        return error;
    if (!m_jobsPublishTimer.isActive())
        m_jobsPublishTimer.start(); // a finished job's ExpireOn changes with it
    return {};
}

QString AgentEngine::evictContent(const QString& contentId)
{
    if (!m_store)
        return tr("The agent is not running.");
    if (m_downloads && m_downloads->hasActiveJobFor(contentId))
        return tr("A download is using %1; cancel it first.").arg(contentId);
    if (m_cacheCopy)
        return tr("The cache is being copied to %1; evict once the move is done.")
            .arg(m_cacheCopy->plan().to);
    if (const auto cached = m_store->find(contentId); cached && cached->pinned)
        return tr("%1 is pinned; unpin it before evicting it.").arg(cached->geometry.name);
    if (m_peers)
        m_peers->dropSwarm(contentId, tr("evicted by the user"));
    QString error;
    return m_store->evict(contentId, tr("evicted by the user"), &error) ? QString() : error;
}

void AgentEngine::followCacheFolderPolicy()
{
    if (!m_store || !m_downloads || !m_policies)
        return; // start-up opens the cache where the policy says
    const QString wanted = QDir::cleanPath(
        cache::cacheDirectoryFor(resolveEffective(m_policies->state()), m_options.dataDir));
    if (m_cacheCopy) {
        if (m_cacheCopy->plan().to == wanted)
            return;         // under way
        abandonCacheCopy(); // the policy changed again; the old folder still holds everything
    }
    if (wanted == QDir::cleanPath(m_store->cacheDir())) {
        m_cacheMoveTimer.stop();
        m_cacheMoveError.clear();
        m_cacheMoveAwaited.clear();
        return;
    }
    // A running download would keep writing to the old path; waiting is simpler and safer
    // than pulling the folder from under it.
    if (const int busy = m_downloads->jobsUsingCacheFiles(); busy > 0) {
        if (std::exchange(m_cacheMoveAwaited, wanted) != wanted) // once, not at every retry
            qCInfo(log::lcCache).noquote()
                << QStringLiteral("the cache moves to %1 once %2 running download(s) finish or "
                                  "are paused")
                       .arg(wanted)
                       .arg(busy);
        m_cacheMoveTimer.start(kCacheMoveRetryMs);
        return;
    }
    if (cache::relocationMethod(m_store->cacheDir(), wanted) == cache::RelocationMethod::Copy) {
        startCacheCopy(wanted);
        return;
    }
    if (m_peers)
        m_peers->dropAllSwarms(tr("the cache folder moves to %1").arg(wanted));
    const cache::CacheRelocation moved = cache::relocateCache(*m_store, wanted);
    if (!moved.ok()) {
        // The folder may become usable (a drive mounted later).
        refuseCacheMove(wanted, moved.error, kCacheMoveRetryMs);
        return;
    }
    m_cacheMoveError.clear();
    m_cacheMoveAwaited.clear();
    m_downloads->rejoinSwarms();
    if (!m_jobsPublishTimer.isActive())
        m_jobsPublishTimer.start(); // cached sizes change with evicted content
}

void AgentEngine::startCacheCopy(const QString& to)
{
    cache::CacheCopyPlan plan = cache::planCacheCopy(*m_store, to);
    if (!plan.ok()) {
        refuseCacheMove(to, plan.error, kCacheMoveRetryMs); // space may be freed
        return;
    }
    m_cacheMoveError.clear();
    m_cacheMoveAwaited.clear();
    if (plan.items.isEmpty()) { // no data file to copy: the empty folders come along at once
        switchToCopiedCache(plan);
        return;
    }
    m_downloads->holdStarts(tr("the cache to finish copying to %1").arg(plan.to));
    qCInfo(log::lcCache).noquote()
        << QStringLiteral("copying the cache from %1 to %2 on another drive: %3 content(s), "
                          "%4 MB; downloads wait until the copy is done, peers are served from "
                          "%1 meanwhile")
               .arg(plan.from, plan.to)
               .arg(plan.items.size())
               .arg(plan.bytes >> 20);
    m_cacheCopy = new cache::CacheCopyJob(std::move(plan), this);
    connect(m_cacheCopy, &cache::CacheCopyJob::finished, this,
            [this](const QString& error, bool cancelled) {
                if (!cancelled) // a cancelled job was already taken down by abandonCacheCopy
                    completeCacheCopy(error);
            });
    m_cacheCopy->start();
}

void AgentEngine::completeCacheCopy(const QString& error)
{
    cache::CacheCopyJob* job = std::exchange(m_cacheCopy, nullptr);
    job->deleteLater(); // it is still delivering the signal that got us here
    if (!error.isEmpty()) {
        m_downloads->holdStarts({});
        // Copying again at once would likely fail the same way after the same gigabytes.
        refuseCacheMove(job->plan().to, error, kCacheCopyRetryMs);
        return;
    }
    job->keepCopies();
    switchToCopiedCache(job->plan());
    const qint64 ms = qMax<qint64>(1, job->elapsedMs());
    qCInfo(log::lcCache).noquote()
        << QStringLiteral("copied %1 MB in %2 s (%3 MB/s)")
               .arg(job->plan().bytes >> 20)
               .arg(double(ms) / 1000.0, 0, 'f', 1)
               .arg(double(job->plan().bytes) / 1048576.0 * 1000.0 / double(ms), 0, 'f', 0);
}

void AgentEngine::switchToCopiedCache(const cache::CacheCopyPlan& plan)
{
    if (m_peers)
        m_peers->dropAllSwarms(tr("the cache folder moves to %1").arg(plan.to));
    cache::finishCacheCopy(*m_store, plan); // logs what moved and what was evicted
    m_downloads->holdStarts({});
    m_downloads->rejoinSwarms();
    if (!m_jobsPublishTimer.isActive())
        m_jobsPublishTimer.start();
}

void AgentEngine::abandonCacheCopy()
{
    const QString to = m_cacheCopy->plan().to;
    delete std::exchange(m_cacheCopy, nullptr); // cancels; the copies made so far are removed
    m_downloads->holdStarts({});
    qCInfo(log::lcCache).noquote()
        << QStringLiteral("the copy of the cache to %1 stopped: DOModifyCacheDrive changed")
               .arg(to);
}

void AgentEngine::refuseCacheMove(const QString& wanted, const QString& why, int retryMs)
{
    if (why != m_cacheMoveError) // retries of the same problem are no new errors
        m_errors->report(log::DoErrorCode::CacheFolderMissing, log::lcCache(),
                         tr("DOModifyCacheDrive names %1, but %2; the cache stays in %3.")
                             .arg(wanted, why, m_store->cacheDir()));
    m_cacheMoveError = why;
    m_cacheMoveAwaited.clear();
    m_cacheMoveTimer.start(retryMs);
}

} // namespace opendo::agent
