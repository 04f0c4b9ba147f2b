// doctl: the command-line tool; verbs mirror the Delivery Optimization PowerShell cmdlets.

#include "CliArguments.h"
#include "ConfigCommand.h"
#include "DownloadCommand.h"
#include "agent/Agent.h"

#include <QCoreApplication>
#include <QTextStream>
#include <cstdio>

namespace {

const char* const kUsage =
    "usage: doctl [--data-dir DIR] [--proxy URL] <command> …\n"
    "commands:\n"
    "  config            list, get, set, reset, import and export DO settings\n"
    "  download          download a URL or a metainfo file and print its status\n"
    "  create-metainfo   make a .torrent (BEP 52 hybrid) with web seeds for a file\n"
    "run a command without arguments for its usage.\n";

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OpenDO"));
    QCoreApplication::setApplicationName(QStringLiteral("doctl"));
    QTextStream out(stdout);
    QTextStream err(stderr);

    QStringList raw = app.arguments();
    raw.removeFirst();
    opendo::cli::CliArguments args(raw);
    QString error;
    const auto dataDir = args.takeOption(QStringLiteral("data-dir"), &error);
    if (!error.isEmpty()) {
        err << "error: " << error << '\n';
        return 2;
    }
    if (args.takeFlag(QStringLiteral("help"))) {
        out << kUsage;
        return 0;
    }
    if (args.remaining().isEmpty()) {
        err << kUsage;
        return 2;
    }
    const auto proxy = args.takeOption(QStringLiteral("proxy"), &error);
    const auto command = args.takePositional();
    if (command == QLatin1String("create-metainfo"))
        return opendo::cli::runCreateMetainfoCommand(args, out, err);
    if (command != QLatin1String("config") && command != QLatin1String("download")) {
        err << "error: unknown command \"" << command.value_or(QString()) << "\"\n" << kUsage;
        return 2;
    }

    // A command's embedded agent does what it was asked, not the rest of the queue.
    opendo::agent::Agent agent({dataDir.value_or(QString()), proxy.value_or(QString()), false});
    const QString startError = agent.start().result();
    if (!startError.isEmpty()) {
        err << "error: " << startError << '\n';
        return 1;
    }
    const int rc = command == QLatin1String("download")
                       ? opendo::cli::runDownloadCommand(agent, args, out, err)
                       : opendo::cli::runConfigCommand(agent, args, out, err);
    if (rc == 0 && !args.remaining().isEmpty()) {
        err << "warning: ignored arguments: " << args.remaining().join(QLatin1Char(' ')) << '\n';
    }
    return rc;
}
