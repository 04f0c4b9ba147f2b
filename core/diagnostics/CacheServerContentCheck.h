#pragma once

// Whether the cache servers downloads would ask actually serve the latest download's content:
// a ranged GET through each (as a download makes one), compared with the same range from the
// origin. Catches a server that is up but cannot reach the origin, ignores ranges, or hands out
// other bytes (a stale or wrong cache) — each of which costs a download its cache bytes.

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
    struct ServerProbe
    {
        QString server; // host[:port] as configured
        QString url;
        std::optional<HttpProbeResult> answer;
    };

    void finish();
    // "" when the server's answer is right, else what is wrong (translated); its bytes are
    // compared with the origin's when the origin answered the range.
    QString problemOf(const HttpProbeResult& answer, bool compareWithOrigin) const;

    Done m_done;
    QList<ServerProbe> m_servers;
    QString m_originUrl;
    std::optional<HttpProbeResult> m_fromOrigin;
    QNetworkAccessManager* m_network = nullptr;
};

} // namespace opendo::diagnostics
