#include "wizards/CheckResultText.h"

#include "wizards/VerdictStyle.h"

namespace opendo::ui {

using diagnostics::CheckResult;
using diagnostics::Verdict;

namespace {

QString escaped(const QString& text)
{
    return text.toHtmlEscaped();
}

} // namespace

const CheckResult* CheckResultText::conclusionOf(const diagnostics::DiagnosticReport& report)
{
    return report.mostLikelyCause();
}

QString CheckResultText::checkResultHtml(const CheckResult& result)
{
    QString html = QStringLiteral("<p><b style=\"color:%1\">%2</b> — <b>%3</b> "
                                  "<span style=\"color:gray\">(%4)</span></p><p>%5</p>")
                       .arg(verdictColor(result.verdict).name(),
                            escaped(diagnostics::verdictLabel(result.verdict)),
                            escaped(result.title), escaped(result.id), escaped(result.summary));
    if (!result.evidence.isEmpty()) {
        html += QStringLiteral("<p>%1</p><ul>").arg(escaped(tr("Evidence:")));
        for (const QString& line : result.evidence)
            html += QStringLiteral("<li>%1</li>").arg(escaped(line));
        html += QStringLiteral("</ul>");
    }
    if (!result.remedy.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(escaped(tr("Remedy:")), escaped(result.remedy));
    return html;
}

QString CheckResultText::conclusionHtml(const diagnostics::DiagnosticReport& report)
{
    if (report.results.isEmpty())
        return QStringLiteral("<p>%1</p>").arg(escaped(tr("No checks ran.")));
    const CheckResult* cause = conclusionOf(report);
    if (!cause)
        return QStringLiteral("<p><b>%1</b></p>")
            .arg(escaped(tr("Every check passed: nothing stands in the way.")));
    // A symptom that failed may have led to a cause that only warns: still the cause.
    const QString lead =
        report.hasFailure() ? tr("Most likely cause:") : tr("Nothing failed; the first warning:");
    QString html = QStringLiteral("<p>%1</p>").arg(escaped(lead)) + checkResultHtml(*cause);
    for (const CheckResult& result : report.results) {
        if (result.symptomOf != cause->id ||
            (result.verdict != Verdict::Fail && result.verdict != Verdict::Warn))
            continue;
        html += QStringLiteral("<p>%1</p>")
                    .arg(escaped(tr("It also explains %1: %2").arg(result.title, result.summary)));
    }
    return html;
}

QString CheckResultText::overviewHtml(const diagnostics::DiagnosticReport& report)
{
    if (report.results.isEmpty())
        return {};
    QString html = QStringLiteral("<p>%1</p><table cellspacing=\"3\">")
                       .arg(escaped(tr("What was checked, in order:")));
    for (const CheckResult& result : report.results)
        html += QStringLiteral("<tr><td style=\"color:%1\"><b>%2</b></td><td>%3</td>"
                               "<td>%4</td></tr>")
                    .arg(verdictColor(result.verdict).name(),
                         escaped(diagnostics::verdictLabel(result.verdict)), escaped(result.title),
                         escaped(result.summary));
    return html + QStringLiteral("</table>");
}

QString CheckResultText::traceHtml(const diagnostics::DownloadTrace& trace)
{
    QString html = QStringLiteral("<p><b>%1</b> — %2</p><table cellspacing=\"4\">")
                       .arg(escaped(trace.fileName.isEmpty() ? trace.jobId : trace.fileName),
                            escaped(tr("%1 % of the bytes came from peers")
                                        .arg(trace.percentFromPeers, 0, 'f', 1)));
    for (const diagnostics::TraceStep& step : trace.steps) {
        const Verdict verdict = step.passed ? Verdict::Pass : Verdict::Fail;
        html += QStringLiteral("<tr><td style=\"color:%1\">%2</td><td>%3</td><td>%4</td></tr>")
                    .arg(verdictColor(verdict).name(),
                         step.passed ? QStringLiteral("✓") : QStringLiteral("✗"),
                         escaped(step.gate), escaped(step.detail));
    }
    html += QStringLiteral("</table>");
    if (!trace.conclusion.isEmpty())
        html += QStringLiteral("<p><b>%1</b> %2</p>")
                    .arg(escaped(tr("Conclusion:")), escaped(trace.conclusion));
    return html;
}

} // namespace opendo::ui
