#include "transfer/SwarmUploader.h"

#include "cache/PieceFile.h"
#include "log/LogCategories.h"
#include "transfer/PeerHub.h"
#include "transfer/Swarm.h"
#include "transfer/WorkerPool.h"

#include <algorithm>
#include <optional>

namespace opendo::transfer {

namespace {

using peer::BlockRequest;
using peer::PeerConnection;

constexpr qint64 kMaxCachedBytes = 16 * 1024 * 1024;
// Rounds of one block per peer in one serveAll: the send buffers and windows stop it long
// before, this only bounds the loop.
constexpr int kMaxServeRounds = 4096;

} // namespace

SwarmUploader::SwarmUploader(Swarm& swarm, PeerHub& hub, QObject* parent)
    : QObject(parent), m_swarm(swarm), m_hub(hub)
{
    connect(&m_hub.uploadLimiter(), &BandwidthLimiter::available, this, &SwarmUploader::serveAll);
    connect(&m_pacing, &UploadPacing::resume, this, &SwarmUploader::serveAll);
}

void SwarmUploader::onRequested(PeerConnection* connection, const BlockRequest& block)
{
    const Swarm::Peer* peer = m_swarm.peerOf(connection);
    if (!peer || !m_swarm.isMember(*peer) || !m_hub.uploadAllowedTo(peer->cls) ||
        int(block.index) >= m_swarm.have().size() || !m_swarm.have().testBit(int(block.index))) {
        connection->rejectRequest(block);
        return;
    }
    m_queues[connection].push_back(block);
    serveAll();
}

void SwarmUploader::onCancelled(PeerConnection* connection, const BlockRequest& block)
{
    auto it = m_queues.find(connection);
    if (it == m_queues.end())
        return;
    auto& queue = it.value();
    queue.erase(std::remove(queue.begin(), queue.end(), block), queue.end());
}

void SwarmUploader::forget(PeerConnection* connection)
{
    m_queues.remove(connection);
    m_pacing.forget(connection);
}

void SwarmUploader::serveAll()
{
    // One block per peer per round, starting with a different peer each time: serving each
    // queue to the end in hash order let the first peer take every token of a scarce upload
    // limit and starved the others.
    const QList<PeerConnection*> connections = m_queues.keys();
    const qsizetype count = connections.size();
    if (count == 0)
        return;
    m_firstServed = (m_firstServed + 1) % count;
    for (int round = 0; round < kMaxServeRounds; ++round) {
        bool sent = false;
        for (qsizetype k = 0; k < count; ++k) {
            PeerConnection* connection = connections.at((m_firstServed + k) % count);
            if (m_queues.contains(connection) && serveNext(connection)) // not forgotten meanwhile
                sent = true;
        }
        if (!sent)
            return;
    }
}

bool SwarmUploader::serveNext(PeerConnection* connection)
{
    auto it = m_queues.find(connection);
    if (it == m_queues.end())
        return false;
    Swarm::Peer* peer = m_swarm.peerOf(connection);
    if (!peer) {
        m_queues.erase(it);
        return false;
    }
    auto& queue = it.value();
    // Requests the gates refuse now are answered with a reject on the way to one to send.
    while (!queue.empty() && !connection->isClosed() && m_pacing.mayQueue(connection)) {
        const BlockRequest block = queue.front();
        if (!m_hub.uploadAllowedTo(peer->cls)) {
            connection->rejectRequest(block);
            queue.pop_front();
            continue;
        }
        const auto piece = m_pieces.constFind(int(block.index));
        if (piece == m_pieces.cend()) {
            read(int(block.index));
            return false;
        }
        if (m_credit < block.length) {
            m_credit +=
                m_hub.uploadLimiter().take(TrafficClass::Foreground, block.length - m_credit);
            if (m_credit < block.length)
                return false; // the limiter's `available` signal resumes us
        }
        m_credit -= block.length;
        const QByteArray data = piece->mid(block.begin, block.length);
        queue.pop_front();
        // A request withdrawn meanwhile (cancel, or rejected by a choke) is not sent.
        if (connection->sendBlock(block.index, block.begin, data)) {
            m_hub.countUpload(peer->cls, block.length);
            return true;
        }
        m_credit += block.length;
    }
    return false;
}

void SwarmUploader::read(int piece)
{
    if (m_reading.contains(piece))
        return;
    m_reading.insert(piece);
    const qint64 offset = qint64(piece) * m_swarm.geometry().pieceLength;
    const qint64 length = m_swarm.geometry().pieceSize(quint32(piece));
    auto reading = [path = m_swarm.dataPath(), offset, length]() {
        QString error;
        auto data = cache::PieceFile::read(path, offset, length, &error);
        if (!data)
            qCWarning(log::lcSwarm).noquote() << "cannot read" << path << ":" << error;
        return data;
    };
    m_hub.workers().run(this, std::move(reading),
                        [this, piece](const std::optional<QByteArray>& data) {
                            m_reading.remove(piece);
                            if (!data) {
                                // The bytes are gone (evicted or damaged): refuse instead of
                                // sending anything.
                                for (auto it = m_queues.begin(); it != m_queues.end(); ++it) {
                                    auto& queue = it.value();
                                    for (const BlockRequest& b : queue) {
                                        if (int(b.index) == piece)
                                            it.key()->rejectRequest(b);
                                    }
                                    queue.erase(std::remove_if(queue.begin(), queue.end(),
                                                               [piece](const BlockRequest& b) {
                                                                   return int(b.index) == piece;
                                                               }),
                                                queue.end());
                                }
                                return;
                            }
                            remember(piece, *data);
                            serveAll();
                        });
}

void SwarmUploader::remember(int piece, QByteArray data)
{
    m_cachedBytes += data.size();
    m_pieces.insert(piece, std::move(data));
    m_recent.push_back(piece);
    while (m_recent.size() > 2 && m_cachedBytes > kMaxCachedBytes) {
        const int old = m_recent.front();
        m_recent.pop_front();
        m_cachedBytes -= m_pieces.value(old).size();
        m_pieces.remove(old);
    }
}

} // namespace opendo::transfer
