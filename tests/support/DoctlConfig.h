#pragma once

// Configuring an agent's data directory the way an administrator does: `doctl config set` for
// each "KEY=VALUE" (DO policies and OpenDO's own settings alike).

#include <QString>
#include <QStringList>

namespace opendo::test {

// "" when every setting was accepted; otherwise the first refused one and doctl's message.
QString configureWithDoctl(const QString& dataDir, const QStringList& settings);

} // namespace opendo::test
