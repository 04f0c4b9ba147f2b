#pragma once

// When a download's origin (the HTTP source) may fetch, and what, while peers serve the same
// content: it waits briefly for peers that are still connecting, honours
// DODelayForeground/BackgroundDownloadFromHttp by fetching only what no serving peer has, and
// tops up slow peers to the DOMinBackgroundQos floor (background downloads even during the
// delay, foreground ones once it has passed). One per download run; lives on the job's thread.

#include <QElapsedTimer>
#include <QString>

namespace opendo::transfer {

class BandwidthLimiter;
class PeerHub;
class Swarm;

class OriginPacing
{
public:
    enum class Gate
    {
        Open,         // anything missing
        UnservedOnly, // the HTTP delay runs: only pieces no connected peer has
        Closed,       // peers we were told about are still connecting
    };
    struct Decision
    {
        Gate gate = Gate::Open;
        qint64 recheckInMs = 0; // > 0: ask again then, the gate may have opened
    };

    OriginPacing(PeerHub& peers, const BandwidthLimiter& limiter, bool foreground,
                 qint64 pieceLength, QString jobId);

    void start();         // a new run begins fetching: clocks and the QoS verdict restart
    void peerDelivered(); // a peer handed over a piece
    // Peers that delivered nothing for a while no longer keep the origin from their pieces.
    bool peersStalled() const;
    qint64 msSincePeerPiece() const { return m_lastPeerPiece.elapsed(); }
    // The last full measuring window was slower than DOMinBackgroundQos: the origin takes
    // pieces peers have, too.
    bool belowMinQos() const { return m_belowMinQos; }

    // `bytesReceived`: everything this download has stored so far; `rangesSupported`: without
    // byte ranges the origin can only stream everything, so a hold closes it completely.
    Decision decide(const Swarm& swarm, qint64 bytesReceived, bool rangesSupported);

private:
    void measure(qint64 bytesReceived); // ends a QoS measuring window when it is due

    PeerHub& m_peers;
    const BandwidthLimiter& m_limiter;
    bool m_foreground;
    qint64 m_pieceLength;
    QString m_jobId;
    QElapsedTimer m_clock; // since this run began fetching
    QElapsedTimer m_lastPeerPiece;
    QElapsedTimer m_qosWindow;   // the current DOMinBackgroundQos measuring window
    qint64 m_qosWindowBytes = 0; // bytes received when it began
    bool m_belowMinQos = false;
};

} // namespace opendo::transfer
