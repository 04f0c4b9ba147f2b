#include "PerfSnapCommand.h"

#include "CliText.h"
#include "agent/Agent.h"
#include "stats/PerfSnapJson.h"
#include "stats/TransferHistory.h"

#include <QCoreApplication>
#include <QDate>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

namespace opendo::cli {

namespace {

const char* const kPerfSnapUsage = QT_TRANSLATE_NOOP(
    "doctl", "usage: doctl perfsnap [--month] [--json]\n"
             "  the device-wide snapshot, or with --month this month's downloads by\n"
             "  source and uploads by peer class\n");
constexpr int kDeviceSnapshotWaitMs = 3'000;

void print(const QList<QPair<QString, QJsonValue>>& fields, bool json, QTextStream& out)
{
    if (json) {
        QJsonObject o;
        for (const auto& [name, value] : fields)
            o[name] = value;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return;
    }
    for (const auto& [name, value] : fields) {
        out << qSetFieldWidth(28) << Qt::left << name << qSetFieldWidth(0) << ": "
            << (value.isNull() ? QString()
                : value.isBool()
                    ? (value.toBool() ? QStringLiteral("True") : QStringLiteral("False"))
                : value.isString() ? value.toString()
                : value.isDouble() && value.toDouble() != double(value.toInteger())
                    ? QString::number(value.toDouble(), 'f', 1)
                    : QString::number(value.toInteger()))
            << '\n';
    }
}

// Get-DeliveryOptimizationPerfSnap: the device now. Totals count since the agent started.
int printDeviceSnapshot(agent::Agent& agent, bool json, QTextStream& out, QTextStream& err)
{
    QDeadlineTimer deadline(kDeviceSnapshotWaitMs);
    while (!(agent.hasDeviceStats() && agent.hasPeerActivity()) && !deadline.hasExpired())
        QThread::msleep(50);
    if (!agent.hasDeviceStats()) {
        err << errorLine(
            QCoreApplication::translate("doctl", "the agent published no statistics yet"));
        return 1;
    }
    const stats::DeviceStats d = agent.deviceStats();
    const agent::PeerActivity peers = agent.peerActivity();
    const QList<transfer::JobStatus> jobs = agent.jobs();
    print(stats::perfSnapFields(d, peers, jobs), json, out);
    return 0;
}

} // namespace

int runPerfSnapCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const bool month = args.takeFlag(QStringLiteral("month"));
    const bool json = args.takeFlag(QStringLiteral("json"));
    if (!args.remaining().isEmpty()) {
        err << QCoreApplication::translate("doctl", kPerfSnapUsage);
        return 2;
    }
    if (!month)
        return printDeviceSnapshot(agent, json, out, err);
    const QDate today = QDate::currentDate();
    const stats::MonthTotals totals = agent.monthTotals(today).result();
    const qint64 capGb = agent.policySnapshot().number(QStringLiteral("DOMonthlyUploadDataCap"));
    print(stats::perfSnapMonthFields(totals, today, capGb), json, out);
    return 0;
}

} // namespace opendo::cli
