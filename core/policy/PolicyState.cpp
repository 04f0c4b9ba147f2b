#include "policy/PolicyState.h"

#include "policy/PolicyCatalog.h"

namespace opendo::policy {

std::optional<QString> PolicyState::configured(const QString& key) const
{
    if (auto it = policy.constFind(key); it != policy.constEnd())
        return *it;
    if (auto it = local.constFind(key); it != local.constEnd())
        return *it;
    return std::nullopt;
}

const EffectivePolicy* PolicySnapshot::find(const QString& key) const
{
    for (const EffectivePolicy& e : settings) {
        if (e.key.compare(key, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

qint64 PolicySnapshot::number(const QString& key, qint64 fallback) const
{
    const EffectivePolicy* e = find(key);
    if (!e)
        return fallback;
    bool ok = false;
    const qint64 n = e->value.toLongLong(&ok);
    return ok ? n : fallback;
}

PolicySnapshot resolveEffective(const PolicyState& state)
{
    PolicySnapshot snapshot;
    snapshot.state = state;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        EffectivePolicy e;
        e.key = QString::fromLatin1(def.key);
        if (auto it = state.policy.constFind(e.key); it != state.policy.constEnd())
            e.policyValue = *it;
        if (auto it = state.local.constFind(e.key); it != state.local.constEnd())
            e.localValue = *it;
        if (e.policyValue) {
            e.value = *e.policyValue;
            e.source = PolicySource::Policy;
        } else if (e.localValue) {
            e.value = *e.localValue;
            e.source = PolicySource::Local;
        } else {
            e.value = def.defaultNumber ? QString::number(*def.defaultNumber)
                                        : QString::fromUtf8(def.defaultText);
            e.source = PolicySource::Default;
        }
        snapshot.settings << e;
    }
    // A business-hours group shows its window as one value, sourced from its strongest child.
    for (EffectivePolicy& e : snapshot.settings) {
        const QStringList children = PolicyCatalog::childrenOf(e.key);
        if (children.size() != 4)
            continue;
        QStringList parts;
        PolicySource strongest = PolicySource::Default;
        for (const QString& child : children) {
            const EffectivePolicy* c = snapshot.find(child);
            parts << (c ? c->value : QString());
            if (c && c->source < strongest)
                strongest = c->source;
        }
        e.value = QStringLiteral("%1-%2 in=%3 out=%4").arg(parts[0], parts[1], parts[2], parts[3]);
        e.source = strongest;
    }
    return snapshot;
}

} // namespace opendo::policy
