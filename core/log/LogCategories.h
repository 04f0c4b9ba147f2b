#pragma once

// Logging categories of the agent. Messages go through Qt's logging so a host decides where
// they end up (stderr for do-agent, the log viewer for the console) and users can filter them
// with QT_LOGGING_RULES, e.g. "opendo.peer.debug=true".

#include <QLoggingCategory>

namespace opendo::log {

Q_DECLARE_LOGGING_CATEGORY(lcAgent)
Q_DECLARE_LOGGING_CATEGORY(lcPeer)
Q_DECLARE_LOGGING_CATEGORY(lcSwarm)
Q_DECLARE_LOGGING_CATEGORY(lcTransfer)
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcControl)

} // namespace opendo::log
