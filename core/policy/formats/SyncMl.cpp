#include "policy/formats/SyncMl.h"

#include "policy/PolicyCatalog.h"
#include "policy/formats/AdmxPayload.h"
#include "policy/formats/PolicyEntryMapper.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

namespace opendo::policy::formats {
namespace {

// SyncML needs about seven levels; anything far deeper is hostile or broken.
constexpr int kMaxDepth = 32;
const QLatin1String kShortPrefix("./Vendor/MSFT/Policy/Config/DeliveryOptimization/");

QString position(qint64 line, qint64 column)
{
    return QCoreApplication::translate("opendo::policy", "line %1, column %2")
        .arg(line)
        .arg(column);
}

class Parser
{
public:
    explicit Parser(const QByteArray& bytes) : m_xml(bytes) {}
    PolicyParseResult run();

private:
    bool childElement();
    bool skipElement();
    bool readText(QString* out);
    void body();
    void command(bool remove);
    void meta(QString* format);
    void item(bool remove, const QString& commandFormat);
    bool mapItem(const QString& place, const QString& uri, bool remove, const QString& format,
                 const std::optional<QString>& data);
    bool failHere(const QString& message)
    {
        if (m_error.isEmpty())
            m_error = placed(here(), message);
        return false;
    }
    bool tooDeep()
    {
        return failHere(
            QCoreApplication::translate("opendo::policy", "elements are nested more than %1 deep.")
                .arg(kMaxDepth));
    }
    bool ok() const { return m_error.isEmpty() && !m_xml.hasError(); }
    QString name() const { return m_xml.name().toString(); }
    QString here() const { return position(m_xml.lineNumber(), m_xml.columnNumber()); }

    QXmlStreamReader m_xml;
    int m_depth = 0;
    QString m_error;
    QList<PolicyChange> m_changes;
};

// Moves to the next child of the current element; false at its end tag or on an error.
bool Parser::childElement()
{
    while (ok() && !m_xml.atEnd()) {
        switch (m_xml.readNext()) {
        case QXmlStreamReader::StartElement:
            return ++m_depth > kMaxDepth ? tooDeep() : true;
        case QXmlStreamReader::EndElement:
            --m_depth;
            return false;
        case QXmlStreamReader::Characters:
            if (!m_xml.isWhitespace())
                return failHere(
                    QCoreApplication::translate("opendo::policy", "unexpected text \"%1\".")
                        .arg(m_xml.text().trimmed().left(40)));
            break;
        default:
            break;
        }
    }
    return false;
}

// Skips the current element's subtree, text included, still bounding the depth.
bool Parser::skipElement()
{
    for (int level = 1; ok() && level > 0 && !m_xml.atEnd();) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            ++level;
            if (++m_depth > kMaxDepth)
                return tooDeep();
        } else if (token == QXmlStreamReader::EndElement) {
            --level;
            --m_depth;
        }
    }
    return ok();
}

bool Parser::readText(QString* out)
{
    *out = m_xml.readElementText(QXmlStreamReader::ErrorOnUnexpectedElement);
    --m_depth;
    return ok();
}

PolicyParseResult Parser::run()
{
    PolicyParseResult result;
    bool haveRoot = false, haveBody = false;
    while (ok() && !m_xml.atEnd() && !haveRoot) {
        const QXmlStreamReader::TokenType token = m_xml.readNext();
        if (token == QXmlStreamReader::DTD)
            // A DTD can declare entities that expand without bound; SyncML never needs one.
            failHere(QCoreApplication::translate("opendo::policy",
                                                 "document type declarations (DTD) are not "
                                                 "allowed in a SyncML policy file."));
        haveRoot = token == QXmlStreamReader::StartElement;
    }
    if (ok() && haveRoot) {
        m_depth = 1;
        if (name() != QLatin1String("SyncML"))
            failHere(QCoreApplication::translate("opendo::policy",
                                                 "the root element is <%1>, not <SyncML>.")
                         .arg(name().left(40)));
        while (ok() && childElement()) {
            if (name() == QLatin1String("SyncBody")) {
                haveBody = true;
                body();
            } else if (name() == QLatin1String("SyncHdr") || name() == QLatin1String("Header")) {
                skipElement();
            } else {
                failHere(
                    QCoreApplication::translate("opendo::policy", "unexpected <%1> in <SyncML>.")
                        .arg(name().left(40)));
            }
        }
    }
    while (ok() && !m_xml.atEnd())
        m_xml.readNext(); // surfaces anything malformed after the root element
    if (ok() && !haveBody)
        failHere(QCoreApplication::translate("opendo::policy",
                                             "the document has no <SyncML><SyncBody>."));
    if (m_xml.hasError() && m_error.isEmpty())
        m_error = placed(here(), m_xml.errorString());
    result.ok = ok();
    result.error = m_error;
    if (result.ok)
        result.changes = m_changes;
    return result;
}

void Parser::body()
{
    while (ok() && childElement()) {
        const QString n = name();
        if (n == QLatin1String("Replace") || n == QLatin1String("Add"))
            command(false);
        else if (n == QLatin1String("Delete"))
            command(true);
        else if (n == QLatin1String("Atomic") || n == QLatin1String("Sequence"))
            body();
        else if (n == QLatin1String("Final") || n == QLatin1String("Status") ||
                 n == QLatin1String("Results") || n == QLatin1String("CmdID") ||
                 n == QLatin1String("Meta"))
            skipElement();
        else
            failHere(QCoreApplication::translate("opendo::policy",
                                                 "<%1> is not supported; a policy file uses "
                                                 "<Replace>, <Add> and <Delete>.")
                         .arg(n.left(40)));
    }
}

void Parser::command(bool remove)
{
    QString format;
    while (ok() && childElement()) {
        if (name() == QLatin1String("Meta"))
            meta(&format);
        else if (name() == QLatin1String("Item"))
            item(remove, format);
        else
            skipElement(); // CmdID, Cred, NoResp
    }
}

void Parser::meta(QString* format)
{
    while (ok() && childElement()) {
        if (name() == QLatin1String("Format"))
            readText(format);
        else
            skipElement();
    }
}

void Parser::item(bool remove, const QString& commandFormat)
{
    const QString place = here();
    QString uri, format = commandFormat;
    std::optional<QString> data;
    while (ok() && childElement()) {
        if (name() == QLatin1String("Target")) {
            while (ok() && childElement()) {
                if (name() == QLatin1String("LocURI"))
                    readText(&uri);
                else
                    skipElement();
            }
        } else if (name() == QLatin1String("Meta")) {
            meta(&format);
        } else if (name() == QLatin1String("Data")) {
            QString text;
            if (readText(&text))
                data = text;
        } else {
            skipElement();
        }
    }
    if (ok())
        mapItem(place, uri.trimmed(), remove, format.trimmed().toLower(), data);
}

bool Parser::mapItem(const QString& place, const QString& uri, bool remove, const QString& format,
                     const std::optional<QString>& data)
{
    QString key;
    for (const QString& prefix : {PolicyCatalog::omaUriPrefix(), QString(kShortPrefix)}) {
        if (uri.startsWith(prefix, Qt::CaseInsensitive))
            key = uri.mid(prefix.size());
    }
    if (key.isEmpty()) {
        m_error = placed(place, QCoreApplication::translate(
                                    "opendo::policy",
                                    "<LocURI>%1</LocURI> is not a Delivery Optimization Policy "
                                    "CSP node; expected %2<setting>.")
                                    .arg(uri.left(200), PolicyCatalog::omaUriPrefix()));
        return false;
    }
    const PolicyDefinition* def = PolicyCatalog::find(key);
    if (!def || !def->isComposite()) {
        def = findStoredByKey(place, key, &m_error);
        if (!def)
            return false;
    }
    if (*def->parentKey) {
        m_error = placed(
            place, QCoreApplication::translate(
                       "opendo::policy", "%1 is not a Policy CSP node of its own; set it through "
                                         "%2%3.")
                       .arg(QString::fromLatin1(def->key), PolicyCatalog::omaUriPrefix(),
                            QString::fromLatin1(def->parentKey)));
        return false;
    }
    if (remove) {
        if (def->isComposite()) {
            for (const QString& child : PolicyCatalog::childrenOf(QString::fromLatin1(def->key)))
                if (const PolicyDefinition* c = PolicyCatalog::find(child))
                    m_changes << removalOf(*c);
        } else {
            m_changes << removalOf(*def);
        }
        return true;
    }
    if (!data) {
        m_error = placed(
            place, QCoreApplication::translate("opendo::policy", "%1: the <Item> has no <Data>.")
                       .arg(QString::fromLatin1(def->key)));
        return false;
    }
    const bool isInt = format == QLatin1String("int");
    if ((!format.isEmpty() && !isInt && format != QLatin1String("chr")) ||
        (def->isComposite() && isInt)) {
        m_error = placed(
            place,
            QCoreApplication::translate("opendo::policy", "%1: <Format> %2 is not supported here; "
                                                          "use %3.")
                .arg(QString::fromLatin1(def->key), format.left(20),
                     def->isNumeric() ? QStringLiteral("int") : QStringLiteral("chr")));
        return false;
    }
    if (def->isComposite())
        return parseBusinessHoursPayload(place, *def, *data, &m_changes, &m_error);
    const RawKind kind = format.isEmpty() ? (def->isNumeric() ? RawKind::Number : RawKind::Text)
                                          : (isInt ? RawKind::Number : RawKind::Text);
    const MappedChange mapped =
        mapValue(place, *def, kind, kind == RawKind::Number ? data->trimmed() : *data);
    if (!mapped.ok) {
        m_error = mapped.error;
        return false;
    }
    m_changes << mapped.change;
    return true;
}

} // namespace

PolicyParseResult parseSyncMl(const QByteArray& bytes)
{
    return Parser(bytes).run();
}

} // namespace opendo::policy::formats
