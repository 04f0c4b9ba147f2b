#include "policy/PolicyCatalog.h"

#include "policy/catalog/PolicyTables.h"

#include <QCoreApplication>
#include <vector>

// Facts (names, ranges, defaults, versions) follow /work/shared/reference/do-policies.tsv, which
// tests/core/policy/data/do-policies-facts.tsv mirrors; test_policy_catalog checks this table
// against it. Descriptions and meanings are OpenDO's own wording.

namespace opendo::policy {

namespace {

constexpr const char* kContext = "opendo::policy";

// Translates a string marked with QT_TRANSLATE_NOOP("opendo::policy", ...) in the table.
QString translated(const char* text)
{
    return QCoreApplication::translate(kContext, text);
}

QString unitText(qint64 value, const char* unit)
{
    const QLatin1String u(unit);
    if (u == QLatin1String("seconds"))
        return QCoreApplication::translate("opendo::policy", "%1 seconds").arg(value);
    if (u == QLatin1String("percent"))
        return QCoreApplication::translate("opendo::policy", "%1%").arg(value);
    if (u == QLatin1String("GB"))
        return QCoreApplication::translate("opendo::policy", "%1 GB").arg(value);
    if (u == QLatin1String("MB"))
        return QCoreApplication::translate("opendo::policy", "%1 MB").arg(value);
    if (u == QLatin1String("KB/s"))
        return QCoreApplication::translate("opendo::policy", "%1 KB/s").arg(value);
    if (u == QLatin1String("hour of day"))
        return QCoreApplication::translate("opendo::policy", "%1:00")
            .arg(value, 2, 10, QLatin1Char('0'));
    return QString::number(value);
}

} // namespace

std::span<const PolicyDefinition> PolicyCatalog::all()
{
    // One contiguous, ordered view over the per-group tables, built once.
    static const std::vector<PolicyDefinition> table = [] {
        std::vector<PolicyDefinition> all;
        for (auto part : {catalog::peerAndCachePolicies(), catalog::bandwidthPolicies(),
                          catalog::cacheServerAndGatesPolicies()})
            all.insert(all.end(), part.begin(), part.end());
        return all;
    }();
    return table;
}

const PolicyDefinition* PolicyCatalog::find(const QString& key)
{
    if (key.isEmpty())
        return nullptr;
    for (const PolicyDefinition& def : all()) {
        if (key.compare(QLatin1String(def.key), Qt::CaseInsensitive) == 0)
            return &def;
    }
    return nullptr;
}

const PolicyDefinition* PolicyCatalog::findByRegistryValue(const QString& valueName)
{
    if (valueName.isEmpty())
        return nullptr;
    for (const PolicyDefinition& def : all()) {
        if (valueName.compare(QLatin1String(def.registryValue), Qt::CaseInsensitive) == 0)
            return &def;
    }
    return nullptr;
}

QStringList PolicyCatalog::childrenOf(const QString& compositeKey)
{
    const PolicyDefinition* parent = find(compositeKey);
    if (!parent || !parent->isComposite())
        return {};
    static constexpr std::array<const char*, 4> suffixes{"_From", "_To", "_In", "_Out"};
    QStringList children;
    for (const char* suffix : suffixes) {
        const QString childKey = QLatin1String(parent->key) + QLatin1String(suffix);
        const PolicyDefinition* child = find(childKey);
        if (child && QLatin1String(child->parentKey) == QLatin1String(parent->key))
            children.append(QLatin1String(child->key));
    }
    return children;
}

QString PolicyCatalog::categoryName(PolicyCategory category)
{
    switch (category) {
    case PolicyCategory::DownloadModeAndPeers:
        return QCoreApplication::translate("opendo::policy", "Download mode and peers");
    case PolicyCategory::Cache:
        return QCoreApplication::translate("opendo::policy", "Cache");
    case PolicyCategory::Bandwidth:
        return QCoreApplication::translate("opendo::policy", "Bandwidth");
    case PolicyCategory::BusinessHours:
        return QCoreApplication::translate("opendo::policy", "Business hours");
    case PolicyCategory::CacheServer:
        return QCoreApplication::translate("opendo::policy", "Cache servers");
    case PolicyCategory::VpnAndPowerGates:
        return QCoreApplication::translate("opendo::policy", "VPN and power");
    }
    return {};
}

QString PolicyCatalog::typeName(PolicyType type)
{
    switch (type) {
    case PolicyType::Integer:
        return QCoreApplication::translate("opendo::policy", "Number");
    case PolicyType::Enumeration:
        return QCoreApplication::translate("opendo::policy", "Choice");
    case PolicyType::Boolean:
        return QCoreApplication::translate("opendo::policy", "On/off");
    case PolicyType::Guid:
        return QCoreApplication::translate("opendo::policy", "GUID");
    case PolicyType::Path:
        return QCoreApplication::translate("opendo::policy", "Path");
    case PolicyType::List:
        return QCoreApplication::translate("opendo::policy", "List");
    case PolicyType::BusinessHours:
        return QCoreApplication::translate("opendo::policy", "Business hours");
    }
    return {};
}

QString PolicyCatalog::description(const PolicyDefinition& def)
{
    return translated(def.description);
}

QString PolicyCatalog::meaningOf(const PolicyDefinition& def, qint64 value)
{
    for (const AllowedValue& allowed : def.allowed) {
        if (allowed.value == value)
            return translated(allowed.meaning);
    }
    return {};
}

QString PolicyCatalog::withUnit(qint64 value, const PolicyDefinition& def)
{
    return unitText(value, def.unit);
}

QString PolicyCatalog::defaultDisplay(const PolicyDefinition& def)
{
    if (def.isNumeric()) {
        if (!def.defaultNumber)
            return QCoreApplication::translate("opendo::policy", "Not configured");
        const qint64 value = *def.defaultNumber;
        const QString meaning = meaningOf(def, value);
        if (!meaning.isEmpty())
            return QCoreApplication::translate("opendo::policy", "%1 (%2)").arg(value).arg(meaning);
        return unitText(value, def.unit);
    }
    if (def.defaultText && *def.defaultText)
        return QString::fromUtf8(def.defaultText);
    return QCoreApplication::translate("opendo::policy", "Not configured");
}

QString PolicyCatalog::registryKeyPath()
{
    return QStringLiteral("SOFTWARE\\Policies\\Microsoft\\Windows\\DeliveryOptimization");
}

QString PolicyCatalog::omaUriPrefix()
{
    return QStringLiteral("./Device/Vendor/MSFT/Policy/Config/DeliveryOptimization/");
}

} // namespace opendo::policy
