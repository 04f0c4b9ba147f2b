#pragma once

// Download jobs as table rows, refreshed from the agent's job snapshots (rows keyed by job id,
// so selections survive refreshes).

#include "transfer/JobStatus.h"

#include <QAbstractTableModel>

namespace opendo::ui {

class JobTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        FileColumn,
        StatusColumn,
        ProgressColumn,
        SizeColumn,
        HttpColumn,
        PeersColumn,
        RateColumn,
        PriorityColumn,
        ModeColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        JobIdRole = Qt::UserRole + 1,
        StateRole
    };

    explicit JobTableModel(QObject* parent = nullptr);

    void setJobs(const QList<transfer::JobStatus>& jobs);
    const transfer::JobStatus* job(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const transfer::JobStatus& job, int column) const;
    QList<transfer::JobStatus> m_jobs;
};

QString formatBytes(qint64 bytes); // "1.5 GiB"

} // namespace opendo::ui
