#pragma once

// Plain non-negative decimals as HTTP headers and tracker queries write them: digits only, no
// sign, no spaces, at most 18 digits so every accepted value fits in qint64 without overflow
// checks.

#include <QByteArrayView>
#include <optional>

namespace opendo::content {

std::optional<qint64> parseUnsignedDecimal(QByteArrayView text);

} // namespace opendo::content
