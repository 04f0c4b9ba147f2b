#include "policy/PolicyStore.h"

#include "policy/PolicyCatalog.h"
#include "policy/PolicyValidation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace opendo::policy {
namespace {

QString layerName(PolicyLayer layer)
{
    return layer == PolicyLayer::Policy ? QStringLiteral("policy") : QStringLiteral("local");
}

} // namespace

PolicyStore::PolicyStore(QSqlDatabase db) : m_db(std::move(db)) {}

bool PolicyStore::load(QString* error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT layer, key, value FROM policy_values"))) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    PolicyState loaded;
    while (q.next()) {
        const QString key = q.value(1).toString();
        const PolicyDefinition* def = PolicyCatalog::find(key);
        // Rows for settings a newer build knew about are kept on disk but not applied here.
        if (!def || def->isComposite())
            continue;
        const auto layer = q.value(0).toString() == QLatin1String("policy") ? PolicyLayer::Policy
                                                                            : PolicyLayer::Local;
        loaded.layer(layer).insert(QString::fromLatin1(def->key), q.value(2).toString());
    }
    m_state = loaded;
    return true;
}

PolicyApplyResult PolicyStore::check(const PolicyChangeSet& changes, PolicyState* resulting) const
{
    PolicyApplyResult result;
    PolicyState candidate = m_state;
    QMap<QString, QString>& layer = candidate.layer(changes.layer);
    for (const PolicyChange& change : changes.changes) {
        const PolicyDefinition* def = PolicyCatalog::find(change.key);
        if (!def) {
            result.issues << PolicyIssue{
                change.key, QCoreApplication::translate(
                                "opendo::policy", "%1 is not a Delivery Optimization setting.")
                                .arg(change.key)};
            continue;
        }
        const QString key = QString::fromLatin1(def->key);
        if (!change.value) {
            if (def->isComposite()) {
                for (const QString& child : PolicyCatalog::childrenOf(key))
                    layer.remove(child);
            } else {
                layer.remove(key);
            }
            continue;
        }
        const ValueCheck v = checkValue(*def, *change.value);
        if (!v.ok) {
            result.issues << PolicyIssue{key, v.error};
            continue;
        }
        layer.insert(key, v.canonical);
    }
    result.issues << checkCombination(candidate);
    result.ok = result.issues.isEmpty();
    if (result.ok && resulting)
        *resulting = candidate;
    return result;
}

PolicyApplyResult PolicyStore::apply(const PolicyChangeSet& changes)
{
    PolicyState resulting;
    PolicyApplyResult result = check(changes, &resulting);
    if (!result.ok)
        return result;
    PolicyChangeSet normalised{changes.layer, {}};
    const QMap<QString, QString>& before = m_state.layer(changes.layer);
    const QMap<QString, QString>& after = resulting.layer(changes.layer);
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        if (!after.contains(it.key()))
            normalised.changes << PolicyChange{it.key(), std::nullopt};
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        if (before.value(it.key()) != it.value() || !before.contains(it.key()))
            normalised.changes << PolicyChange{it.key(), it.value()};
    }
    QString error;
    if (!write(normalised, &error)) {
        result.ok = false;
        result.issues << PolicyIssue{
            {},
            QCoreApplication::translate("opendo::policy",
                                        "The settings could not be saved, nothing was changed: %1")
                .arg(error)};
        return result;
    }
    m_state = resulting;
    return result;
}

bool PolicyStore::write(const PolicyChangeSet& normalised, QString* error)
{
    if (!m_db.transaction()) {
        *error = m_db.lastError().text();
        return false;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery upsert(m_db);
    upsert.prepare(QStringLiteral("INSERT INTO policy_values(layer, key, value, changed_at) "
                                  "VALUES (?, ?, ?, ?) ON CONFLICT(layer, key) DO UPDATE SET "
                                  "value = excluded.value, changed_at = excluded.changed_at"));
    QSqlQuery remove(m_db);
    remove.prepare(QStringLiteral("DELETE FROM policy_values WHERE layer = ? AND key = ?"));
    const QString layer = layerName(normalised.layer);
    for (const PolicyChange& change : normalised.changes) {
        QSqlQuery& q = change.value ? upsert : remove;
        q.addBindValue(layer);
        q.addBindValue(change.key);
        if (change.value) {
            q.addBindValue(*change.value);
            q.addBindValue(now);
        }
        if (!q.exec()) {
            *error = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    if (!m_db.commit()) {
        *error = m_db.lastError().text();
        m_db.rollback();
        return false;
    }
    return true;
}

} // namespace opendo::policy
