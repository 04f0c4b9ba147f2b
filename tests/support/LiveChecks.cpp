#include "support/LiveChecks.h"

#include "diagnostics/CheckCatalog.h"

#include <QTest>

namespace opendo::test {

diagnostics::CheckResult runAgentCheck(agent::Agent& agent, const QString& id)
{
    diagnostics::DiagnosticRequest request;
    request.checkIds = {id};
    QFuture<diagnostics::DiagnosticReport> future = agent.runDiagnostics(request);
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 10'000))
        return {};
    return future.result().results.value(0);
}

diagnostics::CheckResult runCheckOn(const QString& id, const diagnostics::DiagnosticInputs& in)
{
    diagnostics::CheckResult result;
    bool done = false;
    diagnostics::makeCheck(id)->start(in, [&](diagnostics::CheckResult r) {
        result = std::move(r);
        done = true;
    });
    // Instant checks answer from the event loop at the latest.
    if (!QTest::qWaitFor([&] { return done; }, 1000))
        return {};
    return result;
}

QString describeResult(const diagnostics::CheckResult& r)
{
    return QStringLiteral("%1 [%2] %3\nevidence: %4\nremedy: %5")
        .arg(r.id, diagnostics::verdictKey(r.verdict), r.summary,
             r.evidence.join(QStringLiteral(" | ")), r.remedy);
}

} // namespace opendo::test
