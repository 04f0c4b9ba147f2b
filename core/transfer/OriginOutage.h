#pragma once

// The origin of a peerable download failed for good (after the HTTP source's own retries)
// while peers were serving it: the download carries on from the peers instead of failing,
// asks the origin again after a pause that doubles with every failed attempt, and gives up only
// when an origin attempt fails and no peer is left that still delivers. Times are passed in
// (milliseconds on one monotonic clock) so the rules can be tested without waiting.

#include "transfer/HttpRangeSource.h"

namespace opendo::transfer {

class OriginOutage
{
public:
    static constexpr qint64 kFirstPauseMs = 5'000;
    static constexpr qint64 kMaxPauseMs = 30'000;
    // Connected peers that have delivered nothing for this long no longer count as serving.
    static constexpr qint64 kPeerPatienceMs = 15'000;

    struct Peers
    {
        int serving = 0;           // peers that unchoked us and hold pieces we miss
        qint64 sinceLastPiece = 0; // ms since a peer last handed over a verified piece
    };
    enum class Verdict
    {
        CarryOn, // peers can deliver; the origin rests until retryInMs() is 0
        GiveUp,  // no peer would deliver either: the download fails with error()
    };

    // A range from the origin failed for good at `nowMs`. Failures of ranges that were already
    // in flight when the outage began are one failure, not several: the pause grows only when
    // an attempt made after a pause fails.
    Verdict failed(const HttpError& error, qint64 nowMs, Peers peers);
    // The origin delivered bytes again: the outage is over.
    void recovered();

    bool active() const { return m_active; }
    const HttpError& error() const { return m_error; }
    int failedAttempts() const { return m_attempts; }
    // 0 when the origin may be asked now (no outage, or its pause has passed).
    qint64 retryInMs(qint64 nowMs) const;

private:
    bool m_active = false;
    HttpError m_error;
    int m_attempts = 0;
    qint64 m_retryAtMs = 0;
};

} // namespace opendo::transfer
