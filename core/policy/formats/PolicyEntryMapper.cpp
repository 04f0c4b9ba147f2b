#include "policy/formats/PolicyEntryMapper.h"

#include "policy/PolicyCatalog.h"
#include "policy/PolicyValidation.h"

#include <QCoreApplication>

namespace opendo::policy::formats {

QString placed(const QString& place, const QString& message)
{
    if (place.isEmpty())
        return message;
    return QCoreApplication::translate("opendo::policy", "%1: %2").arg(place, message);
}

namespace {

const PolicyDefinition* rejectComposite(const QString& place, const PolicyDefinition* def,
                                        QString* error)
{
    if (def && def->isComposite()) {
        // Windows stores a business-hours group only as its four sub-values; a value named
        // after the group itself would be ignored by DO, so accepting it would mislead.
        *error = placed(place, QCoreApplication::translate(
                                   "opendo::policy",
                                   "%1 is a business-hours group and has no value of its "
                                   "own; set %2 instead.")
                                   .arg(QString::fromLatin1(def->key),
                                        PolicyCatalog::childrenOf(QString::fromLatin1(def->key))
                                            .join(QStringLiteral(", "))));
        return nullptr;
    }
    return def;
}

QString unknownName(const QString& place, const QString& name)
{
    return placed(
        place, QCoreApplication::translate(
                   "opendo::policy", "\"%1\" is not a Delivery Optimization setting OpenDO knows.")
                   .arg(name.left(100)));
}

} // namespace

const PolicyDefinition* findStoredByRegistryName(const QString& place, const QString& name,
                                                 QString* error)
{
    if (name.isEmpty()) {
        *error = placed(place, QCoreApplication::translate(
                                   "opendo::policy",
                                   "the value has no name; Delivery Optimization settings are "
                                   "named values."));
        return nullptr;
    }
    if (const PolicyDefinition* group = PolicyCatalog::find(name); group && group->isComposite())
        return rejectComposite(place, group, error);
    const PolicyDefinition* def = PolicyCatalog::findByRegistryValue(name);
    if (!def) {
        *error = unknownName(place, name);
        return nullptr;
    }
    return rejectComposite(place, def, error);
}

const PolicyDefinition* findStoredByKey(const QString& place, const QString& key, QString* error)
{
    const PolicyDefinition* def = key.isEmpty() ? nullptr : PolicyCatalog::find(key);
    if (!def) {
        *error = unknownName(place, key);
        return nullptr;
    }
    return rejectComposite(place, def, error);
}

MappedChange mapValue(const QString& place, const PolicyDefinition& def, RawKind kind,
                      const QString& raw)
{
    MappedChange result;
    const QString key = QString::fromLatin1(def.key);
    if (def.isComposite()) {
        QString error;
        rejectComposite(place, &def, &error);
        result.error = error;
        return result;
    }
    if (def.isNumeric() && kind == RawKind::Text) {
        result.error =
            placed(place, QCoreApplication::translate(
                              "opendo::policy", "%1 holds a number (REG_DWORD), but the document "
                                                "gives it as text.")
                              .arg(key));
        return result;
    }
    if (def.isText() && kind == RawKind::Number) {
        result.error =
            placed(place, QCoreApplication::translate(
                              "opendo::policy", "%1 holds text (REG_SZ), but the document gives it "
                                                "as a number.")
                              .arg(key));
        return result;
    }
    if (raw.size() > kMaxRawValueLength) {
        result.error = placed(place, QCoreApplication::translate(
                                         "opendo::policy",
                                         "%1: the value is %2 characters long; at most %3 are "
                                         "allowed.")
                                         .arg(key)
                                         .arg(raw.size())
                                         .arg(kMaxRawValueLength));
        return result;
    }
    const ValueCheck check = checkValue(def, raw);
    if (!check.ok) {
        result.error = placed(place, check.error);
        return result;
    }
    result.ok = true;
    result.change = PolicyChange{key, check.canonical};
    return result;
}

PolicyChange removalOf(const PolicyDefinition& def)
{
    return PolicyChange{QString::fromLatin1(def.key), std::nullopt};
}

QList<PolicyChange> removeAllStored()
{
    QList<PolicyChange> changes;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (!def.isComposite())
            changes << removalOf(def);
    }
    return changes;
}

QList<StoredValue> storedInCatalogOrder(const QMap<QString, QString>& values)
{
    QList<StoredValue> out;
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        if (def.isComposite())
            continue;
        const auto it = values.constFind(QString::fromLatin1(def.key));
        if (it == values.constEnd())
            continue;
        StoredValue v{&def, *it, 0};
        if (def.isNumeric()) {
            bool ok = false;
            const qint64 n = it->trimmed().toLongLong(&ok);
            if (!ok || n < 0 || n > 0xFFFFFFFFLL)
                continue;
            v.number = static_cast<quint32>(n);
        }
        out << v;
    }
    return out;
}

int catalogIndex(const QString& key)
{
    const auto all = PolicyCatalog::all();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (key.compare(QLatin1String(all[i].key), Qt::CaseInsensitive) == 0)
            return static_cast<int>(i);
    }
    return -1;
}

} // namespace opendo::policy::formats
