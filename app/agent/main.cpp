// do-agent: the Delivery Optimization agent as a headless service. It downloads, caches and
// serves content to peers until stopped; doctl talks to it through the control endpoint in its
// data directory.

#include "ControlServer.h"
#include "CrashReport.h"
#include "SignalWatcher.h"
#include "StderrLog.h"
#include "Translations.h"
#include "agent/Agent.h"
#include "agent/AgentSettings.h"
#include "log/LogBuffer.h"
#include "log/LogCategories.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char* argv[])
{
    opendo::agentapp::installCrashReport();
    QCoreApplication app(argc, argv);
    opendo::i18n::installTranslations(app, QString());
    QCoreApplication::setOrganizationName(QStringLiteral("OpenDO"));
    QCoreApplication::setApplicationName(QStringLiteral("do-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPENDO_VERSION));
    qInstallMessageHandler(logToStderr);
    opendo::log::LogBuffer::install(); // doctl log reads it; stderr output stays as it is

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "do-agent", "The OpenDO agent: peer-assisted downloads and cache as a headless service."));
    parser.addHelpOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("do-agent", "State and cache folder (default: %1).")
            .arg(opendo::agent::Agent::defaultDataDir()),
        QStringLiteral("DIR"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QCoreApplication::translate("do-agent",
                                                                "Address and port peers connect to "
                                                                "(default 0.0.0.0:7680)."),
                                    QStringLiteral("ADDR:PORT"));
    const QCommandLineOption peer(
        QStringLiteral("peer"),
        QCoreApplication::translate("do-agent", "A peer every download tries; repeatable."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption proxy(
        QStringLiteral("proxy"),
        QCoreApplication::translate("do-agent", "HTTP proxy for the origin (default: the "
                                                "http_proxy/https_proxy environment)."),
        QStringLiteral("URL"));
    const QCommandLineOption discovery(
        QStringLiteral("discovery"),
        QCoreApplication::translate(
            "do-agent", "Discovery service base URL, e.g. http://192.0.2.10:7681 (default: the "
                        "DiscoveryUrl setting; without either, only --peer peers are used)."),
        QStringLiteral("URL"));
    parser.addOptions({dataDir, listen, peer, proxy, discovery});
    parser.process(app);

    opendo::agent::AgentOptions options;
    options.dataDir =
        parser.isSet(dataDir) ? parser.value(dataDir) : opendo::agent::Agent::defaultDataDir();
    options.httpProxy = parser.value(proxy);
    if (parser.isSet(listen))
        options.listen = parser.value(listen);
    options.listenRequired = true;
    options.staticPeers = parser.values(peer);
    options.discoveryUrl = parser.value(discovery);
    if (!options.discoveryUrl.isEmpty()) {
        if (const QString why = opendo::agent::checkAgentSetting(
                QString::fromLatin1(opendo::agent::kDiscoveryUrlSetting), options.discoveryUrl);
            !why.isEmpty()) {
            std::fprintf(stderr, "do-agent: --discovery: %s\n", qPrintable(why));
            return 2;
        }
    }

    opendo::agent::Agent agent(options);
    const QString startError = agent.start().result();
    if (!startError.isEmpty()) {
        std::fprintf(stderr, "do-agent: %s\n", qUtf8Printable(startError));
        return 1;
    }
    opendo::cli::ControlServer control(agent, options.dataDir);
    QString controlError;
    if (!control.listen(&controlError)) {
        std::fprintf(stderr, "do-agent: %s\n", qUtf8Printable(controlError));
        return 1;
    }
    opendo::agentapp::SignalWatcher signals;
    QObject::connect(&signals, &opendo::agentapp::SignalWatcher::stopRequested, &app,
                     [](int number) {
                         qCInfo(opendo::log::lcAgent) << "stopping on signal" << number;
                         QCoreApplication::quit();
                     });
    qCInfo(opendo::log::lcAgent).noquote() << "agent running on" << options.dataDir;
    return app.exec();
}
