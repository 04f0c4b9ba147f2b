#pragma once

// Serves a swarm's peers: queues their block requests, reads verified pieces from the cache on
// worker threads (keeping a few recently read pieces in memory), and sends blocks as the upload
// limit and each connection's delay-based window allow (UploadPacing). Only pieces the swarm has
// stored — verified and durable — are ever sent. Peers are served a block at a time in turn,
// so a low DOMaxUploadBandwidth is shared instead of going to whichever peer asks first.

#include "peer/PeerConnection.h"
#include "transfer/UploadPacing.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <deque>

namespace opendo::transfer {

class PeerHub;
class Swarm;

class SwarmUploader : public QObject
{
    Q_OBJECT
public:
    SwarmUploader(Swarm& swarm, PeerHub& hub, QObject* parent = nullptr);

    void onRequested(peer::PeerConnection* connection, const peer::BlockRequest& block);
    void onCancelled(peer::PeerConnection* connection, const peer::BlockRequest& block);
    void forget(peer::PeerConnection* connection);
    // Sends what the upload limit and the send buffers allow, to every peer in turn (after a
    // request, a drained send buffer, new bandwidth or a piece read from disk).
    void serveAll();
    PacingState pacingOf(peer::PeerConnection* connection) const
    {
        return m_pacing.stateOf(connection);
    }

private:
    // Sends the connection's next queued block if the limit and its send buffer allow; returns
    // whether one went out.
    bool serveNext(peer::PeerConnection* connection);
    void read(int piece);
    void remember(int piece, QByteArray data);

    Swarm& m_swarm;
    PeerHub& m_hub;
    QHash<peer::PeerConnection*, std::deque<peer::BlockRequest>> m_queues;
    QHash<int, QByteArray> m_pieces; // recently read pieces
    std::deque<int> m_recent;        // least recently read first
    qint64 m_cachedBytes = 0;
    QSet<int> m_reading;
    UploadPacing m_pacing;
    qint64 m_credit = 0;         // upload bytes granted by the limiter and not yet spent
    qsizetype m_firstServed = 0; // rotates, so no peer is always first in line
};

} // namespace opendo::transfer
