#pragma once

// The facade through which the console, the CLI and the headless service use a DO agent.
// All work runs on the agent's own thread; calls return futures, state arrives as snapshots.

#include "agent/AgentOptions.h"
#include "agent/PeerActivity.h"
#include "cache/CacheEntry.h"
#include "cache/CachedContent.h"
#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"
#include "diagnostics/DiagnosticRequest.h"
#include "log/LogBuffer.h"
#include "policy/PolicyState.h"
#include "policy/formats/PolicyDocument.h"
#include "stats/CacheHistory.h"
#include "stats/ConnectionJournal.h"
#include "stats/DeviceStats.h"
#include "stats/TransferHistory.h"
#include "transfer/DownloadManager.h"
#include "transfer/JobStatus.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QThread>
#include <optional>

namespace opendo::agent {

class AgentEngine;

class Agent : public QObject
{
    Q_OBJECT
public:
    explicit Agent(AgentOptions options, QObject* parent = nullptr);
    ~Agent() override;

    static QString defaultDataDir(); // the user's data location + "/opendo"

    const AgentOptions& options() const { return m_options; }

    // Resolves to "" once the agent runs, or to the reason it cannot.
    QFuture<QString> start();

    // The latest published state; safe to call from any thread.
    policy::PolicySnapshot policySnapshot() const;

    QFuture<policy::PolicyApplyResult> applyPolicyChanges(const policy::PolicyChangeSet& changes);
    // Parses a policy file without applying it (the editor stages what it finds).
    QFuture<policy::PolicyParseResult> readPolicyFile(const QString& path);
    QFuture<policy::PolicyApplyResult> importPolicyFile(const QString& path,
                                                        policy::PolicyLayer layer);
    // Writes the configured settings; resolves to "" or an error. Format from the extension
    // unless given.
    QFuture<QString> exportPolicyFile(const QString& path,
                                      std::optional<policy::PolicyFormat> format = {});

    // The discovery service used when neither --discovery nor DiscoveryUrl names one (the
    // console's built-in service, which starts alongside the agent).
    void setDefaultDiscoveryUrl(const QString& url);
    // OpenDO's own settings (see AgentSettings.h); resolves to "" or why the value is refused.
    QFuture<QString> setAgentSetting(const QString& name, const std::optional<QString>& value);
    QFuture<QMap<QString, QString>> agentSettings();
    // Their names, in the order to show them, and a sentence on each (translated).
    static QStringList agentSettingNames();
    static QString agentSettingDescription(const QString& name);

    // Bytes by source class over time (1 s for the last hour, 1 min for 90 days) and per month.
    QFuture<QList<stats::HistorySample>> transferHistory(const QDateTime& from,
                                                         const QDateTime& to);
    QFuture<stats::MonthTotals> monthTotals(const QDate& anyDay);
    // Device-wide figures (Get-DeliveryOptimizationPerfSnap), published every second.
    stats::DeviceStats deviceStats() const;
    bool hasDeviceStats() const;
    // The cache: use over time against its limits (1 min, 90 days), its contents, evictions.
    QFuture<QList<stats::CacheSample>> cacheHistory(const QDateTime& from, const QDateTime& to);
    QFuture<QList<cache::CacheEntry>> cacheContents();
    QFuture<QList<cache::EvictionRecord>> evictions(int limit = 200);
    // Resolve to "" or why not.
    QFuture<QString> setPinned(const QString& contentId, bool pinned);
    // Set-DeliveryOptimizationStatus -ExpireOn: keep one content ("" = every cached content) at
    // least until `until`, at most a year ahead; resolves to "" or why not.
    QFuture<QString> setExpireOn(const QString& contentId, const QDateTime& until);
    QFuture<QString> evictContent(const QString& contentId);
    // The process's recent log (see log::LogBuffer); safe from any thread.
    static QList<log::LogRecord> logRecords(qint64 afterSeq, int max = 20'000);

    // Downloads: a URL (HTTP only) or a metainfo file (verified, cached for peers).
    QList<transfer::JobStatus> jobs() const; // latest snapshot; safe from any thread
    PeerActivity peerActivity() const;       // latest snapshot (twice a second)
    // Peer connections that ended (kept 30 days), newest last.
    QFuture<QList<stats::ConnectionRecord>> endedConnections(int limit = 1000);
    bool hasPeerActivity() const; // the first snapshot has arrived
    QFuture<transfer::AddDownloadResult> addDownload(const transfer::DownloadRequest& request);
    QFuture<bool> pauseDownload(const QString& jobId);
    QFuture<bool> resumeDownload(const QString& jobId);
    QFuture<bool> cancelDownload(const QString& jobId);
    // Resolves when the job is finished, failed, cancelled or paused.
    QFuture<transfer::JobStatus> waitForJob(const QString& jobId);

    // The troubleshooter: runs the requested checks on the agent's thread (each bounded by the
    // request's timeout) and resolves to their results and the per-download traces.
    QFuture<diagnostics::DiagnosticReport>
    runDiagnostics(const diagnostics::DiagnosticRequest& request);
    // Runs every check and writes the support bundle (see diagnostics/SupportBundle.h) to
    // `path`; resolves to "" or the error.
    QFuture<QString> writeSupportBundle(const QString& path, bool temporaryAgent = false);

Q_SIGNALS:
    void policySnapshotChanged(const opendo::policy::PolicySnapshot& snapshot);
    void jobsChanged(const QList<opendo::transfer::JobStatus>& jobs);
    void peerActivityChanged(const opendo::agent::PeerActivity& activity);
    void deviceStatsChanged(const opendo::stats::DeviceStats& stats);

private:
    template <typename Result, typename Work> QFuture<Result> onEngine(Work work);
    diagnostics::DiagnosticInputs diagnosticInputs(const diagnostics::DiagnosticRequest& request);
    void storePolicySnapshot(const policy::PolicySnapshot& snapshot);
    void storeJobs(const QList<transfer::JobStatus>& jobs);

    AgentOptions m_options;
    QThread m_thread;
    AgentEngine* m_engine = nullptr; // lives on m_thread
    mutable QMutex m_snapshotMutex;
    policy::PolicySnapshot m_policySnapshot;
    QList<transfer::JobStatus> m_jobs;
    PeerActivity m_peerActivity;
    bool m_hasPeerActivity = false;
    stats::DeviceStats m_deviceStats;
    bool m_hasDeviceStats = false;
};

} // namespace opendo::agent
