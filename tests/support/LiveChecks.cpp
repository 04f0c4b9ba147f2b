#include "support/LiveChecks.h"

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

QString describeResult(const diagnostics::CheckResult& r)
{
    return QStringLiteral("%1 [%2] %3\nevidence: %4\nremedy: %5")
        .arg(r.id, diagnostics::verdictKey(r.verdict), r.summary,
             r.evidence.join(QStringLiteral(" | ")), r.remedy);
}

} // namespace opendo::test
