// The strict bencode decoder: only canonical encodings are accepted, so a value decoded here
// re-encodes to exactly the bytes that were hashed.

#include "content/Bencode.h"

#include <QCoreApplication>
#include <algorithm>
#include <climits>
#include <limits>

namespace opendo::content {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Printable excerpt of a key for error messages; keys are often binary (piece layers).
QString describeKey(const QByteArray& key)
{
    const QByteArray shown = key.left(40);
    for (char c : shown) {
        if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7e)
            return QStringLiteral("0x") + QString::fromLatin1(shown.toHex());
    }
    return QLatin1Char('"') + QString::fromLatin1(shown) + QLatin1Char('"');
}

class Decoder
{
public:
    explicit Decoder(QByteArrayView data) : m_data(data) {}

    BencodeDecodeResult run()
    {
        BencodeDecodeResult result;
        m_spans = &result.topLevelSpans;
        if (!parseValue(result.value, 0))
            return failed(std::move(result));
        if (m_pos != m_data.size()) {
            // A plain variable: lupdate's scanner hangs on template arguments inside translate().
            const int extra = int(std::min(m_data.size() - m_pos, qsizetype(INT_MAX)));
            fail(m_pos, QCoreApplication::translate(
                            "opendo::content", "%n unexpected byte(s) after the end of the value",
                            nullptr, extra));
            return failed(std::move(result));
        }
        result.ok = true;
        return result;
    }

private:
    BencodeDecodeResult failed(BencodeDecodeResult result)
    {
        result.ok = false;
        result.value = BencodeValue();
        result.topLevelSpans.clear();
        result.errorOffset = m_errorOffset;
        result.error =
            QCoreApplication::translate("opendo::content", "Invalid bencode at byte %1: %2")
                .arg(m_errorOffset)
                .arg(m_error);
        return result;
    }

    bool fail(qsizetype offset, const QString& what)
    {
        m_errorOffset = offset;
        m_error = what;
        return false;
    }

    bool atEnd() const { return m_pos >= m_data.size(); }
    char peek() const { return m_data[m_pos]; }

    bool parseValue(BencodeValue& out, int depth)
    {
        if (++m_values > kBencodeMaxValues)
            return fail(m_pos, QCoreApplication::translate("opendo::content", "more than %1 values")
                                   .arg(kBencodeMaxValues));
        if (atEnd())
            return fail(
                m_pos, QCoreApplication::translate(
                           "opendo::content", "unexpected end of data where a value should start"));
        const char c = peek();
        if (c == 'i')
            return parseInteger(out);
        if (isDigit(c)) {
            QByteArray bytes;
            if (!parseString(bytes))
                return false;
            out = BencodeValue(std::move(bytes));
            return true;
        }
        if (c == 'l' || c == 'd') {
            if (depth >= kBencodeMaxDepth)
                return fail(m_pos, QCoreApplication::translate(
                                       "opendo::content",
                                       "lists and dictionaries nested deeper than %1 levels")
                                       .arg(kBencodeMaxDepth));
            return c == 'l' ? parseList(out, depth) : parseDict(out, depth);
        }
        return fail(m_pos, QCoreApplication::translate(
                               "opendo::content", "unexpected byte 0x%1 where a value should start")
                               .arg(static_cast<unsigned char>(c), 2, 16, QLatin1Char('0')));
    }

    bool parseInteger(BencodeValue& out)
    {
        const qsizetype start = m_pos++;
        const bool negative = !atEnd() && peek() == '-';
        if (negative)
            ++m_pos;
        if (atEnd())
            return fail(m_pos, QCoreApplication::translate(
                                   "opendo::content", "unexpected end of data inside an integer"));
        if (peek() == 'e')
            return fail(start, QCoreApplication::translate("opendo::content", "empty integer"));
        if (!isDigit(peek()))
            return fail(m_pos,
                        QCoreApplication::translate("opendo::content",
                                                    "unexpected byte 0x%1 inside an integer")
                            .arg(static_cast<unsigned char>(peek()), 2, 16, QLatin1Char('0')));
        if (peek() == '0' && m_pos + 1 < m_data.size() && isDigit(m_data[m_pos + 1]))
            return fail(start, QCoreApplication::translate("opendo::content",
                                                           "integer with a leading zero"));
        const quint64 limit = negative ? quint64(std::numeric_limits<qint64>::max()) + 1
                                       : quint64(std::numeric_limits<qint64>::max());
        quint64 magnitude = 0;
        while (!atEnd() && isDigit(peek())) {
            const auto digit = quint64(peek() - '0');
            if (magnitude > (limit - digit) / 10)
                return fail(start, QCoreApplication::translate("opendo::content",
                                                               "integer does not fit in 64 bits"));
            magnitude = magnitude * 10 + digit;
            ++m_pos;
        }
        if (atEnd())
            return fail(m_pos, QCoreApplication::translate(
                                   "opendo::content", "unexpected end of data inside an integer"));
        if (peek() != 'e')
            return fail(m_pos,
                        QCoreApplication::translate("opendo::content",
                                                    "unexpected byte 0x%1 inside an integer")
                            .arg(static_cast<unsigned char>(peek()), 2, 16, QLatin1Char('0')));
        if (negative && magnitude == 0)
            return fail(start, QCoreApplication::translate("opendo::content", "negative zero"));
        ++m_pos;
        // Negating in unsigned arithmetic reaches INT64_MIN without signed overflow.
        out = BencodeValue(negative ? qint64(~magnitude + 1) : qint64(magnitude));
        return true;
    }

    bool parseString(QByteArray& out)
    {
        const qsizetype start = m_pos;
        if (peek() == '0' && m_pos + 1 < m_data.size() && isDigit(m_data[m_pos + 1]))
            return fail(start, QCoreApplication::translate(
                                   "opendo::content", "byte string length with a leading zero"));
        const auto available = quint64(m_data.size());
        quint64 length = 0;
        while (!atEnd() && isDigit(peek())) {
            length = length * 10 + quint64(peek() - '0');
            // Stop before the arithmetic can overflow: no length beyond the input is valid.
            if (length > available)
                return fail(start, QCoreApplication::translate(
                                       "opendo::content",
                                       "byte string length runs past the end of the data"));
            ++m_pos;
        }
        if (atEnd())
            return fail(m_pos, QCoreApplication::translate(
                                   "opendo::content",
                                   "unexpected end of data inside a byte string length"));
        if (peek() != ':')
            return fail(
                m_pos, QCoreApplication::translate(
                           "opendo::content", "expected ':' after a byte string length, found 0x%1")
                           .arg(static_cast<unsigned char>(peek()), 2, 16, QLatin1Char('0')));
        ++m_pos;
        const qsizetype left = m_data.size() - m_pos;
        if (length > quint64(left))
            return fail(start,
                        QCoreApplication::translate(
                            "opendo::content",
                            "byte string of %1 bytes runs past the end of the data (%2 left)")
                            .arg(length)
                            .arg(left));
        out = m_data.sliced(m_pos, qsizetype(length)).toByteArray();
        m_pos += qsizetype(length);
        return true;
    }

    bool parseList(BencodeValue& out, int depth)
    {
        const qsizetype start = m_pos++;
        BencodeValue list = BencodeValue::list();
        for (;;) {
            if (atEnd())
                return fail(m_pos, QCoreApplication::translate(
                                       "opendo::content", "unterminated list (started at byte %1)")
                                       .arg(start));
            if (peek() == 'e')
                break;
            BencodeValue item;
            if (!parseValue(item, depth + 1))
                return false;
            list.append(std::move(item));
        }
        ++m_pos;
        out = std::move(list);
        return true;
    }

    bool parseDict(BencodeValue& out, int depth)
    {
        const qsizetype start = m_pos++;
        BencodeValue dict = BencodeValue::dict();
        for (;;) {
            if (atEnd())
                return fail(m_pos,
                            QCoreApplication::translate(
                                "opendo::content", "unterminated dictionary (started at byte %1)")
                                .arg(start));
            if (peek() == 'e')
                break;
            const qsizetype keyStart = m_pos;
            if (!isDigit(peek()))
                return fail(m_pos, QCoreApplication::translate(
                                       "opendo::content", "dictionary key is not a byte string"));
            QByteArray key;
            if (!parseString(key))
                return false;
            if (!dict.toDict().empty()) {
                const QByteArray& previous = dict.toDict().back().key;
                const int order = compareBencodeKeys(previous, key);
                if (order == 0)
                    return fail(keyStart, QCoreApplication::translate("opendo::content",
                                                                      "duplicate dictionary key %1")
                                              .arg(describeKey(key)));
                if (order > 0)
                    return fail(keyStart, QCoreApplication::translate(
                                              "opendo::content",
                                              "dictionary key %1 is out of order (after %2)")
                                              .arg(describeKey(key), describeKey(previous)));
            }
            const qsizetype valueStart = m_pos;
            BencodeValue value;
            if (!parseValue(value, depth + 1))
                return false;
            if (depth == 0)
                m_spans->emplace_back(key, BencodeSpan{valueStart, m_pos - valueStart});
            dict.insert(std::move(key), std::move(value));
        }
        ++m_pos;
        out = std::move(dict);
        return true;
    }

    QByteArrayView m_data;
    qsizetype m_pos = 0;
    qsizetype m_errorOffset = -1;
    qsizetype m_values = 0;
    QString m_error;
    std::vector<std::pair<QByteArray, BencodeSpan>>* m_spans = nullptr;
};

} // namespace

std::optional<BencodeSpan> BencodeDecodeResult::spanOf(QByteArrayView key) const
{
    for (const auto& [name, span] : topLevelSpans) {
        if (compareBencodeKeys(name, key) == 0)
            return span;
    }
    return std::nullopt;
}

BencodeDecodeResult decodeBencode(QByteArrayView data)
{
    return Decoder(data).run();
}

} // namespace opendo::content
