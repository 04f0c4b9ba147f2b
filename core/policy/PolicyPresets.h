#pragma once

// Ready-made policy sets for common deployments; the editor stages them for review.

#include "policy/PolicyState.h"

#include <QList>
#include <QString>

namespace opendo::policy {

struct PolicyPreset
{
    QString id;          // stable, e.g. "office-lan"
    QString name;        // translated
    QString explanation; // translated: when to use it and what each value does
    QList<PolicyChange> changes;
};

// Presets that need a fresh value (the branch-office group id) get one on every call.
QList<PolicyPreset> policyPresets();

} // namespace opendo::policy
