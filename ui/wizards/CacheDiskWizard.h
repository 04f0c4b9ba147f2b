#pragma once

// "The cache uses too much disk": the cache limits, its use, evictions and the minimum file
// size; the summary offers the policy fix and clearing the unpinned cache.

#include "wizards/CheckSetWizard.h"

class QPushButton;

namespace opendo::ui {

class CacheDiskWizard : public CheckSetWizard
{
    Q_OBJECT
public:
    CacheDiskWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);

    QPushButton* clearCacheButton() const { return m_clear; }
    // Evicts every unpinned entry not in use, after asking unless `confirm` is false.
    void clearUnpinnedCache(bool confirm = true);

Q_SIGNALS:
    void cacheCleared(int evicted, const QStringList& errors);

private:
    QPushButton* m_clear = nullptr;
};

} // namespace opendo::ui
