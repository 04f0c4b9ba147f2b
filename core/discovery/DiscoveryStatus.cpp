#include "discovery/DiscoveryStatus.h"

#include <QCoreApplication>

namespace opendo::discovery {

QString discoveryStateKey(DiscoveryState state)
{
    switch (state) {
    case DiscoveryState::NotConfigured:
        return QStringLiteral("not_configured");
    case DiscoveryState::Contacting:
        return QStringLiteral("contacting");
    case DiscoveryState::Reachable:
        return QStringLiteral("reachable");
    case DiscoveryState::Unreachable:
        return QStringLiteral("unreachable");
    }
    return {};
}

QString discoveryStateLabel(DiscoveryState state)
{
    switch (state) {
    case DiscoveryState::NotConfigured:
        return QCoreApplication::translate("opendo::discovery", "Not configured");
    case DiscoveryState::Contacting:
        return QCoreApplication::translate("opendo::discovery", "Contacting");
    case DiscoveryState::Reachable:
        return QCoreApplication::translate("opendo::discovery", "Reachable");
    case DiscoveryState::Unreachable:
        return QCoreApplication::translate("opendo::discovery", "Unreachable");
    }
    return {};
}

} // namespace opendo::discovery
