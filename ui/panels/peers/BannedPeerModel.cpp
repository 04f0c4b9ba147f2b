#include "panels/peers/BannedPeerModel.h"

#include <QLocale>

namespace opendo::ui {

namespace {

bool sameBan(const transfer::BannedPeer& a, const transfer::BannedPeer& b)
{
    return a.contentId == b.contentId && a.address == b.address && a.at == b.at &&
           a.reason == b.reason;
}

} // namespace

BannedPeerModel::BannedPeerModel(QObject* parent) : RecordListModel(ColumnCount, parent) {}

void BannedPeerModel::setBanned(const QList<transfer::BannedPeer>& banned)
{
    replaceRecords(banned, sameBan);
}

QVariant BannedPeerModel::data(const QModelIndex& index, int role) const
{
    const transfer::BannedPeer* record = recordAt(index);
    if (!record)
        return {};
    const transfer::BannedPeer& b = *record;
    if (role == Qt::ToolTipRole) {
        if (index.column() == ContentColumn)
            return b.contentId;
        if (index.column() == AddressColumn)
            return tr("Banned on connection %1; every port of this address is refused for this "
                      "content.")
                .arg(b.endpoint);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case AddressColumn:
        return b.address;
    case ContentColumn:
        return b.contentId.left(12);
    case SinceColumn:
        return QLocale().toString(b.at.toLocalTime(), QLocale::ShortFormat);
    case ReasonColumn:
        return b.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BannedPeerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case AddressColumn:
        return tr("Address");
    case ContentColumn:
        return tr("Content");
    case SinceColumn:
        return tr("Banned since");
    case ReasonColumn:
        return tr("Reason");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
