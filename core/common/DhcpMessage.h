#pragma once

// Options of a raw DHCPv4 message (RFC 2131 / 2132), as dhcpcd keeps its leases: the BOOTP
// header, the magic cookie, then the options. Options overloaded into the header's `file` and
// `sname` fields (option 52) are read too, and an option split into several instances is
// joined back (RFC 3396). Hostile input is bounded by the message itself: a truncated option
// ends the scan, nothing reads past the buffer.

#include <QByteArray>
#include <optional>

namespace opendo {

// True when `bytes` is long enough for the BOOTP header and carries the DHCP magic cookie.
bool isDhcpMessage(const QByteArray& bytes);

// The option's raw bytes, joined over all its instances; nullopt when the message does not
// carry it or is not a DHCP message.
std::optional<QByteArray> dhcpMessageOption(const QByteArray& message, int code);

} // namespace opendo
