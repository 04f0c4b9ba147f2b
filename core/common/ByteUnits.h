#pragma once

// Binary byte units, as DO's policies count them (DOMaxCacheSize's drive share aside, every
// size setting is in MB or GB of 1024-based units).

#include <QtGlobal>

namespace opendo {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMiB = 1024 * kKiB;
constexpr qint64 kGiB = 1024 * kMiB;

} // namespace opendo
