// The troubleshooter's side of the engine: gathering the facts the checks judge, running them,
// and writing the support bundle — kept apart from the engine's transfer work.

#include "agent/AgentEngine.h"
#include "agent/DiscoveryLink.h"
#include "cache/CacheEviction.h"
#include "cache/PieceStore.h"
#include "diagnostics/CheckCatalog.h"
#include "diagnostics/CheckRunner.h"
#include "diagnostics/DownloadTracer.h"
#include "diagnostics/SupportBundle.h"
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

} // namespace

void AgentEngine::gatherDiagnosticInputs(diagnostics::DiagnosticInputs& in) const
{
    in.options = m_options;
    in.activity = peerActivityNow();
    in.listenError = m_listenError;
    in.policies = resolveEffective(m_policies->state());
    in.agentSettings = agentSettings();
    in.databasePath = m_db.filePath();
    in.databaseCheck = quickCheck(m_db.handle());
    in.cacheDir =
        m_store ? m_store->cacheDir() : cache::cacheDirectoryFor(in.policies, m_options.dataDir);
    in.discoveryUrl = m_discovery ? m_discovery->client().serviceUrl().toString() : QString();
    in.month = monthTotals(QDate::currentDate());
    in.cacheEntries = cacheContents();
    in.evictions = evictions(50);
    in.system = transfer::probeSystemFacts(in.cacheDir);
    if (!in.device.at.isValid())
        fillCacheFigures(in); // the first device snapshot is not out yet (a just-started agent)
    in.uploadedThisMonthInternet =
        m_peers ? m_peers->uploadedThisMonth(transfer::SourceClass::InternetPeer) : 0;
    in.originUrl = in.request.originUrl.isEmpty() ? latestOrigin(in.jobs) : in.request.originUrl;
    if (!in.originUrl.isEmpty())
        in.originProxy = transfer::proxyFor(QUrl(in.originUrl), m_options.httpProxy,
                                            QProcess::systemEnvironment());
}

void AgentEngine::runDiagnostics(diagnostics::DiagnosticInputs inputs,
                                 std::shared_ptr<QPromise<diagnostics::DiagnosticReport>> promise)
{
    gatherDiagnosticInputs(inputs);
    diagnostics::DiagnosticReport report;
    report.startedAt = QDateTime::currentDateTime();
    report.host = QHostInfo::localHostName();
    report.agentVersion = QCoreApplication::applicationVersion();
    report.dataDir = m_options.dataDir;
    report.traces = diagnostics::traceDownloads(inputs);
    auto checks = diagnostics::makeChecks(inputs.request);
    auto* runner = new diagnostics::CheckRunner(std::move(inputs), std::move(checks), this);
    QElapsedTimer clock;
    clock.start();
    runner->start(
        [runner, promise, report, clock](QList<diagnostics::CheckResult> results) mutable {
            report.results = std::move(results);
            report.elapsedMs = clock.elapsed();
            promise->addResult(report);
            promise->finish();
            runner->deleteLater();
        });
}

void AgentEngine::writeSupportBundle(const QString& path, diagnostics::DiagnosticInputs inputs,
                                     QList<log::LogRecord> log,
                                     std::shared_ptr<QPromise<QString>> promise)
{
    auto reportPromise = std::make_shared<QPromise<diagnostics::DiagnosticReport>>();
    QFuture<diagnostics::DiagnosticReport> reportFuture = reportPromise->future();
    reportPromise->start();
    diagnostics::DiagnosticInputs facts = inputs;
    gatherDiagnosticInputs(facts);
    runDiagnostics(std::move(inputs), reportPromise);
    // Compressing and writing may take a moment: off the agent thread, like piece writes.
    reportFuture.then(this, [this, path, facts, log = std::move(log),
                             promise](const diagnostics::DiagnosticReport& report) {
        diagnostics::SupportBundleInputs bundle{facts, report, log};
        m_workers.start([path, bundle = std::move(bundle), promise] {
            promise->addResult(diagnostics::writeSupportBundle(path, bundle));
            promise->finish();
        });
    });
}

} // namespace opendo::agent
