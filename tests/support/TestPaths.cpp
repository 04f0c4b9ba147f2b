#include "support/TestPaths.h"

#include <QDir>
#include <QFileInfo>

namespace opendo::test {

QString sourceDir()
{
    return QStringLiteral(OPENDO_SOURCE_DIR);
}
QString testsDir()
{
    return QStringLiteral(OPENDO_TESTS_DIR);
}

QString binaryDir()
{
    const QString fromEnv = qEnvironmentVariable("OPENDO_BINARY_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(OPENDO_BINARY_DIR) : fromEnv;
}

QString executable(const QString& name)
{
    // Each app/* entry point builds into its own folder; look there first.
    const QStringList candidates{binaryDir() + QStringLiteral("/app/cli/") + name,
                                 binaryDir() + QStringLiteral("/app/console/") + name,
                                 binaryDir() + QStringLiteral("/app/agent/") + name,
                                 binaryDir() + QStringLiteral("/app/discovery/") + name,
                                 binaryDir() + QStringLiteral("/bin/") + name};
    for (const QString& c : candidates) {
        if (QFileInfo(c).isExecutable())
            return c;
    }
    return candidates.front();
}

} // namespace opendo::test
