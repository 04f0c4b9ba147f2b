#pragma once

// How much a peer upload may have outstanding (queued in our socket and in flight) so that it
// yields to the user's other traffic: a delay-based window after RFC 6817 (LEDBAT), with the
// slow start and multiplicative decrease of LEDBAT++ so that it fills an idle link quickly and
// gets out of the way quickly. Linux offers sockets no delay-based congestion control, so the
// agent keeps this window above TCP's own: TCP decides how fast the bytes we hand it go out,
// this decides how many we hand it.
//
// Fed once per tick with the queuing delay (smoothed RTT minus the path's minimum RTT) and the
// bytes acknowledged since the previous tick. The window grows only while the upload actually
// used it (RFC 6817 §2.4.2: no growth while application-limited).

#include <QtGlobal>

namespace opendo::transfer {

class LedbatWindow
{
public:
    static constexpr qint64 kSegment = 1448;            // bytes, a TCP segment on Ethernet
    static constexpr qint64 kTargetUs = 100'000;        // RFC 6817's TARGET (its maximum)
    static constexpr qint64 kMinWindow = 2 * kSegment;  // RFC 6817 MIN_CWND
    static constexpr qint64 kInitialWindow = 64 * 1024; // four blocks
    static constexpr qint64 kMaxWindow = 16 * 1024 * 1024;

    // `windowLimited`: the upload had more to send than the window allowed during the tick.
    void update(qint64 queuingDelayUs, qint64 bytesAcked, bool windowLimited);

    qint64 window() const { return m_window; }
    bool inSlowStart() const { return m_slowStart; }
    qint64 lastQueuingDelayUs() const { return m_lastDelayUs; }

private:
    qint64 m_window = kInitialWindow;
    bool m_slowStart = true;
    qint64 m_lastDelayUs = 0;
};

} // namespace opendo::transfer
