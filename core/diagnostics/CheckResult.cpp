#include "diagnostics/CheckResult.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace opendo::diagnostics {

QString verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QStringLiteral("pass");
    case Verdict::Warn:
        return QStringLiteral("warn");
    case Verdict::Fail:
        return QStringLiteral("fail");
    case Verdict::NotApplicable:
        break;
    }
    return QStringLiteral("n/a");
}

QString verdictLabel(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Pass:
        return QCoreApplication::translate("opendo::diagnostics", "Pass");
    case Verdict::Warn:
        return QCoreApplication::translate("opendo::diagnostics", "Warning");
    case Verdict::Fail:
        return QCoreApplication::translate("opendo::diagnostics", "Fail");
    case Verdict::NotApplicable:
        break;
    }
    return QCoreApplication::translate("opendo::diagnostics", "Not applicable");
}

QString checkGroupKey(CheckGroup group)
{
    switch (group) {
    case CheckGroup::Device:
        return QStringLiteral("device");
    case CheckGroup::Hardware:
        return QStringLiteral("hardware");
    case CheckGroup::Connection:
        return QStringLiteral("connection");
    case CheckGroup::Peers:
        return QStringLiteral("peers");
    case CheckGroup::Content:
        return QStringLiteral("content");
    case CheckGroup::Bandwidth:
        return QStringLiteral("bandwidth");
    case CheckGroup::Cache:
        return QStringLiteral("cache");
    case CheckGroup::CacheServer:
        break;
    }
    return QStringLiteral("cache_server");
}

QString checkGroupLabel(CheckGroup group)
{
    switch (group) {
    case CheckGroup::Device:
        return QCoreApplication::translate("opendo::diagnostics", "Device");
    case CheckGroup::Hardware:
        return QCoreApplication::translate("opendo::diagnostics", "Hardware");
    case CheckGroup::Connection:
        return QCoreApplication::translate("opendo::diagnostics", "Connection");
    case CheckGroup::Peers:
        return QCoreApplication::translate("opendo::diagnostics", "Peers");
    case CheckGroup::Content:
        return QCoreApplication::translate("opendo::diagnostics", "Content");
    case CheckGroup::Bandwidth:
        return QCoreApplication::translate("opendo::diagnostics", "Bandwidth");
    case CheckGroup::Cache:
        return QCoreApplication::translate("opendo::diagnostics", "Cache");
    case CheckGroup::CacheServer:
        break;
    }
    return QCoreApplication::translate("opendo::diagnostics", "Cache server");
}

QJsonObject checkResultToJson(const CheckResult& r)
{
    QJsonArray fix;
    for (const policy::PolicyChange& change : r.fix)
        fix.append(QJsonObject{
            {QStringLiteral("Setting"), change.key},
            {QStringLiteral("Value"), change.value ? QJsonValue(*change.value) : QJsonValue()}});
    return QJsonObject{
        {QStringLiteral("Id"), r.id},
        {QStringLiteral("Group"), checkGroupKey(r.group)},
        {QStringLiteral("Title"), r.title},
        {QStringLiteral("Verdict"), verdictKey(r.verdict)},
        {QStringLiteral("Summary"), r.summary},
        {QStringLiteral("Evidence"), QJsonArray::fromStringList(r.evidence)},
        {QStringLiteral("Remedy"), r.remedy},
        {QStringLiteral("Fix"), fix},
        {QStringLiteral("SymptomOf"),
         r.symptomOf.isEmpty() ? QJsonValue() : QJsonValue(r.symptomOf)},
        {QStringLiteral("ElapsedMs"), r.elapsedMs},
    };
}

QJsonObject downloadTraceToJson(const DownloadTrace& trace)
{
    QJsonArray steps;
    for (const TraceStep& step : trace.steps)
        steps.append(QJsonObject{{QStringLiteral("Gate"), step.gate},
                                 {QStringLiteral("Passed"), step.passed},
                                 {QStringLiteral("Detail"), step.detail}});
    return QJsonObject{{QStringLiteral("JobId"), trace.jobId},
                       {QStringLiteral("FileName"), trace.fileName},
                       {QStringLiteral("PercentPeerCaching"), trace.percentFromPeers},
                       {QStringLiteral("Steps"), steps},
                       {QStringLiteral("Conclusion"), trace.conclusion}};
}

bool DiagnosticReport::hasFailure() const
{
    return count(Verdict::Fail) > 0;
}

int DiagnosticReport::count(Verdict verdict) const
{
    return int(std::count_if(results.begin(), results.end(),
                             [verdict](const CheckResult& r) { return r.verdict == verdict; }));
}

const CheckResult* DiagnosticReport::find(const QString& id) const
{
    for (const CheckResult& r : results)
        if (r.id == id)
            return &r;
    return nullptr;
}

QList<policy::PolicyChange> DiagnosticReport::suggestedFixes() const
{
    QList<policy::PolicyChange> fixes;
    QStringList keys;
    for (const CheckResult& r : results) {
        if (r.verdict != Verdict::Fail && r.verdict != Verdict::Warn)
            continue;
        for (const policy::PolicyChange& change : r.fix) {
            if (keys.contains(change.key))
                continue;
            keys.append(change.key);
            fixes.append(change);
        }
    }
    return fixes;
}

const CheckResult* DiagnosticReport::mostLikelyCause() const
{
    const CheckResult* cause = nullptr;
    for (const Verdict verdict : {Verdict::Fail, Verdict::Warn}) {
        for (const CheckResult& r : results) {
            if (r.verdict == verdict) {
                cause = &r;
                break;
            }
        }
        if (cause)
            break;
    }
    // Follow symptom → cause while the cause itself is wrong; bounded, so a cycle cannot hang.
    for (qsizetype hops = 0; cause && hops < results.size(); ++hops) {
        if (cause->symptomOf.isEmpty())
            break;
        const CheckResult* origin = find(cause->symptomOf);
        if (!origin || origin == cause ||
            (origin->verdict != Verdict::Fail && origin->verdict != Verdict::Warn))
            break;
        cause = origin;
    }
    return cause;
}

QList<policy::PolicyChange> DiagnosticReport::causeFix() const
{
    const CheckResult* cause = mostLikelyCause();
    return cause ? cause->fix : QList<policy::PolicyChange>{};
}

QJsonObject diagnosticReportToJson(const DiagnosticReport& report)
{
    QJsonArray results;
    for (const CheckResult& r : report.results)
        results.append(checkResultToJson(r));
    QJsonArray traces;
    for (const DownloadTrace& t : report.traces)
        traces.append(downloadTraceToJson(t));
    const CheckResult* cause = report.mostLikelyCause();
    return QJsonObject{
        {QStringLiteral("StartedAt"), report.startedAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("ElapsedMs"), report.elapsedMs},
        {QStringLiteral("Host"), report.host},
        {QStringLiteral("Version"), report.agentVersion},
        {QStringLiteral("DataDir"), report.dataDir},
        {QStringLiteral("Pass"), report.count(Verdict::Pass)},
        {QStringLiteral("Warn"), report.count(Verdict::Warn)},
        {QStringLiteral("Fail"), report.count(Verdict::Fail)},
        {QStringLiteral("Conclusion"), cause ? QJsonValue(cause->id) : QJsonValue()},
        {QStringLiteral("Results"), results},
        {QStringLiteral("Traces"), traces},
    };
}

} // namespace opendo::diagnostics
