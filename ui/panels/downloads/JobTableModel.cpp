#include "panels/downloads/JobTableModel.h"

#include <QBrush>
#include <QLocale>

namespace opendo::ui {

using transfer::JobState;
using transfer::JobStatus;

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(qMax<qint64>(0, bytes), 1, QLocale::DataSizeIecFormat);
}

JobTableModel::JobTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void JobTableModel::setJobs(const QList<JobStatus>& jobs)
{
    // Same jobs in the same order (the usual refresh): update values in place.
    bool sameRows = jobs.size() == m_jobs.size();
    for (qsizetype i = 0; sameRows && i < jobs.size(); ++i)
        sameRows = jobs[i].jobId == m_jobs[i].jobId;
    if (sameRows) {
        m_jobs = jobs;
        if (!m_jobs.isEmpty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_jobs.size()) - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_jobs = jobs;
    endResetModel();
}

const JobStatus* JobTableModel::job(int row) const
{
    return row >= 0 && row < m_jobs.size() ? &m_jobs[row] : nullptr;
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case FileColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case ProgressColumn:
        return tr("Progress");
    case SizeColumn:
        return tr("Size");
    case HttpColumn:
        return tr("From HTTP");
    case PeersColumn:
        return tr("From peers");
    case RateColumn:
        return tr("Rate");
    case PriorityColumn:
        return tr("Priority");
    case ModeColumn:
        return tr("Mode");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    const JobStatus* j = index.isValid() ? job(index.row()) : nullptr;
    if (!j)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*j, index.column());
    case JobIdRole:
        return j->jobId;
    case StateRole:
        return int(j->state);
    case Qt::ToolTipRole:
        if (!j->error.isEmpty())
            return j->error;
        return j->waitingFor.isEmpty() ? j->source : tr("Waits for %1").arg(j->waitingFor);
    case Qt::ForegroundRole:
        return j->state == JobState::Failed ? QVariant(QBrush(Qt::red)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() >= ProgressColumn && index.column() <= RateColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    default:
        return {};
    }
}

QVariant JobTableModel::display(const JobStatus& j, int column) const
{
    switch (column) {
    case FileColumn:
        return j.fileName.isEmpty() ? j.source : j.fileName;
    case StatusColumn:
        switch (j.state) {
        case JobState::Queued:
            return j.waitingFor.isEmpty() ? tr("Queued")
                                          : tr("Queued: waits for %1").arg(j.waitingFor);
        case JobState::Downloading:
            return tr("Downloading");
        case JobState::Paused:
            return tr("Paused");
        case JobState::Complete:
            return tr("Complete");
        case JobState::Caching:
            return tr("Caching (available to peers)");
        case JobState::Failed:
            return tr("Failed");
        case JobState::Cancelled:
            return tr("Cancelled");
        }
        return {};
    case ProgressColumn: {
        // Finished is finished, even once the cache has let go of the file.
        if (transfer::hasCompleted(j.state))
            return QStringLiteral("100.0 %");
        if (j.fileSize <= 0)
            return QStringLiteral("–");
        const double percent = 100.0 * double(j.fileSizeInCache) / double(j.fileSize);
        return QStringLiteral("%1 %").arg(percent, 0, 'f', 1);
    }
    case SizeColumn:
        return j.fileSize < 0 ? QString() : formatBytes(j.fileSize);
    case HttpColumn:
        return formatBytes(j.bytesFromHttp);
    case PeersColumn:
        return formatBytes(j.bytesFromPeers);
    case RateColumn:
        return tr("%1/s").arg(formatBytes(j.bytesPerSecond));
    case PriorityColumn:
        return j.foreground ? tr("Foreground") : tr("Background");
    case ModeColumn:
        return j.downloadMode;
    case ErrorColumn:
        return j.error;
    default:
        return {};
    }
}

} // namespace opendo::ui
