#pragma once

// The troubleshooter's results: a table of the checks in the order they ran and, for the
// selected one, what was seen (evidence) and what to do (remedy).

#include "diagnostics/CheckResult.h"

#include <QWidget>

class QTableView;
class QTextBrowser;

namespace opendo::ui {

class CheckResultsModel;

class CheckResultsView : public QWidget
{
    Q_OBJECT
public:
    explicit CheckResultsView(QWidget* parent = nullptr);

    void setResults(const QList<diagnostics::CheckResult>& results);
    CheckResultsModel& model() { return *m_model; }
    void selectCheck(const QString& checkId);
    QString detailText() const; // the selected check's details, as plain text

private:
    void showDetails();

    CheckResultsModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QTextBrowser* m_details = nullptr;
};

} // namespace opendo::ui
