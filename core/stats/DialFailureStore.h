#pragma once

// The tally of peers this agent could not reach (transfer::DialFailures), saved in the agent's
// database (dial_failures) so that "Could not connect" survives a restart. The tally is small
// (at most DialFailures::kMaxEntries rows), so a save replaces it whole in one transaction.
// Lives on the thread that owns the DB connection.

#include "transfer/DialFailures.h"

#include <QList>
#include <QSqlDatabase>

namespace opendo::stats {

class DialFailureStore
{
public:
    explicit DialFailureStore(QSqlDatabase db) : m_db(std::move(db)) {}

    // Replaces what is saved with `entries`; false (and nothing changed) when the database
    // refuses, with `error` set.
    bool save(const QList<transfer::DialFailure>& entries, QString* error = nullptr);
    // What was saved, oldest first; empty with `error` set when it cannot be read. Rows whose
    // source class this build does not know are skipped.
    QList<transfer::DialFailure> load(QString* error = nullptr) const;

    // At start: the saved entries become the tally.
    bool restoreInto(transfer::DialFailures& tally, QString* error = nullptr);
    // Saves the tally when it changed since it was restored or last saved.
    bool saveIfChanged(const transfer::DialFailures& tally, QString* error = nullptr);

private:
    QSqlDatabase m_db;
    quint64 m_savedGeneration = 0;
};

} // namespace opendo::stats
