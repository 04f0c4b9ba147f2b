#pragma once

// Peers this agent tried to reach and could not: the endpoint, how often it tried in the last
// hour, and the last error ("Connection refused", a timeout). A peer that discovery offers but
// that never answers leaves no connection record — nothing connected — so without this tally
// help-desk staff would see an offered peer and no traffic, and no reason. Bounded: an endpoint
// that connects again drops out, the oldest go first. The agent saves the tally now and then
// (stats::DialFailureStore) and restores it at start, so a restart does not erase the evidence.

#include "transfer/SourceClass.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace opendo::transfer {

struct DialFailure
{
    QString contentId;
    QString endpoint; // "127.0.0.5:7680", what we dialled
    SourceClass sourceClass = SourceClass::LanPeer;
    int attempts = 0; // failed attempts since firstAt
    QDateTime firstAt;
    QDateTime lastAt;
    QString lastError;
};

class DialFailures
{
public:
    static constexpr int kMaxEntries = 64;
    static constexpr qint64 kKeepSeconds = 3600;

    void failed(const QString& contentId, const QString& endpoint, SourceClass cls,
                const QString& error, const QDateTime& at);
    void connected(const QString& contentId, const QString& endpoint);
    // Failures of the last kKeepSeconds before `now`, the most recent last.
    QList<DialFailure> recent(const QDateTime& now) const;
    // Every entry, stale ones included, the most recent last: what is saved.
    const QList<DialFailure>& entries() const { return m_entries; }
    // Replaces the tally with saved entries (ordered by lastAt; the newest kMaxEntries kept).
    void restore(QList<DialFailure> saved);
    // Counts changes, so a saver can tell whether anything happened since it last saved.
    quint64 generation() const { return m_generation; }

private:
    QList<DialFailure> m_entries; // most recent last
    quint64 m_generation = 0;
};

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::DialFailure)
