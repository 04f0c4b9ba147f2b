#include "support/AgentPolicies.h"

#include "persistence/Database.h"
#include "policy/PolicyStore.h"

namespace opendo::test {

namespace {
policy::PolicyChangeSet policyChanges(const QMap<QString, QString>& values)
{
    policy::PolicyChangeSet changes{policy::PolicyLayer::Policy, {}};
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        changes.changes << policy::PolicyChange{it.key(), it.value()};
    return changes;
}
} // namespace

bool applyPolicyValues(agent::Agent& agent, const QMap<QString, QString>& values)
{
    return agent.applyPolicyChanges(policyChanges(values)).result().ok;
}

QString applyPolicyValuesOffline(const QString& dataDir, const QMap<QString, QString>& values)
{
    persistence::Database db;
    QString error;
    if (!db.open(dataDir, &error))
        return error;
    policy::PolicyStore policies(db.handle());
    if (!policies.load(&error))
        return error;
    return policies.apply(policyChanges(values)).ok ? QString()
                                                    : QStringLiteral("the change was refused");
}

} // namespace opendo::test
