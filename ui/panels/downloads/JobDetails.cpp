#include "panels/downloads/JobDetails.h"

#include "panels/downloads/JobTableModel.h"

#include <QCoreApplication>
#include <QLocale>

namespace opendo::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("opendo::ui::JobDetails", text);
}

QString bytesWithExact(qint64 bytes)
{
    return tr("%1 (%2 bytes)").arg(formatBytes(bytes), QLocale().toString(bytes));
}

QString modeName(int mode)
{
    switch (mode) {
    case 0:
        return tr("0 — HTTP only");
    case 1:
        return tr("1 — LAN");
    case 2:
        return tr("2 — Group");
    case 3:
        return tr("3 — Internet");
    case 99:
        return tr("99 — Simple");
    case 100:
        return tr("100 — Bypass");
    default:
        return QString::number(mode);
    }
}

} // namespace

QList<QPair<QString, QString>> jobDetailRows(const transfer::JobStatus& j)
{
    QList<QPair<QString, QString>> rows;
    auto add = [&rows](const QString& label, const QString& value) { rows.append({label, value}); };
    add(tr("File"), j.fileName);
    add(tr("Status"), transfer::jobStateName(j.state) +
                          (j.error.isEmpty() ? QString() : QStringLiteral(": ") + j.error));
    add(tr("File id"), j.fileId);
    add(tr("Source"), j.source);
    if (!j.sourceUrl.isEmpty() && j.sourceUrl != j.source)
        add(tr("Origin (HTTP)"), j.sourceUrl);
    add(tr("Saved to"), j.outPath.isEmpty() ? tr("kept in the cache only") : j.outPath);
    add(tr("Priority"), j.foreground ? tr("Foreground") : tr("Background"));
    add(tr("Download mode"), modeName(j.downloadMode));
    add(tr("Shared with peers"), j.shareable
                                     ? tr("yes — verified against its metainfo")
                                     : tr("no — a plain URL has nothing to verify pieces against"));
    add(tr("Size"), j.fileSize >= 0 ? bytesWithExact(j.fileSize) : tr("not known yet"));
    add(tr("In cache"), tr("%1 (%2 of %3 pieces)")
                            .arg(formatBytes(j.fileSizeInCache))
                            .arg(j.piecesPresent)
                            .arg(j.piecesTotal));
    add(tr("Downloaded"), bytesWithExact(j.totalBytesDownloaded));
    add(tr("From HTTP"), bytesWithExact(j.bytesFromHttp));
    add(tr("From a cache server"),
        j.cacheHost.isEmpty()
            ? bytesWithExact(j.bytesFromCacheServer)
            : tr("%1 from %2").arg(bytesWithExact(j.bytesFromCacheServer), j.cacheHost));
    add(tr("From LAN peers"), bytesWithExact(j.bytesFromLanPeers));
    add(tr("From group peers"), bytesWithExact(j.bytesFromGroupPeers));
    add(tr("From internet peers"), bytesWithExact(j.bytesFromInternetPeers));
    add(tr("Percent from peers"), QLocale().toString(j.percentPeerCaching(), 'f', 1) + u'%');
    add(tr("Received but not used"), bytesWithExact(j.bytesDiscarded));
    add(tr("Connections"), tr("%1 HTTP, %2 cache server, %3 peers")
                               .arg(j.httpConnectionCount)
                               .arg(j.cacheServerConnectionCount)
                               .arg(j.peerConnectionCount));
    add(tr("Peer connections by class"), tr("%1 LAN, %2 group, %3 internet")
                                             .arg(j.lanConnectionCount)
                                             .arg(j.groupConnectionCount)
                                             .arg(j.internetConnectionCount));
    add(tr("Peers offered by discovery"), QLocale().toString(j.numPeers));
    add(tr("Hash failures / banned peers"), tr("%1 / %2").arg(j.hashFailures).arg(j.bannedPeers));
    add(tr("Duration"),
        tr("%1 s").arg(QLocale().toString(double(j.downloadDurationMs) / 1000.0, 'f', 1)));
    add(tr("Added"), QLocale().toString(j.createdAt, QLocale::ShortFormat));
    if (j.finishedAt.isValid())
        add(tr("Finished"), QLocale().toString(j.finishedAt, QLocale::ShortFormat));
    add(tr("Pinned"), j.pinned ? tr("yes — never evicted") : tr("no"));
    add(tr("Expires"), j.expireOn.isValid()
                           ? QLocale().toString(j.expireOn, QLocale::ShortFormat)
                           : tr("not by age (pinned, unfinished, or DOMaxCacheAge is 0)"));
    return rows;
}

} // namespace opendo::ui
