#include "panels/cache/CacheContentModel.h"

#include "panels/downloads/JobTableModel.h"

#include <QHash>
#include <QLocale>
#include <limits>

namespace opendo::ui {

using cache::CacheEntry;

namespace {

QString dateText(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

CacheContentModel::CacheContentModel(QObject* parent)
    : QAbstractTableModel(parent), m_now(QDateTime::currentDateTimeUtc())
{}

void CacheContentModel::setEntries(const QList<CacheEntry>& entries, const QDateTime& now)
{
    m_now = now;
    QHash<QString, qsizetype> incoming;
    incoming.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i)
        incoming.insert(entries[i].contentId, i);

    // Backwards, so the rows still to be visited keep their numbers.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_entries[row].contentId))
            continue;
        beginRemoveRows({}, row, row);
        m_entries.removeAt(row);
        endRemoveRows();
    }

    QHash<QString, int> present;
    present.reserve(m_entries.size());
    for (int row = 0; row < m_entries.size(); ++row) {
        m_entries[row] = entries[incoming.value(m_entries[row].contentId)];
        present.insert(m_entries[row].contentId, row);
    }
    // Ages and expiry move with the clock even when nothing else changed.
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));

    QList<CacheEntry> added;
    for (const CacheEntry& e : entries) {
        if (!present.contains(e.contentId))
            added.append(e);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_entries.append(added);
    endInsertRows();
}

const CacheEntry* CacheContentModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int CacheContentModel::rowOf(const QString& contentId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].contentId == contentId)
            return row;
    }
    return -1;
}

int CacheContentModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int CacheContentModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CacheContentModel::durationText(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    // Two units at most: "2 d 4 h" reads at a glance, the minutes of a week-long span do not
    // matter.
    if (days > 0)
        return hours > 0 ? tr("%1 d %2 h").arg(days).arg(hours) : tr("%1 d").arg(days);
    if (hours > 0)
        return minutes > 0 ? tr("%1 h %2 min").arg(hours).arg(minutes) : tr("%1 h").arg(hours);
    if (minutes > 0)
        return tr("%1 min").arg(minutes);
    return tr("< 1 min");
}

QString CacheContentModel::stateText(const CacheEntry& e)
{
    if (e.inUse)
        return tr("in use");
    return e.complete ? tr("complete") : tr("partial");
}

QString CacheContentModel::expiryText(const CacheEntry& e, const QDateTime& now)
{
    if (e.pinned)
        return tr("never (pinned)");
    // The agent leaves the expiry unset when DOMaxCacheAge is 0 (keep without an age limit).
    if (!e.expiresAt.isValid())
        return tr("no limit");
    const qint64 left = now.secsTo(e.expiresAt);
    if (left <= 0)
        return tr("due now");
    return tr("in %1").arg(durationText(left));
}

QVariant CacheContentModel::display(const CacheEntry& e, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return e.name;
    case ContentIdColumn:
        return e.contentId.left(12);
    case SizeColumn:
        return formatBytes(e.fileSize);
    case PresentColumn:
        if (e.complete || e.fileSize <= 0)
            return tr("%1 %").arg(e.complete ? 100 : 0);
        return tr("%1 % (%2)")
            .arg(int(100 * e.bytesPresent / e.fileSize))
            .arg(formatBytes(e.bytesPresent));
    case StateColumn:
        return stateText(e);
    case ShareableColumn:
        return e.shareable ? tr("yes") : tr("no (HTTP only)");
    case PinnedColumn:
        return e.pinned ? tr("pinned") : QString();
    case AddedColumn:
        return dateText(e.addedAt);
    case LastUsedColumn:
        return dateText(e.lastUsedAt);
    case AgeColumn:
        return e.addedAt.isValid() ? durationText(e.addedAt.secsTo(m_now)) : QString();
    case ExpiresColumn:
        return expiryText(e, m_now);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CacheContentModel::sortValue(const CacheEntry& e, int column) const
{
    switch (Column(column)) {
    case NameColumn:
        return e.name;
    case ContentIdColumn:
        return e.contentId;
    case SizeColumn:
        return e.fileSize;
    case PresentColumn:
        return e.bytesPresent;
    case StateColumn:
        return e.inUse ? 2 : e.complete ? 1 : 0;
    case ShareableColumn:
        return e.shareable;
    case PinnedColumn:
        return e.pinned;
    case AddedColumn:
        return e.addedAt;
    case LastUsedColumn:
        return e.lastUsedAt;
    case AgeColumn:
        return e.addedAt.isValid() ? e.addedAt.secsTo(m_now) : qint64(0);
    case ExpiresColumn:
        // Soonest first; content that never expires sorts after everything that does.
        if (e.pinned || !e.expiresAt.isValid())
            return std::numeric_limits<qint64>::max();
        return e.expiresAt.toSecsSinceEpoch();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CacheContentModel::data(const QModelIndex& index, int role) const
{
    const CacheEntry* e = index.isValid() ? entry(index.row()) : nullptr;
    if (!e || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*e, index.column());
    case SortRole:
        return sortValue(*e, index.column());
    case ContentIdRole:
        return e->contentId;
    case PinnedRole:
        return e->pinned;
    case InUseRole:
        return e->inUse;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == PresentColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ContentIdColumn:
            return e->sourceUrl.isEmpty() ? e->contentId
                                          : tr("%1\nfrom %2").arg(e->contentId, e->sourceUrl);
        case PinnedColumn:
        case ExpiresColumn:
            return e->pinned ? tr("Pinned: the cache janitor never removes this content, "
                                  "whatever its age (DOMaxCacheAge) or the cache's size limits.")
                             : tr("Removed by the cache janitor once unused for DOMaxCacheAge, "
                                  "or earlier when the cache needs room.");
        case StateColumn:
            return e->inUse ? tr("A download is using this content; it cannot be evicted until "
                                 "the download ends.")
                            : QVariant();
        case ShareableColumn:
            return e->shareable ? tr("Has metainfo with trusted hashes: offered to peers.")
                                : tr("Downloaded over HTTP without metainfo: never offered "
                                     "to peers.");
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant CacheContentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case ContentIdColumn:
        return tr("Content ID");
    case SizeColumn:
        return tr("Size");
    case PresentColumn:
        return tr("Present");
    case StateColumn:
        return tr("State");
    case ShareableColumn:
        return tr("Shareable");
    case PinnedColumn:
        return tr("Pinned");
    case AddedColumn:
        return tr("Added");
    case LastUsedColumn:
        return tr("Last used");
    case AgeColumn:
        return tr("Age");
    case ExpiresColumn:
        return tr("Expires");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace opendo::ui
