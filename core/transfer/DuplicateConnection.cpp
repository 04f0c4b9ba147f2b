#include "transfer/DuplicateConnection.h"

namespace opendo::transfer {

KeptConnection keepOnDuplicate(const QByteArray& ourPeerId, const QByteArray& remotePeerId,
                               bool newIsOutgoing, bool existingIsOutgoing)
{
    if (newIsOutgoing == existingIsOutgoing)
        return KeptConnection::Existing;
    const bool weOpenTheKeptOne = ourPeerId < remotePeerId;
    return newIsOutgoing == weOpenTheKeptOne ? KeptConnection::New : KeptConnection::Existing;
}

} // namespace opendo::transfer
