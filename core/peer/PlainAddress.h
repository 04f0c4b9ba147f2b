#pragma once

// Dual-stack sockets and trackers write IPv4 peers as IPv4-mapped IPv6 (::ffff:a.b.c.d); users,
// NAT maps and registries mean a.b.c.d. Every place that compares or shows an address uses this
// one form.

#include <QHostAddress>

namespace opendo::peer {

// The IPv4 form of an IPv4-mapped IPv6 address; any other address unchanged.
QHostAddress plainAddress(const QHostAddress& address);

} // namespace opendo::peer
