// Applying policy change sets and exchanging them as files (.reg, .pol, SyncML, JSON): the
// policy editor's and doctl config's side of the engine.

#include "agent/AgentEngine.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace opendo::agent {

using namespace opendo::policy;

QString AgentEngine::unknownPolicyFileType(const QString& path)
{
    return tr("%1: unknown file type; use .reg, .pol, .xml (SyncML) or .json.").arg(path);
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
        result.error = unknownPolicyFileType(path);
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
        return unknownPolicyFileType(path);
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

} // namespace opendo::agent
