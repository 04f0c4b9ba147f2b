#pragma once

// Live peer connections as table rows, refreshed from the agent's peer activity snapshots.
// Rows are keyed by content id and endpoint and updated in place, so a selection stays on its
// connection while the numbers change twice a second.

#include "transfer/PeerSnapshot.h"

#include <QAbstractTableModel>
#include <QList>

namespace opendo::ui {

class PeerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AddressColumn,
        ClassColumn,
        ClientColumn,
        ContentColumn,
        DownRateColumn,
        UpRateColumn,
        UploadDelayColumn,
        ReceivedColumn,
        SentColumn,
        PeerHasColumn,
        StateColumn,
        HashFailuresColumn,
        ColumnCount
    };
    enum Role
    {
        // Raw numbers (or plain strings) so a QSortFilterProxyModel sorts rates as numbers.
        SortRole = Qt::UserRole,
        KeyRole // contentId + '/' + endpoint
    };

    explicit PeerTableModel(QObject* parent = nullptr);

    void setPeers(const QList<transfer::PeerSnapshot>& peers);
    const transfer::PeerSnapshot* peer(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString stateText(const transfer::PeerSnapshot& peer);
    static QString stateToolTip(const transfer::PeerSnapshot& peer);
    static QString addressText(const QString& endpoint, bool incoming); // "127.0.0.3:7680 (in)"
    // "12 ms" while uploads to the peer are paced on queuing delay; "" otherwise.
    static QString uploadDelayText(const transfer::PeerSnapshot& peer);

private:
    QVariant display(const transfer::PeerSnapshot& peer, int column) const;
    QVariant sortValue(const transfer::PeerSnapshot& peer, int column) const;
    QList<transfer::PeerSnapshot> m_peers;
};

QString formatRate(qint64 bytesPerSecond); // "1.5 MiB/s"

} // namespace opendo::ui
