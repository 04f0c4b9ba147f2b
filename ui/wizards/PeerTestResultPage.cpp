#include "wizards/PeerTestResultPage.h"

#include "wizards/CheckResultText.h"
#include "wizards/DiagnosticsWizard.h"
#include "wizards/VerdictStyle.h"

#include <QLabel>
#include <QTextDocument>
#include <QVBoxLayout>

namespace opendo::ui {

namespace {

const QString kPeerTest = QStringLiteral("connection.peer_test");

} // namespace

PeerTestResultPage::PeerTestResultPage(DiagnosticsWizard& wizard) : m_wizard(wizard)
{
    setTitle(tr("Result"));
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("peerTestHeadline"));
    m_headline->setWordWrap(true);
    QFont font = m_headline->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    m_headline->setFont(font);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("peerTestDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_details);
    layout->addStretch(1);
}

void PeerTestResultPage::initializePage()
{
    const QString endpoint = m_wizard.request().peerEndpoint;
    const auto* result = m_wizard.report().find(kPeerTest);
    m_succeeded = result && result->verdict == diagnostics::Verdict::Pass;
    const diagnostics::Verdict shown =
        result ? result->verdict : diagnostics::Verdict::NotApplicable;
    m_headline->setStyleSheet(QStringLiteral("color: %1;").arg(verdictColor(shown).name()));
    if (!result)
        m_headline->setText(tr("The test did not run."));
    else if (m_succeeded)
        m_headline->setText(tr("Success: the peer at %1 answered.").arg(endpoint));
    else
        m_headline->setText(tr("The connection to %1 failed.").arg(endpoint));
    m_details->setText(result ? CheckResultText::checkResultHtml(*result) : QString());
}

QString PeerTestResultPage::resultText() const
{
    QTextDocument details;
    details.setHtml(m_details->text());
    return m_headline->text() + u'\n' + details.toPlainText();
}

} // namespace opendo::ui
