#pragma once

// A table of records that arrive as whole lists (snapshots twice a second, journal reads): the
// rows are replaced only when the list differs from what is shown, so views keep their
// selection and scroll position through the many refreshes that change nothing.

#include <QAbstractTableModel>
#include <QList>
#include <algorithm>
#include <utility>

namespace opendo::ui {

template <typename Record> class RecordListModel : public QAbstractTableModel
{
public:
    RecordListModel(int columns, QObject* parent) : QAbstractTableModel(parent), m_columns(columns)
    {}

    int rowCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_records.size());
    }
    int columnCount(const QModelIndex& parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }

protected:
    // Shows `records` unless `same` finds each equal to the row shown in its place.
    template <typename Same> void replaceRecords(QList<Record> records, Same same)
    {
        if (records.size() == m_records.size() &&
            std::equal(records.cbegin(), records.cend(), m_records.cbegin(), same))
            return;
        beginResetModel();
        m_records = std::move(records);
        endResetModel();
    }
    // The record in `index`'s row; nullptr for an index outside the rows.
    const Record* recordAt(const QModelIndex& index) const
    {
        return index.isValid() && index.row() < m_records.size() ? &m_records.at(index.row())
                                                                 : nullptr;
    }

private:
    int m_columns;
    QList<Record> m_records;
};

} // namespace opendo::ui
