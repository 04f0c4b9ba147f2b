#pragma once

// Reading `doctl troubleshoot --json` output in tests: one check's result by its id.

#include <QJsonObject>
#include <QString>

namespace opendo::test {

// The result object of check `id` ("cache_server.share", …); empty when the report has none.
QJsonObject troubleshootCheck(const QString& reportJson, const QString& id);

} // namespace opendo::test
