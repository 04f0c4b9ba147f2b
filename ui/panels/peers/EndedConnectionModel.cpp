#include "panels/peers/EndedConnectionModel.h"

#include "panels/downloads/JobTableModel.h"
#include "panels/peers/PeerTableModel.h"

#include <QBrush>
#include <QLocale>
#include <algorithm>

namespace opendo::ui {

namespace {

bool sameRecord(const stats::ConnectionRecord& a, const stats::ConnectionRecord& b)
{
    return a.endpoint == b.endpoint && a.contentId == b.contentId && a.endedAt == b.endedAt &&
           a.bytesReceived == b.bytesReceived && a.bytesSent == b.bytesSent;
}

} // namespace

EndedConnectionModel::EndedConnectionModel(QObject* parent) : RecordListModel(ColumnCount, parent)
{}

void EndedConnectionModel::setRecords(const QList<stats::ConnectionRecord>& records)
{
    // Shown newest first.
    replaceRecords({records.crbegin(), records.crend()}, sameRecord);
}

QVariant EndedConnectionModel::data(const QModelIndex& index, int role) const
{
    const stats::ConnectionRecord* record = recordAt(index);
    if (!record)
        return {};
    const stats::ConnectionRecord& r = *record;
    switch (role) {
    case Qt::ToolTipRole:
        if (index.column() == ContentColumn)
            return r.contentId;
        if (index.column() == EndedColumn)
            return tr("Connected %1, for %2 s")
                .arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat))
                .arg(r.startedAt.secsTo(r.endedAt));
        if (index.column() == ReasonColumn && r.hashFailures > 0)
            return tr("%n piece(s) from this peer failed verification", nullptr, r.hashFailures);
        return {};
    case Qt::ForegroundRole:
        // A peer that broke the protocol is the lead worth following.
        if (r.violation && index.column() == ReasonColumn)
            return QBrush(Qt::darkRed);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ReceivedColumn || index.column() == SentColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case EndedColumn:
        return QLocale().toString(r.endedAt.toLocalTime(), QLocale::ShortFormat);
    case AddressColumn:
        return PeerTableModel::addressText(r.endpoint, r.incoming);
    case ClassColumn:
        return transfer::sourceClassLabel(r.sourceClass);
    case ContentColumn:
        return r.contentId.left(12);
    case ClientColumn:
        return r.client;
    case ReceivedColumn:
        return formatBytes(r.bytesReceived);
    case SentColumn:
        return formatBytes(r.bytesSent);
    case ReasonColumn:
        return r.violation ? tr("broke the protocol: %1").arg(r.endReason) : r.endReason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndedConnectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case EndedColumn:
        return tr("Ended");
    case AddressColumn:
        return tr("Address");
    case ClassColumn:
        return tr("Class");
    case ContentColumn:
        return tr("Content");
    case ClientColumn:
        return tr("Client");
    case ReceivedColumn:
        return tr("Received");
    case SentColumn:
        return tr("Sent");
    case ReasonColumn:
        return tr("Why it ended");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
