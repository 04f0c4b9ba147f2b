#pragma once

// Parses the Content-Range header of a 206 answer ("bytes first-last/total"), private to the
// HTTP source.

#include <QByteArray>
#include <optional>

namespace opendo::transfer {

struct ContentRange
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 total = -1; // -1 when the server wrote "*" (size unknown to it)
};

// nullopt for anything but a well-formed, single satisfied byte range.
std::optional<ContentRange> parseContentRange(const QByteArray& header);

} // namespace opendo::transfer
