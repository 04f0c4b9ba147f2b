#pragma once

// How the troubleshooter hands a suggested policy change to the policy editor: the editor stages
// it for review; nothing is applied without the user pressing Apply there.

#include "policy/PolicyState.h"

#include <QList>
#include <QString>
#include <functional>

namespace opendo::ui {

using StageFix =
    std::function<void(const QList<policy::PolicyChange>& changes, const QString& explanation)>;

} // namespace opendo::ui
