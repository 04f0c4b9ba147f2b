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
#include <cmath>

namespace opendo::cli {

namespace {

using transfer::SourceClass;

const char* const kUsage = QT_TRANSLATE_NOOP(
    "doctl", "usage: doctl perfsnap [--month] [--json]\n"
             "  the device-wide snapshot, or with --month this month's downloads by\n"
             "  source and uploads by peer class\n");
constexpr int kFirstSnapshotWaitMs = 3'000;

qint64 bytesOf(const stats::ClassBytes& bytes, SourceClass cls)
{
    return bytes[size_t(cls)];
}

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
    QDeadlineTimer deadline(kFirstSnapshotWaitMs);
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
        err << QCoreApplication::translate("doctl", kUsage);
        return 2;
    }
    if (!month)
        return printDeviceSnapshot(agent, json, out, err);
    const QDate today = QDate::currentDate();
    const stats::MonthTotals totals = agent.monthTotals(today).result();
    const qint64 capGb = agent.policySnapshot().number(QStringLiteral("DOMonthlyUploadDataCap"));
    const qint64 uploadInternet = bytesOf(totals.up, SourceClass::InternetPeer);
    // The cap as the upload gate enforces it: GB of 1024^3 bytes, against the ledger's uploads to
    // Internet peers (MonthTotals::capCountedBytes), not against the history's figure above.
    const qint64 capBytes = qMax<qint64>(0, capGb) * 1024 * 1024 * 1024;
    const qint64 counted = totals.capCountedBytes;
    const bool capReached = capBytes > 0 && counted >= capBytes;
    const QJsonValue countedValue = counted >= 0 ? QJsonValue(counted) : QJsonValue();
    const QJsonValue percentValue =
        capBytes > 0 && counted >= 0
            ? QJsonValue(std::round(1000.0 * double(counted) / double(capBytes)) / 10.0)
            : QJsonValue();
    // Field names of Get-DeliveryOptimizationPerfSnapThisMonth (current builds), plus the group
    // classes that DO folds into LAN.
    const QList<QPair<QString, QJsonValue>> fields = {
        {QStringLiteral("MonthStartDate"),
         QDate(today.year(), today.month(), 1).startOfDay().toString(Qt::ISODate)},
        {QStringLiteral("DownloadHttpBytes"), bytesOf(totals.down, SourceClass::Http)},
        {QStringLiteral("DownloadCacheHostBytes"), bytesOf(totals.down, SourceClass::CacheServer)},
        {QStringLiteral("DownloadLanBytes"), bytesOf(totals.down, SourceClass::LanPeer)},
        {QStringLiteral("DownloadGroupBytes"), bytesOf(totals.down, SourceClass::GroupPeer)},
        {QStringLiteral("DownloadInternetBytes"), bytesOf(totals.down, SourceClass::InternetPeer)},
        {QStringLiteral("UploadLanBytes"), bytesOf(totals.up, SourceClass::LanPeer)},
        {QStringLiteral("UploadGroupBytes"), bytesOf(totals.up, SourceClass::GroupPeer)},
        {QStringLiteral("UploadInternetBytes"), uploadInternet},
        // Average speed while downloads of that priority moved: bytes/s × 8 / 1024, as DO's
        // module computes it.
        {QStringLiteral("DownloadFgRateKbps"), totals.foregroundRate * 8 / 1024},
        {QStringLiteral("DownloadBgRateKbps"), totals.backgroundRate * 8 / 1024},
        {QStringLiteral("UploadLimitReached"), capReached},
        // Beyond DO: the cap (DOMonthlyUploadDataCap in bytes, 0 = none), what counts against
        // it this month and the share used; null when the ledger cannot be read.
        {QStringLiteral("UploadLimitBytes"), capBytes},
        {QStringLiteral("UploadLimitUsedBytes"), countedValue},
        {QStringLiteral("UploadLimitUsedPct"), percentValue},
    };
    print(fields, json, out);
    return 0;
}

} // namespace opendo::cli
