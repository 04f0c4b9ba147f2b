#pragma once

// Setting DO policies on an in-process test agent in one line.

#include "agent/Agent.h"

#include <QMap>
#include <QString>

namespace opendo::test {

// Applies `values` to the Policy layer as one change set; false when it was refused.
bool applyPolicyValues(agent::Agent& agent, const QMap<QString, QString>& values);
// The same straight into the database of a data directory no agent runs on, as doctl config
// set does; "" when applied, otherwise why not.
QString applyPolicyValuesOffline(const QString& dataDir, const QMap<QString, QString>& values);

} // namespace opendo::test
