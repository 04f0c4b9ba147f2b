#include "policy/formats/RegistryPol.h"

#include "policy/PolicyCatalog.h"
#include "policy/formats/PolicyEntryMapper.h"

#include <QCoreApplication>
#include <QtEndian>

namespace opendo::policy::formats {
namespace {

constexpr quint32 kPRegVersion = 1;
constexpr quint32 kRegSz = 1;
constexpr quint32 kRegDword = 4;
// Group Policy spells the key this way in the Registry.pol files it writes.
const QLatin1String kPolKey("Software\\Policies\\Microsoft\\Windows\\DeliveryOptimization");

QString offsetAt(qsizetype offset)
{
    return QCoreApplication::translate("opendo::policy", "byte offset %1 (0x%2)")
        .arg(offset)
        .arg(offset, 0, 16);
}

// A cursor over the file that records the first problem with its byte offset.
class Reader
{
public:
    Reader(const QByteArray& bytes, qsizetype start) : m_bytes(bytes), m_pos(start) {}

    qsizetype pos() const { return m_pos; }
    bool atEnd() const { return m_pos >= m_bytes.size(); }
    const QString& error() const { return m_error; }

    bool fail(qsizetype at, const QString& message)
    {
        m_error = placed(offsetAt(at), message);
        return false;
    }

    bool dword(quint32* out, const char* what)
    {
        if (m_bytes.size() - m_pos < 4)
            return fail(m_pos, truncated(what));
        *out = qFromLittleEndian<quint32>(m_bytes.constData() + m_pos);
        m_pos += 4;
        return true;
    }

    bool expectChar(char16_t c)
    {
        if (m_bytes.size() - m_pos < 2)
            return fail(m_pos, truncated(c));
        const char16_t got = qFromLittleEndian<char16_t>(m_bytes.constData() + m_pos);
        if (got != c) {
            return fail(m_pos, QCoreApplication::translate(
                                   "opendo::policy", "expected '%1' (UTF-16LE) but found 0x%2.")
                                   .arg(QChar(c))
                                   .arg(uint(got), 4, 16, QLatin1Char('0')));
        }
        m_pos += 2;
        return true;
    }

    // A NUL-terminated UTF-16LE string (key or value name).
    bool string(QString* out, const char* what)
    {
        const qsizetype start = m_pos;
        QString s;
        for (qsizetype p = m_pos; p + 1 < m_bytes.size(); p += 2) {
            const char16_t c = qFromLittleEndian<char16_t>(m_bytes.constData() + p);
            if (c == 0) {
                *out = s;
                m_pos = p + 2;
                return true;
            }
            s += QChar(c);
        }
        if ((m_bytes.size() - start) % 2 != 0)
            return fail(start, QCoreApplication::translate("opendo::policy",
                                                           "the %1 has an odd number of bytes "
                                                           "left, so it is not UTF-16LE.")
                                   .arg(QLatin1String(what)));
        return fail(start, QCoreApplication::translate("opendo::policy",
                                                       "the %1 has no NUL terminator before the "
                                                       "end of the file.")
                               .arg(QLatin1String(what)));
    }

    bool data(quint32 size, QByteArray* out)
    {
        if (quint64(m_bytes.size() - m_pos) < size) {
            return fail(m_pos - 6,
                        QCoreApplication::translate(
                            "opendo::policy", "the data size %1 runs past the end of the file (%2 "
                                              "bytes left).")
                            .arg(size)
                            .arg(m_bytes.size() - m_pos));
        }
        *out = m_bytes.mid(m_pos, size);
        m_pos += size;
        return true;
    }

private:
    static QString truncated(const QString& what)
    {
        return QCoreApplication::translate("opendo::policy",
                                           "the file ends in the middle of an entry (expected %1).")
            .arg(what);
    }
    static QString truncated(const char* what) { return truncated(QLatin1String(what)); }
    static QString truncated(char16_t c) { return truncated(QStringLiteral("'%1'").arg(QChar(c))); }

    const QByteArray& m_bytes;
    qsizetype m_pos;
    QString m_error;
};

// Decodes REG_SZ data: even length, NUL-terminated, no NUL inside.
bool regSzText(const QByteArray& data, QString* out, QString* problem)
{
    if (data.size() % 2 != 0) {
        *problem = QCoreApplication::translate(
            "opendo::policy", "the string data has an odd number of bytes, so it is not UTF-16LE.");
        return false;
    }
    QString s;
    for (qsizetype i = 0; i < data.size(); i += 2)
        s += QChar(qFromLittleEndian<char16_t>(data.constData() + i));
    if (!s.endsWith(QChar(0))) {
        *problem =
            QCoreApplication::translate("opendo::policy", "the string data is not NUL-terminated.");
        return false;
    }
    s.chop(1);
    if (s.contains(QChar(0))) {
        *problem = QCoreApplication::translate(
            "opendo::policy", "the string data contains a NUL character before its end.");
        return false;
    }
    *out = s;
    return true;
}

bool mapEntry(const QString& place, const QString& name, quint32 type, const QByteArray& data,
              QList<PolicyChange>* changes, QString* error)
{
    // Group Policy's special value names: how a .pol file records deletions.
    if (name.compare(QLatin1String("**delvals."), Qt::CaseInsensitive) == 0) {
        *changes << removeAllStored();
        return true;
    }
    if (name.startsWith(QLatin1String("**del."), Qt::CaseInsensitive)) {
        const PolicyDefinition* def = findStoredByRegistryName(place, name.mid(6), error);
        if (def)
            *changes << removalOf(*def);
        return def != nullptr;
    }
    if (name.startsWith(QLatin1String("**"))) {
        *error = placed(place,
                        QCoreApplication::translate(
                            "opendo::policy", "the special value %1 is not supported in a Delivery "
                                              "Optimization policy file.")
                            .arg(name.left(100)));
        return false;
    }
    const PolicyDefinition* def = findStoredByRegistryName(place, name, error);
    if (!def)
        return false;
    MappedChange mapped;
    if (type == kRegDword) {
        if (data.size() != 4) {
            *error = placed(place, QCoreApplication::translate(
                                       "opendo::policy", "%1: a REG_DWORD holds 4 bytes, not %2.")
                                       .arg(name)
                                       .arg(data.size()));
            return false;
        }
        mapped = mapValue(place, *def, RawKind::Number,
                          QString::number(qFromLittleEndian<quint32>(data.constData())));
    } else if (type == kRegSz) {
        QString value, problem;
        if (!regSzText(data, &value, &problem)) {
            *error = placed(place, QStringLiteral("%1: %2").arg(name, problem));
            return false;
        }
        mapped = mapValue(place, *def, RawKind::Text, value);
    } else {
        *error = placed(place, QCoreApplication::translate(
                                   "opendo::policy",
                                   "%1: registry type %2 is not supported; Delivery "
                                   "Optimization settings are REG_DWORD (4) or REG_SZ (1).")
                                   .arg(name)
                                   .arg(type));
        return false;
    }
    if (!mapped.ok) {
        *error = mapped.error;
        return false;
    }
    *changes << mapped.change;
    return true;
}

void appendUtf16(QByteArray* out, const QString& s)
{
    for (const QChar c : s) {
        char bytes[2];
        qToLittleEndian<char16_t>(c.unicode(), bytes);
        out->append(bytes, 2);
    }
}

void appendDword(QByteArray* out, quint32 value)
{
    char bytes[4];
    qToLittleEndian<quint32>(value, bytes);
    out->append(bytes, 4);
}

} // namespace

PolicyParseResult parseRegistryPol(const QByteArray& bytes)
{
    PolicyParseResult result;
    if (bytes.size() < 8 || !bytes.startsWith("PReg")) {
        result.error = placed(offsetAt(0),
                              QCoreApplication::translate(
                                  "opendo::policy", "the file does not start with the Registry.pol "
                                                    "signature PReg followed by a version."));
        return result;
    }
    const quint32 version = qFromLittleEndian<quint32>(bytes.constData() + 4);
    if (version != kPRegVersion) {
        result.error =
            placed(offsetAt(4), QCoreApplication::translate(
                                    "opendo::policy", "Registry.pol version %1 is not supported; "
                                                      "only version 1 exists.")
                                    .arg(version));
        return result;
    }
    Reader in(bytes, 8);
    while (!in.atEnd()) {
        const qsizetype entry = in.pos();
        QString key, name;
        quint32 type = 0, size = 0;
        QByteArray data;
        if (!in.expectChar(u'[') || !in.string(&key, "key name") || !in.expectChar(u';') ||
            !in.string(&name, "value name") || !in.expectChar(u';') || !in.dword(&type, "type") ||
            !in.expectChar(u';') || !in.dword(&size, "size") || !in.expectChar(u';') ||
            !in.data(size, &data) || !in.expectChar(u']')) {
            result.error = in.error();
            return result;
        }
        const QString place = offsetAt(entry);
        if (key.compare(PolicyCatalog::registryKeyPath(), Qt::CaseInsensitive) != 0) {
            result.error =
                placed(place, QCoreApplication::translate(
                                  "opendo::policy", "the entry is for key %1; a Delivery "
                                                    "Optimization policy file may only contain %2.")
                                  .arg(key.left(200), kPolKey));
            return result;
        }
        if (!mapEntry(place, name, type, data, &result.changes, &result.error))
            return result;
    }
    result.ok = true;
    return result;
}

QByteArray writeRegistryPol(const QMap<QString, QString>& values)
{
    QByteArray out("PReg", 4);
    appendDword(&out, kPRegVersion);
    for (const StoredValue& v : storedInCatalogOrder(values)) {
        QByteArray data;
        if (v.def->isNumeric()) {
            appendDword(&data, v.number);
        } else {
            appendUtf16(&data, v.text);
            data.append("\0\0", 2);
        }
        appendUtf16(&out, QStringLiteral("["));
        appendUtf16(&out, kPolKey);
        out.append("\0\0", 2);
        appendUtf16(&out, QStringLiteral(";"));
        appendUtf16(&out, QString::fromLatin1(v.def->registryValue));
        out.append("\0\0", 2);
        appendUtf16(&out, QStringLiteral(";"));
        appendDword(&out, v.def->isNumeric() ? kRegDword : kRegSz);
        appendUtf16(&out, QStringLiteral(";"));
        appendDword(&out, quint32(data.size()));
        appendUtf16(&out, QStringLiteral(";"));
        out += data;
        appendUtf16(&out, QStringLiteral("]"));
    }
    return out;
}

} // namespace opendo::policy::formats
