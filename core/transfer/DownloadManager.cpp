#include "transfer/DownloadManager.h"

#include "cache/CacheExpiry.h"
#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "transfer/BandwidthPolicy.h"
#include "transfer/CacheServerPlan.h"
#include "transfer/UploadGates.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QUuid>
#include <utility>

namespace opendo::transfer {

namespace {

constexpr int kMaxActiveJobs = 3;
constexpr int kProgressTickMs = 1000;

bool isUrl(const QString& source)
{
    return source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
           source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive);
}

// Which mode the job reports: content with trusted hashes follows the configured mode; a plain
// URL can only ever come over HTTP (99), as DO reports files that are not P2P-eligible.
int downloadModeFor(bool shareable, const policy::PolicySnapshot& policies)
{
    if (!shareable)
        return 99;
    const qint64 mode = policies.number(QStringLiteral("DODownloadMode"), 1);
    return mode == 100 ? 99 : int(mode);
}

// ExpireOn (see cache::cacheExpiry). Only finished, unpinned content expires by age, so only
// for those is the cache looked up, once per content.
void fillExpiry(QList<JobStatus>& statuses, const cache::PieceStore& store,
                const policy::PolicySnapshot& policies)
{
    const cache::CacheLimits limits = cache::cacheLimitsFrom(policies);
    if (limits.maxAgeSeconds <= 0)
        return;
    QHash<QString, QDateTime> byContent;
    for (JobStatus& s : statuses) {
        if (s.pinned || (s.state != JobState::Complete && s.state != JobState::Caching))
            continue;
        auto it = byContent.constFind(s.fileId);
        if (it == byContent.cend()) {
            const auto cached = store.find(s.fileId);
            it = byContent.insert(s.fileId,
                                  cached ? cache::cacheExpiry(*cached, limits) : QDateTime());
        }
        s.expireOn = *it;
    }
}

} // namespace

DownloadManager::DownloadManager(JobContext context, JobTable table, PolicySource policies,
                                 bool resumeQueued, QObject* parent)
    : QObject(parent), m_context(context), m_table(std::move(table)),
      m_policies(std::move(policies)), m_resumeQueued(resumeQueued)
{
    m_tick.setInterval(kProgressTickMs);
    connect(&m_tick, &QTimer::timeout, this, &DownloadManager::tick);
    m_tick.start();
    tick();
}

DownloadManager::~DownloadManager() = default;

DownloadJob* DownloadManager::createJob(JobRecord record, QString* error)
{
    std::shared_ptr<const content::Metainfo> metainfo;
    QByteArray bytes;
    if (!isUrl(record.source)) {
        // A metainfo job: prefer the copy in the cache (the user's file may be gone).
        if (const auto cached = m_context.store.find(record.contentId);
            cached && cached->shareable()) {
            bytes = cached->metainfo;
        } else {
            QFile file(record.source);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = tr("%1: %2").arg(record.source, file.errorString());
                return nullptr;
            }
            bytes = file.read(content::Metainfo::kMaxMetainfoSize + 1);
        }
        auto parsed = content::Metainfo::parse(bytes);
        if (!parsed.ok()) {
            *error = tr("%1: %2").arg(record.source, parsed.error);
            return nullptr;
        }
        metainfo = std::make_shared<const content::Metainfo>(std::move(*parsed.metainfo));
    } else if (!QUrl(record.source).isValid()) {
        *error = tr("%1 is not a valid URL.").arg(record.source);
        return nullptr;
    }
    return new DownloadJob(m_context, std::move(record), std::move(metainfo), std::move(bytes),
                           this);
}

void DownloadManager::adopt(DownloadJob* job)
{
    m_jobs << job;
    connect(job, &DownloadJob::progressed, this, &DownloadManager::jobsChanged);
    connect(job, &DownloadJob::bytesStored, this, [this, job](SourceClass cls, qint64 bytes) {
        m_storedTotals[size_t(cls)] += bytes;
        m_activity[job->record().foreground ? 1 : 0].bytes += bytes;
    });
    connect(job, &DownloadJob::stateChanged, this, [this, job] {
        persist(job);
        const JobState state = job->record().state;
        if (isTerminal(state) || state == JobState::Paused) {
            if (hasCompleted(state))
                Q_EMIT contentCompleted(job->record().contentId);
            Q_EMIT jobSettled(job->record().jobId);
            schedule();
        }
        Q_EMIT jobsChanged();
    });
}

bool DownloadManager::restore(QString* error)
{
    QString loadError;
    const QList<JobRecord> records = m_table.load(&loadError);
    if (!loadError.isEmpty()) {
        *error = loadError;
        return false;
    }
    for (JobRecord record : records) {
        if (record.state == JobState::Downloading)
            record.state = JobState::Queued; // interrupted by a stop or a crash
        QString jobError;
        DownloadJob* job = createJob(record, &jobError);
        if (!job) {
            qWarning("downloads: cannot restore job %s: %s", qPrintable(record.jobId),
                     qPrintable(jobError));
            continue;
        }
        adopt(job);
    }
    schedule();
    return true;
}

AddDownloadResult DownloadManager::add(const DownloadRequest& request)
{
    if (!isUrl(request.source) && request.source.contains(QLatin1String("://")))
        return {{},
                tr("%1: only http:// and https:// URLs can be downloaded; anything else "
                   "must be a metainfo (.torrent) file.")
                    .arg(request.source)};
    JobRecord record;
    record.jobId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    record.source =
        isUrl(request.source) ? request.source : QFileInfo(request.source).absoluteFilePath();
    record.outPath =
        request.outPath.isEmpty() ? QString() : QFileInfo(request.outPath).absoluteFilePath();
    record.foreground = request.foreground;
    record.createdAt = QDateTime::currentDateTime();
    record.downloadMode = downloadModeFor(!isUrl(record.source), m_policies());
    QString error;
    DownloadJob* job = createJob(record, &error);
    if (!job)
        return {{}, error};
    // The same content to the same place again: that job already does the work.
    for (DownloadJob* existing : std::as_const(m_jobs)) {
        const JobRecord& r = existing->record();
        if (r.contentId == job->record().contentId && r.outPath == record.outPath &&
            !isTerminal(r.state)) {
            delete job;
            m_requested.insert(r.jobId);
            if (r.state == JobState::Paused || r.state == JobState::Queued)
                resume(r.jobId);
            return {r.jobId, {}};
        }
    }
    m_requested.insert(job->record().jobId);
    adopt(job);
    persist(job);
    schedule();
    Q_EMIT jobsChanged();
    return {job->record().jobId, {}};
}

void DownloadManager::rejoinSwarms()
{
    for (DownloadJob* job : std::as_const(m_jobs)) {
        if (job->record().state == JobState::Downloading)
            job->rejoinSwarm();
    }
}

CacheServerPlan DownloadManager::cacheServersFor(bool foreground) const
{
    const policy::PolicySnapshot policies = m_policies();
    const policy::EffectivePolicy* hosts = policies.find(QStringLiteral("DOCacheHost"));
    const bool fromDhcp = cacheHostsFromDhcp(policies);
    const bool fromLink = cacheHostsFromDnsSd(policies) && !m_linkCacheServers.isEmpty();
    if (!fromDhcp && !fromLink && m_serviceCacheServers.isEmpty() &&
        (!hosts || hosts->value.isEmpty()))
        return {};
    const DhcpOptionFound option235 =
        fromDhcp ? findDhcpOption(235, m_dhcpLeaseFolders) : DhcpOptionFound{};
    const bool onVpn = !vpnInterfacesFor(policies, probeNetworkInterfaces()).isEmpty();
    CacheServerPlan plan = cacheServerPlan(policies, foreground, onVpn, option235,
                                           m_linkCacheServers, m_serviceCacheServers);
    if (!plan.hostsProblem.isEmpty())
        qWarning("downloads: cache servers: %s", qUtf8Printable(plan.hostsProblem));
    return plan;
}

void DownloadManager::holdStarts(const QString& reason)
{
    const bool wasHeld = startsHeld();
    m_holdReason = reason;
    if (wasHeld && !startsHeld())
        schedule();
    Q_EMIT jobsChanged(); // queued jobs now say what they wait for, or no longer
}

void DownloadManager::schedule()
{
    applyBandwidthPolicy(); // a job that starts now must start under the current limits
    if (startsHeld())
        return;
    int active = 0;
    for (DownloadJob* job : std::as_const(m_jobs))
        active += job->record().state == JobState::Downloading ? 1 : 0;
    // Foreground jobs first, then in the order they were added.
    for (bool foreground : {true, false}) {
        for (DownloadJob* job : std::as_const(m_jobs)) {
            if (active >= kMaxActiveJobs)
                return;
            const JobRecord& r = job->record();
            const bool wanted = m_resumeQueued || m_requested.contains(r.jobId);
            if (wanted && r.state == JobState::Queued && r.foreground == foreground) {
                job->setCacheServers(cacheServersFor(r.foreground));
                job->start();
                ++active;
            }
        }
    }
}

void DownloadManager::persist(DownloadJob* job)
{
    QString error;
    if (!m_table.save(job->record(), &error))
        qWarning("downloads: cannot save job %s: %s", qPrintable(job->record().jobId),
                 qPrintable(error));
}

bool DownloadManager::pause(const QString& jobId)
{
    for (DownloadJob* job : std::as_const(m_jobs)) {
        if (job->record().jobId == jobId) {
            job->pause();
            return job->record().state == JobState::Paused;
        }
    }
    return false;
}

bool DownloadManager::resume(const QString& jobId)
{
    for (DownloadJob* job : std::as_const(m_jobs)) {
        const JobState state = job->record().state;
        if (job->record().jobId != jobId)
            continue;
        m_requested.insert(jobId);
        if (state == JobState::Queued) {
            schedule();
            return true;
        }
        if (state != JobState::Paused && state != JobState::Failed)
            return state == JobState::Queued || state == JobState::Downloading;
        // Back into the queue; the scheduler starts it when a slot is free.
        JobRecord record = job->record();
        record.state = JobState::Queued;
        record.error.clear();
        QString error;
        DownloadJob* fresh = createJob(record, &error);
        if (!fresh)
            return false;
        m_jobs.removeOne(job);
        job->deleteLater();
        adopt(fresh);
        persist(fresh);
        schedule();
        Q_EMIT jobsChanged();
        return true;
    }
    return false;
}

bool DownloadManager::cancel(const QString& jobId)
{
    for (DownloadJob* job : std::as_const(m_jobs)) {
        if (job->record().jobId == jobId) {
            job->cancel();
            return true;
        }
    }
    return false;
}

JobStatus DownloadManager::statusOf(const DownloadJob& job, const QSet<QString>& pinned) const
{
    JobStatus s = job.status();
    s.bytesPerSecond = m_rates.value(s.jobId);
    s.pinned = pinned.contains(s.fileId);
    if (s.state == JobState::Queued)
        s.waitingFor = m_holdReason;
    return s;
}

QList<JobStatus> DownloadManager::statuses() const
{
    // Published several times a second: one small query, not a cache lookup per job.
    const QSet<QString> pinned = m_context.store.pinnedContentIds();
    QList<JobStatus> list;
    for (const DownloadJob* job : m_jobs)
        list << statusOf(*job, pinned);
    fillExpiry(list, m_context.store, m_policies());
    return list;
}

std::optional<JobStatus> DownloadManager::status(const QString& jobId) const
{
    for (const DownloadJob* job : m_jobs) {
        if (job->record().jobId == jobId) {
            QList<JobStatus> one{statusOf(*job, m_context.store.pinnedContentIds())};
            fillExpiry(one, m_context.store, m_policies());
            return one.front();
        }
    }
    return std::nullopt;
}

bool DownloadManager::hasActiveJobFor(const QString& contentId) const
{
    for (const DownloadJob* job : m_jobs) {
        if (job->record().contentId == contentId && !isTerminal(job->record().state))
            return true;
    }
    return false;
}

int DownloadManager::jobsUsingCacheFiles() const
{
    return int(std::count_if(m_jobs.cbegin(), m_jobs.cend(),
                             [](const DownloadJob* job) { return job->usesCacheFile(); }));
}

void DownloadManager::tick()
{
    qint64 httpTotal = 0;
    // A priority was moving during the last tick when one of its downloads is running or
    // stored bytes since (a small download can start and finish between two ticks).
    std::array<bool, 2> moving{};
    for (size_t priority = 0; priority < moving.size(); ++priority) {
        moving[priority] = m_activity[priority].bytes != m_activityBytesAtTick[priority];
        m_activityBytesAtTick[priority] = m_activity[priority].bytes;
    }
    for (const DownloadJob* job : std::as_const(m_jobs)) {
        const JobRecord& record = job->record();
        const ByteCounts now{record.bytesReceived(), record.bytesHttp};
        const ByteCounts before = m_lastBytes.value(record.jobId, now);
        m_lastBytes.insert(record.jobId, now);
        const qint64 received = qMax<qint64>(0, now.received - before.received);
        const size_t priority = record.foreground ? 1 : 0;
        moving[priority] = moving[priority] || record.state == JobState::Downloading;
        // The Rate column: every byte received, from the origin and from peers alike.
        m_rates.insert(record.jobId, received * 1000 / kProgressTickMs);
        // The bandwidth measure counts the origin only: peers on the LAN say nothing about the
        // Internet link the caps share out.
        httpTotal += qMax<qint64>(0, now.http - before.http);
    }
    for (size_t priority = 0; priority < moving.size(); ++priority) {
        if (moving[priority])
            m_activity[priority].activeMs += kProgressTickMs;
    }
    // The best throughput seen stands in for "available bandwidth" in percentage caps. It only
    // decays while idle: decaying under a cap would shrink the cap it feeds.
    const qint64 current = httpTotal * 1000 / kProgressTickMs;
    if (current > m_bestRate)
        m_bestRate = current;
    else if (current == 0)
        m_bestRate = m_bestRate * 99 / 100;
    applyBandwidthPolicy();
}

void DownloadManager::applyBandwidthPolicy()
{
    const BandwidthRates rates = bandwidthRatesFor(m_policies(), QTime::currentTime(), m_bestRate);
    m_context.limiter.setRate(TrafficClass::Foreground, rates.foreground);
    m_context.limiter.setRate(TrafficClass::Background, rates.background);
}

} // namespace opendo::transfer
