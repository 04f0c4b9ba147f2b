#pragma once

// Download jobs persisted in the agent database, so the queue survives restarts.

#include "transfer/JobRecord.h"

#include <QSqlDatabase>

namespace opendo::transfer {

class JobTable
{
public:
    explicit JobTable(QSqlDatabase db) : m_db(std::move(db)) {}

    bool save(const JobRecord& record, QString* error);
    QList<JobRecord> load(QString* error) const;

private:
    QSqlDatabase m_db;
};

} // namespace opendo::transfer
