#pragma once

// Running troubleshooter checks against a real in-process agent, for the live check tests, or on
// inputs a test made up.

#include "agent/Agent.h"
#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"

#include <QString>

namespace opendo::test {

// One check by id, as the console runs it; an empty result when it takes over 10 s.
diagnostics::CheckResult runAgentCheck(agent::Agent& agent, const QString& id);
// One check by id on inputs a test made up; an empty result when it does not answer within 1 s.
diagnostics::CheckResult runCheckOn(const QString& id, const diagnostics::DiagnosticInputs& in);
// One line per part of a result, for failure messages.
QString describeResult(const diagnostics::CheckResult& r);

} // namespace opendo::test
