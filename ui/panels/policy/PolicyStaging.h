#pragma once

// Edits the user has made in the policy editor but not applied yet, with their validation.

#include "policy/PolicyState.h"

#include <QMap>
#include <QObject>
#include <optional>

namespace opendo::ui {

class PolicyStaging : public QObject
{
    Q_OBJECT
public:
    using Staged = std::optional<QString>; // nullopt = unset the setting

    explicit PolicyStaging(QObject* parent = nullptr);

    // Stages a value (checked at once) or an unset; replaces any earlier edit of the key.
    void stage(const QString& key, const Staged& value);
    void stageAll(const QList<policy::PolicyChange>& changes);
    void unstage(const QString& key);
    void clear();

    bool isStaged(const QString& key) const { return m_staged.contains(key); }
    Staged staged(const QString& key) const { return m_staged.value(key); }
    QStringList keys() const { return m_staged.keys(); }
    int count() const { return int(m_staged.size()); }

    QString error(const QString& key) const { return m_errors.value(key); }
    bool hasErrors() const { return !m_errors.isEmpty(); }
    // Issues reported by the agent when it rejected an apply; shown beside their settings.
    void setIssues(const QList<policy::PolicyIssue>& issues);

    policy::PolicyChangeSet changeSet(policy::PolicyLayer layer) const;

Q_SIGNALS:
    void changed();

private:
    void validate(const QString& key);

    QMap<QString, Staged> m_staged;
    QMap<QString, QString> m_errors;
};

} // namespace opendo::ui
