#pragma once

// Peers the agent dialled in the last hour that never answered: the address, how often it
// tried and the last error. An offered peer that stays silent is otherwise invisible — it has
// no live row and no ended connection — though it is often the answer to "why no bytes from
// peers?" (the device is off, or a firewall drops port 7680).

#include "transfer/DialFailures.h"

#include <QAbstractTableModel>
#include <QList>

namespace opendo::ui {

class UnreachablePeerModel : public QAbstractTableModel
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

    void setFailures(const QList<transfer::DialFailure>& failures);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<transfer::DialFailure> m_failures; // most recent first
};

} // namespace opendo::ui
