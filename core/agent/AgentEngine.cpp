#include "agent/AgentEngine.h"

#include "agent/DeviceStatsSampler.h"
#include "agent/DiscoveryLink.h"
#include "cache/CacheJanitor.h"
#include "cache/CacheRelocation.h"
#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "log/LogCategories.h"
#include "stats/UploadLedger.h"
#include "transfer/BandwidthLimiter.h"
#include "transfer/HttpRangeSource.h"
#include "transfer/PeerHub.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace opendo::agent {

using namespace opendo::policy;

namespace {
// doctl and other tools may change the database underneath a running console.
constexpr int kExternalChangePollMs = 1000;
constexpr int kJobsPublishMs = 250; // at most 4 job snapshots a second
constexpr int kWorkerThreads = 2;
constexpr int kPeersPublishMs = 500; // the Peers panel refreshes twice a second
constexpr int kSampleMs = 1000;      // history resolution
constexpr int kCompactEverySamples = 600;
// The unreachable-peer tally is evidence, not state: a crash may lose its last few seconds.
constexpr int kSaveDialFailuresEverySamples = 10;
} // namespace

AgentEngine::AgentEngine(AgentOptions options, SnapshotSink publishPolicy, JobsSink publishJobs)
    : m_options(std::move(options)), m_publishPolicy(std::move(publishPolicy)),
      m_publishJobs(std::move(publishJobs)),
      m_workers(kWorkerThreads, this) // a child, so it moves to the agent thread with the engine
{
    m_jobsPublishTimer.setParent(this);
    m_jobsPublishTimer.setSingleShot(true);
    m_jobsPublishTimer.setInterval(kJobsPublishMs);
    connect(&m_jobsPublishTimer, &QTimer::timeout, this, &AgentEngine::publishJobs);
    // Parented so that moveToThread takes the timer along to the agent thread.
    m_externalChangeTimer.setParent(this);
    m_externalChangeTimer.setInterval(kExternalChangePollMs);
    connect(&m_externalChangeTimer, &QTimer::timeout, this, &AgentEngine::reloadIfChangedElsewhere);
    m_sampleTimer.setParent(this);
    m_sampleTimer.setInterval(kSampleMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, &AgentEngine::sampleTransfers);
    m_cacheMoveTimer.setParent(this);
    m_cacheMoveTimer.setSingleShot(true);
    connect(&m_cacheMoveTimer, &QTimer::timeout, this, &AgentEngine::followCacheFolderPolicy);
    m_peersPublishTimer.setParent(this);
    m_peersPublishTimer.setInterval(kPeersPublishMs);
    connect(&m_peersPublishTimer, &QTimer::timeout, this, &AgentEngine::publishPeers);
}

AgentEngine::~AgentEngine()
{
    // Nobody may wait forever on an agent that is gone: answer with the last known state.
    for (auto it = m_waiters.begin(); it != m_waiters.end(); ++it) {
        const auto status = m_downloads ? m_downloads->status(it.key()) : std::nullopt;
        for (const auto& promise : it.value()) {
            promise->addResult(status.value_or(transfer::JobStatus{}));
            promise->finish();
        }
    }
    m_waiters.clear();
    delete m_cacheCopy; // stops the copying thread, which removes its partial copies
    m_cacheCopy = nullptr;
    if (m_history)
        sampleTransfers(); // the bytes of the last, partial second
    // Jobs first (they use the store and the network), then wait for workers still writing.
    delete m_janitor;
    m_janitor = nullptr;
    delete m_discovery;
    m_discovery = nullptr;
    m_deviceStats.reset();
    delete m_downloads;
    m_downloads = nullptr;
    saveDialFailures();
    delete m_peers;
    m_peers = nullptr;
    m_workers.waitForDone();
    m_store.reset();
    delete m_network;
    m_policies.reset();
    m_history.reset();
    m_uploadLedger.reset();
    m_errors.reset();
    m_connections.reset();
    m_dialFailures.reset();
    m_settings.reset();
    m_db.close();
}

QString AgentEngine::start()
{
    QString error;
    if (!QDir().mkpath(m_options.dataDir))
        return tr("Cannot create the data folder %1.").arg(m_options.dataDir);
    // Two agents on one data directory would fight over the cache and the peer port.
    m_lock =
        std::make_unique<QLockFile>(QDir(m_options.dataDir).filePath(QStringLiteral("agent.lock")));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(0)) {
        qint64 pid = 0;
        QString host, app;
        m_lock->getLockInfo(&pid, &host, &app);
        m_lock.reset();
        return tr("Another agent (%1, process %2) is using the data folder %3; stop it or use "
                  "another --data-dir.")
            .arg(app)
            .arg(pid)
            .arg(m_options.dataDir);
    }
    if (!m_db.open(m_options.dataDir, &error))
        return tr("Cannot open the agent database: %1").arg(error);
    m_errors = std::make_unique<stats::ErrorJournal>(m_db.handle());
    m_connections = std::make_unique<stats::ConnectionJournal>(m_db.handle());
    m_policies = std::make_unique<PolicyStore>(m_db.handle());
    if (!m_policies->load(&error))
        return tr("Cannot read the policy settings: %1").arg(error);
    m_seenDataVersion = m_db.dataVersion();
    m_externalChangeTimer.start();
    publishPolicy();
    return startDownloads();
}

QString AgentEngine::startDownloads()
{
    auto policies = [this] { return resolveEffective(m_policies->state()); };
    const QString cacheDir = cache::cacheDirectoryFor(policies(), m_options.dataDir);
    if (!QDir().mkpath(cacheDir)) {
        const QString error = tr("Cannot create the cache folder %1.").arg(cacheDir);
        m_errors->report(log::DoErrorCode::CacheFolderMissing, log::lcCache(), error);
        return error;
    }
    m_store = std::make_unique<cache::PieceStore>(m_db.handle(), cacheDir);
    // DOModifyCacheDrive may have changed while no agent ran (doctl config set): the content is
    // still where the index was last kept, so open the index there and move it.
    const QString recorded = m_store->recordedCacheDir();
    QString opened = cacheDir;
    if (!recorded.isEmpty() && QDir::cleanPath(recorded) != QDir::cleanPath(cacheDir) &&
        QFileInfo(recorded).isDir()) {
        m_store->setCacheDir(recorded);
        // Onto another drive the copy runs in the background once the queue exists
        // (followCacheFolderPolicy below); until then, and while cacheDir is unusable, the
        // cache stays where it works, as it does when the policy changes while the agent runs.
        opened = recorded;
        if (cache::relocationMethod(recorded, cacheDir) == cache::RelocationMethod::Rename) {
            if (const cache::CacheRelocation moved = cache::relocateCache(*m_store, cacheDir);
                moved.ok())
                opened = cacheDir;
        }
    }
    m_store->setCacheDir(opened);
    QString error;
    if (!m_store->recordCacheDir(&error))
        return tr("Cannot open the cache index: %1").arg(error);
    if (const int unmarked = m_store->reconcile(&error); unmarked > 0)
        qWarning("cache: %d pieces had no data on disk and will be downloaded again", unmarked);
    m_network = new QNetworkAccessManager(this);
    transfer::configureProxy(*m_network, m_options.httpProxy);
    m_limiter = new transfer::BandwidthLimiter(this);
    if (QString peerError = startPeers(cacheDir); !peerError.isEmpty())
        return peerError;
    transfer::JobContext context{*m_store,  *m_network, *m_limiter,
                                 m_workers, m_peers,    m_errors.get()};
    m_downloads = new transfer::DownloadManager(context, transfer::JobTable(m_db.handle()),
                                                policies, m_options.resumeQueuedJobs, this);
    m_janitor = new cache::CacheJanitor(
        *m_store, policies,
        [this](const QString& id) {
            // A cache being copied keeps everything until the index points at the copies.
            return m_cacheCopy || m_downloads->hasActiveJobFor(id);
        },
        this);
    connect(m_downloads, &transfer::DownloadManager::jobsChanged, this, [this] {
        if (!m_jobsPublishTimer.isActive())
            m_jobsPublishTimer.start();
    });
    connect(m_downloads, &transfer::DownloadManager::jobSettled, this, &AgentEngine::settle);
    connect(m_downloads, &transfer::DownloadManager::contentCompleted, m_janitor,
            [this] { m_janitor->sweep(); });
    m_discovery = new DiscoveryLink(*m_store, *m_peers, this);
    m_discovery->setDownloads(m_downloads);
    connect(m_downloads, &transfer::DownloadManager::contentCompleted, m_discovery,
            &DiscoveryLink::contentCompleted);
    connect(m_downloads, &transfer::DownloadManager::jobsChanged, m_discovery,
            &DiscoveryLink::scheduleRefresh);
    connect(m_peers, &transfer::PeerHub::peeringAvailable, m_downloads,
            &transfer::DownloadManager::rejoinSwarms);
    applyAgentSettings();
    m_deviceStats = std::make_unique<DeviceStatsSampler>(m_db.handle(), *m_store, *m_downloads,
                                                         *m_peers, policies);
    followCacheFolderPolicy(); // before restore(), so that a copy holds the queue from the start
    if (!m_downloads->restore(&error))
        return tr("Cannot read the download queue: %1").arg(error);
    publishJobs();
    return {};
}

QString AgentEngine::startPeers(const QString& cacheDir)
{
    Q_UNUSED(cacheDir);
    m_uploadLedger = std::make_unique<stats::UploadLedger>(m_db.handle());
    m_peers = new transfer::PeerHub(*m_store, m_workers, m_uploadLedger.get(), this);
    m_peers->setErrorJournal(m_errors.get());
    m_peers->setConnectionJournal(m_connections.get());
    m_dialFailures = std::make_unique<stats::DialFailureStore>(m_db.handle());
    if (QString dialError; !m_dialFailures->restoreInto(m_peers->dialFailures(), &dialError))
        qCWarning(log::lcAgent).noquote() << "unreachable peers of the last run:" << dialError;
    m_peers->setPolicies(resolveEffective(m_policies->state()));
    m_settings = std::make_unique<AgentSettingsStore>(m_db.handle());
    if (QString peerError = applyStaticPeers(); !peerError.isEmpty())
        return peerError;
    m_peersPublishTimer.start();
    m_history = std::make_unique<stats::TransferHistory>(m_db.handle());
    {
        QString compactError;
        if (!m_history->compact(QDateTime::currentDateTimeUtc(), &compactError))
            qCWarning(log::lcAgent).noquote() << "transfer history:" << compactError;
    }
    m_sampleTimer.start();
    if (m_options.listen.isEmpty())
        return {};
    QString error;
    const auto endpoint = transfer::parsePeerEndpoint(m_options.listen, &error, true);
    if (!endpoint)
        return tr("Listen address: %1").arg(error);
    if (!m_peers->listen(endpoint->address, endpoint->port, &error)) {
        m_listenError = error;
        if (m_options.listenRequired)
            return error;
        qCWarning(log::lcAgent).noquote() << error << "- downloading without serving peers";
    }
    return {};
}

QString AgentEngine::applyStaticPeers()
{
    QString error;
    const QMap<QString, QString> settings = m_settings->load(&error);
    if (!error.isEmpty())
        return tr("Cannot read the agent settings: %1").arg(error);
    // Peers from the command line first, then those configured in the database.
    QStringList texts = m_options.staticPeers;
    texts << splitPeerList(settings.value(QString::fromLatin1(kStaticPeersSetting)));
    QList<transfer::PeerEndpoint> peers;
    for (const QString& text : std::as_const(texts)) {
        const auto endpoint = transfer::parsePeerEndpoint(text, &error);
        if (!endpoint)
            return tr("Static peer: %1").arg(error);
        if (!peers.contains(*endpoint))
            peers << *endpoint;
    }
    m_peers->setStaticPeers(peers);
    return {};
}

QString AgentEngine::setAgentSetting(const QString& name, const std::optional<QString>& value)
{
    if (!m_settings)
        return tr("The agent is not running.");
    QString error;
    if (!m_settings->set(name, value, &error))
        return error;
    applyAgentSettings();
    return applyStaticPeers();
}

void AgentEngine::setDefaultDiscoveryUrl(const QString& url)
{
    m_options.defaultDiscoveryUrl = url;
    applyAgentSettings();
}

void AgentEngine::applyAgentSettings()
{
    if (!m_discovery || !m_settings || !m_policies)
        return;
    QString error;
    const QMap<QString, QString> settings = m_settings->load(&error);
    if (m_downloads)
        m_downloads->setDhcpLeaseFolders(
            dhcpLeaseFolders(settings.value(QString::fromLatin1(kDhcpLeaseFoldersSetting))));
    m_discovery->setPolicies(resolveEffective(m_policies->state()), settings);
    m_discovery->configure(m_options.discoveryUrl,
                           settings.value(QString::fromLatin1(kDiscoveryUrlSetting)),
                           m_options.defaultDiscoveryUrl);
}

QMap<QString, QString> AgentEngine::agentSettings() const
{
    QString error;
    return m_settings ? m_settings->load(&error) : QMap<QString, QString>{};
}

void AgentEngine::addDownload(const transfer::DownloadRequest& request,
                              std::shared_ptr<QPromise<transfer::AddDownloadResult>> promise)
{
    auto answer = [promise](const transfer::AddDownloadResult& result) {
        promise->addResult(result);
        promise->finish();
    };
    if (!m_downloads) {
        answer({{}, tr("The agent is not running.")});
        return;
    }
    const QUrl url(request.source);
    const bool isHttp =
        url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
    if (!isHttp || !m_discovery || m_discovery->client().serviceUrl().isEmpty()) {
        answer(m_downloads->add(request));
        return;
    }
    m_discovery->client().lookupMetainfo(
        url, [this, request, answer](const discovery::MetainfoLookup& lookup) {
            if (!m_downloads) {
                answer({{}, tr("The agent is not running.")});
                return;
            }
            if (!lookup.found) {
                if (!lookup.error.isEmpty())
                    qCWarning(log::lcAgent).noquote()
                        << "metainfo lookup failed, downloading over HTTP only:" << lookup.error;
                else
                    qCInfo(log::lcAgent).noquote()
                        << request.source << "is not published; HTTP only, not shared";
                answer(m_downloads->add(request));
                return;
            }
            answer(addPublished(request, lookup.torrent));
        });
}

transfer::AddDownloadResult AgentEngine::addPublished(transfer::DownloadRequest request,
                                                      const QByteArray& torrent)
{
    const auto parsed = content::Metainfo::parse(torrent);
    if (!parsed.ok()) {
        qCWarning(log::lcAgent).noquote()
            << "published metainfo for" << request.source << "is unusable:" << parsed.error;
        return m_downloads->add(request);
    }
    // The job reads its metainfo from a file, like one the user gave; keep it with the data.
    const QString dir = QDir(m_options.dataDir).filePath(QStringLiteral("metainfo"));
    const QString path =
        QDir(dir).filePath(parsed.metainfo->contentId() + QStringLiteral(".torrent"));
    QSaveFile file(path);
    if (!QDir().mkpath(dir) || !file.open(QIODevice::WriteOnly) || file.write(torrent) < 0 ||
        !file.commit()) {
        qCWarning(log::lcAgent).noquote() << "cannot keep the published metainfo in" << path;
        return m_downloads->add(request);
    }
    qCInfo(log::lcAgent).noquote() << request.source << "is published as"
                                   << parsed.metainfo->contentId() << "- verified, peerable";
    request.source = path;
    return m_downloads->add(request);
}

bool AgentEngine::pauseDownload(const QString& jobId)
{
    return m_downloads && m_downloads->pause(jobId);
}

bool AgentEngine::resumeDownload(const QString& jobId)
{
    return m_downloads && m_downloads->resume(jobId);
}

bool AgentEngine::cancelDownload(const QString& jobId)
{
    return m_downloads && m_downloads->cancel(jobId);
}

void AgentEngine::whenSettled(const QString& jobId,
                              std::shared_ptr<QPromise<transfer::JobStatus>> promise)
{
    const auto status = m_downloads ? m_downloads->status(jobId) : std::nullopt;
    if (!status) {
        transfer::JobStatus unknown;
        unknown.jobId = jobId;
        unknown.state = transfer::JobState::Failed;
        unknown.error = tr("There is no download job %1.").arg(jobId);
        promise->addResult(unknown);
        promise->finish();
        return;
    }
    if (transfer::isTerminal(status->state) || status->state == transfer::JobState::Paused) {
        promise->addResult(*status);
        promise->finish();
        return;
    }
    m_waiters[jobId] << std::move(promise);
}

void AgentEngine::settle(const QString& jobId)
{
    const auto waiters = m_waiters.take(jobId);
    if (waiters.isEmpty())
        return;
    const auto status = m_downloads->status(jobId);
    for (const auto& promise : waiters) {
        promise->addResult(status.value_or(transfer::JobStatus{}));
        promise->finish();
    }
}

void AgentEngine::sampleTransfers()
{
    if (!m_history || !m_downloads || !m_peers)
        return;
    // Counters are monotonic; the history stores what moved during the last second.
    const auto& down = m_downloads->storedTotals();
    const auto& up = m_peers->uploadTotals();
    stats::ClassBytes downDelta{};
    stats::ClassBytes upDelta{};
    for (size_t i = 0; i < down.size(); ++i) {
        downDelta[i] = down[i] - m_sampledDown[i];
        upDelta[i] = up[i] - m_sampledUp[i];
    }
    m_sampledDown = down;
    m_sampledUp = up;
    if (m_deviceStats) {
        stats::DeviceStats device = m_deviceStats->sample(down, up);
        if (m_cacheCopy)
            device.cacheMove = m_cacheCopy->progress();
        if (m_publishDevice)
            m_publishDevice(device);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    if ((stats::total(downDelta) > 0 &&
         !m_history->record(now, stats::Direction::Download, downDelta, &error)) ||
        (stats::total(upDelta) > 0 &&
         !m_history->record(now, stats::Direction::Upload, upDelta, &error)))
        qCWarning(log::lcAgent).noquote() << "transfer history:" << error;
    for (const bool foreground : {false, true}) {
        const auto& activity = m_downloads->activity(foreground);
        auto& sampled = m_sampledActivity[foreground ? 1 : 0];
        if (!m_history->recordDownloadActivity(now, foreground, activity.bytes - sampled.bytes,
                                               activity.activeMs - sampled.activeMs, &error))
            qCWarning(log::lcAgent).noquote() << "transfer history:" << error;
        sampled = activity;
    }
    if (m_samplesSinceCompaction % kSaveDialFailuresEverySamples == 0)
        saveDialFailures();
    if (++m_samplesSinceCompaction >= kCompactEverySamples) {
        m_samplesSinceCompaction = 0;
        if (!m_history->compact(now, &error))
            qCWarning(log::lcAgent).noquote() << "transfer history:" << error;
    }
}

void AgentEngine::saveDialFailures()
{
    QString error;
    if (m_dialFailures && m_peers &&
        !m_dialFailures->saveIfChanged(m_peers->dialFailures(), &error))
        qCWarning(log::lcAgent).noquote() << "unreachable peers:" << error;
}

QList<stats::HistorySample> AgentEngine::transferHistory(const QDateTime& from,
                                                         const QDateTime& to) const
{
    return m_history ? m_history->samples(from, to) : QList<stats::HistorySample>{};
}

stats::MonthTotals AgentEngine::monthTotals(const QDate& anyDay) const
{
    return m_history ? m_history->month(anyDay) : stats::MonthTotals{};
}

QList<stats::CacheSample> AgentEngine::cacheHistory(const QDateTime& from,
                                                    const QDateTime& to) const
{
    return m_deviceStats ? m_deviceStats->cacheHistory().samples(from, to)
                         : QList<stats::CacheSample>{};
}

QList<stats::ConnectionRecord> AgentEngine::endedConnections(int limit) const
{
    return m_connections ? m_connections->recent(limit) : QList<stats::ConnectionRecord>{};
}

PeerActivity AgentEngine::peerActivityNow() const
{
    PeerActivity activity;
    if (!m_peers)
        return activity;
    activity.peers = m_peers->peers();
    if (m_peers->isListening())
        activity.listenEndpoint =
            transfer::PeerEndpoint{m_peers->listenAddress(), m_peers->listenPort()}.toString();
    activity.downloadMode = m_peers->downloadMode();
    const auto& discovered = m_peers->allDiscoveredPeers();
    for (auto it = discovered.cbegin(); it != discovered.cend(); ++it) {
        for (const transfer::DiscoveredPeer& p : it.value())
            activity.offered.append({it.key(), p.endpoint.toString(), p.cls});
    }
    activity.configuredMode = m_peers->configuredMode();
    activity.fallbackReason = m_peers->fallbackReason();
    if (m_discovery)
        activity.discovery = m_discovery->status();
    activity.peeringAllowed = m_peers->peeringAllowed();
    activity.uploadAllowed = m_peers->uploadAllowed();
    activity.blockedReason = m_peers->peeringBlockedReason();
    activity.bans = m_peers->totalBans();
    activity.banned = m_peers->bannedPeers();
    activity.hashFailures = m_peers->totalHashFailures();
    activity.unreachable = m_peers->dialFailures().recent(QDateTime::currentDateTimeUtc());
    return activity;
}

void AgentEngine::publishPeers()
{
    if (!m_publishPeers || !m_peers)
        return;
    PeerActivity activity = peerActivityNow();
    QHash<QString, QPair<qint64, qint64>> bytes;
    for (transfer::PeerSnapshot& p : activity.peers) {
        const QString key = p.contentId + u'/' + p.endpoint;
        const auto last = m_lastPeerBytes.value(key, {p.bytesReceived, p.bytesSent});
        p.receiveRate = qMax<qint64>(0, p.bytesReceived - last.first) * 1000 / kPeersPublishMs;
        p.sendRate = qMax<qint64>(0, p.bytesSent - last.second) * 1000 / kPeersPublishMs;
        bytes.insert(key, {p.bytesReceived, p.bytesSent});
    }
    m_lastPeerBytes = std::move(bytes);
    m_publishPeers(activity);
}

void AgentEngine::publishJobs()
{
    if (m_publishJobs && m_downloads)
        m_publishJobs(m_downloads->statuses());
}

void AgentEngine::publishPolicy()
{
    if (!m_policies)
        return;
    const PolicySnapshot snapshot = resolveEffective(m_policies->state());
    if (m_peers)
        m_peers->setPolicies(snapshot);
    applyAgentSettings();
    followCacheFolderPolicy();
    if (m_publishPolicy)
        m_publishPolicy(snapshot);
}

void AgentEngine::reloadIfChangedElsewhere()
{
    const qint64 version = m_db.dataVersion();
    if (version == m_seenDataVersion)
        return;
    m_seenDataVersion = version;
    QString error;
    if (m_policies && m_policies->load(&error))
        publishPolicy();
}

} // namespace opendo::agent
