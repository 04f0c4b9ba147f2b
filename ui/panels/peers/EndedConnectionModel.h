#pragma once

// Peer connections that ended, newest first, from the agent's journal: which devices a file
// came from or went to, how much each carried and why it closed — what help-desk staff need
// once the live table has moved on.

#include "stats/ConnectionJournal.h"
#include "views/RecordListModel.h"

namespace opendo::ui {

class EndedConnectionModel : public RecordListModel<stats::ConnectionRecord>
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

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace opendo::ui
