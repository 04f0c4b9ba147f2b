#pragma once

// Shared by the four importers: turns one (name, raw value, place) found in a document into a
// checked PolicyChange, with errors that say where in the file and which setting.

#include "policy/PolicyDefinition.h"
#include "policy/PolicyState.h"

#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace opendo::policy::formats {

// Matches the cap in checkValue; enforced here too so an oversize value is reported with its
// place before any other check looks at it.
inline constexpr qsizetype kMaxRawValueLength = 4096;

// How the document stored the value: REG_DWORD / JSON number / SyncML int, or text.
enum class RawKind
{
    Number,
    Text
};

struct MappedChange
{
    bool ok = false;
    PolicyChange change;
    QString error;
};

// "line 4: message"; just the message when place is empty (JSON names the key instead).
QString placed(const QString& place, const QString& message);

// A stored (non-composite) setting by its registry value name (.reg, .pol). Business-hours
// parents, empty and unknown names give nullptr and an error naming the place.
const PolicyDefinition* findStoredByRegistryName(const QString& place, const QString& name,
                                                 QString* error);
// The same by catalog key (JSON).
const PolicyDefinition* findStoredByKey(const QString& place, const QString& key, QString* error);

// Checks kind, length and checkValue; the change carries the canonical key and value.
MappedChange mapValue(const QString& place, const PolicyDefinition& def, RawKind kind,
                      const QString& raw);
PolicyChange removalOf(const PolicyDefinition& def);
// Deleting the whole policy key removes every stored setting, in catalog order.
QList<PolicyChange> removeAllStored();

// One configured stored setting to write. Writers get canonical values; a numeric value that
// does not fit a DWORD cannot be represented in any of the formats and is left out.
struct StoredValue
{
    const PolicyDefinition* def = nullptr;
    QString text;       // canonical value
    quint32 number = 0; // numeric settings
};
QList<StoredValue> storedInCatalogOrder(const QMap<QString, QString>& values);

// Catalog order position, or -1; writers and the JSON reader order by it.
int catalogIndex(const QString& key);

} // namespace opendo::policy::formats
