#include "wizards/UnpinnedCacheCleaner.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"

namespace opendo::ui {

UnpinnedCacheCleaner::UnpinnedCacheCleaner(agent::Agent& agent, QObject* parent)
    : QObject(parent), m_agent(agent)
{}

void UnpinnedCacheCleaner::start()
{
    whenReady(this, m_agent.cacheContents(), [this](const QList<cache::CacheEntry>& entries) {
        for (const cache::CacheEntry& entry : entries) {
            if (!entry.pinned && !entry.inUse)
                m_pending << entry.contentId;
        }
        evictNext();
    });
}

void UnpinnedCacheCleaner::evictNext()
{
    if (m_pending.isEmpty()) {
        Q_EMIT finished(m_evicted, m_errors);
        return;
    }
    const QString contentId = m_pending.takeFirst();
    whenReady(this, m_agent.evictContent(contentId), [this, contentId](const QString& error) {
        if (error.isEmpty())
            ++m_evicted;
        else
            m_errors << QStringLiteral("%1: %2").arg(contentId.left(12), error);
        evictNext();
    });
}

} // namespace opendo::ui
