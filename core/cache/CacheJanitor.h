#pragma once

// Applies the cache policies over time: evicts what planEviction chooses, after each finished
// download and once a minute, skipping content a download is still using.

#include "cache/CacheEviction.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace opendo::cache {

class PieceStore;

class CacheJanitor : public QObject
{
    Q_OBJECT
public:
    using PolicySource = std::function<policy::PolicySnapshot()>;
    using BusyTest = std::function<bool(const QString& contentId)>;

    CacheJanitor(PieceStore& store, PolicySource policies, BusyTest busy,
                 QObject* parent = nullptr);

    // Evicts what the policies require now; returns the decisions carried out.
    QList<EvictionDecision> sweep();

Q_SIGNALS:
    void evicted(const QString& contentId, const QString& reason);

private:
    PieceStore& m_store;
    PolicySource m_policies;
    BusyTest m_busy;
    QTimer m_timer;
};

} // namespace opendo::cache
