#include "content/Decimal.h"

namespace opendo::content {

std::optional<qint64> parseUnsignedDecimal(QByteArrayView text)
{
    constexpr qsizetype kMaxDigits = 18;
    if (text.isEmpty() || text.size() > kMaxDigits)
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace opendo::content
