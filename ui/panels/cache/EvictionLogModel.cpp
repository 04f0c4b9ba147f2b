#include "panels/cache/EvictionLogModel.h"

#include "panels/downloads/JobTableModel.h"

#include <QLocale>

namespace opendo::ui {

using cache::EvictionRecord;

namespace {

bool sameRecord(const EvictionRecord& a, const EvictionRecord& b)
{
    return a.at == b.at && a.contentId == b.contentId && a.reason == b.reason;
}

} // namespace

EvictionLogModel::EvictionLogModel(QObject* parent) : QAbstractTableModel(parent) {}

void EvictionLogModel::setRecords(const QList<EvictionRecord>& records)
{
    // The log only grows at the top (newest first) and loses rows at the bottom when it is
    // longer than the limit asked for; anything else (another agent, a new database) resets.
    qsizetype newOnTop = 0;
    while (newOnTop < records.size() &&
           !(m_records.isEmpty() || sameRecord(records[newOnTop], m_records.front())))
        ++newOnTop;
    bool tailMatches = !m_records.isEmpty() || records.isEmpty();
    const qsizetype kept = records.size() - newOnTop;
    for (qsizetype i = 0; tailMatches && i < kept; ++i)
        tailMatches = i < m_records.size() && sameRecord(records[newOnTop + i], m_records[i]);
    if (!tailMatches) {
        beginResetModel();
        m_records = records;
        endResetModel();
        return;
    }
    if (kept < m_records.size()) {
        beginRemoveRows({}, int(kept), int(m_records.size()) - 1);
        m_records.resize(kept);
        endRemoveRows();
    }
    if (newOnTop > 0) {
        beginInsertRows({}, 0, int(newOnTop) - 1);
        m_records = records.first(newOnTop) + m_records;
        endInsertRows();
    }
}

const EvictionRecord* EvictionLogModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

int EvictionLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int EvictionLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EvictionLogModel::data(const QModelIndex& index, int role) const
{
    const EvictionRecord* r = index.isValid() ? record(index.row()) : nullptr;
    if (!r || index.column() >= ColumnCount)
        return {};
    if (role == ContentIdRole)
        return r->contentId;
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return r->contentId;
    if (role == Qt::TextAlignmentRole && index.column() == SizeColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const bool sort = role == SortRole;
    switch (Column(index.column())) {
    case TimeColumn:
        if (sort)
            return r->at;
        return QLocale().toString(r->at.toLocalTime(), QLocale::ShortFormat);
    case NameColumn:
        return r->name;
    case SizeColumn:
        return sort ? QVariant(r->fileSize) : QVariant(formatBytes(r->fileSize));
    case ReasonColumn:
        return r->reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EvictionLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
