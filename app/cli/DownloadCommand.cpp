#include "DownloadCommand.h"

#include "CliText.h"
#include "StatusCommand.h"
#include "agent/Agent.h"
#include "transfer/JobStatusJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QThread>

namespace opendo::cli {

using transfer::JobState;
using transfer::JobStatus;

namespace {

const char* const kDownloadUsage = QT_TRANSLATE_NOOP(
    "doctl", "usage: doctl [--data-dir DIR] [--proxy URL] download SOURCE [--out PATH] "
             "[--foreground|--background] [--json]\n"
             "SOURCE is an http(s) URL (HTTP only, never shared) or a .torrent metainfo file "
             "(verified piece by piece, kept in the cache for peers).\n");

void printProgress(const JobStatus& s, QTextStream& err)
{
    const double pct = s.fileSize > 0 ? 100.0 * double(s.fileSizeInCache) / double(s.fileSize) : 0;
    err << '\r'
        << QCoreApplication::translate("doctl", "%1 %2% %3 MiB/s")
               .arg(transfer::jobStateName(s.state), QString::number(pct, 'f', 1),
                    QString::number(double(s.bytesPerSecond) / 1048576.0, 'f', 1))
        << "   ";
    err.flush();
}

} // namespace

int runDownloadCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                       const CommandOptions& options)
{
    QString error;
    const auto outPath = args.takeOption(QStringLiteral("out"), &error);
    const bool json = args.takeFlag(QStringLiteral("json"));
    const bool background = args.takeFlag(QStringLiteral("background"));
    const bool foreground = args.takeFlag(QStringLiteral("foreground"));
    const auto source = args.takePositional();
    if (!error.isEmpty() || !source || (background && foreground)) {
        err << (error.isEmpty() ? QString() : errorLine(error))
            << QCoreApplication::translate("doctl", kDownloadUsage);
        return 2;
    }
    const transfer::AddDownloadResult added =
        agent.addDownload({*source, outPath.value_or(QString()), !background}).result();
    if (added.jobId.isEmpty()) {
        err << errorLine(added.error);
        return 1;
    }
    QFuture<JobStatus> settled = agent.waitForJob(added.jobId);
    const bool showProgress = !json && options.showProgress;
    // The agent works on its own thread; this one only watches.
    while (!settled.isFinished()) {
        if (options.stopping()) {
            if (showProgress)
                err << '\n';
            err << errorLine(
                QCoreApplication::translate(
                    "doctl", "the agent is shutting down; download %1 stays in its queue")
                    .arg(added.jobId));
            return 1;
        }
        QThread::msleep(200);
        if (showProgress) {
            for (const JobStatus& s : agent.jobs()) {
                if (s.jobId == added.jobId)
                    printProgress(s, err);
            }
        }
    }
    if (showProgress)
        err << '\n';
    const JobStatus status = settled.result();
    if (json)
        out << QJsonDocument(transfer::jobStatusToJson(status)).toJson(QJsonDocument::Indented);
    else
        printJobStatus(status, out);
    const bool ok = transfer::hasCompleted(status.state);
    if (!ok)
        err << errorLine(status.error.isEmpty() ? transfer::jobStateName(status.state)
                                                : status.error);
    return ok ? 0 : 1;
}

} // namespace opendo::cli
