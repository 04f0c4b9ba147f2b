#include "policy/formats/RegFile.h"

#include "policy/PolicyCatalog.h"
#include "policy/formats/PolicyEntryMapper.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringEncoder>

namespace opendo::policy::formats {
namespace {

const QLatin1String kHeader5("Windows Registry Editor Version 5.00");
const QLatin1String kHeader4("REGEDIT4");

QString lineAt(int number)
{
    return QCoreApplication::translate("opendo::policy", "line %1").arg(number);
}

// Splits the raw bytes into lines before decoding so an encoding error can name its line.
bool decodeLines(const QByteArray& bytes, QStringList* lines, QString* error)
{
    QByteArray body = bytes;
    bool utf16 = false;
    if (body.startsWith("\xFF\xFE")) {
        utf16 = true;
        body.remove(0, 2);
    } else if (body.startsWith("\xEF\xBB\xBF")) {
        body.remove(0, 3);
    } else if (body.startsWith("\xFE\xFF")) {
        *error = placed(lineAt(1),
                        QCoreApplication::translate(
                            "opendo::policy", "UTF-16 big-endian files are not supported; save the "
                                              "file as UTF-16LE or UTF-8."));
        return false;
    }
    if (utf16 && body.size() % 2 != 0) {
        body.chop(1); // keep going to find the line; the odd byte is reported below
        *error = QCoreApplication::translate("opendo::policy",
                                             "the UTF-16 text ends in the middle of a character.");
    }
    const qsizetype unit = utf16 ? 2 : 1;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = start;
        while (end < body.size() && !(body.at(end) == '\n' && (!utf16 || body.at(end + 1) == '\0')))
            end += unit;
        const QByteArray raw = body.mid(start, end - start);
        QStringDecoder decoder(utf16 ? QStringConverter::Utf16LE : QStringConverter::Utf8);
        QString line = decoder.decode(raw);
        if (decoder.hasError()) {
            *error = placed(lineAt(int(lines->size()) + 1),
                            utf16 ? QCoreApplication::translate("opendo::policy",
                                                                "the text is not valid UTF-16LE.")
                                  : QCoreApplication::translate("opendo::policy",
                                                                "the text is not valid UTF-8."));
            return false;
        }
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        *lines << line;
        start = end + unit;
    }
    if (!error->isEmpty()) {
        *error = placed(lineAt(int(lines->size())), *error);
        return false;
    }
    return true;
}

// Reads a regedit-quoted string at `pos` (on the opening quote); only \\ and \" are escapes.
std::optional<QString> readQuoted(const QString& s, qsizetype& pos, QString* problem)
{
    QString out;
    for (++pos; pos < s.size(); ++pos) {
        const QChar c = s.at(pos);
        if (c == QLatin1Char('"')) {
            ++pos;
            return out;
        }
        if (c == QLatin1Char('\\')) {
            const QChar next = pos + 1 < s.size() ? s.at(pos + 1) : QChar();
            if (next != QLatin1Char('\\') && next != QLatin1Char('"')) {
                *problem = QCoreApplication::translate(
                    "opendo::policy", "a backslash in a quoted string must be written as \\\\.");
                return std::nullopt;
            }
            out += next;
            ++pos;
            continue;
        }
        out += c;
    }
    *problem = QCoreApplication::translate("opendo::policy", "a quoted string is not closed.");
    return std::nullopt;
}

bool isPolicyKey(const QString& key)
{
    const QString path = PolicyCatalog::registryKeyPath();
    return key.compare(QLatin1String("HKEY_LOCAL_MACHINE\\") + path, Qt::CaseInsensitive) == 0 ||
           key.compare(QLatin1String("HKLM\\") + path, Qt::CaseInsensitive) == 0;
}

// One "Name"=value line; appends its change or sets *error.
bool parseValueLine(const QString& place, const QString& line, QList<PolicyChange>* changes,
                    QString* error)
{
    qsizetype pos = 0;
    QString problem;
    const std::optional<QString> name = readQuoted(line, pos, &problem);
    if (!name) {
        *error = placed(place, problem);
        return false;
    }
    const QString rest = line.mid(pos).trimmed();
    if (!rest.startsWith(QLatin1Char('='))) {
        *error = placed(place, QCoreApplication::translate("opendo::policy",
                                                           "expected = after the value name."));
        return false;
    }
    const QString value = rest.mid(1).trimmed();
    const PolicyDefinition* def = findStoredByRegistryName(place, *name, error);
    if (!def)
        return false;
    if (value == QLatin1String("-")) {
        *changes << removalOf(*def);
        return true;
    }
    MappedChange mapped;
    if (value.startsWith(QLatin1Char('"'))) {
        qsizetype at = 0;
        const std::optional<QString> text = readQuoted(value, at, &problem);
        if (!text || at != value.size()) {
            *error = placed(place,
                            text ? QCoreApplication::translate(
                                       "opendo::policy", "unexpected text after the closing quote.")
                                 : problem);
            return false;
        }
        mapped = mapValue(place, *def, RawKind::Text, *text);
    } else if (value.startsWith(QLatin1String("dword:"), Qt::CaseInsensitive)) {
        const QString digits = value.mid(6);
        bool ok = digits.size() >= 1 && digits.size() <= 8;
        for (const QChar c : digits)
            ok = ok && QStringLiteral("0123456789abcdefABCDEF").contains(c);
        if (!ok) {
            *error = placed(place, QCoreApplication::translate(
                                       "opendo::policy",
                                       "\"%1\" is not a dword; write 1 to 8 hexadecimal digits, "
                                       "e.g. dword:0000000a.")
                                       .arg(value.left(40)));
            return false;
        }
        mapped = mapValue(place, *def, RawKind::Number, QString::number(digits.toUInt(&ok, 16)));
    } else {
        const qsizetype colon = value.indexOf(QLatin1Char(':'));
        *error = placed(
            place,
            colon > 0 && colon < 12
                ? QCoreApplication::translate("opendo::policy",
                                              "%1 values are not supported; Delivery Optimization "
                                              "settings are dword or string values.")
                      .arg(value.left(colon))
                : QCoreApplication::translate("opendo::policy",
                                              "cannot read the value; expected dword:XXXXXXXX, "
                                              "\"text\" or -."));
        return false;
    }
    if (!mapped.ok) {
        *error = mapped.error;
        return false;
    }
    *changes << mapped.change;
    return true;
}

QString escaped(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    out.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return out;
}

} // namespace

PolicyParseResult parseRegFile(const QByteArray& bytes)
{
    PolicyParseResult result;
    QStringList lines;
    if (!decodeLines(bytes, &lines, &result.error))
        return result;

    bool headerSeen = false;
    bool inPolicyKey = false;
    for (int i = 0; i < lines.size(); ++i) {
        const QString place = lineAt(i + 1);
        const QString line = lines.at(i).trimmed();
        if (!headerSeen) {
            if (line.isEmpty())
                continue;
            if (line.compare(kHeader5, Qt::CaseInsensitive) != 0 &&
                line.compare(kHeader4, Qt::CaseInsensitive) != 0) {
                result.error =
                    placed(place, QCoreApplication::translate("opendo::policy",
                                                              "expected the header \"%1\" (or %2).")
                                      .arg(kHeader5, kHeader4));
                return result;
            }
            headerSeen = true;
            continue;
        }
        if (line.isEmpty() || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('['))) {
            if (!line.endsWith(QLatin1Char(']'))) {
                result.error = placed(place, QCoreApplication::translate(
                                                 "opendo::policy", "the key line lacks its ]."));
                return result;
            }
            QString key = line.mid(1, line.size() - 2).trimmed();
            const bool remove = key.startsWith(QLatin1Char('-'));
            if (remove)
                key = key.mid(1).trimmed();
            if (!isPolicyKey(key)) {
                result.error = placed(
                    place, QCoreApplication::translate(
                               "opendo::policy",
                               "[%1] is not the Delivery Optimization policy key "
                               "HKEY_LOCAL_MACHINE\\%2; a policy file may only contain that key.")
                               .arg(key.left(200), PolicyCatalog::registryKeyPath()));
                return result;
            }
            if (remove)
                result.changes << removeAllStored();
            // regedit ignores values under a deleted key; here they would be a silent no-op.
            inPolicyKey = !remove;
            continue;
        }
        if (!line.startsWith(QLatin1Char('"'))) {
            result.error = placed(
                place, line.startsWith(QLatin1Char('@'))
                           ? QCoreApplication::translate("opendo::policy",
                                                         "the key's default value (@) is not a "
                                                         "Delivery Optimization setting.")
                           : QCoreApplication::translate(
                                 "opendo::policy", "cannot read this line; expected a [key], a "
                                                   "\"Name\"=value line or a ; comment."));
            return result;
        }
        if (!inPolicyKey) {
            result.error =
                placed(place, QCoreApplication::translate("opendo::policy",
                                                          "a value must follow the [%1] key line.")
                                  .arg(QLatin1String("HKEY_LOCAL_MACHINE\\") +
                                       PolicyCatalog::registryKeyPath()));
            return result;
        }
        if (!parseValueLine(place, line, &result.changes, &result.error))
            return result;
    }
    if (!headerSeen) {
        result.error = placed(
            lineAt(1), QCoreApplication::translate("opendo::policy",
                                                   "the file is empty; expected the header \"%1\".")
                           .arg(kHeader5));
        return result;
    }
    result.ok = true;
    return result;
}

QByteArray writeRegFile(const QMap<QString, QString>& values)
{
    // regedit's own export layout, so the file diffs cleanly against one made on Windows.
    QString text = kHeader5 + QLatin1String("\r\n\r\n[HKEY_LOCAL_MACHINE\\") +
                   PolicyCatalog::registryKeyPath() + QLatin1String("]\r\n");
    for (const StoredValue& v : storedInCatalogOrder(values)) {
        text += QLatin1Char('"') + escaped(QString::fromLatin1(v.def->registryValue)) +
                QLatin1String("\"=");
        if (v.def->isNumeric())
            text += QStringLiteral("dword:%1").arg(v.number, 8, 16, QLatin1Char('0'));
        else
            text += QLatin1Char('"') + escaped(v.text) + QLatin1Char('"');
        text += QLatin1String("\r\n");
    }
    text += QLatin1String("\r\n");
    QStringEncoder encoder(QStringConverter::Utf16LE);
    return QByteArray("\xFF\xFE", 2) + QByteArray(encoder.encode(text));
}

} // namespace opendo::policy::formats
