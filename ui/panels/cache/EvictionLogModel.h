#pragma once

// The cache's eviction log (newest first): what was removed, when and why, from the agent's
// eviction records.

#include "cache/CachedContent.h"

#include <QAbstractTableModel>
#include <QList>

namespace opendo::ui {

class EvictionLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        NameColumn,
        SizeColumn,
        ReasonColumn,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole,
        ContentIdRole
    };

    explicit EvictionLogModel(QObject* parent = nullptr);

    // Records newest first, as Agent::evictions() gives them.
    void setRecords(const QList<cache::EvictionRecord>& records);
    const cache::EvictionRecord* record(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<cache::EvictionRecord> m_records;
};

} // namespace opendo::ui
