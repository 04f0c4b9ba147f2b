#pragma once

// Which pieces one download asks the HTTP origin (or cache server) for next: the policy part of
// the HTTP path, apart from the job that issues the request. Pieces that peers serving us have
// are left to them while the HTTP delay runs; agents fetching the same content split the
// origin's work in stripes; a server without byte ranges gets one stream to the end; in the
// endgame the origin takes over pieces stuck with peers that do not serve or are too slow.

#include "transfer/OriginPacing.h"
#include "transfer/PiecePicker.h"

#include <functional>

namespace opendo::transfer {

// Requests in flight to the origin. Measured on loopback (2 cores, Qt 6.4): one or two streams
// of 8 MiB ranges reach 400-650 MB/s, while four parallel ones fall to ~190 MB/s.
inline constexpr int kMaxOriginRanges = 2;

struct OriginSituation
{
    OriginPacing::Gate gate = OriginPacing::Gate::Open; // not Closed: the caller asks nothing then
    bool rangesSupported = true;
    bool inSwarm = false;     // the download may use peers at all
    int connectedPeers = 0;   // of its swarm
    int servingPeers = 0;     // connected peers that unchoked us and have pieces we miss
    bool belowMinQos = false; // peers deliver less than DOMinBackgroundQos
    bool peersStalled = false;
    std::function<bool(int)> share; // this agent's stripes of the origin's work; null: all
    qint64 pieceLength = 0;
};

struct OriginSpan
{
    PiecePicker::Run run; // assigned to PiecePicker::kHttpSource; empty: nothing to fetch now
    bool includesAvailable = false; // pieces peers have were allowed (for the log)
    bool recheckSoon = false; // empty only because peers hold the rest: look again in a second
};

// Picks and assigns the next run for the origin.
OriginSpan chooseOriginSpan(PiecePicker& picker, const OriginSituation& s);

} // namespace opendo::transfer
