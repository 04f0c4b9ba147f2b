#pragma once

// The user's copy of a finished download, written next to its final name and renamed into
// place, so a crash never leaves a half-written file under the name the user asked for.

#include <QString>

namespace opendo::transfer {

// Copies `from` to `to` (kernel-side copy where possible); "" on success, else why not.
QString writeOutputCopy(const QString& from, const QString& to);

} // namespace opendo::transfer
