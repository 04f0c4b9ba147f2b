#include "ConnectionList.h"

#include "PeersCommand.h"
#include "agent/Agent.h"
#include "stats/ConnectionRecordJson.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <algorithm>

namespace opendo::cli {

namespace {

constexpr int kEndedShown = 1000;

QString statusText(const stats::ConnectionRecord& r)
{
    if (!r.endedAt.isValid())
        return QCoreApplication::translate("doctl", "open");
    const QString when = r.endedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    return r.violation
               ? QCoreApplication::translate("doctl", "ended %1, protocol broken: %2")
                     .arg(when, r.endReason)
               : QCoreApplication::translate("doctl", "ended %1: %2").arg(when, r.endReason);
}

} // namespace

void printConnectionList(agent::Agent& agent, bool json, QTextStream& out)
{
    QList<stats::ConnectionRecord> rows = agent.endedConnections(kEndedShown).result();
    for (const transfer::PeerSnapshot& p : latestPeerActivity(agent).peers)
        rows << stats::connectionRecordOf(p);
    // Grouped by file as DO lists them; within a file, in the order the connections ended,
    // open ones last.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.contentId < b.contentId; });
    if (json) {
        out << QJsonDocument(stats::connectionRecordsToJson(rows)).toJson(QJsonDocument::Indented);
        return;
    }
    if (rows.isEmpty()) {
        out << QCoreApplication::translate("doctl", "no peer connections in the last %1 days")
                   .arg(stats::ConnectionJournal::kKeepDays)
            << '\n';
        return;
    }
    QString file;
    for (const stats::ConnectionRecord& r : rows) {
        if (r.contentId != file) {
            file = r.contentId;
            out << QCoreApplication::translate("doctl", "File %1").arg(file) << '\n';
        }
        out << "  " << r.endpoint.leftJustified(22) << ' '
            << transfer::sourceClassLabel(r.sourceClass).leftJustified(16) << ' '
            << (r.incoming ? QCoreApplication::translate("doctl", "in")
                           : QCoreApplication::translate("doctl", "out"))
                   .leftJustified(4)
            << QCoreApplication::translate("doctl", "received %1  sent %2")
                   .arg(r.bytesReceived)
                   .arg(r.bytesSent)
            << "  " << statusText(r) << '\n';
    }
}

} // namespace opendo::cli
