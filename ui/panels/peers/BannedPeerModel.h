#pragma once

// Peer addresses the agent's swarms stopped talking to, with when and why: the list help-desk
// staff need to find the device that sends bad data. Bans only accumulate while the agent
// runs, so a reset is the only time rows disappear.

#include "transfer/PeerSnapshot.h"
#include "views/RecordListModel.h"

namespace opendo::ui {

class BannedPeerModel : public RecordListModel<transfer::BannedPeer>
{
    Q_OBJECT
public:
    enum Column
    {
        AddressColumn,
        ContentColumn,
        SinceColumn,
        ReasonColumn,
        ColumnCount
    };

    explicit BannedPeerModel(QObject* parent = nullptr);

    void setBanned(const QList<transfer::BannedPeer>& banned);

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};

} // namespace opendo::ui
