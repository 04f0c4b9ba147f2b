#include "log/LogCategories.h"

namespace opendo::log {

// Info and above by default: connections, bans and evictions are what users look for.
Q_LOGGING_CATEGORY(lcAgent, "opendo.agent", QtInfoMsg)
Q_LOGGING_CATEGORY(lcPeer, "opendo.peer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSwarm, "opendo.swarm", QtInfoMsg)
Q_LOGGING_CATEGORY(lcTransfer, "opendo.transfer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "opendo.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcControl, "opendo.control", QtInfoMsg)

} // namespace opendo::log
