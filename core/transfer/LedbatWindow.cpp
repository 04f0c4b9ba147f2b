#include "transfer/LedbatWindow.h"

#include <algorithm>

namespace opendo::transfer {

void LedbatWindow::update(qint64 queuingDelayUs, qint64 bytesAcked, bool windowLimited)
{
    m_lastDelayUs = qMax<qint64>(0, queuingDelayUs);
    if (bytesAcked <= 0)
        return; // nothing was acknowledged: no new evidence either way
    const double window = double(m_window);
    const double delayRatio = double(m_lastDelayUs) / double(kTargetUs);
    // The part of a round trip this tick stands for: the window is acknowledged once per RTT.
    const double rounds = std::min(1.0, double(bytesAcked) / window);
    double next = window;
    // LEDBAT++ leaves slow start once the delay reaches three quarters of the target.
    if (m_slowStart && delayRatio > 0.75)
        m_slowStart = false;
    if (delayRatio < 1.0) {
        if (!windowLimited)
            return; // an upload that did not use its window learns nothing about the path
        next += m_slowStart ? double(bytesAcked) // doubles per round trip
                            : (1.0 - delayRatio) * double(kSegment) * rounds;
    } else {
        // Above the target: shrink in proportion to how far above it is, by at most half a
        // window per round trip.
        const double perRound =
            std::max(-window / 2.0, double(kSegment) - window * (delayRatio - 1.0));
        next += std::min(0.0, perRound) * rounds;
    }
    m_window = std::clamp(qint64(next), kMinWindow, kMaxWindow);
}

} // namespace opendo::transfer
