// doctl: the command-line tool; verbs mirror the Delivery Optimization PowerShell cmdlets.

#include "CliArguments.h"
#include "CliText.h"
#include "CommandRunner.h"
#include "ControlClient.h"
#include "MetainfoCommands.h"
#include "Translations.h"
#include "agent/Agent.h"
#include "log/LogBuffer.h"

#include <QCoreApplication>
#include <QDir>
#include <QTextStream>
#include <cstdio>
#include <unistd.h>

namespace {

const char* const kUsage = QT_TRANSLATE_NOOP(
    "doctl",
    "usage: doctl [--data-dir DIR] [--proxy URL] <command> …\n"
    "commands:\n"
    "  config            list, get, set, reset, import and export DO settings\n"
    "  download          download a URL or a metainfo file and print its status\n"
    "  status            list the downloads: status [--json] [JOBID]\n"
    "  perfsnap          device snapshot, or this month's bytes: perfsnap [--month] [--json]\n"
    "  log               the agent's recent log: log [--follow] [--json] [--level L] …\n"
    "  peers             download mode in effect, discovery, offered peers, connections\n"
    "  cache             cached files: cache [list|pin|unpin|expire|delete] [FILEID] [--json]\n"
    "  analysis          how many downloads could use peers, how many did, the share of bytes;\n"
    "                    --list-connections: each peer connection, its bytes, how it ended\n"
    "  troubleshoot      health, connection and peer checks with remedies; --bundle FILE\n"
    "  create-metainfo   make a .torrent (BEP 52 hybrid) with web seeds for a file\n"
    "  publish           make (or take) a .torrent and register it with a discovery service\n"
    "run a command without arguments for its usage.\n"
    "While an agent (do-agent, the console) runs on DIR, the commands run in that agent; "
    "otherwise\n"
    "doctl starts its own for the command. --proxy applies to doctl's own agent only.\n");

QString usage()
{
    return QCoreApplication::translate("doctl", kUsage);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    opendo::i18n::installTranslations(app, QString());
    opendo::log::LogBuffer::install(); // what doctl's own agent logs, for doctl log
    QCoreApplication::setOrganizationName(QStringLiteral("OpenDO"));
    QCoreApplication::setApplicationName(QStringLiteral("doctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPENDO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList raw = app.arguments();
    raw.removeFirst();
    opendo::cli::CliArguments args(raw);
    QString error;
    const auto dataDir = args.takeOption(QStringLiteral("data-dir"), &error);
    if (!error.isEmpty()) {
        err << opendo::cli::errorLine(error);
        return 2;
    }
    if (args.takeFlag(QStringLiteral("help"))) {
        out << usage();
        return 0;
    }
    if (args.remaining().isEmpty()) {
        err << usage();
        return 2;
    }
    const auto proxy = args.takeOption(QStringLiteral("proxy"), &error);
    if (!error.isEmpty()) {
        err << opendo::cli::errorLine(error);
        return 2;
    }
    const auto command = args.takePositional();
    if (command == QLatin1String("create-metainfo"))
        return opendo::cli::runCreateMetainfoCommand(args, out, err);
    if (command == QLatin1String("publish"))
        return opendo::cli::runPublishCommand(args, out, err);
    if (!command || !opendo::cli::isAgentCommand(*command)) {
        err << opendo::cli::errorLine(QCoreApplication::translate("doctl", "unknown command \"%1\"")
                                          .arg(command.value_or(QString())))
            << usage();
        return 2;
    }
    const QStringList commandArgs = QStringList{*command} + args.remaining();
    const bool terminal = ::isatty(STDERR_FILENO);

    // Two agents on one database would fight over its jobs and its cache; the running one wins.
    const QString resolvedDataDir = dataDir.value_or(opendo::agent::Agent::defaultDataDir());
    opendo::cli::ControlClient client;
    if (client.connectTo(resolvedDataDir)) {
        if (proxy)
            err << opendo::cli::warningLine(
                QCoreApplication::translate(
                    "doctl",
                    "--proxy is ignored: the agent running on %1 uses its own proxy settings")
                    .arg(QDir::toNativeSeparators(resolvedDataDir)));
        err.flush();
        return client.run(commandArgs, out, err, terminal);
    }

    // A command's embedded agent does what it was asked, not the rest of the queue.
    opendo::agent::AgentOptions agentOptions;
    agentOptions.dataDir = resolvedDataDir;
    agentOptions.httpProxy = proxy.value_or(QString());
    // A command's agent does what it was asked, not the rest of the queue, and is gone again
    // too soon to be worth a peer port (a running do-agent or console serves peers).
    agentOptions.resumeQueuedJobs = false;
    agentOptions.listen.clear();
    opendo::agent::Agent agent(agentOptions);
    const QString startError = agent.start().result();
    if (!startError.isEmpty()) {
        err << opendo::cli::errorLine(startError);
        return 1;
    }
    return opendo::cli::runAgentCommand(agent, commandArgs, out, err, {terminal, true, nullptr});
}
