#pragma once

// Decides which missing piece each source fetches next. Peers get the rarest piece they have
// (ties broken randomly, so peers that start together spread out); the HTTP origin gets runs of
// consecutive pieces that no usable peer has, starting in the middle of the largest such gap so
// that agents which start at different times fetch different parts from the origin. Once every
// missing piece is assigned, endgame lets a second source fetch a piece already in flight.
//
// Pure bookkeeping, no I/O: sources are identified by small integer keys chosen by the caller.

#include <QBitArray>
#include <QList>
#include <QVector>
#include <functional>
#include <random>

namespace opendo::transfer {

class PiecePicker
{
public:
    using SourceKey = int;
    static constexpr SourceKey kHttpSource = 0; // peers use keys > 0

    explicit PiecePicker(int pieceCount, quint32 seed = std::random_device{}());

    int pieceCount() const { return m_pieceCount; }

    // --- our pieces ---
    void setPresent(int piece); // verified and durable: never picked again
    bool isPresent(int piece) const;
    int presentCount() const { return m_presentCount; }
    bool complete() const { return m_presentCount == m_pieceCount; }
    int missingUnassignedCount() const; // missing pieces no source is fetching
    // The piece's bytes are in hand and on their way to verification and the disk: no source
    // fetches it again meanwhile (else endgame would request it over and over until the batch
    // is durable). clearReceived puts it back, for when verification fails.
    void setReceived(int piece);
    void clearReceived(int piece);

    // --- availability: how many usable peers have each piece ---
    void addAvailability(const QBitArray& peerHas);
    void removeAvailability(const QBitArray& peerHas);
    void addHave(int piece);
    void removeHave(int piece);
    int availability(int piece) const;

    // --- assignment ---
    // The next piece for a peer whose availability is `peerHas`, or -1. Rarest first among
    // missing pieces nobody is fetching; in endgame (none left) a piece in flight from another
    // source, the least duplicated first. Never a piece this source already fetches.
    int pickForPeer(SourceKey source, const QBitArray& peerHas);
    // Up to maxPieces consecutive missing, unassigned pieces with availability 0, as
    // [first, last]; {-1, -1} when there are none. With `includeAvailable`, pieces that peers
    // have count too (the HTTP delay is over or peers are not serving).
    struct Run
    {
        int first = -1;
        int last = -1;
        bool empty() const { return first < 0; }
    };
    // `spread`: other agents fetch this content too (peers are connected). The run then starts at
    // a random point in the middle half of the largest gap, so agents that decide at the same
    // moment, with the same stale view of each other, rarely fetch the same bytes; and no agent
    // streams in lockstep behind another.
    // `allowed` narrows the candidates further (null: every piece).
    Run pickForHttp(int maxPieces, bool includeAvailable, bool spread = false,
                    const std::function<bool(int)>& allowed = {});
    // Endgame for the origin: one piece in flight from a peer (not from HTTP), least duplicated
    // first, or -1.
    int pickInFlightForHttp();
    // The lowest missing piece that no source fetches and that is not on its way to the disk, or
    // -1. Not assigned: for a stream from a server without ranges, which starts at byte 0 anyway.
    int firstFreeMissing() const;

    void assign(int piece, SourceKey source); // pick* already assign; for the caller's own runs
    // The source gives up the piece (finished, failed, disconnected). Returns whether it held it.
    bool release(int piece, SourceKey source);
    // Releases everything the source holds; returns those pieces.
    QList<int> releaseAll(SourceKey source);
    bool isAssigned(int piece) const;
    bool isAssignedTo(int piece, SourceKey source) const;
    QList<SourceKey> sourcesOf(int piece) const;
    bool inEndgame() const { return missingUnassignedCount() == 0 && !complete(); }

private:
    int m_pieceCount;
    QVector<bool> m_present;
    QVector<bool> m_received;
    int m_presentCount = 0;
    QVector<int> m_availability;
    QVector<QList<SourceKey>> m_assigned; // per piece, sources currently fetching it
    int m_unassignedMissing;
    std::mt19937 m_random;
};

} // namespace opendo::transfer
