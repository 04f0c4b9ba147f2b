#pragma once

// Checks the crash-safety promise from outside the agent: opens a (stopped) agent's index and
// hashes every piece it calls present.

#include "content/Metainfo.h"

#include <QString>

namespace opendo::test {

// How many pieces are present and verify; -1 (and *problem) when one does not or the index
// cannot be read.
int verifyCachedPieces(const QString& dataDir, const content::Metainfo& meta, QString* problem);

} // namespace opendo::test
