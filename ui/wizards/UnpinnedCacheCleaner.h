#pragma once

// Evicts every cache entry that is neither pinned nor in use, one after another on the agent,
// without blocking the GUI; reports how many went and what failed.

#include <QObject>
#include <QStringList>

namespace opendo::agent {
class Agent;
}

namespace opendo::ui {

class UnpinnedCacheCleaner : public QObject
{
    Q_OBJECT
public:
    UnpinnedCacheCleaner(agent::Agent& agent, QObject* parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(int evicted, const QStringList& errors);

private:
    void evictNext();

    agent::Agent& m_agent;
    QStringList m_pending; // content ids
    QStringList m_errors;
    int m_evicted = 0;
};

} // namespace opendo::ui
