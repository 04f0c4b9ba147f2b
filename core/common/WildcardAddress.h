#pragma once

// "Any address": what a listener given no address, 0.0.0.0 or :: binds to. Listeners on a
// wildcard reach every interface, so code that needs one interface or one address (the
// address to announce, the interfaces to multicast on) has to pick them itself.

#include <QHostAddress>

namespace opendo {

inline bool isWildcardAddress(const QHostAddress& address)
{
    return address.isNull() || address == QHostAddress::Any || address == QHostAddress::AnyIPv4 ||
           address == QHostAddress::AnyIPv6;
}

} // namespace opendo
