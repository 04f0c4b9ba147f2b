#pragma once

// The agent's state and work, living on the agent thread: database, policies, (later) cache,
// transfers and discovery. Only Agent talks to it, by queued calls.

#include "agent/AgentOptions.h"
#include "agent/AgentSettings.h"
#include "agent/PeerActivity.h"
#include "cache/CacheCopyJob.h"
#include "cache/CacheEntry.h"
#include "cache/CachedContent.h"
#include "diagnostics/CheckResult.h"
#include "diagnostics/DiagnosticInputs.h"
#include "persistence/Database.h"
#include "policy/PolicyStore.h"
#include "policy/formats/PolicyDocument.h"
#include "stats/CacheHistory.h"
#include "stats/ConnectionJournal.h"
#include "stats/DeviceStats.h"
#include "stats/DialFailureStore.h"
#include "stats/ErrorJournal.h"
#include "stats/TransferHistory.h"
#include "transfer/DownloadManager.h"
#include "transfer/WorkerPool.h"

#include <QHash>
#include <QLockFile>
#include <QObject>
#include <QPromise>
#include <QTimer>
#include <functional>
#include <memory>

namespace opendo::cache {
class CacheJanitor;
class PieceStore;
} // namespace opendo::cache
namespace opendo::stats {
class UploadLedger;
}
namespace opendo::transfer {
class BandwidthLimiter;
class PeerHub;
} // namespace opendo::transfer

namespace opendo::agent {

class DeviceStatsSampler;
class DiscoveryLink;

class AgentEngine : public QObject
{
    Q_OBJECT
public:
    using SnapshotSink = std::function<void(const policy::PolicySnapshot&)>;
    using JobsSink = std::function<void(const QList<transfer::JobStatus>&)>;

    using PeersSink = std::function<void(const PeerActivity&)>;
    using DeviceSink = std::function<void(const stats::DeviceStats&)>;
    AgentEngine(AgentOptions options, SnapshotSink publishPolicy, JobsSink publishJobs);
    void setPeersSink(PeersSink sink) { m_publishPeers = std::move(sink); }
    void setDeviceSink(DeviceSink sink) { m_publishDevice = std::move(sink); }
    ~AgentEngine() override;

    QString start(); // "" on success, otherwise why the agent cannot run

    policy::PolicyApplyResult applyPolicyChanges(const policy::PolicyChangeSet& changes);
    policy::PolicyParseResult readPolicyFile(const QString& path) const;
    policy::PolicyApplyResult importPolicyFile(const QString& path, policy::PolicyLayer layer);
    QString exportPolicyFile(const QString& path, std::optional<policy::PolicyFormat> format);

    QString setAgentSetting(const QString& name, const std::optional<QString>& value);
    void setDefaultDiscoveryUrl(const QString& url);
    QMap<QString, QString> agentSettings() const;
    QList<stats::HistorySample> transferHistory(const QDateTime& from, const QDateTime& to) const;
    stats::MonthTotals monthTotals(const QDate& anyDay) const;
    QList<stats::CacheSample> cacheHistory(const QDateTime& from, const QDateTime& to) const;
    QList<cache::CacheEntry> cacheContents() const;
    QList<cache::EvictionRecord> evictions(int limit) const;
    QList<stats::ConnectionRecord> endedConnections(int limit) const;
    QString setPinned(const QString& contentId, bool pinned);
    QString setExpireOn(const QString& contentId, const QDateTime& until);
    QString evictContent(const QString& contentId);
    // A URL the discovery service has metainfo for becomes a verifiable, peerable download.
    void addDownload(const transfer::DownloadRequest& request,
                     std::shared_ptr<QPromise<transfer::AddDownloadResult>> promise);
    bool pauseDownload(const QString& jobId);
    bool resumeDownload(const QString& jobId);
    bool cancelDownload(const QString& jobId);
    // Resolves once the job is finished, failed, cancelled or paused.
    void whenSettled(const QString& jobId, std::shared_ptr<QPromise<transfer::JobStatus>> promise);

    // Fills what only the engine knows into `inputs` (see AgentEngineDiagnostics.cpp), runs the
    // checks on this thread and resolves with the report.
    void runDiagnostics(diagnostics::DiagnosticInputs inputs,
                        std::shared_ptr<QPromise<diagnostics::DiagnosticReport>> promise);
    void writeSupportBundle(const QString& path, diagnostics::DiagnosticInputs inputs,
                            std::shared_ptr<QPromise<QString>> promise);

private:
    static QString unknownPolicyFileType(const QString& path);
    void gatherDiagnosticInputs(diagnostics::DiagnosticInputs& inputs) const;
    // Runs the checks on facts already gathered; `done` gets the report on this thread.
    void runChecks(diagnostics::DiagnosticInputs gathered,
                   std::function<void(diagnostics::DiagnosticReport)> done);
    QString startDownloads();
    QString startPeers(const QString& cacheDir);
    QString applyStaticPeers();
    void applyAgentSettings();
    transfer::AddDownloadResult addPublished(transfer::DownloadRequest request,
                                             const QByteArray& torrent);
    void publishPolicy();
    void publishJobs();
    PeerActivity peerActivityNow() const; // without rates, which need the previous snapshot
    void publishPeers();
    void sampleTransfers();
    void saveDialFailures(); // when the unreachable-peer tally changed
    void settle(const QString& jobId);
    // DOModifyCacheDrive changed: move the cache there once no download uses its files.
    void followCacheFolderPolicy();
    void startCacheCopy(const QString& to);
    void completeCacheCopy(const QString& error);
    void switchToCopiedCache(const cache::CacheCopyPlan& plan);
    void abandonCacheCopy();
    void refuseCacheMove(const QString& wanted, const QString& why, int retryMs);
    void reloadIfChangedElsewhere();

    AgentOptions m_options;
    SnapshotSink m_publishPolicy;
    JobsSink m_publishJobs;
    PeersSink m_publishPeers;
    DeviceSink m_publishDevice;
    std::unique_ptr<DeviceStatsSampler> m_deviceStats;
    QTimer m_peersPublishTimer;
    QHash<QString, QPair<qint64, qint64>> m_lastPeerBytes; // by content + endpoint
    persistence::Database m_db;
    std::unique_ptr<policy::PolicyStore> m_policies;
    QTimer m_externalChangeTimer;
    qint64 m_seenDataVersion = -1;
    transfer::WorkerPool m_workers; // hashing and disk writes
    QNetworkAccessManager* m_network = nullptr;
    transfer::BandwidthLimiter* m_limiter = nullptr;
    std::unique_ptr<cache::PieceStore> m_store;
    std::unique_ptr<stats::UploadLedger> m_uploadLedger;
    std::unique_ptr<stats::ErrorJournal> m_errors;
    std::unique_ptr<stats::ConnectionJournal> m_connections;
    std::unique_ptr<stats::DialFailureStore> m_dialFailures;
    transfer::PeerHub* m_peers = nullptr;
    std::unique_ptr<AgentSettingsStore> m_settings;
    std::unique_ptr<stats::TransferHistory> m_history;
    QTimer m_sampleTimer;
    transfer::PerSourceClass<qint64> m_sampledDown{};
    transfer::PerSourceClass<qint64> m_sampledUp{};
    std::array<transfer::DownloadManager::PriorityActivity, 2> m_sampledActivity{}; // bg, fg
    int m_samplesSinceCompaction = 0;
    std::unique_ptr<QLockFile> m_lock; // one agent per data directory
    QString m_listenError;             // why the peer port could not be opened
    transfer::DownloadManager* m_downloads = nullptr;
    DiscoveryLink* m_discovery = nullptr;
    cache::CacheJanitor* m_janitor = nullptr;
    QTimer m_cacheMoveTimer;    // retries a cache move that had to wait
    QString m_cacheMoveError;   // why the cache cannot move where DOModifyCacheDrive says
    QString m_cacheMoveAwaited; // where a move waiting for running downloads goes
    cache::CacheCopyJob* m_cacheCopy = nullptr; // a move onto another drive under way
    QTimer m_jobsPublishTimer; // coalesces progress into at most a few snapshots a second
    QHash<QString, QList<std::shared_ptr<QPromise<transfer::JobStatus>>>> m_waiters;
};

} // namespace opendo::agent
