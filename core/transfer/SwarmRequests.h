#pragma once

// The downloading side of a swarm: which blocks to ask each peer for (pieces from the picker,
// the peer's allowed-fast set while it chokes us, a request queue as deep as the peer accepts),
// assembling blocks into pieces and handing whole pieces to the download, and giving pieces back
// to other sources when a peer rejects, chokes, stalls or leaves. Verification and bans stay
// with the swarm and the download; this only moves bytes.

#include "transfer/Swarm.h"

namespace opendo::transfer {

class SwarmRequests
{
public:
    using Peer = Swarm::Peer;
    using PieceAssembly = Swarm::PieceAssembly;

    explicit SwarmRequests(Swarm& swarm) : m_swarm(swarm) {}

    void fill(Peer& peer); // request what this peer can give, up to its queue depth
    void fillAll();
    void onBlock(Peer& peer, quint32 index, quint32 begin, const QByteArray& data);
    // The peer rejected a request, or a choke dropped it.
    void onDropped(Peer& peer, const peer::BlockRequest& block);
    // Forgets the piece's progress with this peer and gives it back to the picker.
    void drop(Peer& peer, int piece, bool cancelRequests);
    void releaseAll(Peer& peer);
    // The download went away: cancel what is in flight and forget all progress (the picker
    // goes with the download).
    void abandonAll();

private:
    quint32 blockCount(int piece) const;
    quint32 blockLength(int piece, int block) const;

    Swarm& m_swarm;
};

} // namespace opendo::transfer
