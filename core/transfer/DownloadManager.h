#pragma once

// The agent's download queue: creates jobs from URLs or metainfo files, runs a few at a time
// (foreground first), persists them, resumes them after a restart, and feeds the bandwidth
// limiter from the policies.

#include "policy/PolicyState.h"
#include "transfer/DownloadJob.h"
#include "transfer/JobTable.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <array>
#include <functional>

namespace opendo::transfer {

struct AddDownloadResult
{
    QString jobId; // "" when rejected
    QString error;
};

class DownloadManager : public QObject
{
    Q_OBJECT
public:
    using PolicySource = std::function<policy::PolicySnapshot()>;

    // `resumeQueued` false: jobs restored from the database wait until resumed explicitly.
    DownloadManager(JobContext context, JobTable table, PolicySource policies, bool resumeQueued,
                    QObject* parent = nullptr);
    ~DownloadManager() override;

    bool restore(QString* error); // jobs from the database; unfinished ones are queued again
    AddDownloadResult add(const DownloadRequest& request);
    bool pause(const QString& jobId);
    bool resume(const QString& jobId);
    bool cancel(const QString& jobId);

    QList<JobStatus> statuses() const;
    std::optional<JobStatus> status(const QString& jobId) const;
    bool hasActiveJobFor(const QString& contentId) const;
    int jobsUsingCacheFiles() const; // see DownloadJob::usesCacheFile
    // Where DHCP option 235 is looked up (DOCacheHostSource 1 and 2).
    void setDhcpLeaseFolders(const QStringList& folders) { m_dhcpLeaseFolders = folders; }
    // Cache servers that DNS-SD found on the link; downloads that start from now on use them
    // when the policies leave finding cache servers to DNS-SD.
    void setLinkCacheServers(const QList<policy::CacheHostEntry>& servers)
    {
        m_linkCacheServers = servers;
    }
    // Cache servers the discovery service assigns to this device; used from the next download
    // on when DOCacheHost (and DHCP option 235, when asked for) name none.
    void setServiceCacheServers(const QList<policy::CacheHostEntry>& servers)
    {
        m_serviceCacheServers = servers;
    }
    // While the cache copies onto another drive no download may write into it: queued jobs
    // wait (running ones were waited for before the copy began) and their status says what
    // for (`reason`, e.g. "the cache to finish copying to …"). "" releases them.
    void holdStarts(const QString& reason);
    bool startsHeld() const { return !m_holdReason.isEmpty(); }
    // Peering became possible again: running downloads join their swarms.
    void rejoinSwarms();
    // Bytes stored by all jobs since the agent started, by SourceClass (monotonic).
    const PerSourceClass<qint64>& storedTotals() const { return m_storedTotals; }
    // Since the agent started (monotonic): bytes received by downloads of one priority and the
    // time at least one of them was moving, for the month's average speeds.
    struct PriorityActivity
    {
        qint64 bytes = 0;
        qint64 activeMs = 0;
    };
    const PriorityActivity& activity(bool foreground) const
    {
        return m_activity[foreground ? 1 : 0];
    }

Q_SIGNALS:
    void jobsChanged();
    // A job stopped needing attention from the agent: finished, failed, cancelled or paused.
    void jobSettled(const QString& jobId);
    void contentCompleted(const QString& contentId);

private:
    DownloadJob* createJob(JobRecord record, QString* error);
    void adopt(DownloadJob* job);
    void schedule();
    void persist(DownloadJob* job);
    void tick();
    void applyBandwidthPolicy();
    CacheServerPlan cacheServersFor(bool foreground) const;
    JobStatus statusOf(const DownloadJob& job, const QSet<QString>& pinned) const;

    JobContext m_context;
    JobTable m_table;
    PolicySource m_policies;
    QStringList m_dhcpLeaseFolders = defaultDhcpLeaseFolders();
    QList<policy::CacheHostEntry> m_linkCacheServers;
    QList<policy::CacheHostEntry> m_serviceCacheServers;
    QList<DownloadJob*> m_jobs; // in queue order
    bool m_resumeQueued = true;
    QString m_holdReason;
    QSet<QString> m_requested; // jobs added or resumed by this agent's users
    struct ByteCounts
    {
        qint64 received = 0; // from every source: the Rate column
        qint64 http = 0;     // from the origin: the bandwidth measure
    };
    QHash<QString, ByteCounts> m_lastBytes; // per job, at the previous tick
    QHash<QString, qint64> m_rates;
    qint64 m_bestRate = 0;
    QTimer m_tick;
    PerSourceClass<qint64> m_storedTotals{};
    std::array<PriorityActivity, 2> m_activity{}; // background, foreground
    std::array<qint64, 2> m_activityBytesAtTick{};
};

} // namespace opendo::transfer
