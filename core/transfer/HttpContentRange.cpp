#include "transfer/HttpContentRange.h"

#include "content/Decimal.h"

namespace opendo::transfer {

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
    const auto first = content::parseUnsignedDecimal(QByteArrayView(rest).first(dash));
    const auto last =
        content::parseUnsignedDecimal(QByteArrayView(rest).sliced(dash + 1, slash - dash - 1));
    const QByteArrayView totalText = QByteArrayView(rest).sliced(slash + 1);
    if (!first || !last || *last < *first)
        return std::nullopt;
    ContentRange range{*first, *last, -1};
    if (totalText != "*") {
        const auto total = content::parseUnsignedDecimal(totalText);
        if (!total || *total <= *last)
            return std::nullopt;
        range.total = *total;
    }
    return range;
}

} // namespace opendo::transfer
