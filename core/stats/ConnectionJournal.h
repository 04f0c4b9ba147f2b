#pragma once

// Peer connections that ended, kept in the agent's database (peer_connections) with what they
// carried and why they closed: the evidence behind Get-DeliveryOptimizationLogAnalysis
// -ListConnections, which help-desk staff read to see which devices a file came from, or why
// a peer gave nothing. Lives on the thread that owns the DB connection.
//
// Records are written in batches (one transaction for up to kBatch of them, and when the
// journal goes away; reads see the waiting ones too): the database syncs every commit, and a
// swarm closing hundreds of connections, or a peer reconnecting in a loop, must not cost a disk
// sync each. A crash loses at most the records of one unfinished batch.

#include "transfer/PeerSnapshot.h"
#include "transfer/SourceClass.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace opendo::stats {

struct ConnectionRecord
{
    QString contentId;
    QString endpoint; // "127.0.0.3:7680"
    bool incoming = false;
    transfer::SourceClass sourceClass = transfer::SourceClass::LanPeer;
    QString client; // "" when the peer never said
    QDateTime startedAt;
    QDateTime endedAt; // invalid while the connection is open
    qint64 bytesReceived = 0;
    qint64 bytesSent = 0;
    int hashFailures = 0;
    QString endReason;      // "" while open
    bool violation = false; // closed because the peer broke the protocol
};

// A live connection in the journal's shape: no end time, no reason yet.
ConnectionRecord connectionRecordOf(const transfer::PeerSnapshot& peer);

class ConnectionJournal
{
public:
    // Records older than this, or beyond the newest kMaxRecords, are dropped.
    static constexpr int kKeepDays = 30;
    static constexpr int kMaxRecords = 10'000;
    static constexpr int kBatch = 50;

    explicit ConnectionJournal(QSqlDatabase db);
    ~ConnectionJournal();

    void record(const ConnectionRecord& r);
    // Writes the waiting records; false (logged) when the database refuses them (they are
    // dropped then: the journal is evidence, not state).
    bool flush();
    // The newest `limit` records, newest last; `contentId` "" for every content. Empty, with
    // `error` set, when the database cannot be read.
    QList<ConnectionRecord> recent(int limit, const QString& contentId = {},
                                   QString* error = nullptr) const;

private:
    bool insert(const ConnectionRecord& r);
    void prune();

    QSqlDatabase m_db;
    QList<ConnectionRecord> m_pending;
    int m_sincePrune = 0;
};

} // namespace opendo::stats
