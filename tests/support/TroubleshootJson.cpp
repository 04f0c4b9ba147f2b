#include "support/TroubleshootJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace opendo::test {

QJsonObject troubleshootCheck(const QString& reportJson, const QString& id)
{
    const QJsonArray results = QJsonDocument::fromJson(reportJson.toUtf8())["Results"].toArray();
    for (const QJsonValue& check : results) {
        if (check["Id"].toString() == id)
            return check.toObject();
    }
    return {};
}

} // namespace opendo::test
