#pragma once

// What the kernel knows about a TCP connection's path, for pacing uploads on queuing delay
// (RFC 6817 LEDBAT): the smoothed and the minimum round-trip time (their difference is the
// delay our own traffic queued up), the bytes the peer has acknowledged so far, and the bytes
// still in the kernel's send queue (unsent or unacknowledged). Linux only (TCP_INFO,
// SIOCOUTQ); elsewhere there is no sample and uploads are paced by the bandwidth policies only.

#include <QtGlobal>
#include <optional>

namespace opendo::peer {

struct TcpPathSample
{
    qint64 smoothedRttUs = 0;
    qint64 minRttUs = 0;     // the kernel's windowed minimum: the path's base delay
    qint64 bytesAcked = 0;   // since the connection opened
    qint64 kernelQueued = 0; // in the send queue: not yet sent, or sent and not yet acked

    qint64 queuingDelayUs() const { return qMax<qint64>(0, smoothedRttUs - minRttUs); }
};

std::optional<TcpPathSample> sampleTcpPath(qintptr socketDescriptor);

} // namespace opendo::peer
