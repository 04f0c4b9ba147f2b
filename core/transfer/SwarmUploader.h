#pragma once

// Serves a swarm's peers: queues their block requests, reads verified pieces from the cache on
// worker threads (keeping a few recently read pieces in memory), and sends blocks as the upload
// limit and each socket's send buffer allow. Only pieces the swarm has stored — verified and
// durable — are ever sent.

#include "peer/PeerConnection.h"

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
    void serve(peer::PeerConnection* connection);
    void forget(peer::PeerConnection* connection);

private:
    void serveAll();
    void read(int piece);
    void remember(int piece, QByteArray data);

    Swarm& m_swarm;
    PeerHub& m_hub;
    QHash<peer::PeerConnection*, std::deque<peer::BlockRequest>> m_queues;
    QHash<int, QByteArray> m_pieces; // recently read pieces
    std::deque<int> m_recent;        // least recently read first
    qint64 m_cachedBytes = 0;
    QSet<int> m_reading;
    qint64 m_credit = 0; // upload bytes granted by the limiter and not yet spent
};

} // namespace opendo::transfer
