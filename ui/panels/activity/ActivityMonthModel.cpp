#include "panels/activity/ActivityMonthModel.h"

#include "panels/downloads/JobTableModel.h"
#include "panels/overview/OverviewFacts.h"

#include <QFont>

namespace opendo::ui {

using transfer::SourceClass;

ActivityMonthModel::ActivityMonthModel(stats::Direction direction, QObject* parent)
    : QAbstractTableModel(parent), m_direction(direction), m_classes(classesFor({}))
{}

QList<SourceClass> ActivityMonthModel::classesFor(const stats::MonthTotals& totals) const
{
    if (m_direction == stats::Direction::Download)
        return {transfer::kAllSourceClasses.begin(), transfer::kAllSourceClasses.end()};
    // Uploads only go to peers; the other classes get a row only if bytes show up there, so
    // the rows still add up to the total whatever the database holds.
    QList<SourceClass> classes;
    for (SourceClass c : transfer::kAllSourceClasses) {
        if (transfer::isPeerClass(c) || totals.up[std::size_t(c)] != 0)
            classes << c;
    }
    return classes;
}

const stats::ClassBytes& ActivityMonthModel::directionBytes() const
{
    return m_direction == stats::Direction::Download ? m_totals.down : m_totals.up;
}

void ActivityMonthModel::setTotals(const stats::MonthTotals& totals)
{
    const QList<SourceClass> classes = classesFor(totals);
    if (classes != m_classes) {
        beginResetModel();
        m_totals = totals;
        m_classes = classes;
        endResetModel();
        return;
    }
    m_totals = totals;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

qint64 ActivityMonthModel::bytes(SourceClass c) const
{
    return qMax<qint64>(0, directionBytes()[std::size_t(c)]);
}

qint64 ActivityMonthModel::totalBytes() const
{
    qint64 sum = 0;
    for (SourceClass c : m_classes)
        sum += bytes(c);
    return sum;
}

int ActivityMonthModel::rowOf(SourceClass c) const
{
    return int(m_classes.indexOf(c));
}

QString ActivityMonthModel::rowLabel(stats::Direction direction, SourceClass c)
{
    if (direction == stats::Direction::Download) {
        switch (c) {
        case SourceClass::Http:
            return tr("From the origin server (HTTP)");
        case SourceClass::CacheServer:
            return tr("From a cache server");
        case SourceClass::LanPeer:
            return tr("From PCs on your local network");
        case SourceClass::GroupPeer:
            return tr("From PCs in your group");
        case SourceClass::InternetPeer:
            return tr("From PCs on the Internet");
        case SourceClass::LinkLocalPeer:
            return tr("From PCs found on this network (local discovery)");
        }
        return {};
    }
    switch (c) {
    case SourceClass::Http:
        return tr("To HTTP clients");
    case SourceClass::CacheServer:
        return tr("To a cache server");
    case SourceClass::LanPeer:
        return tr("To PCs on your local network");
    case SourceClass::GroupPeer:
        return tr("To PCs in your group");
    case SourceClass::InternetPeer:
        return tr("To PCs on the Internet");
    case SourceClass::LinkLocalPeer:
        return tr("To PCs found on this network (local discovery)");
    }
    return {};
}

int ActivityMonthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_classes.size()) + 1;
}

int ActivityMonthModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityMonthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const bool isTotal = index.row() == totalRow();
    const qint64 all = totalBytes();
    const qint64 value = isTotal ? all : bytes(m_classes[index.row()]);
    const double share = all > 0 ? 100.0 * double(value) / double(all) : 0.0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SourceColumn:
            if (isTotal)
                return m_direction == stats::Direction::Download ? tr("Total downloaded")
                                                                 : tr("Total uploaded");
            return rowLabel(m_direction, m_classes[index.row()]);
        case BytesColumn:
            return formatBytes(value);
        case ShareColumn:
            return all > 0 ? OverviewFacts::percentText(share) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == BytesColumn ? tr("%L1 bytes").arg(value) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == SourceColumn ? QVariant()
                                              : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (isTotal) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case BytesRole:
        return value;
    case ShareRole:
        return share;
    case ClassRole:
        return isTotal ? -1 : int(m_classes[index.row()]);
    case IsTotalRole:
        return isTotal;
    default:
        return {};
    }
}

QVariant ActivityMonthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn:
        return m_direction == stats::Direction::Download ? tr("Source") : tr("Uploaded to");
    case BytesColumn:
        return tr("Bytes");
    case ShareColumn:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace opendo::ui
