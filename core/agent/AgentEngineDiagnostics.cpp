// The troubleshooter's side of the engine: gathering the facts the checks judge, running them,
// and writing the support bundle — kept apart from the engine's transfer work.

#include "agent/AgentEngine.h"
#include "agent/AgentSettings.h"
#include "agent/DiscoveryLink.h"
#include "cache/CacheEviction.h"
#include "cache/PieceStore.h"
#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckRunner.h"
#include "diagnostics/DownloadTracer.h"
#include "diagnostics/SupportBundle.h"
#include "log/LogBuffer.h"
#include "transfer/CacheServerPlan.h"
#include "transfer/HttpRangeSource.h"
#include "transfer/PeerHub.h"

#include <QCoreApplication>
#include <QFuture>
#include <QHostInfo>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QUrl>

namespace opendo::agent {

namespace {

// Ended peer connections the troubleshooter's inputs (and so the support bundle) carry.
constexpr int kBundleConnections = 200;

// PRAGMA quick_check reads every page but skips the index cross-checks: enough to spot a
// damaged file without stalling the agent on a large database.
QString quickCheck(QSqlDatabase db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check(5)")))
        return query.lastError().text();
    QStringList lines;
    while (query.next())
        lines << query.value(0).toString();
    return lines.join(QStringLiteral("; "));
}

// The origin the byte-range test uses: the request's, else the newest HTTP download's.
QString latestOrigin(const QList<transfer::JobStatus>& jobs)
{
    QDateTime newest;
    QString url;
    for (const transfer::JobStatus& job : jobs) {
        const QUrl candidate(job.sourceUrl);
        if (!candidate.scheme().startsWith(QLatin1String("http")))
            continue;
        if (url.isEmpty() || job.createdAt > newest) {
            newest = job.createdAt;
            url = job.sourceUrl;
        }
    }
    return url;
}

// The cache half of a device snapshot, from the cache index and the drive.
void fillCacheFigures(diagnostics::DiagnosticInputs& in)
{
    in.device.files = int(in.cacheEntries.size());
    in.device.cacheBytes = 0;
    for (const cache::CacheEntry& e : in.cacheEntries)
        in.device.cacheBytes += e.bytesPresent;
    const QStorageInfo drive(in.cacheDir);
    in.device.diskTotalBytes = drive.bytesTotal();
    in.device.diskFreeBytes = drive.bytesAvailable();
    in.device.cacheLimitBytes =
        cache::cacheSizeLimit(cache::cacheLimitsFrom(in.policies),
                              cache::DriveSpace{in.device.diskTotalBytes, in.device.diskFreeBytes});
}

// Warnings and errors of the last hours, and the peer side's refusals and bans at any level.
QList<log::LogRecord> recentTroubles(const QList<log::LogRecord>& records)
{
    const QDateTime since = QDateTime::currentDateTimeUtc().addSecs(-6 * 3600);
    QList<log::LogRecord> picked;
    for (const log::LogRecord& r : records) {
        if (r.at < since)
            continue;
        const bool peerEvent = (r.category.contains(QLatin1String("peer")) ||
                                r.category.contains(QLatin1String("swarm"))) &&
                               (r.message.contains(QLatin1String("not admitted")) ||
                                r.message.contains(QLatin1String("banned")) ||
                                r.message.contains(QLatin1String("refused")));
        if (peerEvent || r.level >= log::LogLevel::Warning)
            picked << r;
    }
    return picked;
}

} // namespace

void AgentEngine::gatherDiagnosticInputs(diagnostics::DiagnosticInputs& in) const
{
    in.options = m_options;
    in.activity = peerActivityNow();
    in.jobs = m_downloads ? m_downloads->statuses() : QList<transfer::JobStatus>{};
    in.recentWarnings = recentTroubles(log::LogBuffer::since(0));
    if (m_errors)
        in.errorEvents =
            m_errors->since(QDateTime::currentDateTime().addDays(-diagnostics::kErrorWindowDays));
    in.listenError = m_listenError;
    in.policies = resolveEffective(m_policies->state());
    in.agentSettings = agentSettings();
    in.databasePath = m_db.filePath();
    in.databaseCheck = quickCheck(m_db.handle());
    in.configuredCacheDir = cache::cacheDirectoryFor(in.policies, m_options.dataDir);
    in.cacheDir = m_store ? m_store->cacheDir() : in.configuredCacheDir;
    in.cacheMoveError = m_cacheMoveError;
    in.downloadsUsingCache = m_downloads ? m_downloads->jobsUsingCacheFiles() : 0;
    if (m_cacheCopy)
        in.cacheCopy = m_cacheCopy->progress();
    in.discoveryUrl = m_discovery ? m_discovery->client().serviceUrl().toString() : QString();
    in.month = monthTotals(QDate::currentDate());
    in.cacheEntries = cacheContents();
    in.evictions = evictions(50);
    in.endedConnections = endedConnections(kBundleConnections);
    in.system = transfer::probeSystemFacts(in.cacheDir);
    in.cacheVolumeRoot = QStorageInfo(in.cacheDir).rootPath();
    in.volumes = diagnostics::localVolumes();
    if (transfer::cacheHostsFromDhcp(in.policies))
        in.dhcpOption235 = findDhcpOption(235, dhcpLeaseFolders(in.agentSettings.value(
                                                   QString::fromLatin1(kDhcpLeaseFoldersSetting))));
    if (m_discovery) {
        in.linkCacheServers = m_discovery->linkCacheServers();
        in.serviceCacheServers = m_discovery->client().cacheHosts();
    }
    if (!in.device.at.isValid())
        fillCacheFigures(in); // the first device snapshot is not out yet (a just-started agent)
    in.uploadedThisMonthInternet =
        m_peers ? m_peers->uploadedThisMonth(transfer::SourceClass::InternetPeer) : 0;
    in.originUrl = in.request.originUrl.isEmpty() ? latestOrigin(in.jobs) : in.request.originUrl;
    if (!in.originUrl.isEmpty())
        in.originProxy = transfer::proxyFor(QUrl(in.originUrl), m_options.httpProxy,
                                            QProcess::systemEnvironment());
}

void AgentEngine::runChecks(diagnostics::DiagnosticInputs gathered,
                            std::function<void(diagnostics::DiagnosticReport)> done)
{
    diagnostics::DiagnosticReport report;
    report.startedAt = QDateTime::currentDateTime();
    report.host = QHostInfo::localHostName();
    report.agentVersion = QCoreApplication::applicationVersion();
    report.dataDir = m_options.dataDir;
    report.traces = diagnostics::traceDownloads(gathered);
    auto checks = diagnostics::makeChecks(gathered.request);
    auto* runner = new diagnostics::CheckRunner(std::move(gathered), std::move(checks), this);
    QElapsedTimer clock;
    clock.start();
    runner->start([runner, report, clock,
                   done = std::move(done)](QList<diagnostics::CheckResult> results) mutable {
        report.results = std::move(results);
        report.elapsedMs = clock.elapsed();
        done(std::move(report));
        runner->deleteLater();
    });
}

void AgentEngine::runDiagnostics(diagnostics::DiagnosticInputs inputs,
                                 std::shared_ptr<QPromise<diagnostics::DiagnosticReport>> promise)
{
    gatherDiagnosticInputs(inputs);
    runChecks(std::move(inputs), [promise](diagnostics::DiagnosticReport report) {
        promise->addResult(std::move(report));
        promise->finish();
    });
}

void AgentEngine::writeSupportBundle(const QString& path, diagnostics::DiagnosticInputs inputs,
                                     std::shared_ptr<QPromise<QString>> promise)
{
    gatherDiagnosticInputs(inputs);
    diagnostics::DiagnosticInputs facts = inputs; // the bundle shows what the checks judged
    runChecks(std::move(inputs), [this, path, facts = std::move(facts),
                                  promise](diagnostics::DiagnosticReport report) mutable {
        // Reading the log, compressing and writing may take a moment: off the agent thread,
        // like piece writes.
        m_workers.start([path, facts = std::move(facts), report = std::move(report), promise] {
            const diagnostics::SupportBundleInputs bundle{facts, report, log::LogBuffer::since(0)};
            promise->addResult(diagnostics::writeSupportBundle(path, bundle));
            promise->finish();
        });
    });
}

} // namespace opendo::agent
