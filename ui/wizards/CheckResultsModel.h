#pragma once

// The troubleshooter's results as table rows, in the order the checks ran: verdict (icon and
// colour), group, check and the one-sentence summary.

#include "diagnostics/CheckResult.h"

#include <QAbstractTableModel>
#include <QList>

namespace opendo::ui {

class CheckResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        VerdictColumn,
        GroupColumn,
        CheckColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role
    {
        CheckIdRole = Qt::UserRole + 1
    };

    using QAbstractTableModel::QAbstractTableModel;

    void setResults(const QList<diagnostics::CheckResult>& results);
    const QList<diagnostics::CheckResult>& results() const { return m_results; }
    const diagnostics::CheckResult* resultAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<diagnostics::CheckResult> m_results;
};

} // namespace opendo::ui
