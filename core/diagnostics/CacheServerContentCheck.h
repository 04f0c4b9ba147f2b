#pragma once

// Whether the first cache server downloads would ask actually serves the latest download's
// content: a ranged GET through it (as a download makes one), compared with the same range from
// the origin. Catches a server that is up but cannot reach the origin, ignores ranges, or hands
// out other bytes (a stale or wrong cache) — each of which costs a download its cache bytes.

#include "diagnostics/Check.h"
#include "diagnostics/NetworkProbes.h"
#include "transfer/CacheServerPlan.h"

#include <optional>

class QNetworkAccessManager;

namespace opendo::diagnostics {

// The cache servers a download of the given priority would use, from the gathered facts.
transfer::CacheServerPlan cacheServerPlanFor(const DiagnosticInputs& in, bool foreground);

class CacheServerContentCheck : public Check
{
    Q_OBJECT
public:
    CacheServerContentCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;

private:
    void finish();

    Done m_done;
    QString m_cacheUrl;
    QString m_originUrl;
    QString m_server;
    std::optional<HttpProbeResult> m_viaCache;
    std::optional<HttpProbeResult> m_fromOrigin;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace opendo::diagnostics
