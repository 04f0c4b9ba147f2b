#include "wizards/CheckResultsView.h"

#include "wizards/CheckResultText.h"
#include "wizards/CheckResultsModel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace opendo::ui {

CheckResultsView::CheckResultsView(QWidget* parent)
    : QWidget(parent), m_model(new CheckResultsModel(this))
{
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("checkResults"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_details->setPlaceholderText(tr("Select a check to see what was seen and what to do."));

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &CheckResultsView::showDetails);
}

void CheckResultsView::setResults(const QList<diagnostics::CheckResult>& results)
{
    m_model->setResults(results);
    m_table->resizeColumnsToContents();
    m_details->clear();
    diagnostics::DiagnosticReport report;
    report.results = results;
    if (const auto* cause = CheckResultText::conclusionOf(report))
        selectCheck(cause->id);
    else if (!results.isEmpty())
        m_table->selectRow(0);
}

void CheckResultsView::selectCheck(const QString& checkId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->resultAt(row)->id == checkId) {
            m_table->selectRow(row);
            return;
        }
    }
}

QString CheckResultsView::detailText() const
{
    return m_details->toPlainText();
}

void CheckResultsView::showDetails()
{
    const auto* result = m_model->resultAt(m_table->currentIndex().row());
    m_details->setHtml(result ? CheckResultText::checkResultHtml(*result) : QString());
}

} // namespace opendo::ui
