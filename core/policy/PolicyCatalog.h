#pragma once

// The catalog of every Delivery Optimization setting OpenDO knows, in a fixed display order.

#include "policy/PolicyDefinition.h"

#include <QString>
#include <QStringList>
#include <span>

namespace opendo::policy {

class PolicyCatalog
{
public:
    static std::span<const PolicyDefinition> all();
    // nullptr when the key is unknown; keys compare case-insensitively as the registry does.
    static const PolicyDefinition* find(const QString& key);
    static const PolicyDefinition* findByRegistryValue(const QString& valueName);
    // The four stored sub-values of a BusinessHours group, in From, To, In, Out order.
    static QStringList childrenOf(const QString& compositeKey);

    static QString categoryName(PolicyCategory category); // translated
    static QString typeName(PolicyType type);             // translated
    static QString description(const PolicyDefinition& def);
    static QString meaningOf(const PolicyDefinition& def, qint64 value); // "" when none
    static QString defaultDisplay(const PolicyDefinition& def);          // translated
    // A number with the setting's unit, translated ("259200 seconds", "20 %", "08:00").
    static QString withUnit(qint64 value, const PolicyDefinition& def);

    // Registry key under HKLM that Group Policy writes, and the MDM Policy CSP prefix.
    static QString registryKeyPath(); // SOFTWARE\Policies\Microsoft\Windows\DeliveryOptimization
    static QString omaUriPrefix();    // ./Device/Vendor/MSFT/Policy/Config/DeliveryOptimization/
};

} // namespace opendo::policy
