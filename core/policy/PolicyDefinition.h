#pragma once

// What one Delivery Optimization setting is: names, type, range, default and meaning.

#include <QtGlobal>
#include <optional>
#include <span>

namespace opendo::policy {

enum class PolicyType
{
    Integer,       // REG_DWORD with a numeric range and a unit
    Enumeration,   // REG_DWORD restricted to the listed values
    Boolean,       // REG_DWORD 0 or 1
    Guid,          // REG_SZ holding a GUID
    Path,          // REG_SZ holding a drive, folder or environment variable
    List,          // REG_SZ holding comma-separated items
    BusinessHours, // no value of its own: groups the four _From/_To/_In/_Out values
};

enum class PolicyCategory
{
    DownloadModeAndPeers,
    Cache,
    Bandwidth,
    BusinessHours,
    CacheServer,
    VpnAndPowerGates,
};

// One permitted value of an enumeration/boolean, or a documented special value of a number
// (e.g. 0 = unlimited). `meaning` is marked with QT_TRANSLATE_NOOP("opendo::policy", ...).
struct AllowedValue
{
    qint64 value;
    const char* meaning;
};

struct PolicyDefinition
{
    const char* key;           // DO policy name, e.g. "DOMaxCacheSize"
    const char* gpName;        // Group Policy display name (English, as in the ADMX)
    const char* registryValue; // value name under the policy key; "" for BusinessHours
    PolicyType type;
    const char* unit; // "percent", "GB", "KB/s", "seconds", "hour of day", "MB", "" ...
    qint64 minimum;   // numeric types only
    qint64 maximum;   // numeric types only
    std::optional<qint64> defaultNumber; // numeric types; nullopt = "not configured"
    const char* defaultText;             // text types; "" = not set
    std::span<const AllowedValue> allowed;
    const char* minWindowsVersion;
    const char* deprecation; // "" when current; otherwise since when and why
    const char* replacement; // "" or the key(s) to use instead
    PolicyCategory category;
    const char* description; // one line, QT_TRANSLATE_NOOP("opendo::policy", ...)
    const char* sourceNote;  // where sources disagree: our choice and the alternative; or ""
    const char* parentKey;   // BusinessHours sub-values name their group; "" otherwise

    bool isNumeric() const
    {
        return type == PolicyType::Integer || type == PolicyType::Enumeration ||
               type == PolicyType::Boolean;
    }
    bool isText() const
    {
        return type == PolicyType::Guid || type == PolicyType::Path || type == PolicyType::List;
    }
    bool isComposite() const { return type == PolicyType::BusinessHours; }
    bool isDeprecated() const { return deprecation && *deprecation; }
};

} // namespace opendo::policy
