#include "diagnostics/ReportHtml.h"

#include "diagnostics/SupportBundle.h"

#include <QCoreApplication>
#include <QLocale>

namespace opendo::diagnostics {

namespace {

const char* const kStyle = R"(
body { font-family: -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Arial, sans-serif;
       font-size: 14px; color: #1d1d1f; background: #ffffff; margin: 24px auto; max-width: 1100px;
       padding: 0 16px; line-height: 1.4; }
h1 { font-size: 22px; margin-bottom: 8px; }
h2 { font-size: 18px; margin-top: 28px; border-bottom: 1px solid #d0d0d5; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 16px 0 4px 0; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid #e4e4e8; }
th { background: #f3f3f6; font-weight: 600; }
table.meta { width: auto; }
table.meta th { background: none; padding-right: 24px; }
td.num { text-align: right; white-space: nowrap; }
.badge { display: inline-block; min-width: 64px; text-align: center; padding: 2px 8px;
         border-radius: 10px; font-size: 12px; font-weight: 600; color: #ffffff; white-space: nowrap; }
.pass { background: #2e7d32; }
.warn { background: #b26a00; }
.fail { background: #c62828; }
.na { background: #757575; }
.summary .badge { margin-right: 8px; }
ul.evidence { margin: 4px 0 0 0; padding-left: 18px; color: #4a4a4f; font-size: 13px; }
p.remedy { margin: 6px 0 0 0; padding: 4px 8px; background: #fff8e1; border-left: 3px solid #b26a00; }
ol.trace { list-style: none; padding-left: 0; margin: 4px 0; }
ol.trace li { padding: 2px 0; }
.ok { color: #2e7d32; font-weight: 600; }
.no { color: #c62828; font-weight: 600; }
.detail { color: #4a4a4f; }
p.conclusion { font-style: italic; margin: 4px 0 12px 0; }
p.empty { color: #757575; }
footer { margin-top: 32px; color: #757575; font-size: 12px; }
)";

QString esc(const QString& text)
{
    return text.toHtmlEscaped();
}

// The verdict's JSON key as a CSS class ("n/a" without its slash).
QString badgeClass(Verdict verdict)
{
    return verdictKey(verdict).remove(QLatin1Char('/'));
}

QString badge(Verdict verdict)
{
    return QStringLiteral("<span class=\"badge %1\">%2</span>")
        .arg(badgeClass(verdict), esc(verdictLabel(verdict)));
}

QString sizeText(qint64 bytes)
{
    if (bytes < 0)
        return QCoreApplication::translate("opendo::diagnostics", "unknown");
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString percentText(double percent)
{
    return QString::number(percent, 'f', 1) + QStringLiteral(" %");
}

QString row(const QStringList& cells, const QString& tag = QStringLiteral("td"))
{
    QString html = QStringLiteral("<tr>");
    for (const QString& cell : cells)
        html += QStringLiteral("<%1>%2</%1>").arg(tag, cell);
    return html + QStringLiteral("</tr>\n");
}

// The settings a help desk looks at first, in this order; every DODelay* setting goes where
// the marker is.
QStringList keyPolicyNames(const policy::PolicySnapshot& policies)
{
    const QStringList head = {
        QStringLiteral("DODownloadMode"),
        QStringLiteral("DOGroupId"),
        QStringLiteral("DOGroupIdSource"),
        QStringLiteral("DORestrictPeerSelectionBy"),
    };
    const QStringList tail = {
        QStringLiteral("DOMaxCacheSize"),
        QStringLiteral("DOAbsoluteMaxCacheSize"),
        QStringLiteral("DOMaxCacheAge"),
        QStringLiteral("DOMinFileSizeToCache"),
        QStringLiteral("DOMinRAMAllowedToPeer"),
        QStringLiteral("DOMinDiskSizeAllowedToPeer"),
        QStringLiteral("DOMinBatteryPercentageAllowedToUpload"),
        QStringLiteral("DOAllowVPNPeerCaching"),
        QStringLiteral("DOVpnKeywords"),
        QStringLiteral("DOMonthlyUploadDataCap"),
    };
    QStringList names = head;
    for (const policy::EffectivePolicy& setting : policies.settings)
        if (setting.key.startsWith(QStringLiteral("DODelay")))
            names.append(setting.key);
    return names + tail;
}

QString metaSection(const DiagnosticReport& report)
{
    const QString notKnown = QCoreApplication::translate("opendo::diagnostics", "unknown");
    auto value = [&notKnown](const QString& text) { return text.isEmpty() ? notKnown : text; };
    const QString time =
        report.startedAt.isValid()
            ? report.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))
            : notKnown;
    QString html = QStringLiteral("<table class=\"meta\">\n");
    auto add = [&html](const QString& label, const QString& text) {
        html += QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(label), esc(text));
    };
    add(QCoreApplication::translate("opendo::diagnostics", "Host"), value(report.host));
    add(QCoreApplication::translate("opendo::diagnostics", "OpenDO version"),
        value(report.agentVersion));
    add(QCoreApplication::translate("opendo::diagnostics", "Checked at"), time);
    add(QCoreApplication::translate("opendo::diagnostics", "Duration"),
        QCoreApplication::translate("opendo::diagnostics", "%1 ms").arg(report.elapsedMs));
    add(QCoreApplication::translate("opendo::diagnostics", "Data directory"),
        value(report.dataDir));
    html += QStringLiteral("</table>\n");
    return html;
}

QString summarySection(const DiagnosticReport& report)
{
    QString html = QStringLiteral("<p class=\"summary\">");
    html += QStringLiteral("<span class=\"badge pass\">%1</span>")
                .arg(esc(QCoreApplication::translate("opendo::diagnostics", "%1 passed")
                             .arg(report.count(Verdict::Pass))));
    html += QStringLiteral("<span class=\"badge warn\">%1</span>")
                .arg(esc(QCoreApplication::translate("opendo::diagnostics", "%1 warnings")
                             .arg(report.count(Verdict::Warn))));
    html += QStringLiteral("<span class=\"badge fail\">%1</span>")
                .arg(esc(QCoreApplication::translate("opendo::diagnostics", "%1 failed")
                             .arg(report.count(Verdict::Fail))));
    const int notApplicable = report.count(Verdict::NotApplicable);
    if (notApplicable > 0)
        html += QStringLiteral("<span class=\"badge na\">%1</span>")
                    .arg(esc(QCoreApplication::translate("opendo::diagnostics", "%1 not applicable")
                                 .arg(notApplicable)));
    return html + QStringLiteral("</p>\n");
}

QString resultCell(const CheckResult& r)
{
    QString html = esc(r.summary);
    if (!r.evidence.isEmpty()) {
        html += QStringLiteral("<ul class=\"evidence\">");
        for (const QString& line : r.evidence)
            html += QStringLiteral("<li>") + esc(line) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    if (!r.remedy.isEmpty())
        html += QStringLiteral("<p class=\"remedy\"><strong>%1</strong> %2</p>")
                    .arg(esc(QCoreApplication::translate("opendo::diagnostics", "What to do:")),
                         esc(r.remedy));
    return html;
}

QString checksSection(const DiagnosticReport& report)
{
    if (report.results.isEmpty())
        return QStringLiteral("<p class=\"empty\">%1</p>\n")
            .arg(esc(QCoreApplication::translate("opendo::diagnostics", "No checks were run.")));
    const QList<CheckGroup> groups = {CheckGroup::Device,     CheckGroup::Hardware,
                                      CheckGroup::Connection, CheckGroup::Peers,
                                      CheckGroup::Content,    CheckGroup::CacheServer};
    QString html;
    for (CheckGroup group : groups) {
        QString rows;
        for (const CheckResult& r : report.results)
            if (r.group == group)
                rows += row({badge(r.verdict), esc(r.title), resultCell(r)});
        if (rows.isEmpty())
            continue;
        html += QStringLiteral("<h2>%1</h2>\n<table class=\"checks\">\n")
                    .arg(esc(checkGroupLabel(group)));
        html += row({esc(QCoreApplication::translate("opendo::diagnostics", "Verdict")),
                     esc(QCoreApplication::translate("opendo::diagnostics", "Check")),
                     esc(QCoreApplication::translate("opendo::diagnostics", "Finding"))},
                    QStringLiteral("th"));
        html += rows + QStringLiteral("</table>\n");
    }
    return html;
}

QString tracesSection(const DiagnosticReport& report)
{
    QString html = QStringLiteral("<h2>%1</h2>\n")
                       .arg(esc(QCoreApplication::translate("opendo::diagnostics",
                                                            "Why downloads use peers or not")));
    if (report.traces.isEmpty())
        return html + QStringLiteral("<p class=\"empty\">%1</p>\n")
                          .arg(esc(QCoreApplication::translate("opendo::diagnostics",
                                                               "No downloads were traced.")));
    for (const DownloadTrace& trace : report.traces) {
        const QString name = trace.fileName.isEmpty() ? trace.jobId : trace.fileName;
        html += QStringLiteral("<h3>%1 <span class=\"detail\">(%2, %3)</span></h3>\n")
                    .arg(esc(name), esc(trace.jobId),
                         esc(QCoreApplication::translate("opendo::diagnostics", "%1 from peers")
                                 .arg(percentText(trace.percentFromPeers))));
        html += QStringLiteral("<ol class=\"trace\">\n");
        for (const TraceStep& step : trace.steps) {
            html += QStringLiteral("<li><span class=\"%1\">%2</span> %3")
                        .arg(step.passed ? QStringLiteral("ok") : QStringLiteral("no"),
                             step.passed ? QStringLiteral("&#10003;") : QStringLiteral("&#10007;"),
                             esc(step.gate));
            if (!step.detail.isEmpty())
                html += QStringLiteral(" <span class=\"detail\">&mdash; %1</span>")
                            .arg(esc(step.detail));
            html += QStringLiteral("</li>\n");
        }
        html += QStringLiteral("</ol>\n");
        if (!trace.conclusion.isEmpty())
            html += QStringLiteral("<p class=\"conclusion\">%1</p>\n").arg(esc(trace.conclusion));
    }
    return html;
}

QString downloadsSection(const QList<transfer::JobStatus>& jobs)
{
    QString html = QStringLiteral("<h2>%1</h2>\n")
                       .arg(esc(QCoreApplication::translate("opendo::diagnostics", "Downloads")));
    if (jobs.isEmpty())
        return html + QStringLiteral("<p class=\"empty\">%1</p>\n")
                          .arg(esc(QCoreApplication::translate("opendo::diagnostics",
                                                               "The agent has no downloads.")));
    html += QStringLiteral("<table class=\"downloads\">\n");
    html += row({esc(QCoreApplication::translate("opendo::diagnostics", "File")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "Size")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "From peers")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "State")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "Download mode"))},
                QStringLiteral("th"));
    for (const transfer::JobStatus& job : jobs) {
        QString state = transfer::jobStateName(job.state);
        if (!job.error.isEmpty())
            state += QStringLiteral(": ") + job.error;
        const QString name = job.fileName.isEmpty() ? job.jobId : job.fileName;
        html += QStringLiteral("<tr><td>%1</td><td class=\"num\">%2</td><td class=\"num\">%3</td>"
                               "<td>%4</td><td class=\"num\">%5</td></tr>\n")
                    .arg(esc(name), esc(sizeText(job.fileSize)),
                         esc(percentText(job.percentPeerCaching())), esc(state),
                         QString::number(job.downloadMode));
    }
    return html + QStringLiteral("</table>\n");
}

QString policySection(const policy::PolicySnapshot& policies)
{
    QString html =
        QStringLiteral("<h2>%1</h2>\n<table class=\"policy\">\n")
            .arg(esc(QCoreApplication::translate("opendo::diagnostics", "Key settings in effect")));
    html += row({esc(QCoreApplication::translate("opendo::diagnostics", "Setting")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "Value")),
                 esc(QCoreApplication::translate("opendo::diagnostics", "Source"))},
                QStringLiteral("th"));
    const QString notSet = QCoreApplication::translate("opendo::diagnostics", "(not set)");
    for (const QString& key : keyPolicyNames(policies)) {
        const policy::EffectivePolicy* setting = policies.find(key);
        if (!setting)
            continue;
        html += row({esc(key), esc(setting->value.isEmpty() ? notSet : setting->value),
                     esc(policy::sourceName(setting->source))});
    }
    return html + QStringLiteral("</table>\n");
}

} // namespace

QString renderHtmlReport(const DiagnosticReport& report, const DiagnosticInputs& facts)
{
    const QString title =
        QCoreApplication::translate("opendo::diagnostics", "OpenDO troubleshooting report");
    QString html;
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width\">\n");
    html += QStringLiteral("<title>%1</title>\n").arg(esc(title));
    html += QStringLiteral("<style>") + QString::fromLatin1(kStyle) +
            QStringLiteral("</style>\n</head>\n<body>\n");
    html += QStringLiteral("<h1>%1</h1>\n").arg(esc(title));
    html += metaSection(report);
    html += summarySection(report);
    html += checksSection(report);
    html += tracesSection(report);
    html += downloadsSection(facts.jobs);
    html += policySection(facts.policies);
    html += QStringLiteral("<footer>%1</footer>\n")
                .arg(esc(QCoreApplication::translate(
                    "opendo::diagnostics",
                    "Generated by OpenDO. Secrets such as swarm keys, tokens and passwords in "
                    "addresses are removed.")));
    html += QStringLiteral("</body>\n</html>\n");
    return redactSecrets(html); // the page may be shared: discovery URLs, log excerpts…
}

} // namespace opendo::diagnostics
