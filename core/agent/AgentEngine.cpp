#include "agent/AgentEngine.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace opendo::agent {

using namespace opendo::policy;

namespace {
// doctl and other tools may change the database underneath a running console.
constexpr int kExternalChangePollMs = 1000;
} // namespace

AgentEngine::AgentEngine(QString dataDir, SnapshotSink publishPolicy)
    : m_dataDir(std::move(dataDir)), m_publishPolicy(std::move(publishPolicy))
{
    // Parented so that moveToThread takes the timer along to the agent thread.
    m_externalChangeTimer.setParent(this);
    m_externalChangeTimer.setInterval(kExternalChangePollMs);
    connect(&m_externalChangeTimer, &QTimer::timeout, this, &AgentEngine::reloadIfChangedElsewhere);
}

AgentEngine::~AgentEngine()
{
    m_policies.reset();
    m_db.close();
}

QString AgentEngine::start()
{
    QString error;
    if (!m_db.open(m_dataDir, &error))
        return tr("Cannot open the agent database: %1").arg(error);
    m_policies = std::make_unique<PolicyStore>(m_db.handle());
    if (!m_policies->load(&error))
        return tr("Cannot read the policy settings: %1").arg(error);
    m_seenDataVersion = m_db.dataVersion();
    m_externalChangeTimer.start();
    publishPolicy();
    return {};
}

PolicyApplyResult AgentEngine::applyPolicyChanges(const PolicyChangeSet& changes)
{
    if (!m_policies)
        return PolicyApplyResult{false, {PolicyIssue{{}, tr("The agent is not running.")}}};
    PolicyApplyResult result = m_policies->apply(changes);
    if (result.ok)
        publishPolicy();
    return result;
}

PolicyParseResult AgentEngine::readPolicyFile(const QString& path) const
{
    PolicyParseResult result;
    const auto format = formatForPath(path);
    if (!format) {
        result.error =
            tr("%1: unknown file type; use .reg, .pol, .xml (SyncML) or .json.").arg(path);
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = tr("%1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > kMaxPolicyDocumentBytes) {
        result.error = tr("%1: the file is %2 bytes; policy files over %3 bytes are refused.")
                           .arg(path)
                           .arg(file.size())
                           .arg(kMaxPolicyDocumentBytes);
        return result;
    }
    result = parsePolicyDocument(*format, file.read(kMaxPolicyDocumentBytes));
    if (!result.ok)
        result.error = tr("%1: %2").arg(QFileInfo(path).fileName(), result.error);
    return result;
}

PolicyApplyResult AgentEngine::importPolicyFile(const QString& path, PolicyLayer layer)
{
    const PolicyParseResult parsed = readPolicyFile(path);
    if (!parsed.ok)
        return PolicyApplyResult{false, {PolicyIssue{{}, parsed.error}}};
    return applyPolicyChanges(PolicyChangeSet{layer, parsed.changes});
}

QString AgentEngine::exportPolicyFile(const QString& path, std::optional<PolicyFormat> format)
{
    if (!format)
        format = formatForPath(path);
    if (!format)
        return tr("%1: unknown file type; use .reg, .pol, .xml (SyncML) or .json.").arg(path);
    if (!m_policies)
        return tr("The agent is not running.");
    // What a fleet should receive is what this device effectively has configured.
    const PolicyState& state = m_policies->state();
    QMap<QString, QString> configured = state.local;
    for (auto it = state.policy.cbegin(); it != state.policy.cend(); ++it)
        configured.insert(it.key(), it.value());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("%1: %2").arg(path, file.errorString());
    file.write(writePolicyDocument(*format, configured));
    if (!file.commit())
        return tr("%1: %2").arg(path, file.errorString());
    return {};
}

void AgentEngine::publishPolicy()
{
    if (m_publishPolicy && m_policies)
        m_publishPolicy(resolveEffective(m_policies->state()));
}

void AgentEngine::reloadIfChangedElsewhere()
{
    const qint64 version = m_db.dataVersion();
    if (version == m_seenDataVersion)
        return;
    m_seenDataVersion = version;
    QString error;
    if (m_policies && m_policies->load(&error))
        publishPolicy();
}

} // namespace opendo::agent
