#include "StatusCommand.h"

#include "CliText.h"
#include "agent/Agent.h"
#include "transfer/JobStatusJson.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <algorithm>

namespace opendo::cli {

using transfer::JobState;
using transfer::JobStatus;

namespace {

constexpr int kJobsSnapshotWaitMs = 1000;

QString percentDone(const JobStatus& s)
{
    // Finished is finished, even once the cache has let go of the file.
    if (transfer::hasCompleted(s.state))
        return QStringLiteral("100.0");
    if (s.fileSize <= 0)
        return QStringLiteral("-");
    return QString::number(100.0 * double(s.fileSizeInCache) / double(s.fileSize), 'f', 1);
}

void printTable(const QList<JobStatus>& jobs, QTextStream& out)
{
    const QStringList header{QStringLiteral("JobId"),         QStringLiteral("FileName"),
                             QStringLiteral("Status"),        QStringLiteral("Size"),
                             QStringLiteral("Percent"),       QStringLiteral("BytesFromHttp"),
                             QStringLiteral("BytesFromPeers")};
    constexpr qsizetype kFirstNumericColumn = 3;
    QList<QStringList> rows{header};
    for (const JobStatus& s : jobs) {
        rows << QStringList{s.jobId,
                            s.fileName.isEmpty() ? QStringLiteral("-") : s.fileName,
                            transfer::jobStateName(s.state),
                            s.fileSize < 0 ? QStringLiteral("-") : QString::number(s.fileSize),
                            percentDone(s),
                            QString::number(s.bytesFromHttp),
                            QString::number(s.bytesFromPeers)};
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const QStringList& row : rows) {
        for (qsizetype c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row[c].size());
    }
    for (const QStringList& row : rows) {
        QString line;
        for (qsizetype c = 0; c < row.size(); ++c) {
            if (c > 0)
                line += QStringLiteral("  ");
            line += c >= kFirstNumericColumn ? row[c].rightJustified(widths[c])
                                             : row[c].leftJustified(widths[c]);
        }
        out << line.trimmed() << '\n';
    }
}

} // namespace

// An agent started a moment ago publishes its jobs from its own thread; an empty list may only
// mean that the first snapshot has not been announced yet.
QList<JobStatus> jobsOf(agent::Agent& agent, const CommandOptions& options)
{
    QList<JobStatus> jobs = agent.jobs();
    if (!jobs.isEmpty() || !options.freshAgent)
        return jobs;
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(&agent, &agent::Agent::jobsChanged, &loop, &QEventLoop::quit);
    timeout.start(kJobsSnapshotWaitMs);
    loop.exec();
    return agent.jobs();
}

void printJobStatus(const JobStatus& s, QTextStream& out)
{
    const QJsonObject o = transfer::jobStatusToJson(s);
    for (const QString& key : transfer::jobStatusFieldOrder()) {
        const QJsonValue v = o.value(key);
        QString text; // null (e.g. ExpireOn before completion) prints as nothing, as in DO
        if (v.isNull() || v.isUndefined())
            text.clear();
        else if (v.isString())
            text = v.toString();
        else if (v.isBool())
            text = v.toBool() ? QStringLiteral("True") : QStringLiteral("False");
        else if (v.toDouble() == double(v.toInteger()))
            text = QString::number(v.toInteger());
        else
            text = QString::number(v.toDouble(), 'f', 1);
        out << qSetFieldWidth(22) << Qt::left << key << qSetFieldWidth(0) << ": " << text << '\n';
    }
}

int runStatusCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                     const CommandOptions& options)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    const auto wanted = args.takePositional();
    const QList<JobStatus> jobs = jobsOf(agent, options);
    if (!wanted) {
        if (json) {
            QJsonArray rows;
            for (const JobStatus& s : jobs)
                rows << transfer::jobStatusToJson(s);
            out << QJsonDocument(rows).toJson(QJsonDocument::Indented);
        } else if (jobs.isEmpty()) {
            out << QCoreApplication::translate("doctl", "no downloads") << '\n';
        } else {
            printTable(jobs, out);
        }
        return 0;
    }

    QList<JobStatus> matches;
    for (const JobStatus& s : jobs) {
        if (s.jobId.compare(*wanted, Qt::CaseInsensitive) == 0) {
            matches = {s};
            break;
        }
        if (!wanted->isEmpty() && s.jobId.startsWith(*wanted, Qt::CaseInsensitive))
            matches << s;
    }
    if (matches.size() != 1) {
        err << errorLine(
            (matches.isEmpty()
                 ? QCoreApplication::translate("doctl",
                                               "there is no download job %1 (see: doctl status)")
                 : QCoreApplication::translate(
                       "doctl", "%1 matches more than one download job (see: doctl status)"))
                .arg(*wanted));
        return 1;
    }
    if (json)
        out << QJsonDocument(transfer::jobStatusToJson(matches.constFirst()))
                   .toJson(QJsonDocument::Indented);
    else
        printJobStatus(matches.constFirst(), out);
    return 0;
}

} // namespace opendo::cli
