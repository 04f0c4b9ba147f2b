#include "PerfSnapCommand.h"

#include "agent/Agent.h"
#include "stats/TransferHistory.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonObject>

namespace opendo::cli {

namespace {

using transfer::SourceClass;

const char* const kUsage = "usage: doctl perfsnap --month [--json]\n"
                           "  this month's downloads by source and uploads by peer class\n";

qint64 bytesOf(const stats::ClassBytes& bytes, SourceClass cls)
{
    return bytes[size_t(cls)];
}

} // namespace

int runPerfSnapCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err)
{
    const bool month = args.takeFlag(QStringLiteral("month"));
    const bool json = args.takeFlag(QStringLiteral("json"));
    if (!month) {
        // The device-wide snapshot (files, cache, connections, CPU) comes with the statistics
        // work; the monthly counters exist now.
        err << "error: only the monthly figures are available: doctl perfsnap --month\n" << kUsage;
        return 2;
    }
    const QDate today = QDate::currentDate();
    const stats::MonthTotals totals = agent.monthTotals(today).result();
    const qint64 capGb = agent.policySnapshot().number(QStringLiteral("DOMonthlyUploadDataCap"));
    const qint64 uploadInternet = bytesOf(totals.up, SourceClass::InternetPeer);
    const bool capReached = capGb > 0 && uploadInternet >= capGb * 1024 * 1024 * 1024;
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
        {QStringLiteral("UploadLimitReached"), capReached},
    };
    if (json) {
        QJsonObject o;
        for (const auto& [name, value] : fields)
            o[name] = value;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return 0;
    }
    for (const auto& [name, value] : fields) {
        out << qSetFieldWidth(24) << Qt::left << name << qSetFieldWidth(0) << ": "
            << (value.isBool() ? (value.toBool() ? QStringLiteral("True") : QStringLiteral("False"))
                : value.isString() ? value.toString()
                                   : QString::number(value.toInteger()))
            << '\n';
    }
    return 0;
}

} // namespace opendo::cli
