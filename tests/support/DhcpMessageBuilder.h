#pragma once

// A DHCPv4 message (BOOTREPLY, DHCPACK) as a server sends it and dhcpcd saves it as a lease, for
// tests: `options` are appended after the magic cookie, each instance as given, then the end
// marker; `file` and `sname` fill those header fields (for option overload, RFC 2132 9.3).

#include <QByteArray>
#include <QList>
#include <utility>

namespace opendo::test {

using DhcpOptionInstance = std::pair<int, QByteArray>; // code, value (at most 255 bytes)

QByteArray dhcpOptionBytes(const QList<DhcpOptionInstance>& options, bool endMarker = true);
QByteArray dhcpAckMessage(const QList<DhcpOptionInstance>& options, const QByteArray& file = {},
                          const QByteArray& sname = {});

} // namespace opendo::test
