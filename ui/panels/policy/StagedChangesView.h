#pragma once

// The diff between what is applied and what is staged, one row per edited setting.

#include "policy/PolicyState.h"

#include <QTreeWidget>

namespace opendo::ui {

class PolicyStaging;

class StagedChangesView : public QTreeWidget
{
    Q_OBJECT
public:
    StagedChangesView(const PolicyStaging& staging, QWidget* parent = nullptr);

    void setSnapshot(const policy::PolicySnapshot& snapshot);
    void setLayer(policy::PolicyLayer layer);

Q_SIGNALS:
    void settingActivated(const QString& key);

private:
    void rebuild();

    const PolicyStaging& m_staging;
    policy::PolicySnapshot m_snapshot;
    policy::PolicyLayer m_layer = policy::PolicyLayer::Policy;
};

} // namespace opendo::ui
