#pragma once

// Peers this agent tried to reach and could not: the endpoint, how often it tried in the last
// hour, and the last error ("Connection refused", a timeout). A peer that discovery offers but
// that never answers leaves no connection record — nothing connected — so without this tally
// help-desk staff would see an offered peer and no traffic, and no reason. Kept in memory and
// bounded: an endpoint that connects again drops out, the oldest go first.

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

private:
    QList<DialFailure> m_entries; // most recent last
};

} // namespace opendo::transfer

Q_DECLARE_METATYPE(opendo::transfer::DialFailure)
