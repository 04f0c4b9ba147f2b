#include "policy/PolicyCatalog.h"
#include "policy/formats/AdmxPayload.h"
#include "policy/formats/PolicyEntryMapper.h"
#include "policy/formats/SyncMl.h"

#include <QXmlStreamWriter>

namespace opendo::policy::formats {

QByteArray writeSyncMl(const QMap<QString, QString>& values)
{
    QMap<QString, StoredValue> stored;
    for (const StoredValue& v : storedInCatalogOrder(values))
        stored.insert(QString::fromLatin1(v.def->key), v);

    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("SyncML"));
    xml.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("SYNCML:SYNCML1.2"));
    xml.writeStartElement(QStringLiteral("SyncBody"));
    int cmdId = 0;
    const auto replace = [&](const char* key, const QString& format, const QString& data) {
        xml.writeStartElement(QStringLiteral("Replace"));
        xml.writeTextElement(QStringLiteral("CmdID"), QString::number(++cmdId));
        xml.writeStartElement(QStringLiteral("Item"));
        xml.writeStartElement(QStringLiteral("Target"));
        xml.writeTextElement(QStringLiteral("LocURI"),
                             PolicyCatalog::omaUriPrefix() + QLatin1String(key));
        xml.writeEndElement();
        xml.writeStartElement(QStringLiteral("Meta"));
        xml.writeStartElement(QStringLiteral("Format"));
        xml.writeAttribute(QStringLiteral("xmlns"), QStringLiteral("syncml:metinf"));
        xml.writeCharacters(format);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeTextElement(QStringLiteral("Data"), data);
        xml.writeEndElement();
        xml.writeEndElement();
    };
    for (const PolicyDefinition& def : PolicyCatalog::all()) {
        const QString key = QString::fromLatin1(def.key);
        if (def.isComposite()) {
            const QString payload = businessHoursPayload(def, stored);
            if (!payload.isEmpty())
                replace(def.key, QStringLiteral("chr"), payload);
        } else if (!*def.parentKey && stored.contains(key)) {
            replace(def.key, def.isNumeric() ? QStringLiteral("int") : QStringLiteral("chr"),
                    stored.value(key).text);
        }
    }
    xml.writeEmptyElement(QStringLiteral("Final"));
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return out;
}

} // namespace opendo::policy::formats
