#pragma once

// What the caller wants checked: a named set of checks (or explicit ids), and the extra inputs
// some checks take.

#include <QString>
#include <QStringList>

namespace opendo::diagnostics {

// The check sets (see CheckCatalog.h): the health check every run includes, the peer checks
// (`doctl troubleshoot --p2p`), the cache-server checks (`--cache-server`), and the orders the
// console's wizards use.
enum class CheckSet
{
    All,            // health + peers + content + cache server
    Health,         // device, hardware, connection
    PeerToPeer,     // health + peers + content
    CacheServer,    // health + cache server
    NoPeerBytes,    // the "I don't see bytes from peers" wizard, in isolating order
    PeerConnection, // the "Test connection to a peer" wizard (needs peerEndpoint)
    Bandwidth,      // "Downloads are slow or use too much bandwidth"
    CacheDisk       // "The cache uses too much disk"
};

struct DiagnosticRequest
{
    CheckSet set = CheckSet::All;
    QStringList checkIds; // when not empty: exactly these, in this order (overrides set)
    QString peerEndpoint; // "ADDR:PORT" to test (connection.peer_test)
    QString originUrl;    // URL for the byte-range test; "" = the latest download's origin
    QString traceJobId;   // a download to trace; "" = trace every download
    // The agent was started only to run these checks (doctl without a running agent), so it
    // does not listen and does not stand for the device's service.
    bool temporaryAgent = false;
    int timeoutMs = 5'000; // per check
};

} // namespace opendo::diagnostics
