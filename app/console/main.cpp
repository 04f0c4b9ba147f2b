// do-console: the administration GUI with an embedded DO agent.

#include "ConsoleOptions.h"
#include "ControlServer.h"
#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "discovery/server/EmbeddedDiscoveryServer.h"
#include "log/LogBuffer.h"
#include "panels/activity/ActivityPanel.h"
#include "panels/cache/CachePanel.h"
#include "panels/demo/SavingsDemoPanel.h"
#include "panels/downloads/DownloadsPanel.h"
#include "panels/log/LogPanel.h"
#include "panels/overview/OverviewPanel.h"
#include "panels/peers/PeersPanel.h"
#include "panels/policy/PolicyEditorPanel.h"
#include "panels/settings/AgentSettingsPanel.h"
#include "panels/sources/ByteSourcesPanel.h"
#include "panels/troubleshoot/DownloadTraceBox.h"
#include "panels/troubleshoot/TroubleshootPanel.h"
#include "shell/LanguageSettings.h"
#include "shell/MainWindow.h"
#include "transfer/PeerEndpoint.h"

#include <QApplication>
#include <QFutureWatcher>
#include <QIcon>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <memory>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    opendo::log::LogBuffer::install(); // the log viewer and doctl log read it
    QCoreApplication::setOrganizationName(QStringLiteral("OpenDO"));
    QCoreApplication::setApplicationName(QStringLiteral("do-console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(OPENDO_VERSION));
    QIcon icon(QStringLiteral(":/opendo/icons/opendo.png"));
    icon.addFile(QStringLiteral(":/opendo/icons/opendo-64.png"));
    QApplication::setWindowIcon(icon);

    QString error;
    const auto options = opendo::console::parseConsoleOptions(app.arguments(), &error);
    if (!options) {
        QMessageBox::critical(nullptr, QStringLiteral("OpenDO"), error);
        return 2;
    }
    opendo::ui::LanguageSettings::install(app, options->language);

    opendo::agent::AgentOptions agentOptions;
    agentOptions.dataDir = options->dataDir;
    agentOptions.listen = options->listen;
    agentOptions.discoveryUrl = options->discoveryUrl;
    opendo::agent::Agent agent(agentOptions);
    // A single workstation (and the demo) needs no server: the console brings its own.
    opendo::discovery::EmbeddedDiscoveryServer builtinDiscovery;
    if (options->discoveryUrl.isEmpty()) {
        QString endpointError;
        const auto endpoint =
            opendo::transfer::parsePeerEndpoint(options->builtinDiscovery, &endpointError, true);
        if (!endpoint) {
            QMessageBox::critical(nullptr, QStringLiteral("OpenDO"), endpointError);
            return 2;
        }
        opendo::discovery::DiscoveryServerOptions serverOptions;
        serverOptions.address = endpoint->address;
        serverOptions.port = endpoint->port;
        opendo::onResult(&app, builtinDiscovery.start(serverOptions),
                         [&agent, &builtinDiscovery](const QString& url) {
                             if (url.isEmpty())
                                 qWarning("built-in discovery service: %s",
                                          qUtf8Printable(builtinDiscovery.error()));
                             else
                                 agent.setDefaultDiscoveryUrl(url);
                         });
    }
    opendo::ui::MainWindow window(agent);
    auto* policyEditor = new opendo::ui::PolicyEditorPanel(agent);
    QObject::connect(policyEditor, &opendo::ui::PolicyEditorPanel::statusMessage, &window,
                     [&window](const QString& m) { window.statusBar()->showMessage(m, 8000); });
    auto add = [&window](const char* id, const char* title, QWidget* panel) {
        window.addPanel(QString::fromLatin1(id),
                        QCoreApplication::translate("opendo::console", title), panel);
    };
    add("overview", QT_TRANSLATE_NOOP("opendo::console", "Overview"),
        new opendo::ui::OverviewPanel(agent));
    auto* downloads = new opendo::ui::DownloadsPanel(agent);
    add("downloads", QT_TRANSLATE_NOOP("opendo::console", "Downloads"), downloads);
    add("peers", QT_TRANSLATE_NOOP("opendo::console", "Peers"), new opendo::ui::PeersPanel(agent));
    add("sources", QT_TRANSLATE_NOOP("opendo::console", "Byte sources"),
        new opendo::ui::ByteSourcesPanel(agent));
    add("cache", QT_TRANSLATE_NOOP("opendo::console", "Cache"), new opendo::ui::CachePanel(agent));
    add("activity", QT_TRANSLATE_NOOP("opendo::console", "Activity monitor"),
        new opendo::ui::ActivityPanel(agent));
    add("log", QT_TRANSLATE_NOOP("opendo::console", "Log"), new opendo::ui::LogPanel(agent));
    add("demo", QT_TRANSLATE_NOOP("opendo::console", "Peer-savings demo"),
        new opendo::ui::SavingsDemoPanel);
    add("policy", QT_TRANSLATE_NOOP("opendo::console", "Policy editor"), policyEditor);
    add("settings", QT_TRANSLATE_NOOP("opendo::console", "Agent settings"),
        new opendo::ui::AgentSettingsPanel(agent));
    // The troubleshooter's fixes are staged in the policy editor, never applied by themselves.
    auto stageFix = [&window, policyEditor](const QList<opendo::policy::PolicyChange>& changes,
                                            const QString& explanation) {
        policyEditor->stageChanges(changes, explanation);
        window.showPanel(QStringLiteral("policy"));
    };
    auto* troubleshoot = new opendo::ui::TroubleshootPanel(agent, stageFix);
    add("troubleshoot", QT_TRANSLATE_NOOP("opendo::console", "Troubleshooting"), troubleshoot);
    // "Why this share?" on a download opens its trace.
    QObject::connect(downloads, &opendo::ui::DownloadsPanel::traceRequested, troubleshoot,
                     [&window, troubleshoot](const QString& jobId) {
                         window.showPanel(QStringLiteral("troubleshoot"));
                         troubleshoot->traceBox().traceJob(jobId);
                     });
    if (!options->panel.isEmpty())
        window.showPanel(options->panel);
    window.show();
    if (!options->screenshotDir.isEmpty()) {
        QTimer::singleShot(options->screenshotDelay * 1000, &window, [&window, &options] {
            const QString failed = window.saveScreenshots(options->screenshotDir);
            if (!failed.isEmpty())
                qWarning("%s", qUtf8Printable(failed));
            QCoreApplication::exit(failed.isEmpty() ? 0 : 1);
        });
    }
    // doctl on the same data directory talks to this agent instead of opening a second one.
    std::unique_ptr<opendo::cli::ControlServer> control;
    opendo::onResult(
        &window, agent.start(), [&window, &agent, &control](const QString& startError) {
            window.agentStarted(startError);
            if (!startError.isEmpty())
                return;
            control = std::make_unique<opendo::cli::ControlServer>(agent, agent.options().dataDir);
            QString controlError;
            if (!control->listen(&controlError))
                qWarning("%s", qUtf8Printable(controlError));
        });
    return app.exec();
}
