#include "agent/Agent.h"

#include "agent/AgentEngine.h"
#include "agent/AgentSettings.h"
#include "common/NativeThreadExit.h"

#include <QDir>
#include <QPromise>
#include <QStandardPaths>
#include <memory>

namespace opendo::agent {

using namespace opendo::policy;

Agent::Agent(AgentOptions options, QObject* parent) : QObject(parent), m_options(std::move(options))
{
    qRegisterMetaType<PolicySnapshot>();
    if (m_options.dataDir.isEmpty())
        m_options.dataDir = defaultDataDir();
    m_policySnapshot = resolveEffective({});
    qRegisterMetaType<QList<transfer::JobStatus>>();
    m_engine = new AgentEngine(
        m_options, [this](const PolicySnapshot& s) { storePolicySnapshot(s); },
        [this](const QList<transfer::JobStatus>& jobs) { storeJobs(jobs); });
    qRegisterMetaType<PeerActivity>();
    m_engine->setPeersSink([this](const PeerActivity& activity) {
        {
            QMutexLocker lock(&m_snapshotMutex);
            m_peerActivity = activity;
            m_hasPeerActivity = true;
        }
        QMetaObject::invokeMethod(
            this, [this, activity] { Q_EMIT peerActivityChanged(activity); }, Qt::QueuedConnection);
    });
    qRegisterMetaType<stats::DeviceStats>();
    m_engine->setDeviceSink([this](const stats::DeviceStats& stats) {
        {
            QMutexLocker lock(&m_snapshotMutex);
            m_deviceStats = stats;
            m_hasDeviceStats = true;
        }
        QMetaObject::invokeMethod(
            this, [this, stats] { Q_EMIT deviceStatsChanged(stats); }, Qt::QueuedConnection);
    });
    m_engine->moveToThread(&m_thread);
    m_thread.setObjectName(QStringLiteral("opendo-agent"));
    m_thread.start();
}

Agent::~Agent()
{
    // The engine owns thread-bound resources (SQLite connection), so it dies on its thread.
    qint64 nativeThreadId = 0;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, &nativeThreadId] {
            nativeThreadId = currentNativeThreadId();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    waitForNativeThreadExit(nativeThreadId, std::chrono::seconds(2));
}

QString Agent::defaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("opendo"));
}

template <typename Result, typename Work> QFuture<Result> Agent::onEngine(Work work)
{
    auto promise = std::make_shared<QPromise<Result>>();
    QFuture<Result> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_engine,
        [promise, work = std::move(work), engine = m_engine]() mutable {
            promise->addResult(work(*engine));
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<QString> Agent::start()
{
    return onEngine<QString>([](AgentEngine& e) { return e.start(); });
}

PolicySnapshot Agent::policySnapshot() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_policySnapshot;
}

QFuture<PolicyApplyResult> Agent::applyPolicyChanges(const PolicyChangeSet& changes)
{
    return onEngine<PolicyApplyResult>(
        [changes](AgentEngine& e) { return e.applyPolicyChanges(changes); });
}

QFuture<PolicyParseResult> Agent::readPolicyFile(const QString& path)
{
    return onEngine<PolicyParseResult>([path](AgentEngine& e) { return e.readPolicyFile(path); });
}

QFuture<PolicyApplyResult> Agent::importPolicyFile(const QString& path, PolicyLayer layer)
{
    return onEngine<PolicyApplyResult>(
        [path, layer](AgentEngine& e) { return e.importPolicyFile(path, layer); });
}

QFuture<QString> Agent::exportPolicyFile(const QString& path, std::optional<PolicyFormat> format)
{
    return onEngine<QString>(
        [path, format](AgentEngine& e) { return e.exportPolicyFile(path, format); });
}

QList<transfer::JobStatus> Agent::jobs() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_jobs;
}

QFuture<transfer::AddDownloadResult> Agent::addDownload(const transfer::DownloadRequest& request)
{
    // Not onEngine: a URL may first be looked up at the discovery service.
    auto promise = std::make_shared<QPromise<transfer::AddDownloadResult>>();
    QFuture<transfer::AddDownloadResult> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request, promise] { engine->addDownload(request, promise); },
        Qt::QueuedConnection);
    return future;
}

void Agent::setDefaultDiscoveryUrl(const QString& url)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, url] { engine->setDefaultDiscoveryUrl(url); },
        Qt::QueuedConnection);
}

QFuture<QString> Agent::setAgentSetting(const QString& name, const std::optional<QString>& value)
{
    return onEngine<QString>(
        [name, value](AgentEngine& e) { return e.setAgentSetting(name, value); });
}

QFuture<QMap<QString, QString>> Agent::agentSettings()
{
    return onEngine<QMap<QString, QString>>([](AgentEngine& e) { return e.agentSettings(); });
}

QStringList Agent::agentSettingNames()
{
    return agent::agentSettingNames();
}

QString Agent::agentSettingDescription(const QString& name)
{
    return agent::agentSettingDescription(name);
}

QFuture<QList<stats::HistorySample>> Agent::transferHistory(const QDateTime& from,
                                                            const QDateTime& to)
{
    return onEngine<QList<stats::HistorySample>>(
        [from, to](AgentEngine& e) { return e.transferHistory(from, to); });
}

QFuture<stats::MonthTotals> Agent::monthTotals(const QDate& anyDay)
{
    return onEngine<stats::MonthTotals>([anyDay](AgentEngine& e) { return e.monthTotals(anyDay); });
}

QFuture<bool> Agent::pauseDownload(const QString& jobId)
{
    return onEngine<bool>([jobId](AgentEngine& e) { return e.pauseDownload(jobId); });
}

QFuture<bool> Agent::resumeDownload(const QString& jobId)
{
    return onEngine<bool>([jobId](AgentEngine& e) { return e.resumeDownload(jobId); });
}

QFuture<bool> Agent::cancelDownload(const QString& jobId)
{
    return onEngine<bool>([jobId](AgentEngine& e) { return e.cancelDownload(jobId); });
}

QFuture<transfer::JobStatus> Agent::waitForJob(const QString& jobId)
{
    auto promise = std::make_shared<QPromise<transfer::JobStatus>>();
    QFuture<transfer::JobStatus> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, jobId, promise] { engine->whenSettled(jobId, promise); },
        Qt::QueuedConnection);
    return future;
}

diagnostics::DiagnosticInputs Agent::diagnosticInputs(const diagnostics::DiagnosticRequest& request)
{
    diagnostics::DiagnosticInputs inputs;
    inputs.request = request;
    // The engine takes everything else itself; only the rates live in the published snapshot
    // (a just-started agent has none yet, and the engine reads the cache figures instead).
    inputs.device = deviceStats();
    return inputs;
}

QFuture<diagnostics::DiagnosticReport>
Agent::runDiagnostics(const diagnostics::DiagnosticRequest& request)
{
    auto promise = std::make_shared<QPromise<diagnostics::DiagnosticReport>>();
    QFuture<diagnostics::DiagnosticReport> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, inputs = diagnosticInputs(request), promise]() mutable {
            engine->runDiagnostics(std::move(inputs), promise);
        },
        Qt::QueuedConnection);
    return future;
}

QFuture<QString> Agent::writeSupportBundle(const QString& path, bool temporaryAgent)
{
    auto promise = std::make_shared<QPromise<QString>>();
    QFuture<QString> future = promise->future();
    promise->start();
    diagnostics::DiagnosticRequest request;
    request.temporaryAgent = temporaryAgent;
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, path, inputs = diagnosticInputs(request), promise]() mutable {
            engine->writeSupportBundle(path, std::move(inputs), promise);
        },
        Qt::QueuedConnection);
    return future;
}

stats::DeviceStats Agent::deviceStats() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_deviceStats;
}

bool Agent::hasDeviceStats() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_hasDeviceStats;
}

QFuture<QList<stats::CacheSample>> Agent::cacheHistory(const QDateTime& from, const QDateTime& to)
{
    return onEngine<QList<stats::CacheSample>>(
        [from, to](AgentEngine& e) { return e.cacheHistory(from, to); });
}

QFuture<QList<cache::CacheEntry>> Agent::cacheContents()
{
    return onEngine<QList<cache::CacheEntry>>([](AgentEngine& e) { return e.cacheContents(); });
}

QFuture<QList<stats::ConnectionRecord>> Agent::endedConnections(int limit)
{
    return onEngine<QList<stats::ConnectionRecord>>(
        [limit](AgentEngine& e) { return e.endedConnections(limit); });
}

QFuture<QList<cache::EvictionRecord>> Agent::evictions(int limit)
{
    return onEngine<QList<cache::EvictionRecord>>(
        [limit](AgentEngine& e) { return e.evictions(limit); });
}

QFuture<QString> Agent::setPinned(const QString& contentId, bool pinned)
{
    return onEngine<QString>(
        [contentId, pinned](AgentEngine& e) { return e.setPinned(contentId, pinned); });
}

QFuture<QString> Agent::setExpireOn(const QString& contentId, const QDateTime& until)
{
    return onEngine<QString>(
        [contentId, until](AgentEngine& e) { return e.setExpireOn(contentId, until); });
}

QFuture<QString> Agent::evictContent(const QString& contentId)
{
    return onEngine<QString>([contentId](AgentEngine& e) { return e.evictContent(contentId); });
}

QList<log::LogRecord> Agent::logRecords(qint64 afterSeq, int max)
{
    return log::LogBuffer::since(afterSeq, max);
}

bool Agent::hasPeerActivity() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_hasPeerActivity;
}

PeerActivity Agent::peerActivity() const
{
    QMutexLocker lock(&m_snapshotMutex);
    return m_peerActivity;
}

void Agent::storeJobs(const QList<transfer::JobStatus>& jobs)
{
    {
        QMutexLocker lock(&m_snapshotMutex);
        m_jobs = jobs;
    }
    QMetaObject::invokeMethod(
        this, [this, jobs] { Q_EMIT jobsChanged(jobs); }, Qt::QueuedConnection);
}

void Agent::storePolicySnapshot(const PolicySnapshot& snapshot)
{
    // Runs on the agent thread: store first so a caller waiting on a future sees the new
    // state, then notify the owner's thread.
    {
        QMutexLocker lock(&m_snapshotMutex);
        m_policySnapshot = snapshot;
    }
    QMetaObject::invokeMethod(
        this, [this, snapshot] { Q_EMIT policySnapshotChanged(snapshot); }, Qt::QueuedConnection);
}

} // namespace opendo::agent
