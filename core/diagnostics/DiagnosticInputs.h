#pragma once

// Everything the checks look at, gathered once on the agent's thread before they run, so each
// check is a function of these facts plus whatever it measures on the network itself.

#include "agent/AgentOptions.h"
#include "agent/PeerActivity.h"
#include "cache/CacheCopyProgress.h"
#include "cache/CacheEntry.h"
#include "cache/CachedContent.h"
#include "common/DhcpLeaseOptions.h"
#include "diagnostics/DiagnosticRequest.h"
#include "diagnostics/LocalVolumes.h"
#include "log/LogBuffer.h"
#include "policy/CacheHostList.h"
#include "policy/PolicyState.h"
#include "stats/ConnectionJournal.h"
#include "stats/DeviceStats.h"
#include "stats/ErrorJournal.h"
#include "stats/TransferHistory.h"
#include "transfer/JobStatus.h"
#include "transfer/UploadGates.h"

#include <QMap>
#include <QNetworkProxy>
#include <QString>

namespace opendo::diagnostics {

// How far back the "Errors found" check looks, as DO's troubleshooter does.
constexpr int kErrorWindowDays = 15;

struct DiagnosticInputs
{
    DiagnosticRequest request;
    agent::AgentOptions options;
    QString cacheDir; // where pieces are stored (DOModifyCacheDrive or inside the data dir)
    QString configuredCacheDir;         // where DOModifyCacheDrive says now; differs until it moved
    QString cacheMoveError;             // why the cache cannot move there ("" when it can)
    int downloadsUsingCache = 0;        // running downloads a cache move waits for
    cache::CacheCopyProgress cacheCopy; // a move onto another drive copying now
    QString databasePath;               // the agent's SQLite state
    QString databaseCheck;              // "ok" or what PRAGMA quick_check / opening reported
    QString listenError;  // why the agent does not listen ("" when it does or was not asked to)
    QString discoveryUrl; // the service the agent uses ("" = none)
    policy::PolicySnapshot policies;
    QMap<QString, QString> agentSettings;
    agent::PeerActivity activity;
    stats::DeviceStats device;
    stats::MonthTotals month;
    QList<transfer::JobStatus> jobs;
    QList<cache::CacheEntry> cacheEntries;
    QList<cache::EvictionRecord> evictions;          // newest first
    QList<stats::ConnectionRecord> endedConnections; // the latest peer connections, newest last
    transfer::SystemFacts system;
    QString cacheVolumeRoot;       // mount point of the file system holding the cache
    QList<VolumeSpace> volumes;    // local disk file systems, for "move the cache" advice
    DhcpOptionFound dhcpOption235; // cache servers from DHCP, read when DOCacheHostSource asks
    QList<policy::CacheHostEntry> linkCacheServers;    // announced on the link (DNS-SD)
    QList<policy::CacheHostEntry> serviceCacheServers; // assigned by the discovery service
    qint64 uploadedThisMonthInternet = 0;              // what DOMonthlyUploadDataCap counts
    QList<log::LogRecord> recentWarnings; // warnings and errors of the last hours, oldest first
    QList<stats::ErrorEvent>
        errorEvents; // DO error codes of the last kErrorWindowDays, oldest first
    // The proxy the agent's HTTP downloads use for `originUrl` (NoProxy when direct).
    QNetworkProxy originProxy{QNetworkProxy::NoProxy};
    QString originUrl; // resolved: the request's or the latest HTTP download's; "" = none known
};

} // namespace opendo::diagnostics
