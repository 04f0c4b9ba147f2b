#include "transfer/OriginPacing.h"

#include "common/ByteUnits.h"
#include "log/LogCategories.h"
#include "transfer/BandwidthLimiter.h"
#include "transfer/PeerHub.h"
#include "transfer/Swarm.h"

#include <algorithm>

namespace opendo::transfer {

namespace {

// How long the origin waits for configured peers to connect and unchoke before it fetches what
// they might have.
constexpr qint64 kPeerGraceMs = 2'000;
// Peers that deliver nothing for this long no longer keep the origin from other agents' stripes.
constexpr qint64 kPeerStallMs = 3'000;
constexpr qint64 kQosWindowMs = 5'000; // DOMinBackgroundQos is measured over at least this
constexpr qint64 kMaxQosWindowMs = 60'000;

} // namespace

OriginPacing::OriginPacing(PeerHub& peers, const BandwidthLimiter& limiter, bool foreground,
                           qint64 pieceLength, QString jobId)
    : m_peers(peers), m_limiter(limiter), m_foreground(foreground), m_pieceLength(pieceLength),
      m_jobId(std::move(jobId))
{
    start();
}

void OriginPacing::start()
{
    m_clock.start();
    m_qosWindow.invalidate(); // DOMinBackgroundQos measures this run only
    m_belowMinQos = false;
    m_lastPeerPiece.start(); // peers get as long to start delivering as to keep delivering
}

void OriginPacing::peerDelivered()
{
    m_lastPeerPiece.start();
}

bool OriginPacing::peersStalled() const
{
    return m_lastPeerPiece.elapsed() > kPeerStallMs;
}

OriginPacing::Decision OriginPacing::decide(const Swarm& swarm, qint64 bytesReceived,
                                            bool rangesSupported)
{
    const qint64 elapsed = m_clock.elapsed();
    // Peers we were told about get a moment to connect before the origin starts.
    const bool expectingPeers = !m_peers.staticPeers().isEmpty() || swarm.connectionCount() > 0;
    const qint64 graceUntil = expectingPeers && swarm.pendingPeerCount() > 0 ? kPeerGraceMs : 0;
    // DODelay*DownloadFromHttp: while peers can serve, the origin waits for them, but only
    // for the pieces they have; what no connected peer holds comes from the origin at once.
    const qint64 delayMs = qint64(m_peers.httpDelaySeconds(m_foreground)) * 1000;
    const bool peersAround = swarm.servingPeerCount() > 0 || swarm.pendingPeerCount() > 0;
    const qint64 delayUntil = peersAround ? delayMs : 0;

    // Measured whenever the gate is asked, not only while the delay holds the origin back, so
    // the verdict the piece picking uses (belowMinQos) is never left over from an old window.
    measure(bytesReceived);

    Decision d;
    qint64 until = 0;
    if (elapsed < graceUntil) {
        d.gate = Gate::Closed;
        until = graceUntil;
    } else if (elapsed < delayUntil && !(m_belowMinQos && !m_foreground)) {
        // Only a background download's floor overrides the delay; a foreground one is topped
        // up once DODelayForegroundDownloadFromHttp has passed. A server without Range support
        // can only stream everything, peers' pieces included.
        d.gate = rangesSupported ? Gate::UnservedOnly : Gate::Closed;
        until = delayUntil;
    }
    if (d.gate != Gate::Open)
        d.recheckInMs = qMin<qint64>(until - elapsed, 1000) + 1;
    return d;
}

void OriginPacing::measure(qint64 bytesReceived)
{
    // DOMinBackgroundQos: a background download gets at least this rate; when peers give less
    // over a measuring window, the origin tops up the download (DO blends HTTP in), even while
    // DODelayBackgroundDownloadFromHttp holds it back, until a window reaches the rate again.
    // A foreground download is meant to be fast, so it gets the same floor: DO has no policy for
    // it, and without one a single slow but steady peer would hold it to that peer's speed.
    qint64 minRate = m_peers.minBackgroundQosBytesPerSecond();
    // Under a bandwidth limit at or below the floor the floor cannot be reached: more origin
    // traffic would not make the download faster.
    const qint64 cap =
        m_limiter.rate(m_foreground ? TrafficClass::Foreground : TrafficClass::Background);
    if (cap > 0 && cap <= minRate)
        minRate = 0;
    if (minRate <= 0) {
        m_belowMinQos = false;
        return;
    }
    if (!m_qosWindow.isValid()) {
        m_qosWindow.start();
        m_qosWindowBytes = bytesReceived;
        return;
    }
    // Bytes count when a whole piece is verified, so a window lasts at least two pieces at the
    // minimum rate: a slow but steady peer must not look like a stalled one.
    const qint64 windowMs =
        std::clamp<qint64>(2 * m_pieceLength * 1000 / minRate, kQosWindowMs, kMaxQosWindowMs);
    const qint64 ms = m_qosWindow.elapsed();
    if (ms < windowMs)
        return;
    const qint64 rate = (bytesReceived - m_qosWindowBytes) * 1000 / ms;
    const bool below = rate < minRate;
    if (below != m_belowMinQos)
        qCInfo(log::lcTransfer, "%s: %lld KB/s %s DOMinBackgroundQos (%lld KB/s, %s): %s",
               qPrintable(m_jobId), rate / kKiB, below ? "below" : "back at", minRate / kKiB,
               m_foreground ? "foreground" : "background",
               below ? "the origin tops up" : "the origin waits for peers again");
    m_belowMinQos = below;
    m_qosWindow.restart();
    m_qosWindowBytes = bytesReceived;
}

} // namespace opendo::transfer
