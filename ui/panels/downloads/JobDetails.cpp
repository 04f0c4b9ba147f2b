#include "panels/downloads/JobDetails.h"

#include "panels/downloads/JobTableModel.h"

#include <QCoreApplication>
#include <QLocale>

namespace opendo::ui {

namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct JobDetailsText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::ui)
};

QString bytesWithExact(qint64 bytes)
{
    return JobDetailsText::tr("%1 (%2 bytes)").arg(formatBytes(bytes), QLocale().toString(bytes));
}

QString modeName(int mode)
{
    switch (mode) {
    case 0:
        return JobDetailsText::tr("0 — HTTP only");
    case 1:
        return JobDetailsText::tr("1 — LAN");
    case 2:
        return JobDetailsText::tr("2 — Group");
    case 3:
        return JobDetailsText::tr("3 — Internet");
    case 99:
        return JobDetailsText::tr("99 — Simple");
    case 100:
        return JobDetailsText::tr("100 — Bypass");
    default:
        return QString::number(mode);
    }
}

} // namespace

QList<QPair<QString, QString>> jobDetailRows(const transfer::JobStatus& j)
{
    QList<QPair<QString, QString>> rows;
    auto add = [&rows](const QString& label, const QString& value) { rows.append({label, value}); };
    add(JobDetailsText::tr("File"), j.fileName);
    add(JobDetailsText::tr("Status"),
        transfer::jobStateName(j.state) +
            (j.error.isEmpty() ? QString() : QStringLiteral(": ") + j.error) +
            (j.waitingFor.isEmpty()
                 ? QString()
                 : QStringLiteral(" — ") + JobDetailsText::tr("waits for %1").arg(j.waitingFor)));
    add(JobDetailsText::tr("File id"), j.fileId);
    add(JobDetailsText::tr("Source"), j.source);
    if (!j.sourceUrl.isEmpty() && j.sourceUrl != j.source)
        add(JobDetailsText::tr("Origin (HTTP)"), j.sourceUrl);
    add(JobDetailsText::tr("Saved to"),
        j.outPath.isEmpty() ? JobDetailsText::tr("kept in the cache only") : j.outPath);
    add(JobDetailsText::tr("Priority"),
        j.foreground ? JobDetailsText::tr("Foreground") : JobDetailsText::tr("Background"));
    add(JobDetailsText::tr("Download mode"), modeName(j.downloadMode));
    add(JobDetailsText::tr("Shared with peers"),
        j.shareable ? JobDetailsText::tr("yes — verified against its metainfo")
                    : JobDetailsText::tr("no — a plain URL has nothing to verify pieces against"));
    add(JobDetailsText::tr("Size"),
        j.fileSize >= 0 ? bytesWithExact(j.fileSize) : JobDetailsText::tr("not known yet"));
    add(JobDetailsText::tr("In cache"), JobDetailsText::tr("%1 (%2 of %3 pieces)")
                                            .arg(formatBytes(j.fileSizeInCache))
                                            .arg(j.piecesPresent)
                                            .arg(j.piecesTotal));
    add(JobDetailsText::tr("Downloaded"), bytesWithExact(j.totalBytesDownloaded));
    add(JobDetailsText::tr("From HTTP"), bytesWithExact(j.bytesFromHttp));
    add(JobDetailsText::tr("From a cache server"),
        j.cacheHost.isEmpty() ? bytesWithExact(j.bytesFromCacheServer)
                              : JobDetailsText::tr("%1 from %2")
                                    .arg(bytesWithExact(j.bytesFromCacheServer), j.cacheHost));
    add(JobDetailsText::tr("From LAN peers"), bytesWithExact(j.bytesFromLanPeers));
    add(JobDetailsText::tr("From group peers"), bytesWithExact(j.bytesFromGroupPeers));
    add(JobDetailsText::tr("From internet peers"), bytesWithExact(j.bytesFromInternetPeers));
    add(JobDetailsText::tr("From local-discovery peers"),
        bytesWithExact(j.bytesFromLinkLocalPeers));
    add(JobDetailsText::tr("Percent from peers"),
        QLocale().toString(j.percentPeerCaching(), 'f', 1) + u'%');
    add(JobDetailsText::tr("Received but not used"), bytesWithExact(j.bytesDiscarded));
    add(JobDetailsText::tr("Connections"), JobDetailsText::tr("%1 HTTP, %2 cache server, %3 peers")
                                               .arg(j.httpConnectionCount)
                                               .arg(j.cacheServerConnectionCount)
                                               .arg(j.peerConnectionCount));
    add(JobDetailsText::tr("Peer connections by class"),
        JobDetailsText::tr("%1 LAN, %2 group, %3 internet, %4 local discovery")
            .arg(j.lanConnectionCount)
            .arg(j.groupConnectionCount)
            .arg(j.internetConnectionCount)
            .arg(j.linkLocalConnectionCount));
    add(JobDetailsText::tr("Peers offered by discovery"), QLocale().toString(j.numPeers));
    add(JobDetailsText::tr("Hash failures / banned peers"),
        JobDetailsText::tr("%1 / %2").arg(j.hashFailures).arg(j.bannedPeers));
    add(JobDetailsText::tr("Duration"), JobDetailsText::tr("%1 s").arg(QLocale().toString(
                                            double(j.downloadDurationMs) / 1000.0, 'f', 1)));
    add(JobDetailsText::tr("Added"), QLocale().toString(j.createdAt, QLocale::ShortFormat));
    if (j.finishedAt.isValid())
        add(JobDetailsText::tr("Finished"), QLocale().toString(j.finishedAt, QLocale::ShortFormat));
    add(JobDetailsText::tr("Pinned"),
        j.pinned ? JobDetailsText::tr("yes — never evicted") : JobDetailsText::tr("no"));
    add(JobDetailsText::tr("Expires"),
        j.expireOn.isValid()
            ? QLocale().toString(j.expireOn, QLocale::ShortFormat)
            : JobDetailsText::tr("not by age (pinned, unfinished, or DOMaxCacheAge is 0)"));
    return rows;
}

} // namespace opendo::ui
