// do-discovery: the coordination service agents announce to — a BitTorrent HTTP tracker with the
// Delivery Optimization extensions, plus content publishing and health/metrics endpoints.

#include "SignalWatcher.h"
#include "StderrLog.h"
#include "Translations.h"
#include "discovery/server/DiscoveryServer.h"
#include "transfer/PeerEndpoint.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <cstdio>

namespace {

Q_LOGGING_CATEGORY(lcMain, "opendo.discovery.main")

constexpr int kExitStartFailure = 1;
constexpr int kExitBadArguments = 2;

int fail(int code, const QString& message)
{
    std::fprintf(stderr, "do-discovery: %s\n", qUtf8Printable(message));
    return code;
}

// Strict whole-string integer parsing: "60s" or "" are mistakes worth reporting.
bool parseInt(const QString& text, int minimum, int* value)
{
    bool ok = false;
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum)
        return false;
    *value = parsed;
    return true;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    opendo::i18n::installTranslations(app, QString());
    QCoreApplication::setOrganizationName(QStringLiteral("OpenDO"));
    QCoreApplication::setApplicationName(QStringLiteral("do-discovery"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPENDO_VERSION));
    qInstallMessageHandler(logToStderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "do-discovery",
        "The OpenDO discovery service: a BitTorrent tracker with Delivery Optimization "
        "download modes, swarm keys and content publishing."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("do-discovery",
                                    "Address and port to serve on; *:PORT serves every IPv4 and "
                                    "IPv6 address (default *:7681)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption db(
        QStringLiteral("db"),
        QCoreApplication::translate("do-discovery",
                                    "SQLite file keeping published content, registrations and "
                                    "the swarm key secret across restarts (default: memory "
                                    "only)."),
        QStringLiteral("FILE"));
    const QCommandLineOption interval(
        QStringLiteral("interval"),
        QCoreApplication::translate("do-discovery",
                                    "Announce interval in seconds (default 60, at least 1)."),
        QStringLiteral("SECONDS"));
    const QCommandLineOption maxPeers(
        QStringLiteral("max-peers"),
        QCoreApplication::translate("do-discovery",
                                    "Most peers in one announce response (default 50)."),
        QStringLiteral("N"));
    const QCommandLineOption rateLimit(
        QStringLiteral("rate-limit"),
        QCoreApplication::translate("do-discovery",
                                    "Requests per second per client address (default "
                                    "200, 0 = unlimited)."),
        QStringLiteral("N"));
    const QCommandLineOption natMap(
        QStringLiteral("nat-map"),
        QCoreApplication::translate("do-discovery",
                                    "Treat client addresses as behind a NAT with the given "
                                    "public address, e.g. 127.0.0.2-127.0.0.3=203.0.113.1 "
                                    "or 127.0.0.0/30=203.0.113.1; repeatable."),
        QStringLiteral("RULE"));
    const QCommandLineOption cacheHost(
        QStringLiteral("cache-host"),
        QCoreApplication::translate(
            "do-discovery",
            "Name cache servers to devices, e.g. 10.1.0.0/16=cache1:8080,cache2 or just "
            "cache.example.com for every device; the first rule whose subnet holds the device "
            "applies; repeatable."),
        QStringLiteral("RULE"));
    const QCommandLineOption publish(
        QStringLiteral("publish"),
        QCoreApplication::translate("do-discovery",
                                    "Publish a .torrent file at start; repeatable."),
        QStringLiteral("FILE"));
    const QCommandLineOption publishToken(
        QStringLiteral("publish-token"),
        QCoreApplication::translate("do-discovery",
                                    "Accept POST /v1/publish only with \"Authorization: Bearer "
                                    "TOKEN\" (default: only from loopback clients)."),
        QStringLiteral("TOKEN"));
    const QCommandLineOption publishTokenFile(
        QStringLiteral("publish-token-file"),
        QCoreApplication::translate("do-discovery",
                                    "Same as --publish-token with the token read from the first "
                                    "line of FILE (keeps it out of the process list)."),
        QStringLiteral("FILE"));
    const QCommandLineOption maxPublished(
        QStringLiteral("max-published"),
        QCoreApplication::translate("do-discovery",
                                    "Most contents the catalogue holds (default 10000)."),
        QStringLiteral("N"));
    parser.addOptions({listen, db, interval, maxPeers, rateLimit, natMap, cacheHost, publish,
                       publishToken, publishTokenFile, maxPublished});

    if (!parser.parse(QCoreApplication::arguments()))
        return fail(kExitBadArguments, parser.errorText());
    if (parser.isSet(help))
        parser.showHelp(0);
    if (parser.isSet(version))
        parser.showVersion();
    if (!parser.positionalArguments().isEmpty()) {
        return fail(kExitBadArguments,
                    QCoreApplication::translate("do-discovery", "Unexpected argument: %1")
                        .arg(parser.positionalArguments().constFirst()));
    }

    opendo::discovery::DiscoveryServerOptions options;
    // Dual-stack by default: devices announce over whichever family they have (BEP 7).
    options.address = QHostAddress(QHostAddress::Any);
    options.port = 7681;
    if (parser.isSet(listen)) {
        QString error;
        QString value = parser.value(listen);
        const bool everyAddress = value.startsWith(QLatin1String("*:"));
        if (everyAddress)
            value.replace(0, 1, QStringLiteral("0.0.0.0"));
        auto endpoint = opendo::transfer::parsePeerEndpoint(value, &error, true);
        if (endpoint && everyAddress)
            endpoint->address = QHostAddress(QHostAddress::Any);
        if (!endpoint)
            return fail(kExitBadArguments,
                        QCoreApplication::translate("do-discovery", "--listen: %1").arg(error));
        options.address = endpoint->address;
        options.port = endpoint->port;
    }
    options.databasePath = parser.value(db);
    if (parser.isSet(interval) && !parseInt(parser.value(interval), 1, &options.intervalSeconds)) {
        return fail(
            kExitBadArguments,
            QCoreApplication::translate(
                "do-discovery", "--interval needs a whole number of seconds, at least 1: %1")
                .arg(parser.value(interval)));
    }
    if (parser.isSet(maxPeers) &&
        !parseInt(parser.value(maxPeers), 0, &options.maxPeersPerResponse)) {
        return fail(kExitBadArguments,
                    QCoreApplication::translate(
                        "do-discovery", "--max-peers needs a number of peers, 0 or more: %1")
                        .arg(parser.value(maxPeers)));
    }
    if (parser.isSet(rateLimit)) {
        int perSecond = 0;
        if (!parseInt(parser.value(rateLimit), 0, &perSecond)) {
            return fail(
                kExitBadArguments,
                QCoreApplication::translate(
                    "do-discovery", "--rate-limit needs requests per second, 0 for unlimited: %1")
                    .arg(parser.value(rateLimit)));
        }
        options.requestsPerSecondPerAddress = perSecond;
        // Two seconds' worth at once lets an agent that starts many downloads announce them.
        options.burstPerAddress = 2.0 * perSecond;
    }
    for (const QString& rule : parser.values(natMap)) {
        QString error;
        if (!options.natMap.addRule(rule, &error))
            return fail(
                kExitBadArguments,
                QCoreApplication::translate("do-discovery", "--nat-map %1: %2").arg(rule, error));
    }
    for (const QString& rule : parser.values(cacheHost)) {
        QString error;
        const auto assignment = opendo::discovery::parseCacheHostAssignment(rule, &error);
        if (!assignment)
            return fail(kExitBadArguments,
                        QCoreApplication::translate("do-discovery", "--cache-host: %1").arg(error));
        options.cacheHosts << *assignment;
    }
    if (parser.isSet(publishToken) && parser.isSet(publishTokenFile)) {
        return fail(kExitBadArguments,
                    QCoreApplication::translate(
                        "do-discovery", "--publish-token and --publish-token-file exclude each "
                                        "other"));
    }
    if (parser.isSet(publishToken)) {
        options.publishToken = parser.value(publishToken);
        if (options.publishToken.trimmed().isEmpty() ||
            options.publishToken != options.publishToken.trimmed())
            return fail(
                kExitBadArguments,
                QCoreApplication::translate(
                    "do-discovery", "--publish-token needs a token without spaces at either end"));
    }
    if (parser.isSet(publishTokenFile)) {
        QFile file(parser.value(publishTokenFile));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(kExitBadArguments,
                        QCoreApplication::translate("do-discovery",
                                                    "--publish-token-file: cannot read %1: %2")
                            .arg(file.fileName(), file.errorString()));
        }
        options.publishToken = QString::fromUtf8(file.readLine(4096)).trimmed();
        if (options.publishToken.isEmpty())
            return fail(
                kExitBadArguments,
                QCoreApplication::translate("do-discovery", "--publish-token-file: %1 has no token")
                    .arg(file.fileName()));
    }
    if (parser.isSet(maxPublished) &&
        !parseInt(parser.value(maxPublished), 1, &options.maxPublished)) {
        return fail(
            kExitBadArguments,
            QCoreApplication::translate(
                "do-discovery", "--max-published needs a number of contents, at least 1: %1")
                .arg(parser.value(maxPublished)));
    }
    std::vector<std::pair<QString, QByteArray>> torrents;
    for (const QString& path : parser.values(publish)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(kExitBadArguments,
                        QCoreApplication::translate("do-discovery", "--publish: cannot read %1: %2")
                            .arg(path, file.errorString()));
        }
        torrents.emplace_back(path, file.read(opendo::discovery::kMaxPublishedMetainfoSize + 1));
    }

    // Installed before start so a stop request during start still shuts down cleanly.
    opendo::agentapp::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &opendo::agentapp::SignalWatcher::stopRequested, &app,
                     [](int number) {
                         qCInfo(lcMain) << "stopping on signal" << number;
                         QCoreApplication::quit();
                     });

    opendo::discovery::DiscoveryServer server(options);
    QString startError;
    if (!server.start(&startError))
        return fail(kExitStartFailure, startError);
    for (const auto& [path, torrent] : torrents) {
        const opendo::discovery::PublishResult result = server.publish(torrent);
        if (!result.ok)
            return fail(kExitBadArguments,
                        QCoreApplication::translate("do-discovery", "--publish %1: %2")
                            .arg(path, result.error));
    }

    const QByteArray ready = "do-discovery listening on " + server.baseUrl().toUtf8() + '\n';
    std::fwrite(ready.constData(), 1, size_t(ready.size()), stdout);
    std::fflush(stdout);
    return app.exec();
}
