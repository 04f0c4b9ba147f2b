#include "transfer/OriginOutage.h"

#include <algorithm>

namespace opendo::transfer {

OriginOutage::Verdict OriginOutage::failed(const HttpError& error, qint64 nowMs, Peers peers)
{
    const bool peersDeliver = peers.serving > 0 && peers.sinceLastPiece < kPeerPatienceMs;
    if (!peersDeliver)
        return Verdict::GiveUp;
    const bool pausing = m_active && nowMs < m_retryAtMs;
    if (pausing)
        return Verdict::CarryOn; // another range of the attempt that already failed
    m_active = true;
    m_error = error;
    ++m_attempts;
    // 5 s, 10 s, 20 s, then every 30 s: an origin back after a short outage is used again
    // soon, one that stays down costs a request every half minute.
    const int doublings = std::min(m_attempts - 1, 16);
    m_retryAtMs = nowMs + std::min(kMaxPauseMs, kFirstPauseMs << doublings);
    return Verdict::CarryOn;
}

void OriginOutage::recovered()
{
    m_active = false;
    m_attempts = 0;
    m_error = {};
    m_retryAtMs = 0;
}

qint64 OriginOutage::retryInMs(qint64 nowMs) const
{
    return m_active ? std::max<qint64>(0, m_retryAtMs - nowMs) : 0;
}

} // namespace opendo::transfer
