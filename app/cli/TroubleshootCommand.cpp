#include "TroubleshootCommand.h"

#include "CliText.h"
#include "agent/Agent.h"
#include "diagnostics/CheckCatalog.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>

namespace opendo::cli {

namespace {

const char* const kTroubleshootUsage = QT_TRANSLATE_NOOP(
    "doctl",
    "usage: doctl troubleshoot [--p2p] [--cache-server] [--json] [--peer ADDR:PORT] [--url URL]\n"
    "                          [--download JOBID] [--timeout SECONDS]\n"
    "       doctl troubleshoot --bundle FILE\n"
    "  --p2p            device, connection and peer checks (default: every check)\n"
    "  --cache-server   device, connection and cache-server checks\n"
    "  --peer ADDR:PORT also test a TCP connection to that peer\n"
    "  --url URL        test byte-range support of this origin (default: latest download's)\n"
    "  --download JOBID trace only this download's way to its peer share\n"
    "  --bundle FILE    write the support bundle (.tar.gz) instead\n"
    "exit status: 0 no check failed, 1 a check failed, 2 usage error\n");

QString marker(diagnostics::Verdict verdict)
{
    switch (verdict) {
    case diagnostics::Verdict::Pass:
        return QStringLiteral("[PASS]");
    case diagnostics::Verdict::Warn:
        return QStringLiteral("[WARN]");
    case diagnostics::Verdict::Fail:
        return QStringLiteral("[FAIL]");
    case diagnostics::Verdict::NotApplicable:
        break;
    }
    return QStringLiteral("[ -- ]");
}

void printReport(const diagnostics::DiagnosticReport& report, QTextStream& out)
{
    std::optional<diagnostics::CheckGroup> group;
    for (const diagnostics::CheckResult& r : report.results) {
        if (group != r.group) {
            group = r.group;
            out << '\n' << diagnostics::checkGroupLabel(r.group) << '\n';
        }
        out << "  " << marker(r.verdict) << ' ' << r.title << ": " << r.summary << '\n';
        if (r.verdict == diagnostics::Verdict::Pass ||
            r.verdict == diagnostics::Verdict::NotApplicable)
            continue;
        for (const QString& e : r.evidence)
            out << "         - " << e << '\n';
        if (!r.remedy.isEmpty())
            out << "         " << QCoreApplication::translate("doctl", "fix: %1").arg(r.remedy)
                << '\n';
    }
    for (const diagnostics::DownloadTrace& t : report.traces) {
        out << '\n'
            << QCoreApplication::translate("doctl", "Download %1 (%2)").arg(t.fileName, t.jobId)
            << '\n';
        for (const diagnostics::TraceStep& s : t.steps)
            out << "  "
                << (s.passed ? QCoreApplication::translate("doctl", "ok", "a passed step")
                             : QCoreApplication::translate("doctl", "NO", "a failed step"))
                       .leftJustified(4)
                << s.gate << " — " << s.detail << '\n';
        out << "  => " << t.conclusion << '\n';
    }
    out << '\n'
        << QCoreApplication::translate("doctl", "%1 passed, %2 warning(s), %3 failed (%4 ms)")
               .arg(report.count(diagnostics::Verdict::Pass))
               .arg(report.count(diagnostics::Verdict::Warn))
               .arg(report.count(diagnostics::Verdict::Fail))
               .arg(report.elapsedMs)
        << '\n';
}

} // namespace

int runTroubleshootCommand(agent::Agent& agent, CliArguments& args, QTextStream& out,
                           QTextStream& err, const CommandOptions& options)
{
    QString error;
    const bool p2p = args.takeFlag(QStringLiteral("p2p"));
    const bool cacheServer = args.takeFlag(QStringLiteral("cache-server"));
    const bool json = args.takeFlag(QStringLiteral("json"));
    const auto bundle = args.takeOption(QStringLiteral("bundle"), &error);
    const auto peer =
        error.isEmpty() ? args.takeOption(QStringLiteral("peer"), &error) : std::nullopt;
    const auto url =
        error.isEmpty() ? args.takeOption(QStringLiteral("url"), &error) : std::nullopt;
    const auto download =
        error.isEmpty() ? args.takeOption(QStringLiteral("download"), &error) : std::nullopt;
    const auto timeout =
        error.isEmpty() ? args.takeOption(QStringLiteral("timeout"), &error) : std::nullopt;
    if (!error.isEmpty() || !args.remaining().isEmpty()) {
        if (!error.isEmpty())
            err << errorLine(error);
        err << QCoreApplication::translate("doctl", kTroubleshootUsage);
        return 2;
    }
    if (bundle) {
        const QString path = QDir::cleanPath(*bundle);
        const QString bundleError = agent.writeSupportBundle(path, options.freshAgent).result();
        if (!bundleError.isEmpty()) {
            err << errorLine(bundleError);
            return 1;
        }
        out << QCoreApplication::translate("doctl", "Support bundle written to %1")
                   .arg(QDir::toNativeSeparators(path))
            << '\n';
        return 0;
    }
    diagnostics::DiagnosticRequest request;
    request.set = p2p && cacheServer ? diagnostics::CheckSet::All
                  : p2p              ? diagnostics::CheckSet::PeerToPeer
                  : cacheServer      ? diagnostics::CheckSet::CacheServer
                                     : diagnostics::CheckSet::All;
    request.temporaryAgent = options.freshAgent;
    request.originUrl = url.value_or(QString());
    request.traceJobId = download.value_or(QString());
    if (peer) {
        request.peerEndpoint = *peer;
        request.checkIds = diagnostics::checkIdsFor(request.set);
        request.checkIds << QStringLiteral("connection.peer_test");
    }
    if (timeout) {
        bool ok = false;
        const int seconds = timeout->toInt(&ok);
        if (!ok || seconds < 1 || seconds > 120) {
            err << errorLine(QCoreApplication::translate(
                                 "doctl", "--timeout must be 1 to 120 seconds, not \"%1\"")
                                 .arg(*timeout));
            return 2;
        }
        request.timeoutMs = seconds * 1000;
    }
    const diagnostics::DiagnosticReport report = agent.runDiagnostics(request).result();
    if (json)
        out << QJsonDocument(diagnostics::diagnosticReportToJson(report))
                   .toJson(QJsonDocument::Indented);
    else
        printReport(report, out);
    return report.hasFailure() ? 1 : 0;
}

} // namespace opendo::cli
