#pragma once

// Peers the agent dialled in the last hour that never answered: the address, how often it
// tried and the last error. An offered peer that stays silent is otherwise invisible — it has
// no live row and no ended connection — though it is often the answer to "why no bytes from
// peers?" (the device is off, or a firewall drops port 7680).

#include "transfer/DialFailures.h"
#include "views/RecordListModel.h"

namespace opendo::ui {

class UnreachablePeerModel : public RecordListModel<transfer::DialFailure>
{
    Q_OBJECT
public:
    enum Column
    {
        AddressColumn,
        ClassColumn,
        ContentColumn,
        AttemptsColumn,
        LastAttemptColumn,
        ErrorColumn,
        ColumnCount
    };

    explicit UnreachablePeerModel(QObject* parent = nullptr);

    // `failures` as the agent lists them, most recent last; shown most recent first.
    void setFailures(const QList<transfer::DialFailure>& failures);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace opendo::ui
