#pragma once

// Two agents that dial each other at the same moment end up with two connections. Each side
// sees both become ready, in either order, and must close the same one: if each closed the one
// that became ready second on its side, differing orders would close both.

#include <QByteArray>

namespace opendo::transfer {

enum class KeptConnection
{
    Existing, // close the connection that just became ready
    New,      // close the one that was there first
};

// The connection the agent with the lower peer id opened stays; when both were opened by the
// same side (two dials from here), the first one stays.
KeptConnection keepOnDuplicate(const QByteArray& ourPeerId, const QByteArray& remotePeerId,
                               bool newIsOutgoing, bool existingIsOutgoing);

} // namespace opendo::transfer
