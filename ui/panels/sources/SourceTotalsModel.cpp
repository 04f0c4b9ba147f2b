#include "panels/sources/SourceTotalsModel.h"

#include "panels/downloads/JobTableModel.h"
#include "panels/peers/PeerTableModel.h"
#include "panels/sources/SourceSeries.h"

#include <QFont>
#include <QLocale>
#include <algorithm>

namespace opendo::ui {

using transfer::SourceClass;

SourceTotalsModel::SourceTotalsModel(QObject* parent) : QAbstractTableModel(parent) {}

void SourceTotalsModel::changed(int firstColumn, int lastColumn)
{
    Q_EMIT dataChanged(index(0, firstColumn), index(kTotalRow, lastColumn));
}

void SourceTotalsModel::setDirection(stats::Direction direction)
{
    if (direction == m_direction)
        return;
    m_direction = direction;
    changed(0, ColumnCount - 1);
}

void SourceTotalsModel::setTotals(const stats::ClassBytes& bytes)
{
    if (bytes == m_bytes)
        return;
    m_bytes = bytes;
    changed(BytesColumn, ShareColumn);
}

void SourceTotalsModel::setRates(const stats::ClassBytes& bytesPerSecond)
{
    if (bytesPerSecond == m_rates)
        return;
    m_rates = bytesPerSecond;
    changed(RateColumn, RateColumn);
}

void SourceTotalsModel::setColors(const transfer::PerSourceClass<QColor>& colors)
{
    m_colors = colors;
    changed(ClassColumn, ClassColumn);
}

int SourceTotalsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : kTotalRow + 1;
}

int SourceTotalsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceTotalsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BytesColumn:
            return tr("Bytes moved in the selected period");
        case ShareColumn:
            return tr("This class's part of all bytes moved in the selected period");
        case RateColumn:
            return tr("Bytes per second over the last second");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClassColumn:
        return tr("Source");
    case BytesColumn:
        return tr("Bytes");
    case ShareColumn:
        return tr("Share");
    case RateColumn:
        return tr("Rate now");
    default:
        return {};
    }
}

// Numbers for ValueRole; classes that cannot carry bytes in this direction have none.
QVariant SourceTotalsModel::value(int row, int column) const
{
    const bool totalRow = row == kTotalRow;
    if (!totalRow && !SourceSeries::carries(m_direction, SourceClass(row)))
        return {};
    const qint64 all = stats::total(m_bytes);
    switch (column) {
    case BytesColumn:
        return totalRow ? all : m_bytes[size_t(row)];
    case ShareColumn: {
        if (all <= 0)
            return 0.0;
        // Every byte is in exactly one class, so a class never exceeds the whole; the clamp
        // only guards the display against a snapshot that broke that promise.
        const qint64 part = totalRow ? all : std::max<qint64>(0, m_bytes[size_t(row)]);
        return std::min(100.0, 100.0 * double(part) / double(all));
    }
    case RateColumn:
        return totalRow ? stats::total(m_rates) : m_rates[size_t(row)];
    default:
        return {};
    }
}

QVariant SourceTotalsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() > kTotalRow || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        if (column == ClassColumn)
            return row == kTotalRow ? tr("Total") : transfer::sourceClassLabel(SourceClass(row));
        if (const QVariant v = value(row, column); v.isValid()) {
            if (column == BytesColumn)
                return formatBytes(v.toLongLong());
            if (column == ShareColumn)
                return tr("%1 %").arg(QLocale().toString(v.toDouble(), 'f', 1));
            return formatRate(v.toLongLong());
        }
        return row == kTotalRow ? QVariant() : QVariant(tr("–"));
    case ValueRole:
        return value(row, column);
    case Qt::DecorationRole:
        if (column == ClassColumn && row < kTotalRow && m_colors[size_t(row)].isValid())
            return m_colors[size_t(row)];
        return {};
    case Qt::ToolTipRole:
        if (row < kTotalRow && !SourceSeries::carries(m_direction, SourceClass(row)))
            return tr("This device only uploads to peers");
        return {};
    case Qt::FontRole:
        if (row == kTotalRow) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::TextAlignmentRole:
        return column == ClassColumn ? QVariant()
                                     : QVariant(int(Qt::AlignRight | Qt::AlignVCenter));
    default:
        return {};
    }
}

} // namespace opendo::ui
