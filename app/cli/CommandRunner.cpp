#include "CommandRunner.h"

#include "AnalysisCommand.h"
#include "CacheCommand.h"
#include "CliArguments.h"
#include "CliText.h"
#include "ConfigCommand.h"
#include "DownloadCommand.h"
#include "LogCommand.h"
#include "PeersCommand.h"
#include "PerfSnapCommand.h"
#include "StatusCommand.h"
#include "TroubleshootCommand.h"

#include <QCoreApplication>

namespace opendo::cli {

bool isAgentCommand(const QString& command)
{
    return command == QLatin1String("config") || command == QLatin1String("download") ||
           command == QLatin1String("status") || command == QLatin1String("perfsnap") ||
           command == QLatin1String("peers") || command == QLatin1String("log") ||
           command == QLatin1String("troubleshoot") || command == QLatin1String("cache") ||
           command == QLatin1String("analysis");
}

int runAgentCommand(agent::Agent& agent, const QStringList& args, QTextStream& out,
                    QTextStream& err, const CommandOptions& options)
{
    CliArguments cursor(args);
    const QString command = cursor.takePositional().value_or(QString());
    int rc = 2;
    if (command == QLatin1String("config"))
        rc = runConfigCommand(agent, cursor, out, err);
    else if (command == QLatin1String("download"))
        rc = runDownloadCommand(agent, cursor, out, err, options);
    else if (command == QLatin1String("status"))
        rc = runStatusCommand(agent, cursor, out, err, options);
    else if (command == QLatin1String("log"))
        rc = runLogCommand(agent, cursor, out, err, options);
    else if (command == QLatin1String("peers"))
        rc = runPeersCommand(agent, cursor, out, err);
    else if (command == QLatin1String("perfsnap"))
        rc = runPerfSnapCommand(agent, cursor, out, err);
    else if (command == QLatin1String("analysis"))
        rc = runAnalysisCommand(agent, cursor, out, err, options);
    else if (command == QLatin1String("cache"))
        rc = runCacheCommand(agent, cursor, out, err);
    else if (command == QLatin1String("troubleshoot"))
        rc = runTroubleshootCommand(agent, cursor, out, err, options);
    else
        err << errorLine(
            QCoreApplication::translate("doctl", "unknown command \"%1\"").arg(command));
    if (rc == 0 && !cursor.remaining().isEmpty())
        err << warningLine(QCoreApplication::translate("doctl", "ignored arguments: %1")
                               .arg(cursor.remaining().join(QLatin1Char(' '))));
    out.flush();
    err.flush();
    return rc;
}

} // namespace opendo::cli
