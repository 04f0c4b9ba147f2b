#include "policy/formats/PolicyDocument.h"

#include "policy/formats/JsonPolicy.h"
#include "policy/formats/RegFile.h"
#include "policy/formats/RegistryPol.h"
#include "policy/formats/SyncMl.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace opendo::policy {

std::optional<PolicyFormat> formatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("reg"))
        return PolicyFormat::Reg;
    if (suffix == QLatin1String("pol"))
        return PolicyFormat::Pol;
    if (suffix == QLatin1String("xml"))
        return PolicyFormat::SyncMl;
    if (suffix == QLatin1String("json"))
        return PolicyFormat::Json;
    return std::nullopt;
}

QString formatName(PolicyFormat format)
{
    switch (format) {
    case PolicyFormat::Reg:
        return QCoreApplication::translate("opendo::policy", "Registry file (.reg)");
    case PolicyFormat::Pol:
        return QCoreApplication::translate("opendo::policy", "Group Policy Registry.pol (.pol)");
    case PolicyFormat::SyncMl:
        return QCoreApplication::translate("opendo::policy", "MDM SyncML (.xml)");
    case PolicyFormat::Json:
        return QCoreApplication::translate("opendo::policy", "OpenDO JSON (.json)");
    }
    return {};
}

PolicyParseResult parsePolicyDocument(PolicyFormat format, const QByteArray& bytes)
{
    PolicyParseResult result;
    if (bytes.size() > kMaxPolicyDocumentBytes) {
        // Real policy sets are a few KB; refusing early keeps hostile files from costing
        // memory and time in the parsers.
        result.error =
            QCoreApplication::translate("opendo::policy", "The file is %1 bytes long; policy files "
                                                          "larger than %2 bytes are not read.")
                .arg(bytes.size())
                .arg(kMaxPolicyDocumentBytes);
        return result;
    }
    switch (format) {
    case PolicyFormat::Reg:
        result = formats::parseRegFile(bytes);
        break;
    case PolicyFormat::Pol:
        result = formats::parseRegistryPol(bytes);
        break;
    case PolicyFormat::SyncMl:
        result = formats::parseSyncMl(bytes);
        break;
    case PolicyFormat::Json:
        result = formats::parseJsonPolicy(bytes);
        break;
    }
    // All or nothing: a half-read policy set must never be applied.
    if (!result.ok)
        result.changes.clear();
    return result;
}

QByteArray writePolicyDocument(PolicyFormat format, const QMap<QString, QString>& values)
{
    switch (format) {
    case PolicyFormat::Reg:
        return formats::writeRegFile(values);
    case PolicyFormat::Pol:
        return formats::writeRegistryPol(values);
    case PolicyFormat::SyncMl:
        return formats::writeSyncMl(values);
    case PolicyFormat::Json:
        return formats::writeJsonPolicy(values);
    }
    return {};
}

} // namespace opendo::policy
