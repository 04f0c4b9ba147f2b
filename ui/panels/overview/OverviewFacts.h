#pragma once

// What the Overview panel says, computed without widgets so every sentence can be tested: one
// row per fact (download mode, discovery, listening, peers, share from peers this month, cache,
// uploads against the monthly cap, the agent's own cost, cache servers), each with a status.

#include "agent/PeerActivity.h"
#include "policy/PolicyState.h"
#include "stats/DeviceStats.h"
#include "stats/TransferHistory.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

namespace opendo::ui {

enum class FactStatus
{
    Ok,
    Warn,
    Bad
};

struct OverviewFact
{
    QString id;    // stable, for tests and object names: "mode", "discovery", …
    QString label; // "Download mode"
    QString value; // the one-line answer
    FactStatus status = FactStatus::Ok;
    QString detail;   // what explains the value, or "" when it speaks for itself
    int percent = -1; // 0..100 for facts shown with a bar (cache, upload cap); -1 otherwise
};

struct OverviewInput
{
    agent::PeerActivity activity;
    std::optional<stats::DeviceStats> stats; // none before the agent's first publish
    std::optional<stats::MonthTotals> month; // none until the first query answers
    qint64 monthlyUploadCapGb = 20;          // DOMonthlyUploadDataCap; 0 = no cap
    QString cacheHosts;                      // DOCacheHost
    int cacheHostSource = 0;                 // DOCacheHostSource; 0 = not set
};

class OverviewFacts
{
    Q_DECLARE_TR_FUNCTIONS(opendo::ui::OverviewFacts)
public:
    // Fact ids, in display order.
    static constexpr const char* kMode = "mode";
    static constexpr const char* kDiscovery = "discovery";
    static constexpr const char* kListening = "listening";
    static constexpr const char* kPeers = "peers";
    static constexpr const char* kPeerShare = "peerShare";
    static constexpr const char* kCache = "cache";
    static constexpr const char* kUploads = "uploads";
    static constexpr const char* kAgent = "agent";
    static constexpr const char* kCacheServer = "cacheServer";

    static QList<OverviewFact> compute(const OverviewInput& input);

    static OverviewFact downloadMode(const agent::PeerActivity& activity);
    static OverviewFact discovery(const discovery::DiscoveryStatus& status);
    static OverviewFact listening(const agent::PeerActivity& activity);
    static OverviewFact peers(const agent::PeerActivity& activity);
    static OverviewFact peerShare(const std::optional<stats::MonthTotals>& month);
    static OverviewFact cache(const std::optional<stats::DeviceStats>& stats);
    static OverviewFact uploads(const std::optional<stats::MonthTotals>& month, qint64 capGb);
    static OverviewFact agentCost(const std::optional<stats::DeviceStats>& stats);
    // `local` says whether DNS-SD looks for cache servers (nothing configured) and what it found;
    // `assigned` are the servers the discovery service names for this device.
    static OverviewFact cacheServer(const QString& hosts, int source,
                                    const std::optional<stats::MonthTotals>& month,
                                    const discovery::local::LocalDiscoveryStatus& local = {},
                                    const QStringList& assigned = {});

    // "HTTP only", "LAN", "Group", "Internet", "Simple", "Bypass"; "" for unknown modes.
    static QString modeName(int mode);
    // "1 — LAN"
    static QString modeText(int mode);
    // Percent of the bytes that came from peers (LAN, group, Internet); 0..100, -1 when nothing
    // was downloaded. Negative class figures count as 0, so the result never exceeds 100.
    static double peerPercent(const stats::ClassBytes& down);
    // "25 %", "0.4 %", "99 %": rounded down, so 100 % only when every byte came from peers.
    static QString percentText(double percent);
    // value: detail, or the value alone.
    static QString text(const OverviewFact& fact);
    static QString statusMarker(FactStatus status); // "OK", "Check", "Problem"
};

} // namespace opendo::ui
