#pragma once

// The fair choker's decision for one round, apart from the connections it is applied to: which
// interested peers get an upload slot. While this device downloads the content it rewards the
// peers that gave it the most last round (tit-for-tat); as a seed it favours whoever got the
// least from it, so every downloader gets a share. One slot is optimistic: a random peer among
// the rest, so newcomers with nothing to trade get a start.

#include <QList>
#include <functional>

namespace opendo::transfer {

struct UnchokeCandidate
{
    int key = 0;                 // the caller's handle for the peer
    qint64 downloadedFromIt = 0; // bytes it gave us last round
    qint64 uploadedToIt = 0;     // bytes we gave it last round
};

// Keys of the candidates to unchoke: at most `slots`. `pickOptimistic(n)` returns a number in
// [0, n) (random in the agent; fixed in tests).
QList<int> chooseUnchoked(QList<UnchokeCandidate> candidates, bool downloading, int slots,
                          const std::function<int(int)>& pickOptimistic);

} // namespace opendo::transfer
