#include "support/ProcessRunner.h"

#include <QProcess>

namespace opendo::test {

ProcessResult runProgram(const QString& program, const QStringList& arguments, int timeoutMs)
{
    ProcessResult result;
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForStarted(5000)) {
        result.err = p.errorString();
        return result;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        result.err = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        return result;
    }
    result.finished = p.exitStatus() == QProcess::NormalExit;
    result.exitCode = p.exitCode();
    result.out = QString::fromUtf8(p.readAllStandardOutput());
    result.err = QString::fromUtf8(p.readAllStandardError());
    return result;
}

} // namespace opendo::test
