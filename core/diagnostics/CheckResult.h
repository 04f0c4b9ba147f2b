#pragma once

// What the troubleshooter found: one result per check (verdict, evidence, remedy and, where the
// cure is a policy change, the change to stage), the per-download trace, and the whole report.

#include "policy/PolicyState.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace opendo::diagnostics {

enum class Verdict
{
    Pass,
    Warn,
    Fail,
    NotApplicable
};

QString verdictKey(Verdict verdict);   // "pass", "warn", "fail", "n/a" (stable, for JSON)
QString verdictLabel(Verdict verdict); // translated

// The groups of DO's own troubleshooter plus the content gates and the cache server.
enum class CheckGroup
{
    Device,
    Hardware,
    Connection,
    Peers,
    Content,
    Bandwidth,
    Cache,
    CacheServer
};

QString checkGroupKey(CheckGroup group); // "device", "hardware", …
QString checkGroupLabel(CheckGroup group);

struct CheckResult
{
    QString id; // stable: "device.download_mode", "connection.peer_port", …
    CheckGroup group = CheckGroup::Device;
    QString title; // "Download mode"
    Verdict verdict = Verdict::NotApplicable;
    QString summary;                 // one sentence: what is the case
    QStringList evidence;            // what was seen: values, addresses, timings
    QString remedy;                  // names the exact setting, rule or command; "" on Pass
    QList<policy::PolicyChange> fix; // a policy change that cures it (staged, never applied)
    // The check whose failure this one is a symptom of ("" = none): the effective download
    // mode falls to 99 *because* the discovery service is unreachable, so while that check
    // fails or warns, it — not this one — is the cause to name and to fix.
    QString symptomOf;
    qint64 elapsedMs = 0;
};

QJsonObject checkResultToJson(const CheckResult& result);

// One gate a download passed or failed on its way to its peer share, in the order the agent
// applies them.
struct TraceStep
{
    QString gate; // "Download mode allows peers", …
    bool passed = true;
    QString detail; // the values behind the verdict
};

struct DownloadTrace
{
    QString jobId;
    QString fileName;
    double percentFromPeers = 0;
    QList<TraceStep> steps;
    QString conclusion; // the first failed gate in words, or why the share is what it is
};

QJsonObject downloadTraceToJson(const DownloadTrace& trace);

struct DiagnosticReport
{
    QDateTime startedAt;
    qint64 elapsedMs = 0;
    QString host;         // machine name
    QString agentVersion; // OpenDO version
    QString dataDir;
    QList<CheckResult> results; // in the order the checks were asked for
    QList<DownloadTrace> traces;

    bool hasFailure() const;
    int count(Verdict verdict) const;
    const CheckResult* find(const QString& id) const;
    // All fixes of failing and warning checks, later checks not overriding earlier ones.
    QList<policy::PolicyChange> suggestedFixes() const;
    // The most likely cause: the first failing check in the order they ran, else the first
    // warning one; a symptom (see CheckResult::symptomOf) gives way to the failing or warning
    // check it follows from. nullptr when nothing is wrong.
    const CheckResult* mostLikelyCause() const;
    // The policy change that cures the most likely cause: its own fix, nothing else. Empty when
    // nothing is wrong or no policy change cures it (a stopped service, a closed port), so no
    // change that would not help is ever offered.
    QList<policy::PolicyChange> causeFix() const;
};

QJsonObject diagnosticReportToJson(const DiagnosticReport& report);

} // namespace opendo::diagnostics

Q_DECLARE_METATYPE(opendo::diagnostics::DiagnosticReport)
