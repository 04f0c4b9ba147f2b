#include "diagnostics/CheckRunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

namespace opendo::diagnostics {

namespace {

// Network checks wait on sockets, not the CPU; a few at once keeps a full run short without
// opening dozens of connections at the same moment.
constexpr int kParallelChecks = 4;

} // namespace

CheckRunner::CheckRunner(DiagnosticInputs inputs, std::vector<std::unique_ptr<Check>> checks,
                         QObject* parent)
    : QObject(parent), m_inputs(std::move(inputs)), m_checks(std::move(checks))
{
    m_results.resize(qsizetype(m_checks.size()));
    m_clocks.resize(m_checks.size());
}

CheckRunner::~CheckRunner() = default;

void CheckRunner::start(Finished finished)
{
    m_finished = std::move(finished);
    if (m_checks.empty()) {
        QTimer::singleShot(0, this, [this] { m_finished({}); });
        return;
    }
    for (int i = 0; i < kParallelChecks; ++i)
        startNext();
}

void CheckRunner::startNext()
{
    if (m_next >= m_checks.size())
        return;
    const size_t index = m_next++;
    m_clocks[index].start();
    const int timeoutMs = std::max(100, m_inputs.request.timeoutMs);
    QTimer::singleShot(timeoutMs, this, [this, index, timeoutMs] {
        if (m_results[qsizetype(index)])
            return;
        const Check& check = *m_checks[index];
        CheckResult r;
        r.id = check.id();
        r.group = check.group();
        r.title = check.title();
        r.verdict = Verdict::Fail;
        r.summary = QCoreApplication::translate("opendo::diagnostics",
                                                "The check did not finish within %1 ms.")
                        .arg(timeoutMs);
        r.evidence << QCoreApplication::translate(
            "opendo::diagnostics", "Timed out waiting for the network or the agent.");
        record(index, std::move(r));
    });
    // A check may answer synchronously; the runner must not re-enter itself from inside start().
    QPointer<CheckRunner> self(this);
    m_checks[index]->start(m_inputs, [self, index](CheckResult r) {
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self,
            [self, index, r = std::move(r)]() mutable {
                if (self)
                    self->record(index, std::move(r));
            },
            Qt::QueuedConnection);
    });
}

void CheckRunner::record(size_t index, CheckResult result)
{
    if (m_results[qsizetype(index)])
        return; // a late answer after the timeout already failed the check
    result.elapsedMs = m_clocks[index].elapsed();
    m_results[qsizetype(index)] = std::move(result);
    ++m_finishedCount;
    if (size_t(m_finishedCount) == m_checks.size()) {
        QList<CheckResult> results;
        for (const std::optional<CheckResult>& r : m_results)
            results.append(*r);
        m_finished(std::move(results));
        return;
    }
    startNext();
}

} // namespace opendo::diagnostics
