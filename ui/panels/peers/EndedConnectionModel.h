#pragma once

// Peer connections that ended, newest first, from the agent's journal: which devices a file
// came from or went to, how much each carried and why it closed — what help-desk staff need
// once the live table has moved on.

#include "stats/ConnectionJournal.h"

#include <QAbstractTableModel>
#include <QList>

namespace opendo::ui {

class EndedConnectionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        EndedColumn,
        AddressColumn,
        ClassColumn,
        ContentColumn,
        ClientColumn,
        ReceivedColumn,
        SentColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit EndedConnectionModel(QObject* parent = nullptr);

    // `records` as the journal returns them, newest last.
    void setRecords(const QList<stats::ConnectionRecord>& records);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<stats::ConnectionRecord> m_records; // newest first
};

} // namespace opendo::ui
