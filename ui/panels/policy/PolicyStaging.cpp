#include "panels/policy/PolicyStaging.h"

#include "policy/PolicyCatalog.h"
#include "policy/PolicyValidation.h"

namespace opendo::ui {

using namespace opendo::policy;

PolicyStaging::PolicyStaging(QObject* parent) : QObject(parent) {}

void PolicyStaging::stage(const QString& key, const Staged& value)
{
    m_staged.insert(key, value);
    validate(key);
    Q_EMIT changed();
}

void PolicyStaging::stageAll(const QList<PolicyChange>& changes)
{
    for (const PolicyChange& c : changes) {
        m_staged.insert(c.key, c.value);
        validate(c.key);
    }
    Q_EMIT changed();
}

void PolicyStaging::unstage(const QString& key)
{
    m_staged.remove(key);
    m_errors.remove(key);
    Q_EMIT changed();
}

void PolicyStaging::clear()
{
    m_staged.clear();
    m_errors.clear();
    Q_EMIT changed();
}

void PolicyStaging::setIssues(const QList<PolicyIssue>& issues)
{
    for (const PolicyIssue& issue : issues) {
        if (!issue.key.isEmpty())
            m_errors.insert(issue.key, issue.message);
    }
    Q_EMIT changed();
}

PolicyChangeSet PolicyStaging::changeSet(PolicyLayer layer) const
{
    PolicyChangeSet set{layer, {}};
    for (auto it = m_staged.cbegin(); it != m_staged.cend(); ++it)
        set.changes << PolicyChange{it.key(), it.value()};
    return set;
}

void PolicyStaging::validate(const QString& key)
{
    m_errors.remove(key);
    const Staged value = m_staged.value(key);
    const PolicyDefinition* def = PolicyCatalog::find(key);
    if (!value || !def)
        return;
    const ValueCheck check = checkValue(*def, *value);
    if (!check.ok)
        m_errors.insert(key, check.error);
}

} // namespace opendo::ui
