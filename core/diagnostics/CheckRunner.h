#pragma once

// Runs checks on the calling thread's event loop, a few at a time, each bounded by the request's
// timeout (a check that does not answer in time fails with that as its evidence), and reports
// the results in the order the checks were given.

#include "diagnostics/Check.h"

#include <QElapsedTimer>
#include <QObject>
#include <functional>
#include <memory>
#include <vector>

namespace opendo::diagnostics {

class CheckRunner : public QObject
{
    Q_OBJECT
public:
    using Finished = std::function<void(QList<CheckResult>)>;

    CheckRunner(DiagnosticInputs inputs, std::vector<std::unique_ptr<Check>> checks,
                QObject* parent = nullptr);
    ~CheckRunner() override;

    void start(Finished finished);

private:
    void startNext();
    void record(size_t index, CheckResult result);

    DiagnosticInputs m_inputs;
    std::vector<std::unique_ptr<Check>> m_checks;
    QList<std::optional<CheckResult>> m_results;
    std::vector<QElapsedTimer> m_clocks;
    size_t m_next = 0;
    int m_finishedCount = 0;
    Finished m_finished;
};

} // namespace opendo::diagnostics
