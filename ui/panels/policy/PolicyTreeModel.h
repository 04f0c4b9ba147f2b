#pragma once

// Settings grouped by category (business-hours values under their group), with the effective
// value, its source and any staged edit.

#include "policy/PolicyDefinition.h"
#include "policy/PolicyState.h"

#include <QAbstractItemModel>
#include <memory>
#include <vector>

namespace opendo::ui {

class PolicyStaging;

class PolicyTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        SettingColumn,
        ValueColumn,
        SourceColumn,
        DefaultColumn,
        ColumnCount
    };
    enum Role
    {
        KeyRole = Qt::UserRole + 1, // catalog key; empty for category rows
        SearchTextRole,             // key, GP name, registry name and description
    };

    PolicyTreeModel(const PolicyStaging& staging, QObject* parent = nullptr);
    ~PolicyTreeModel() override;

    void setSnapshot(const policy::PolicySnapshot& snapshot);
    const policy::PolicySnapshot& snapshot() const { return m_snapshot; }
    QModelIndex indexOfKey(const QString& key, int column = SettingColumn) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Node;
    void build();
    void refreshValues();
    const Node* nodeAt(const QModelIndex& index) const;
    QVariant settingData(const Node& node, int column, int role) const;

    const PolicyStaging& m_staging;
    policy::PolicySnapshot m_snapshot;
    std::vector<std::unique_ptr<Node>> m_nodes; // owns every node
    std::vector<Node*> m_roots;                 // category rows
};

} // namespace opendo::ui
