#include "transfer/SwarmRequests.h"

#include "transfer/PiecePicker.h"
#include "transfer/PieceSink.h"

namespace opendo::transfer {

namespace {

using peer::BlockRequest;
using peer::PeerConnection;

constexpr quint32 kBlock = peer::kMaxBlockLength;
// Blocks in flight per peer. Loopback and LAN peers answer within a millisecond, so what limits
// throughput is how much is queued: 128 × 16 KiB = 2 MiB keeps a 1 GB/s link busy.
constexpr int kRequestDepth = 128;

} // namespace

quint32 SwarmRequests::blockCount(int piece) const
{
    return quint32((m_swarm.m_geometry.pieceSize(quint32(piece)) + kBlock - 1) / kBlock);
}

quint32 SwarmRequests::blockLength(int piece, int block) const
{
    const qint64 size = m_swarm.m_geometry.pieceSize(quint32(piece));
    return quint32(qMin<qint64>(kBlock, size - qint64(block) * kBlock));
}

void SwarmRequests::fill(Peer& peer)
{
    PeerConnection* c = peer.connection;
    if (!m_swarm.m_sink || !c->isReady() || !c->amInterested() || !m_swarm.isMember(peer))
        return;
    // A peer that chokes us serves only the pieces it allowed fast (BEP 6).
    const bool choked = c->peerChoking();
    if (choked && c->peerAllowedFastCount() == 0)
        return;
    int depth = kRequestDepth;
    if (const auto reqq = c->remoteExtensions().requestQueue)
        depth = qMax(1, qMin(depth, int(*reqq)));
    const int maxPieces =
        int(qint64(depth) * kBlock / qMax<qint64>(1, m_swarm.m_geometry.pieceLength)) + 2;
    PiecePicker& picker = m_swarm.m_sink->picker();
    while (c->outstandingRequests() < depth && !c->isClosed()) {
        bool requested = false;
        for (auto& [piece, a] : peer.pieces) {
            if (choked && !m_swarm.fetchableWhileChoked(peer, piece))
                continue;
            while (a.nextToRequest < int(a.blocks.size()) && a.blocks[a.nextToRequest] != 0)
                ++a.nextToRequest;
            if (a.nextToRequest >= int(a.blocks.size()))
                continue;
            const int b = a.nextToRequest;
            const BlockRequest block{quint32(piece), quint32(b) * kBlock, blockLength(piece, b)};
            if (!c->request(block)) {
                drop(peer, piece, true);
                return;
            }
            a.blocks[b] = 1;
            ++a.nextToRequest;
            requested = true;
            // Unchoking starts the snub clock; a peer serving us only allowed-fast pieces
            // must answer within the same time.
            if (choked && !peer.lastBlock.isValid())
                peer.lastBlock.start();
            break;
        }
        if (requested)
            continue;
        if (int(peer.pieces.size()) >= maxPieces || !m_swarm.m_sink->acceptsMorePieces())
            return;
        QBitArray offer = c->peerHas();
        for (int p : std::as_const(peer.refused))
            offer.clearBit(p);
        if (choked) {
            for (int p = 0; p < offer.size(); ++p) {
                if (offer.testBit(p) && !m_swarm.fetchableWhileChoked(peer, p))
                    offer.clearBit(p);
            }
        }
        const int piece = picker.pickForPeer(peer.key, offer);
        if (piece < 0)
            return;
        if (m_swarm.m_have.testBit(piece)) {
            picker.release(piece, peer.key);
            return;
        }
        PieceAssembly& a = peer.pieces[piece];
        a.data.resize(m_swarm.m_geometry.pieceSize(quint32(piece)));
        a.blocks.assign(blockCount(piece), 0);
    }
}

void SwarmRequests::fillAll()
{
    for (const auto& p : m_swarm.m_peers)
        fill(*p);
}

void SwarmRequests::onBlock(Peer& peer, quint32 index, quint32 begin, const QByteArray& data)
{
    peer.lastBlock.start();
    const auto it = peer.pieces.find(int(index));
    if (it == peer.pieces.end())
        return; // progress was dropped (endgame, choke); the block is simply not needed
    PieceAssembly& a = it->second;
    const int b = int(begin / kBlock);
    if (begin % kBlock != 0 || b >= int(a.blocks.size()) || a.blocks[b] != 1)
        return;
    std::copy(data.begin(), data.end(), a.data.begin() + begin);
    a.blocks[b] = 2;
    ++a.received;
    if (a.received == int(a.blocks.size())) {
        QByteArray piece = std::move(a.data);
        peer.pieces.erase(it);
        // Whoever else fetches this piece in endgame can stop.
        for (const auto& other : m_swarm.m_peers) {
            if (other.get() != &peer && other->pieces.count(int(index)))
                drop(*other, int(index), true);
        }
        const int key = peer.key;
        if (m_swarm.m_sink)
            m_swarm.m_sink->pieceFromPeer(int(index), std::move(piece), key, peer.cls);
        // The sink may have reacted by closing this peer (a ban): look it up again.
        if (Peer* still = m_swarm.peerByKey(key))
            fill(*still);
        return;
    }
    fill(peer);
}

void SwarmRequests::onDropped(Peer& peer, const BlockRequest& block)
{
    const auto it = peer.pieces.find(int(block.index));
    if (it == peer.pieces.end())
        return;
    if (!peer.connection->peerChoking()) {
        // Rejected while unchoked: the peer will not serve this piece; do not ask again.
        peer.refused.insert(int(block.index));
        drop(peer, int(block.index), true);
        fill(peer);
        return;
    }
    if (m_swarm.fetchableWhileChoked(peer, int(block.index))) {
        // Allowed fast, yet rejected while choking us: the peer withdrew the allowance (BEP 6
        // lets it). Ask for this piece again only once it unchokes us.
        peer.fastRefused.insert(int(block.index));
        drop(peer, int(block.index), true);
        fill(peer);
        return;
    }
    PieceAssembly& a = it->second;
    const int b = int(block.begin / kBlock);
    if (b < int(a.blocks.size()) && a.blocks[b] == 1) {
        a.blocks[b] = 0;
        a.nextToRequest = qMin(a.nextToRequest, b);
    }
}

void SwarmRequests::drop(Peer& peer, int piece, bool cancelRequests)
{
    const auto it = peer.pieces.find(piece);
    if (it == peer.pieces.end())
        return;
    if (cancelRequests && !peer.connection->isClosed()) {
        for (int b = 0; b < int(it->second.blocks.size()); ++b) {
            if (it->second.blocks[b] == 1)
                peer.connection->cancel(
                    {quint32(piece), quint32(b) * kBlock, blockLength(piece, b)});
        }
    }
    peer.pieces.erase(it);
    if (m_swarm.m_sink)
        m_swarm.m_sink->picker().release(piece, peer.key);
}

void SwarmRequests::releaseAll(Peer& peer)
{
    while (!peer.pieces.empty())
        drop(peer, peer.pieces.begin()->first, true);
    if (m_swarm.m_sink)
        m_swarm.m_sink->picker().releaseAll(peer.key);
}

void SwarmRequests::abandonAll()
{
    for (const auto& p : m_swarm.m_peers) {
        for (auto& [piece, assembly] : p->pieces) {
            for (int b = 0; b < int(assembly.blocks.size()); ++b) {
                if (assembly.blocks[b] == 1)
                    p->connection->cancel(
                        {quint32(piece), quint32(b) * kBlock, blockLength(piece, b)});
            }
        }
        p->pieces.clear();
        p->countedInPicker = false;
    }
}

} // namespace opendo::transfer
