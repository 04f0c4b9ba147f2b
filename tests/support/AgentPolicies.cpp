#include "support/AgentPolicies.h"

namespace opendo::test {

bool applyPolicyValues(agent::Agent& agent, const QMap<QString, QString>& values)
{
    policy::PolicyChangeSet changes{policy::PolicyLayer::Policy, {}};
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        changes.changes << policy::PolicyChange{it.key(), it.value()};
    return agent.applyPolicyChanges(changes).result().ok;
}

} // namespace opendo::test
