#include "panels/peers/PeerTableModel.h"

#include "panels/downloads/JobTableModel.h"

#include <QHash>
#include <QStringList>
#include <algorithm>

namespace opendo::ui {

using transfer::PeerSnapshot;

namespace {

QString keyOf(const PeerSnapshot& p)
{
    return p.contentId + QLatin1Char('/') + p.endpoint;
}

} // namespace

QString formatRate(qint64 bytesPerSecond)
{
    return PeerTableModel::tr("%1/s").arg(formatBytes(bytesPerSecond));
}

PeerTableModel::PeerTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PeerTableModel::setPeers(const QList<PeerSnapshot>& peers)
{
    // Usually the same connections arrive in the same order with new counters: compare in
    // place, without building keys, and only update the rows.
    const bool sameRows =
        peers.size() == m_peers.size() && std::equal(peers.cbegin(), peers.cend(), m_peers.cbegin(),
                                                     [](const auto& a, const auto& b) {
                                                         return a.endpoint == b.endpoint &&
                                                                a.contentId == b.contentId;
                                                     });
    if (sameRows) {
        if (m_peers.isEmpty())
            return;
        m_peers = peers;
        Q_EMIT dataChanged(index(0, 0), index(int(m_peers.size()) - 1, ColumnCount - 1));
        return;
    }

    QHash<QString, qsizetype> incoming;
    incoming.reserve(peers.size());
    for (qsizetype i = 0; i < peers.size(); ++i)
        incoming.insert(keyOf(peers[i]), i);

    // Backwards, so the rows still to be visited keep their numbers.
    for (int row = int(m_peers.size()) - 1; row >= 0; --row) {
        if (incoming.contains(keyOf(m_peers[row])))
            continue;
        beginRemoveRows({}, row, row);
        m_peers.removeAt(row);
        endRemoveRows();
    }

    QHash<QString, int> present;
    present.reserve(m_peers.size());
    for (int row = 0; row < m_peers.size(); ++row) {
        m_peers[row] = peers[incoming.value(keyOf(m_peers[row]))];
        present.insert(keyOf(m_peers[row]), row);
    }
    if (!m_peers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_peers.size()) - 1, ColumnCount - 1));

    QList<PeerSnapshot> added;
    for (const PeerSnapshot& p : peers) {
        if (!present.contains(keyOf(p)))
            added.append(p);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_peers.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_peers.append(added);
    endInsertRows();
}

const PeerSnapshot* PeerTableModel::peer(int row) const
{
    return row >= 0 && row < m_peers.size() ? &m_peers[row] : nullptr;
}

int PeerTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_peers.size());
}

int PeerTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PeerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case AddressColumn:
            return tr("The peer's address; \"in\" when the peer connected to this device, "
                      "\"out\" when this device connected to it");
        case ClassColumn:
            return tr("Which kind of peer this is, as counted in the download statistics");
        case ContentColumn:
            return tr("The start of the content id both sides exchange");
        case DownRateColumn:
            return tr("Bytes per second received from this peer just now");
        case UpRateColumn:
            return tr("Bytes per second sent to this peer just now");
        case UploadDelayColumn:
            return tr("How long our uploads to this peer wait in queues on the way (round trip "
                      "above the path's minimum). Uploads hold back as it nears 100 ms "
                      "(LEDBAT), so the user's other traffic on the link keeps flowing");
        case ReceivedColumn:
            return tr("All content bytes received from this peer on this connection");
        case SentColumn:
            return tr("All content bytes sent to this peer on this connection");
        case PeerHasColumn:
            return tr("How much of the content the peer already has");
        case StateColumn:
            return tr("Whether each side wants data and is allowed to get it");
        case HashFailuresColumn:
            return tr("Pieces from this peer that failed verification and were discarded");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AddressColumn:
        return tr("Address");
    case ClassColumn:
        return tr("Class");
    case ClientColumn:
        return tr("Client");
    case ContentColumn:
        return tr("Content");
    case DownRateColumn:
        return tr("Down rate");
    case UpRateColumn:
        return tr("Up rate");
    case UploadDelayColumn:
        return tr("Upload delay");
    case ReceivedColumn:
        return tr("Received");
    case SentColumn:
        return tr("Sent");
    case PeerHasColumn:
        return tr("Peer has");
    case StateColumn:
        return tr("State");
    case HashFailuresColumn:
        return tr("Hash failures");
    default:
        return {};
    }
}

QVariant PeerTableModel::data(const QModelIndex& index, int role) const
{
    const PeerSnapshot* p = index.isValid() ? peer(index.row()) : nullptr;
    if (!p)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*p, index.column());
    case SortRole:
        return sortValue(*p, index.column());
    case KeyRole:
        return keyOf(*p);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case StateColumn:
            return stateToolTip(*p);
        case ContentColumn:
            return p->contentId;
        case UploadDelayColumn:
            return p->uploadWindow > 0 ? tr("Upload window: %1 outstanding at most")
                                             .arg(formatBytes(p->uploadWindow))
                                       : QVariant();
        case AddressColumn:
            return p->incoming ? tr("%1 connected to this device").arg(p->endpoint)
                               : tr("This device connected to %1").arg(p->endpoint);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return (index.column() >= DownRateColumn && index.column() <= PeerHasColumn) ||
                       index.column() == HashFailuresColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    default:
        return {};
    }
}

QString PeerTableModel::uploadDelayText(const PeerSnapshot& p)
{
    return p.uploadWindow > 0 ? tr("%1 ms").arg(p.queuingDelayMs) : QString();
}

QString PeerTableModel::addressText(const QString& endpoint, bool incoming)
{
    return QStringLiteral("%1 (%2)").arg(endpoint, incoming ? tr("in") : tr("out"));
}

QVariant PeerTableModel::display(const PeerSnapshot& p, int column) const
{
    switch (column) {
    case AddressColumn:
        return addressText(p.endpoint, p.incoming);
    case ClassColumn:
        return transfer::sourceClassLabel(p.sourceClass);
    case ClientColumn:
        return p.client;
    case ContentColumn:
        return p.contentId.left(12);
    case DownRateColumn:
        return formatRate(p.receiveRate);
    case UpRateColumn:
        return formatRate(p.sendRate);
    case UploadDelayColumn:
        return uploadDelayText(p);
    case ReceivedColumn:
        return formatBytes(p.bytesReceived);
    case SentColumn:
        return formatBytes(p.bytesSent);
    case PeerHasColumn:
        return QStringLiteral("%1 %").arg(p.peerPercent);
    case StateColumn:
        return stateText(p);
    case HashFailuresColumn:
        return p.hashFailures;
    default:
        return {};
    }
}

QVariant PeerTableModel::sortValue(const PeerSnapshot& p, int column) const
{
    switch (column) {
    case AddressColumn:
        return p.endpoint;
    case ClassColumn:
        return int(p.sourceClass);
    case ClientColumn:
        return p.client;
    case ContentColumn:
        return p.contentId;
    case DownRateColumn:
        return p.receiveRate;
    case UpRateColumn:
        return p.sendRate;
    case UploadDelayColumn:
        return p.uploadWindow > 0 ? p.queuingDelayMs : -1;
    case ReceivedColumn:
        return p.bytesReceived;
    case SentColumn:
        return p.bytesSent;
    case PeerHasColumn:
        return p.peerPercent;
    case StateColumn:
        return stateText(p);
    case HashFailuresColumn:
        return p.hashFailures;
    default:
        return {};
    }
}

QString PeerTableModel::stateText(const PeerSnapshot& p)
{
    // Only what limits a transfer is worth a word: whether we may receive, and whether the peer
    // is waiting for us.
    QStringList parts;
    if (p.amInterested)
        parts << tr("interested");
    parts << (p.peerChoking ? tr("choked by peer") : tr("unchoked us"));
    if (p.peerInterested)
        parts << (p.amChoking ? tr("peer waits for us") : tr("uploading to peer"));
    return parts.join(QStringLiteral(" · "));
}

QString PeerTableModel::stateToolTip(const PeerSnapshot& p)
{
    QStringList lines;
    lines << (p.amInterested ? tr("This device wants pieces the peer has.")
                             : tr("The peer has nothing this device still needs."));
    lines << (p.peerChoking ? tr("The peer does not send to this device right now (choked).")
                            : tr("The peer lets this device request pieces (unchoked)."));
    lines << (p.peerInterested ? tr("The peer wants pieces this device has.")
                               : tr("The peer needs nothing from this device."));
    lines << (p.amChoking ? tr("This device does not send to the peer right now (choking it).")
                          : tr("This device lets the peer request pieces (unchoked)."));
    return lines.join(QLatin1Char('\n'));
}

} // namespace opendo::ui
