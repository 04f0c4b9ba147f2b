#include "policy/formats/JsonPolicy.h"

#include "policy/PolicyCatalog.h"
#include "policy/formats/PolicyEntryMapper.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace opendo::policy::formats {
namespace {

const QLatin1String kFormat("opendo-policy");
constexpr int kVersion = 1;
// Doubles hold every integer up to 2^53 exactly; DWORD settings need far less.
constexpr double kMaxExactInteger = 9007199254740992.0;

PolicyParseResult failure(const QString& message)
{
    PolicyParseResult result;
    result.error = message;
    return result;
}

QString keyPlace(const QString& key)
{
    return QCoreApplication::translate("opendo::policy", "key \"%1\"").arg(key.left(100));
}

// A JSON string literal, escaped exactly as QJsonDocument does.
QByteArray jsonString(const QString& text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

MappedChange mapEntry(const QString& name, const QJsonValue& value)
{
    MappedChange mapped;
    const QString place = keyPlace(name);
    const PolicyDefinition* def = findStoredByKey(place, name, &mapped.error);
    if (!def)
        return mapped;
    switch (value.type()) {
    case QJsonValue::Null:
        mapped.ok = true;
        mapped.change = removalOf(*def);
        return mapped;
    case QJsonValue::String:
        return mapValue(place, *def, RawKind::Text, value.toString());
    case QJsonValue::Bool:
        // checkValue takes true/false for on/off settings; any other setting refuses them.
        if (def->type == PolicyType::Boolean)
            return mapValue(place, *def, RawKind::Number,
                            value.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        break;
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d || std::fabs(d) > kMaxExactInteger) {
            mapped.error = placed(place, QCoreApplication::translate(
                                             "opendo::policy", "%1 must be a whole number, not %2.")
                                             .arg(QString::fromLatin1(def->key))
                                             .arg(d, 0, 'g', 15));
            return mapped;
        }
        return mapValue(place, *def, RawKind::Number, QString::number(qint64(d)));
    }
    default:
        break;
    }
    mapped.error =
        placed(place, QCoreApplication::translate("opendo::policy",
                                                  "%1 must be %2 or null (to remove the setting).")
                          .arg(QString::fromLatin1(def->key),
                               def->isNumeric()
                                   ? QCoreApplication::translate("opendo::policy", "a number")
                                   : QCoreApplication::translate("opendo::policy", "a string")));
    return mapped;
}

} // namespace

PolicyParseResult parseJsonPolicy(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(QCoreApplication::translate("opendo::policy",
                                                   "byte offset %1: the file is not valid "
                                                   "JSON: %2.")
                           .arg(parseError.offset)
                           .arg(parseError.errorString()));
    }
    if (!doc.isObject())
        return failure(QCoreApplication::translate("opendo::policy",
                                                   "the file must hold a JSON object with "
                                                   "\"format\", \"version\" and \"policies\"."));
    const QJsonObject root = doc.object();
    for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
        if (it.key() != QLatin1String("format") && it.key() != QLatin1String("version") &&
            it.key() != QLatin1String("policies"))
            return failure(placed(keyPlace(it.key()),
                                  QCoreApplication::translate(
                                      "opendo::policy",
                                      "unknown top-level key; expected \"format\", \"version\" "
                                      "and \"policies\".")));
    }
    if (root.value(QLatin1String("format")).toString() != kFormat)
        return failure(
            placed(keyPlace(QStringLiteral("format")),
                   QCoreApplication::translate("opendo::policy", "must be \"%1\".").arg(kFormat)));
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isDouble() || version.toDouble() != kVersion)
        return failure(placed(keyPlace(QStringLiteral("version")),
                              QCoreApplication::translate("opendo::policy",
                                                          "must be %1; this file has another "
                                                          "version or none.")
                                  .arg(kVersion)));
    const QJsonValue policies = root.value(QLatin1String("policies"));
    if (!policies.isObject())
        return failure(placed(keyPlace(QStringLiteral("policies")),
                              QCoreApplication::translate("opendo::policy",
                                                          "must be an object mapping setting "
                                                          "names to values.")));

    PolicyParseResult result;
    const QJsonObject entries = policies.toObject();
    for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
        const MappedChange mapped = mapEntry(it.key(), it.value());
        if (!mapped.ok)
            return failure(mapped.error);
        result.changes << mapped.change;
    }
    // JSON objects are unordered; catalog order keeps the result independent of key spelling.
    std::stable_sort(result.changes.begin(), result.changes.end(),
                     [](const PolicyChange& a, const PolicyChange& b) {
                         return catalogIndex(a.key) < catalogIndex(b.key);
                     });
    result.ok = true;
    return result;
}

QByteArray writeJsonPolicy(const QMap<QString, QString>& values)
{
    // Written by hand because QJsonObject sorts keys alphabetically, not in catalog order.
    QByteArray out = "{\n    \"format\": " + jsonString(kFormat) +
                     ",\n    \"version\": " + QByteArray::number(kVersion) +
                     ",\n    \"policies\": {";
    const QList<StoredValue> stored = storedInCatalogOrder(values);
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const StoredValue& v = stored.at(i);
        out += (i == 0 ? "\n        " : ",\n        ") + jsonString(QLatin1String(v.def->key)) +
               ": " + (v.def->isNumeric() ? QByteArray::number(v.number) : jsonString(v.text));
    }
    out += stored.isEmpty() ? "}\n}\n" : "\n    }\n}\n";
    return out;
}

} // namespace opendo::policy::formats
