#pragma once

// The link from a swarm to the download it feeds: where the swarm's peers get their piece
// assignments and where assembled pieces go to be verified and stored. A swarm without a sink
// only seeds.

#include "transfer/SourceClass.h"

#include <QByteArray>

namespace opendo::transfer {

class PiecePicker;

class PieceSink
{
public:
    virtual ~PieceSink() = default;
    virtual PiecePicker& picker() = 0;
    // False while verification/storage is behind: peers should not be asked for more pieces.
    virtual bool acceptsMorePieces() const = 0;
    // A whole piece assembled from one peer's blocks, not yet verified. The sink verifies it and
    // answers with Swarm::pieceStored or Swarm::pieceRejected.
    virtual void pieceFromPeer(int piece, QByteArray data, int sourceKey, SourceClass cls) = 0;
    // The peers changed in a way that may change what HTTP should fetch (a peer came, went,
    // choked or unchoked us, announced pieces).
    virtual void peersChanged() = 0;
};

} // namespace opendo::transfer
