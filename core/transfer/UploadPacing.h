#pragma once

// Paces a swarm's uploads on the delay they add to each peer's path (LedbatWindow per
// connection), so that peer uploads yield to the user's other traffic as DO's do. A block may
// be handed to a socket only while what the connection has outstanding — in our send buffer
// and in the kernel's send queue — stays under its window. Every tick the windows learn from
// the kernel's RTT figures and the bytes acknowledged, and the uploader is asked to go on.
// Where the kernel has no such figures (not Linux), the send buffer bound alone applies.

#include "peer/PeerConnection.h"
#include "transfer/LedbatWindow.h"

#include <QHash>
#include <QObject>
#include <QTimer>

namespace opendo::transfer {

struct PacingState
{
    qint64 windowBytes = 0; // 0: not paced (no kernel figures)
    qint64 queuingDelayUs = 0;
};

class UploadPacing : public QObject
{
    Q_OBJECT
public:
    // Bytes in our own send buffer before we stop adding blocks, paced or not: enough to keep
    // the link busy between two event-loop turns, small enough that a choke or cancel takes
    // effect soon.
    static constexpr qint64 kMaxBuffered = 1024 * 1024;
    static constexpr int kTickMs = 20;

    explicit UploadPacing(QObject* parent = nullptr);

    // Whether another block may be handed to the connection now; a refusal arms the tick that
    // brings `resume`.
    bool mayQueue(peer::PeerConnection* connection);
    void forget(peer::PeerConnection* connection);
    PacingState stateOf(peer::PeerConnection* connection) const;

Q_SIGNALS:
    void resume(); // windows were updated: try sending again

private:
    struct Paced
    {
        LedbatWindow window;
        qint64 lastAcked = 0; // the kernel's count at the last tick (or the first sample)
        bool limited = false; // refused since the last tick
        // What was outstanding at the last kernel sample, and the payload sent by then: with
        // the blocks handed over since, an upper bound of what is outstanding now (buffers
        // only drain), so the kernel is asked again only when that bound reaches the window.
        qint64 outstandingAtSample = 0;
        qint64 sentAtSample = 0;

        qint64 outstandingBound(const peer::PeerConnection& c) const
        {
            return outstandingAtSample + c.payloadSent() - sentAtSample;
        }
        void noteSample(const peer::PeerConnection& c, const peer::TcpPathSample& sample)
        {
            outstandingAtSample = c.bytesToWrite() + sample.kernelQueued;
            sentAtSample = c.payloadSent();
        }
    };
    void tick();

    QHash<peer::PeerConnection*, Paced> m_paced;
    QTimer m_tick;
};

} // namespace opendo::transfer
