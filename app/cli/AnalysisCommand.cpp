#include "AnalysisCommand.h"

#include "ConnectionList.h"
#include "StatusCommand.h"
#include "agent/Agent.h"
#include "cache/CacheEviction.h"
#include "common/ByteUnits.h"
#include "diagnostics/DownloadAnalysis.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace opendo::cli {

namespace {

const char* const kAnalysisUsage =
    QT_TRANSLATE_NOOP("doctl", "usage: doctl analysis [--list-connections] [--json]\n");

double rounded(double percent)
{
    return qRound(percent * 10.0) / 10.0;
}

QJsonObject toJson(const diagnostics::DownloadAnalysis& a)
{
    return QJsonObject{
        {QStringLiteral("TotalFiles"), a.files},
        {QStringLiteral("ForegroundFiles"), a.foregroundFiles},
        {QStringLiteral("MinFileSizeToCache"), a.minFileSizeToCache},
        {QStringLiteral("EligibleFiles"), a.eligibleFiles},
        {QStringLiteral("FilesWithPeerBytes"), a.filesWithPeerBytes},
        {QStringLiteral("NotEligibleHttpOnly"), a.httpOnlyFiles},
        {QStringLiteral("NotEligibleBelowMinSize"), a.belowMinSizeFiles},
        {QStringLiteral("NotEligibleDownloadMode"), a.noPeeringModeFiles},
        {QStringLiteral("Bytes"), a.bytes},
        {QStringLiteral("BytesFromPeers"), a.peerBytes},
        {QStringLiteral("OverallEfficiency"), rounded(a.efficiency())},
        {QStringLiteral("EligibleEfficiency"), rounded(a.eligibleEfficiency())},
        {QStringLiteral("PeeredEfficiency"), rounded(a.peeredEfficiency())},
    };
}

QString percentText(double percent)
{
    return QString::number(percent, 'f', 1) + QStringLiteral(" %");
}

} // namespace

int runAnalysisCommand(agent::Agent& agent, CliArguments& args, QTextStream& out, QTextStream& err,
                       const CommandOptions& options)
{
    const bool json = args.takeFlag(QStringLiteral("json"));
    const bool listConnections = args.takeFlag(QStringLiteral("list-connections"));
    if (!args.remaining().isEmpty()) {
        err << QCoreApplication::translate("doctl", kAnalysisUsage);
        return 2;
    }
    if (listConnections) {
        printConnectionList(agent, json, out);
        return 0;
    }
    const qint64 minSize = cache::cacheLimitsFrom(agent.policySnapshot()).minFileSizeBytes;
    const diagnostics::DownloadAnalysis a =
        diagnostics::analyzeDownloads(jobsOf(agent, options), minSize);
    if (json) {
        out << QJsonDocument(toJson(a)).toJson(QJsonDocument::Indented);
        return 0;
    }
    auto line = [&out](const char* label, const QString& value) {
        out << QCoreApplication::translate("doctl", label).leftJustified(52) << value << '\n';
    };
    line(QT_TRANSLATE_NOOP("doctl", "Downloads"), QString::number(a.files));
    line(QT_TRANSLATE_NOOP("doctl", "  in the foreground"), QString::number(a.foregroundFiles));
    line(QT_TRANSLATE_NOOP("doctl", "Minimum size to use peers (DOMinFileSizeToCache)"),
         QString::number(double(a.minFileSizeToCache) / double(kMiB), 'f', 0) +
             QStringLiteral(" MB"));
    line(QT_TRANSLATE_NOOP("doctl", "Could use peers"), QString::number(a.eligibleFiles));
    line(QT_TRANSLATE_NOOP("doctl", "  not: no metainfo (HTTP only)"),
         QString::number(a.httpOnlyFiles));
    line(QT_TRANSLATE_NOOP("doctl", "  not: below the minimum size"),
         QString::number(a.belowMinSizeFiles));
    line(QT_TRANSLATE_NOOP("doctl", "  not: download mode without peers"),
         QString::number(a.noPeeringModeFiles));
    line(QT_TRANSLATE_NOOP("doctl", "Got bytes from peers"), QString::number(a.filesWithPeerBytes));
    line(QT_TRANSLATE_NOOP("doctl", "From peers, all downloads"), percentText(a.efficiency()));
    line(QT_TRANSLATE_NOOP("doctl", "From peers, downloads that could use them"),
         percentText(a.eligibleEfficiency()));
    line(QT_TRANSLATE_NOOP("doctl", "From peers, downloads that got any"),
         percentText(a.peeredEfficiency()));
    return 0;
}

} // namespace opendo::cli
