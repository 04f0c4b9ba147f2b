#include "ConsoleOptions.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace opendo::console {

std::optional<ConsoleOptions> parseConsoleOptions(const QStringList& arguments, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "opendo::console", "OpenDO console: Delivery Optimization administration with an "
                           "embedded agent."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("opendo::console", "Agent data directory (database and "
                                                       "cache)."),
        QStringLiteral("DIR"));
    const QCommandLineOption language(
        QStringLiteral("lang"),
        QCoreApplication::translate("opendo::console",
                                    "User interface language (en, de); overrides the setting."),
        QStringLiteral("CODE"));
    const QCommandLineOption panel(
        QStringLiteral("panel"),
        QCoreApplication::translate("opendo::console", "Panel to show first."),
        QStringLiteral("NAME"));
    const QCommandLineOption discovery(
        QStringLiteral("discovery"),
        QCoreApplication::translate("opendo::console",
                                    "Use this discovery service (http://HOST:PORT) instead of "
                                    "the built-in one."),
        QStringLiteral("URL"));
    const QCommandLineOption builtin(
        QStringLiteral("builtin-discovery"),
        QCoreApplication::translate("opendo::console",
                                    "Address and port of the built-in discovery service "
                                    "(default 127.0.0.1:7681; another free port if taken)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("opendo::console",
                                    "Address and port peers connect to (default 0.0.0.0:7680)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption screenshots(
        QStringLiteral("screenshots"),
        QCoreApplication::translate("opendo::console",
                                    "Save a picture of every panel into DIR, then quit."),
        QStringLiteral("DIR"));
    const QCommandLineOption screenshotDelay(
        QStringLiteral("screenshots-after"),
        QCoreApplication::translate("opendo::console",
                                    "Seconds to wait before --screenshots (default 10)."),
        QStringLiteral("SECONDS"));
    parser.addOptions({dataDir, language, panel, discovery, builtin, listen, screenshots,
                       screenshotDelay});
    parser.process(arguments); // exits for --help/--version and on unknown options
    ConsoleOptions options;
    options.dataDir = parser.value(dataDir);
    options.language = parser.value(language);
    options.panel = parser.value(panel);
    options.discoveryUrl = parser.value(discovery);
    if (parser.isSet(builtin))
        options.builtinDiscovery = parser.value(builtin);
    if (parser.isSet(listen))
        options.listen = parser.value(listen);
    options.screenshotDir = parser.value(screenshots);
    if (parser.isSet(screenshotDelay)) {
        bool ok = false;
        options.screenshotDelay = parser.value(screenshotDelay).toInt(&ok);
        if (!ok || options.screenshotDelay < 0) {
            *error = QCoreApplication::translate("opendo::console",
                                                 "--screenshots-after needs a number of seconds.");
            return std::nullopt;
        }
    }
    if (!options.language.isEmpty() && options.language != QLatin1String("en") &&
        options.language != QLatin1String("de")) {
        *error =
            QCoreApplication::translate("opendo::console", "Unknown language \"%1\"; use en or de.")
                .arg(options.language);
        return std::nullopt;
    }
    return options;
}

} // namespace opendo::console
