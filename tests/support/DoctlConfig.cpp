#include "support/DoctlConfig.h"

#include "support/ProcessRunner.h"
#include "support/TestPaths.h"

namespace opendo::test {

QString configureWithDoctl(const QString& dataDir, const QStringList& settings)
{
    for (const QString& s : settings) {
        const ProcessResult r =
            runProgram(executable(QStringLiteral("doctl")),
                       {QStringLiteral("--data-dir"), dataDir, QStringLiteral("config"),
                        QStringLiteral("set"), s.section(u'=', 0, 0), s.section(u'=', 1)});
        if (r.exitCode != 0)
            return s + QStringLiteral(": ") + r.err;
    }
    return {};
}

} // namespace opendo::test
