#include "wizards/SummaryPage.h"

#include "wizards/CheckResultText.h"
#include "wizards/DiagnosticsWizard.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTextDocument>
#include <QVBoxLayout>

namespace opendo::ui {

namespace {

QLabel* richLabel(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QString::fromLatin1(name));
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    return label;
}

QString plainText(const QString& html)
{
    QTextDocument document;
    document.setHtml(html);
    return document.toPlainText();
}

QString describe(const QList<policy::PolicyChange>& changes)
{
    QStringList lines;
    for (const policy::PolicyChange& change : changes)
        lines << (change.value ? QStringLiteral("%1 = %2").arg(change.key, *change.value)
                               : SummaryPage::tr("%1: not configured").arg(change.key));
    return lines.join(QStringLiteral(", "));
}

} // namespace

SummaryPage::SummaryPage(DiagnosticsWizard& wizard) : m_wizard(wizard)
{
    setTitle(tr("Summary"));
    m_conclusion = richLabel("conclusion", this);
    m_trace = richLabel("trace", this);
    m_overview = richLabel("overview", this);
    m_fix = richLabel("fixDescription", this);
    m_applyFix = new QPushButton(tr("Apply suggested fix"), this);
    m_applyFix->setObjectName(QStringLiteral("applyFixButton"));
    m_applyFix->setToolTip(tr("Stage the change in the policy editor; nothing is applied until "
                              "you press Apply there"));
    connect(m_applyFix, &QPushButton::clicked, this, &SummaryPage::stageFix);

    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->addWidget(m_conclusion);
    auto* traceBox = new QGroupBox(tr("The traced download"), content);
    traceBox->setObjectName(QStringLiteral("traceBox"));
    auto* traceLayout = new QVBoxLayout(traceBox);
    traceLayout->addWidget(m_trace);
    contentLayout->addWidget(traceBox);
    contentLayout->addWidget(m_overview);
    contentLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);

    m_actions = new QHBoxLayout;
    m_actions->addWidget(m_applyFix);
    m_actions->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_fix);
    layout->addLayout(m_actions);
}

void SummaryPage::addAction(QWidget* button)
{
    m_actions->insertWidget(m_actions->count() - 1, button);
}

void SummaryPage::initializePage()
{
    const auto& report = m_wizard.report();
    const auto* cause = CheckResultText::conclusionOf(report);
    m_conclusionId = cause ? cause->id : QString();
    m_conclusion->setText(CheckResultText::conclusionHtml(report));

    const QString traced = m_wizard.request().traceJobId;
    QString traceHtml;
    for (const auto& trace : report.traces) {
        if (!traced.isEmpty() && trace.jobId == traced)
            traceHtml = CheckResultText::traceHtml(trace);
    }
    m_trace->setText(traceHtml);
    m_trace->parentWidget()->setVisible(!traceHtml.isEmpty());
    m_overview->setText(CheckResultText::overviewHtml(report));
    showFix();
}

QString SummaryPage::conclusionText() const
{
    return plainText(m_conclusion->text());
}

QString SummaryPage::traceText() const
{
    return plainText(m_trace->text());
}

void SummaryPage::showFix()
{
    const bool canFix = m_wizard.canStageFix();
    m_applyFix->setEnabled(canFix);
    m_fix->setText(
        canFix ? tr("Suggested fix: %1").arg(describe(m_wizard.report().causeFix()).toHtmlEscaped())
               : (m_conclusionId.isEmpty() ? tr("Nothing to fix.")
                                           : tr("No policy change would cure this; "
                                                "follow the remedy above.")));
}

void SummaryPage::stageFix()
{
    m_wizard.stageSuggestedFix();
    m_fix->setText(tr("The fix is staged in the policy editor — review it there, then press "
                      "Apply."));
}

} // namespace opendo::ui
