#pragma once

// Persists configured policy values (both layers) in the agent database; applies change sets
// all-or-nothing.

#include "policy/PolicyState.h"

#include <QSqlDatabase>

namespace opendo::policy {

class PolicyStore
{
public:
    explicit PolicyStore(QSqlDatabase db);

    bool load(QString* error); // (re)reads both layers from the database
    const PolicyState& state() const { return m_state; }

    // Validates every change and the resulting combination first; writes only when all pass,
    // in one transaction. On any issue nothing changes, in memory or on disk.
    PolicyApplyResult apply(const PolicyChangeSet& changes);

    // What `apply` would do, without writing: the issues, or the resulting state.
    PolicyApplyResult check(const PolicyChangeSet& changes, PolicyState* resulting) const;

private:
    bool write(const PolicyChangeSet& normalised, QString* error);

    QSqlDatabase m_db;
    PolicyState m_state;
};

} // namespace opendo::policy
