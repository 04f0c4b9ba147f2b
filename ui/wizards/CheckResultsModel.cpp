#include "wizards/CheckResultsModel.h"

#include "wizards/VerdictStyle.h"

namespace opendo::ui {

using diagnostics::CheckResult;

void CheckResultsModel::setResults(const QList<CheckResult>& results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

const CheckResult* CheckResultsModel::resultAt(int row) const
{
    return row >= 0 && row < m_results.size() ? &m_results[row] : nullptr;
}

int CheckResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

int CheckResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CheckResultsModel::data(const QModelIndex& index, int role) const
{
    const CheckResult* result = resultAt(index.row());
    if (!result || index.column() >= ColumnCount)
        return {};
    if (role == CheckIdRole)
        return result->id;
    if (role == Qt::ToolTipRole)
        return result->id;
    if (index.column() == VerdictColumn) {
        if (role == Qt::DecorationRole)
            return verdictIcon(result->verdict);
        if (role == Qt::ForegroundRole)
            return verdictColor(result->verdict);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case VerdictColumn:
        return diagnostics::verdictLabel(result->verdict);
    case GroupColumn:
        return diagnostics::checkGroupLabel(result->group);
    case CheckColumn:
        return result->title;
    case SummaryColumn:
        return result->summary;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CheckResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case VerdictColumn:
        return tr("Verdict");
    case GroupColumn:
        return tr("Group");
    case CheckColumn:
        return tr("Check");
    case SummaryColumn:
        return tr("Summary");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
