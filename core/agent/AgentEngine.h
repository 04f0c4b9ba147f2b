#pragma once

// The agent's state and work, living on the agent thread: database, policies, (later) cache,
// transfers and discovery. Only Agent talks to it, by queued calls.

#include "persistence/Database.h"
#include "policy/PolicyStore.h"
#include "policy/formats/PolicyDocument.h"

#include <QObject>
#include <QTimer>
#include <functional>
#include <memory>

namespace opendo::agent {

class AgentEngine : public QObject
{
    Q_OBJECT
public:
    using SnapshotSink = std::function<void(const policy::PolicySnapshot&)>;

    AgentEngine(QString dataDir, SnapshotSink publishPolicy);
    ~AgentEngine() override;

    QString start(); // "" on success, otherwise why the agent cannot run

    policy::PolicyApplyResult applyPolicyChanges(const policy::PolicyChangeSet& changes);
    policy::PolicyParseResult readPolicyFile(const QString& path) const;
    policy::PolicyApplyResult importPolicyFile(const QString& path, policy::PolicyLayer layer);
    QString exportPolicyFile(const QString& path, std::optional<policy::PolicyFormat> format);

private:
    void publishPolicy();
    void reloadIfChangedElsewhere();

    QString m_dataDir;
    SnapshotSink m_publishPolicy;
    persistence::Database m_db;
    std::unique_ptr<policy::PolicyStore> m_policies;
    QTimer m_externalChangeTimer;
    qint64 m_seenDataVersion = -1;
};

} // namespace opendo::agent
