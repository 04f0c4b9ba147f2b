#include "panels/log/LogModel.h"

#include <QBrush>
#include <QColor>

namespace opendo::ui {

using log::LogLevel;
using log::LogRecord;

LogModel::LogModel(QObject* parent) : QAbstractTableModel(parent) {}

void LogModel::append(const QList<LogRecord>& records)
{
    qsizetype first = 0;
    while (first < records.size() && records[first].seq <= m_lastSeq)
        ++first;
    qsizetype count = records.size() - first;
    if (count <= 0)
        return;
    // More new records than fit: only the newest are kept, so never insert what would be
    // dropped at once.
    if (count > m_maxRows) {
        first += count - m_maxRows;
        count = m_maxRows;
    }
    trimTo(m_maxRows - int(count));
    QStringList newCategories;
    for (qsizetype i = first; i < records.size(); ++i) {
        if (!m_categories.contains(records[i].category)) {
            m_categories.insert(records[i].category);
            newCategories << records[i].category;
        }
    }
    const int row = int(m_records.size());
    beginInsertRows({}, row, row + int(count) - 1);
    m_records.append(records.mid(first));
    endInsertRows();
    m_lastSeq = m_records.back().seq;
    for (const QString& category : std::as_const(newCategories))
        Q_EMIT categoryAdded(category);
}

void LogModel::clear()
{
    // Keeps m_lastSeq, so what was cleared does not come back with the next poll.
    if (m_records.isEmpty())
        return;
    beginRemoveRows({}, 0, int(m_records.size()) - 1);
    m_records.clear();
    endRemoveRows();
}

void LogModel::setMaxRows(int maxRows)
{
    m_maxRows = qMax(1, maxRows);
    trimTo(m_maxRows);
}

void LogModel::trimTo(int rows)
{
    const int excess = int(m_records.size()) - qMax(0, rows);
    if (excess <= 0)
        return;
    beginRemoveRows({}, 0, excess - 1);
    m_records.remove(0, excess);
    endRemoveRows();
}

const LogRecord* LogModel::record(int row) const
{
    return row >= 0 && row < m_records.size() ? &m_records[row] : nullptr;
}

QStringList LogModel::categories() const
{
    QStringList out(m_categories.cbegin(), m_categories.cend());
    out.sort();
    return out;
}

int LogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LogModel::levelText(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return tr("Debug");
    case LogLevel::Info:
        return tr("Info");
    case LogLevel::Warning:
        return tr("Warning");
    case LogLevel::Critical:
        return tr("Critical");
    }
    return {};
}

QString LogModel::lineText(const LogRecord& r)
{
    // ISO time and the level key, not translated text: saved logs get attached to bug reports.
    return QStringLiteral("%1 %2 %3: %4")
        .arg(r.at.toLocalTime().toString(Qt::ISODateWithMs), log::logLevelKey(r.level), r.category,
             r.message);
}

QVariant LogModel::data(const QModelIndex& index, int role) const
{
    const LogRecord* r = index.isValid() ? record(index.row()) : nullptr;
    if (!r || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case TimeColumn:
            return r->at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(r->level);
        case ComponentColumn:
            return r->category;
        case MessageColumn:
            return r->message;
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return r->at.toLocalTime().toString(Qt::ISODateWithMs);
        if (index.column() == MessageColumn)
            return r->message;
        return {};
    case Qt::ForegroundRole:
        if (r->level == LogLevel::Critical)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        if (r->level == LogLevel::Warning)
            return QBrush(QColor(0xb2, 0x6a, 0x00));
        return {};
    case LevelRole:
        return int(r->level);
    case CategoryRole:
        return r->category;
    case SeqRole:
        return r->seq;
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case ComponentColumn:
        return tr("Component");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(LogLevel level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateFilter();
}

void LogFilterModel::setCategory(const QString& category)
{
    if (category == m_category)
        return;
    m_category = category;
    invalidateFilter();
}

void LogFilterModel::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto* model = qobject_cast<const LogModel*>(sourceModel());
    const LogRecord* r = model ? model->record(sourceRow) : nullptr;
    if (!r)
        return false;
    if (int(r->level) < int(m_minimumLevel))
        return false;
    if (!m_category.isEmpty() && r->category != m_category)
        return false;
    return m_text.isEmpty() || r->message.contains(m_text, Qt::CaseInsensitive) ||
           r->category.contains(m_text, Qt::CaseInsensitive);
}

} // namespace opendo::ui
