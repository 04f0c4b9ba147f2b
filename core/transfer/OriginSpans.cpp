#include "transfer/OriginSpans.h"

#include <QtGlobal>

namespace opendo::transfer {

namespace {

constexpr qint64 kSpanBytes = 8 * 1024 * 1024; // bytes per range request
// With peers around, shorter ranges: what one agent fetches from the origin it fetches alone, and
// a short range leaves less for two agents to fetch twice.
constexpr qint64 kSpanBytesWithPeers = 2 * 1024 * 1024;

// A server that ignores Range sends the file from its first byte whatever was asked, so the
// stream starts at the first piece nobody fetches (not in the middle of a gap, as ranged runs
// do: the bytes before it would cross the network for nothing) and takes every free piece to
// the end; pieces that are present or arrive from elsewhere meanwhile are skipped by the job.
OriginSpan wholeStream(PiecePicker& picker)
{
    OriginSpan span;
    const int first = picker.firstFreeMissing();
    if (first < 0)
        return span;
    const int last = picker.pieceCount() - 1;
    for (int p = first; p <= last; ++p) {
        if (!picker.isPresent(p) && !picker.isAssigned(p))
            picker.assign(p, PiecePicker::kHttpSource);
    }
    span.run = {first, last};
    span.includesAvailable = true;
    return span;
}

} // namespace

OriginSpan chooseOriginSpan(PiecePicker& picker, const OriginSituation& s)
{
    if (!s.rangesSupported)
        return wholeStream(picker);
    OriginSpan span;
    const bool open = s.gate == OriginPacing::Gate::Open;
    const bool peers = s.inSwarm && s.connectedPeers > 0;
    // Without peers that serve us, or with peers too slow for DOMinBackgroundQos, the origin
    // takes any piece nobody is fetching.
    span.includesAvailable = open && (!s.inSwarm || s.servingPeers == 0 || s.belowMinQos);
    const qint64 spanBytes = peers ? kSpanBytesWithPeers : kSpanBytes;
    const int maxPieces = int(qMax<qint64>(1, spanBytes / qMax<qint64>(1, s.pieceLength)));
    // Topping up to DOMinBackgroundQos ignores the split with co-fetchers: they may be the very
    // peers that are too slow.
    span.run = picker.pickForHttp(maxPieces, span.includesAvailable, peers,
                                  s.belowMinQos ? std::function<bool(int)>() : s.share);
    if (span.run.empty() && s.peersStalled)
        span.run = picker.pickForHttp(maxPieces, span.includesAvailable, peers);
    if (span.run.empty() && open && s.inSwarm && (s.servingPeers == 0 || s.belowMinQos) &&
        picker.missingUnassignedCount() == 0) {
        // Endgame with no peer serving, or with peers too slow: the origin takes over what
        // those peers hold.
        const int piece = picker.pickInFlightForHttp();
        span.run = {piece, piece};
    }
    if (span.run.empty())
        span.recheckSoon = picker.missingUnassignedCount() > 0;
    return span;
}

} // namespace opendo::transfer
