#pragma once

// The cache's contents as table rows, refreshed from the agent's cache snapshots. Rows are keyed
// by content id and updated in place, so a selection stays on its content across the periodic
// refresh (the Pin and Evict buttons act on the selection).

#include "cache/CacheEntry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace opendo::ui {

class CacheContentModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn,
        ContentIdColumn,
        SizeColumn,
        PresentColumn,
        StateColumn,
        ShareableColumn,
        PinnedColumn,
        AddedColumn,
        LastUsedColumn,
        AgeColumn,
        ExpiresColumn,
        ColumnCount
    };
    enum Role
    {
        // Raw values (bytes, dates, seconds) so a QSortFilterProxyModel sorts sizes as numbers.
        SortRole = Qt::UserRole,
        ContentIdRole,
        PinnedRole,
        InUseRole
    };

    explicit CacheContentModel(QObject* parent = nullptr);

    // `now` is the reference for ages and expiry ("in 2 d 4 h"); tests pass a fixed one.
    void setEntries(const QList<cache::CacheEntry>& entries,
                    const QDateTime& now = QDateTime::currentDateTimeUtc());
    const cache::CacheEntry* entry(int row) const;
    int rowOf(const QString& contentId) const; // -1 when absent

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const cache::CacheEntry& entry);
    static QString expiryText(const cache::CacheEntry& entry, const QDateTime& now);
    static QString durationText(qint64 seconds); // "2 d 4 h", "3 h 5 min", "12 min", "< 1 min"

private:
    QVariant display(const cache::CacheEntry& entry, int column) const;
    QVariant sortValue(const cache::CacheEntry& entry, int column) const;
    QList<cache::CacheEntry> m_entries;
    QDateTime m_now;
};

} // namespace opendo::ui
