#pragma once

// One direction of a month's transfer figures as table rows, like the Activity monitor page of
// Windows: downloads by source (origin, cache server, PCs on the local network, in the group,
// on the Internet) or uploads by peer class, each with bytes and share, and a last row with
// the total. Every byte is under exactly one class, so the rows add up to the total row.

#include "stats/TransferHistory.h"

#include <QAbstractTableModel>

namespace opendo::ui {

class ActivityMonthModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        SourceColumn,
        BytesColumn,
        ShareColumn,
        ColumnCount
    };
    enum Role
    {
        BytesRole = Qt::UserRole + 1, // qint64
        ShareRole,                    // double, percent of the direction's total
        ClassRole,                    // int(SourceClass); -1 on the total row
        IsTotalRole                   // bool
    };

    explicit ActivityMonthModel(stats::Direction direction, QObject* parent = nullptr);

    stats::Direction direction() const { return m_direction; }
    void setTotals(const stats::MonthTotals& totals);
    const stats::MonthTotals& totals() const { return m_totals; }

    qint64 totalBytes() const;
    qint64 bytes(transfer::SourceClass c) const;
    // The row of a class, -1 when the model has none for it.
    int rowOf(transfer::SourceClass c) const;
    int totalRow() const { return int(m_classes.size()); }
    // Classes with a row, in row order (the total row follows).
    const QList<transfer::SourceClass>& classes() const { return m_classes; }

    static QString rowLabel(stats::Direction direction, transfer::SourceClass c);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<transfer::SourceClass> classesFor(const stats::MonthTotals& totals) const;
    const stats::ClassBytes& directionBytes() const;

    stats::Direction m_direction;
    stats::MonthTotals m_totals;
    QList<transfer::SourceClass> m_classes;
};

} // namespace opendo::ui
