#pragma once

// Command-line options of do-console.

#include <QString>
#include <QStringList>
#include <optional>

namespace opendo::console {

struct ConsoleOptions
{
    QString dataDir;  // "" = the user's data location
    QString language; // "" = follow the saved override, else the system locale
    QString panel;    // panel to show first (e.g. "policy")
    // A discovery service elsewhere; "" = run the built-in one on builtinDiscovery.
    QString discoveryUrl;
    QString builtinDiscovery = QStringLiteral("127.0.0.1:7681");
    QString listen = QStringLiteral("0.0.0.0:7680"); // where peers reach the embedded agent
    QString screenshotDir;    // save every panel there after screenshotDelay seconds, then quit
    int screenshotDelay = 10;
};

// nullopt + message when the arguments are wrong; --help prints usage and exits elsewhere.
std::optional<ConsoleOptions> parseConsoleOptions(const QStringList& arguments, QString* error);

} // namespace opendo::console
