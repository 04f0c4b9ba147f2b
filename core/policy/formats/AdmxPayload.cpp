#include "policy/formats/AdmxPayload.h"

#include "policy/PolicyCatalog.h"

#include <QCoreApplication>
#include <QXmlStreamReader>
#include <algorithm>

// Business-hours groups are ADMX-backed Policy CSP nodes: their <Data> is an escaped ADMX
// payload such as <enabled/><data id="..._From" value="8"/>. The element ids used here (the
// stored value names) are our assumption; the real ids in DeliveryOptimization.admx were not
// available when this was written.

namespace opendo::policy::formats {

namespace {

bool failPayload(const QString& place, const QString& key, const QString& problem, QString* error)
{
    *error = placed(
        place, QCoreApplication::translate("opendo::policy", "%1: the business-hours payload %2")
                   .arg(key, problem));
    return false;
}

} // namespace

bool parseBusinessHoursPayload(const QString& place, const PolicyDefinition& group,
                               const QString& payload, QList<PolicyChange>* out, QString* error)
{
    const QString key = QString::fromLatin1(group.key);
    const QStringList children = PolicyCatalog::childrenOf(key);
    // Wrapping keeps any DOCTYPE out (it is not allowed inside an element) and lets the
    // payload be a sequence of sibling elements.
    QXmlStreamReader xml(QStringLiteral("<payload>") + payload + QStringLiteral("</payload>"));
    bool enabled = false, disabled = false;
    QMap<QString, QString> values;
    int depth = 0;
    while (!xml.atEnd() && !xml.hasError()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement)
            --depth;
        if (token == QXmlStreamReader::Characters && !xml.isWhitespace())
            return failPayload(
                place, key,
                QCoreApplication::translate("opendo::policy", "contains stray text \"%1\".")
                    .arg(xml.text().left(40)),
                error);
        if (token != QXmlStreamReader::StartElement || ++depth == 1)
            continue;
        const QString name = xml.name().toString();
        if (depth > 2 || (name != QLatin1String("enabled") && name != QLatin1String("disabled") &&
                          name != QLatin1String("data")))
            return failPayload(place, key,
                               QCoreApplication::translate("opendo::policy",
                                                           "contains an unexpected <%1>; only "
                                                           "<enabled/>, <disabled/> and <data "
                                                           "id=\"...\" value=\"...\"/> belong "
                                                           "there.")
                                   .arg(name.left(40)),
                               error);
        enabled = enabled || name == QLatin1String("enabled");
        disabled = disabled || name == QLatin1String("disabled");
        if (name != QLatin1String("data"))
            continue;
        const QString id = xml.attributes().value(QLatin1String("id")).toString();
        const auto child = std::find_if(children.cbegin(), children.cend(), [&](const QString& c) {
            return c.compare(id, Qt::CaseInsensitive) == 0;
        });
        if (child == children.cend() || values.contains(*child))
            return failPayload(place, key,
                               QCoreApplication::translate("opendo::policy",
                                                           "has an unknown or repeated data id "
                                                           "\"%1\"; expected %2.")
                                   .arg(id.left(100), children.join(QStringLiteral(", "))),
                               error);
        values.insert(*child, xml.attributes().value(QLatin1String("value")).toString());
    }
    if (xml.hasError())
        return failPayload(
            place, key,
            QCoreApplication::translate("opendo::policy", "is not well-formed XML: %1")
                .arg(xml.errorString()),
            error);
    if (enabled == disabled || (disabled && !values.isEmpty()))
        return failPayload(place, key,
                           QCoreApplication::translate("opendo::policy",
                                                       "must be either <enabled/> with its four "
                                                       "values, or <disabled/> alone."),
                           error);
    for (const QString& childKey : children) {
        const PolicyDefinition* def = PolicyCatalog::find(childKey);
        if (!def)
            continue;
        if (disabled) {
            *out << removalOf(*def);
            continue;
        }
        if (!values.contains(childKey))
            return failPayload(place, key,
                               QCoreApplication::translate("opendo::policy",
                                                           "lacks <data id=\"%1\" value=\"...\"/>.")
                                   .arg(childKey),
                               error);
        const MappedChange mapped = mapValue(place, *def, RawKind::Number, values.value(childKey));
        if (!mapped.ok) {
            *error = mapped.error;
            return false;
        }
        *out << mapped.change;
    }
    return true;
}

QString businessHoursPayload(const PolicyDefinition& group,
                             const QMap<QString, StoredValue>& stored)
{
    const QStringList children = PolicyCatalog::childrenOf(QString::fromLatin1(group.key));
    if (std::none_of(children.cbegin(), children.cend(),
                     [&](const QString& c) { return stored.contains(c); }))
        return {};
    // The CSP takes the whole group at once, so parts left unset get their catalog defaults.
    QString payload = QStringLiteral("<enabled/>");
    for (const QString& child : children) {
        const PolicyDefinition* def = PolicyCatalog::find(child);
        const qint64 fallback = def ? def->defaultNumber.value_or(def->minimum) : 0;
        const auto it = stored.constFind(child);
        payload += QStringLiteral("<data id=\"%1\" value=\"%2\"/>")
                       .arg(child, it != stored.constEnd() ? QString::number(it->number)
                                                           : QString::number(fallback));
    }
    return payload;
}

} // namespace opendo::policy::formats
