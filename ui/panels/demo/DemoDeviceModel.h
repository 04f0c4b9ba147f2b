#pragma once

// One row per device of the peer-savings demo: where it listens, how far it is and where its
// bytes came from.

#include "demo/SavingsDemoSnapshot.h"

#include <QAbstractTableModel>

namespace opendo::ui {

class DemoDeviceModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Device,
        Address,
        State,
        Progress,
        FromHttp,
        FromPeers,
        Rate,
        ColumnCount
    };

    explicit DemoDeviceModel(QObject* parent = nullptr);

    void setSnapshot(const demo::SavingsDemoSnapshot& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<demo::DemoDevice> m_devices;
    qint64 m_fileBytes = 0;
};

} // namespace opendo::ui
