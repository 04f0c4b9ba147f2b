#include "transfer/HttpContentRange.h"

namespace opendo::transfer {

namespace {
// Non-negative decimal without sign or spaces; RFC 9110 allows nothing else.
std::optional<qint64> number(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

std::optional<ContentRange> parseContentRange(const QByteArray& header)
{
    const QByteArray text = header.trimmed();
    // The unit is case-insensitive; "bytes */total" (an unsatisfied range) is not a range.
    if (!text.left(6).toLower().startsWith("bytes "))
        return std::nullopt;
    const QByteArray rest = text.mid(6).trimmed();
    const qsizetype dash = rest.indexOf('-');
    const qsizetype slash = rest.indexOf('/');
    if (dash <= 0 || slash <= dash + 1)
        return std::nullopt;
    const auto first = number(QByteArrayView(rest).first(dash));
    const auto last = number(QByteArrayView(rest).sliced(dash + 1, slash - dash - 1));
    const QByteArrayView totalText = QByteArrayView(rest).sliced(slash + 1);
    if (!first || !last || *last < *first)
        return std::nullopt;
    ContentRange range{*first, *last, -1};
    if (totalText != "*") {
        const auto total = number(totalText);
        if (!total || *total <= *last)
            return std::nullopt;
        range.total = *total;
    }
    return range;
}

} // namespace opendo::transfer
