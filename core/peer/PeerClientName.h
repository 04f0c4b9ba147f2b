#pragma once

// Which program is on the other end, for the peers list: most BitTorrent clients put
// "-XXvvvv-" (a two-letter client code and four version characters) at the start of their
// peer id, as Azureus did first.

#include <QByteArray>
#include <QString>

namespace opendo::peer {

// "libtorrent 2.0.10.0" for "-LT20A0-…"; an unknown code is shown as the code itself; empty
// when the peer id does not follow the convention.
QString clientNameFromPeerId(const QByteArray& peerId);

} // namespace opendo::peer
