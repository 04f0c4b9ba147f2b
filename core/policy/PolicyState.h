#pragma once

// Configured values per layer and the effective value of each setting with its source.

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <optional>

namespace opendo::policy {

// Policy (Group Policy / MDM / imported files) wins over a local setting, which wins over
// the built-in default — the precedence Windows applies to DO settings.
enum class PolicyLayer
{
    Policy,
    Local
};
enum class PolicySource
{
    Policy,
    Local,
    Default
};

QString sourceName(PolicySource source); // translated

struct PolicyIssue
{
    QString key;     // the setting concerned ("" for the file/set as a whole)
    QString message; // full sentence naming setting, offending value, allowed values and why
    bool operator==(const PolicyIssue&) const = default;
};

struct PolicyState
{
    QMap<QString, QString> policy; // key -> canonical value
    QMap<QString, QString> local;

    std::optional<QString> configured(const QString& key) const;
    QMap<QString, QString>& layer(PolicyLayer l)
    {
        return l == PolicyLayer::Policy ? policy : local;
    }
    const QMap<QString, QString>& layer(PolicyLayer l) const
    {
        return l == PolicyLayer::Policy ? policy : local;
    }
    bool operator==(const PolicyState&) const = default;
};

struct EffectivePolicy
{
    QString key;
    QString value; // effective canonical value; "" when not configured and without default
    PolicySource source = PolicySource::Default;
    std::optional<QString> policyValue;
    std::optional<QString> localValue;
};

// Immutable view handed to the UI and the CLI: one row per catalog entry, catalog order.
struct PolicySnapshot
{
    QList<EffectivePolicy> settings;
    PolicyState state;

    const EffectivePolicy* find(const QString& key) const;
    // Effective value as a number; the catalog default when unset; fallback when not numeric.
    qint64 number(const QString& key, qint64 fallback = 0) const;
};

PolicySnapshot resolveEffective(const PolicyState& state);

// One staged edit: a value to set, or nullopt to remove the setting from the layer.
struct PolicyChange
{
    QString key;
    std::optional<QString> value;
    bool operator==(const PolicyChange&) const = default;
};

struct PolicyChangeSet
{
    PolicyLayer layer = PolicyLayer::Policy;
    QList<PolicyChange> changes;
};

struct PolicyApplyResult
{
    bool ok = false;
    QList<PolicyIssue> issues; // why the whole set was rejected; empty when ok
};

} // namespace opendo::policy

Q_DECLARE_METATYPE(opendo::policy::PolicySnapshot)
