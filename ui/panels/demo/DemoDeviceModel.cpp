#include "panels/demo/DemoDeviceModel.h"

#include "panels/downloads/JobTableModel.h"

namespace opendo::ui {

DemoDeviceModel::DemoDeviceModel(QObject* parent) : QAbstractTableModel(parent) {}

void DemoDeviceModel::setSnapshot(const demo::SavingsDemoSnapshot& snapshot)
{
    if (snapshot.devices.size() != m_devices.size()) {
        beginResetModel();
        m_devices = snapshot.devices;
        m_fileBytes = snapshot.fileBytes;
        endResetModel();
        return;
    }
    m_devices = snapshot.devices;
    m_fileBytes = snapshot.fileBytes;
    if (!m_devices.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int DemoDeviceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_devices.size());
}

int DemoDeviceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DemoDeviceModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_devices.size())
        return {};
    const demo::DemoDevice& d = m_devices.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() >= Progress)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Device:
        return d.name;
    case Address:
        return d.endpoint;
    case State:
        return d.started ? transfer::jobStateName(d.state) : tr("Waiting");
    case Progress:
        return m_fileBytes > 0
                   ? QStringLiteral("%1 %").arg(
                         100.0 * double(d.bytesInCache) / double(m_fileBytes), 0, 'f', 1)
                   : QString();
    case FromHttp:
        return formatBytes(d.bytesFromHttp);
    case FromPeers:
        return formatBytes(d.bytesFromPeers);
    case Rate:
        return tr("%1/s").arg(formatBytes(d.bytesPerSecond));
    default:
        return {};
    }
}

QVariant DemoDeviceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Device:
        return tr("Device");
    case Address:
        return tr("Peer address");
    case State:
        return tr("State");
    case Progress:
        return tr("Done");
    case FromHttp:
        return tr("From the origin");
    case FromPeers:
        return tr("From peers");
    case Rate:
        return tr("Rate");
    default:
        return {};
    }
}

} // namespace opendo::ui
