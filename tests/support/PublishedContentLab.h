#pragma once

// The lab most discovery tests start from: a real nginx origin with one content, a real
// do-discovery process, the content published there under its slow URL (so peers, not the
// origin, are where a leecher's bytes come from), and a second metainfo of the same content
// whose web seed is the origin at full speed, to fill seeds quickly. The web seeds sit outside
// the info dictionary, so both metainfo files describe the same content id.

#include "support/DiscoveryProcess.h"
#include "support/NginxServer.h"

#include <memory>

namespace opendo::test {

struct PublishedContentLab
{
    std::unique_ptr<NginxServer> origin;
    std::unique_ptr<DiscoveryProcess> discovery;
    QString publishedTorrent; // web seed: /content.bin, limited to `slowRate`
    QString fastTorrent;      // web seed: /fast/content.bin, unlimited

    // Everything lives under `dir`; `slowRate` is an nginx limit_rate value ("1m", "256k").
    // "" when it all started, otherwise what failed.
    QString start(const QString& dir, qint64 size, quint32 seed, const QString& slowRate,
                  const DiscoveryProcessOptions& options);
};

} // namespace opendo::test
