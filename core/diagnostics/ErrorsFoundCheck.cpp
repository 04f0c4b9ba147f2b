// "Errors found": the DO error codes this agent raised in the last 15 days (the window DO's
// troubleshooter reads), each with how often, when last, what it means here and what to change.
// The codes come from the agent's error journal, so they survive restarts.

#include "diagnostics/CheckSupport.h"
#include "log/ErrorCodes.h"

#include <QMap>

namespace opendo::diagnostics {

namespace {

struct CodeSeen
{
    int count = 0;
    const stats::ErrorEvent* latest = nullptr;
};

CheckResult errorsFound(const InstantCheck& c, const DiagnosticInputs& in)
{
    QMap<quint32, CodeSeen> seen;
    for (const stats::ErrorEvent& e : in.errorEvents) {
        CodeSeen& s = seen[e.code];
        ++s.count;
        s.latest = &e; // events are oldest first
    }
    if (seen.isEmpty())
        return c.result(Verdict::Pass,
                        Diag::tr("No Delivery Optimization error codes in the last %1 days.")
                            .arg(kErrorWindowDays));
    CheckResult r = c.result(
        Verdict::Warn, Diag::tr("%n error code(s) in the last %1 days.", nullptr, int(seen.size()))
                           .arg(kErrorWindowDays));
    QStringList remedies;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it) {
        const auto meaning = log::errorCodeMeaning(it.key());
        const QString code = log::errorCodeText(it.key());
        r.evidence << Diag::tr("%1 × %2, last %3: %4")
                          .arg(code)
                          .arg(it->count)
                          .arg(it->latest->at.toLocalTime().toString(
                              QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                          .arg(meaning ? meaning->meaning : Diag::tr("unknown code"))
                   << Diag::tr("    latest: %1").arg(it->latest->message);
        if (meaning)
            remedies << QStringLiteral("%1: %2").arg(code, meaning->remedy);
    }
    r.remedy = remedies.join(QLatin1Char(' '));
    return r;
}

} // namespace

CheckFactory errorsFoundCheck()
{
    return instantCheck(QStringLiteral("peers.errors_found"), CheckGroup::Peers,
                        Diag::tr("Errors found"), errorsFound);
}

} // namespace opendo::diagnostics
