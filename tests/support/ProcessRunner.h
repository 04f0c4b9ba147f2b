#pragma once

// Runs one of the project's executables to completion with a time bound, for tests.

#include <QString>
#include <QStringList>

namespace opendo::test {

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false; // false when it timed out or could not start
    QString out;
    QString err;
};

ProcessResult runProgram(const QString& program, const QStringList& arguments,
                         int timeoutMs = 30000);

} // namespace opendo::test
