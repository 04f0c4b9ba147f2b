#include "demo/SavingsDemo.h"

#include "agent/Agent.h"
#include "common/WhenReady.h"
#include "content/MetainfoWriter.h"
#include "demo/DemoOrigin.h"
#include "log/LogCategories.h"
#include "transfer/PeerEndpoint.h"

#include <QDir>
#include <QFuture>
#include <QPromise>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QStorageInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThreadPool>
#include <optional>

namespace opendo::demo {

namespace {

constexpr int kPollMs = 250;
constexpr qint64 kMinFileBytes = kMiB;
constexpr qint64 kMaxFileBytes = 512 * kMiB;
const char* const kOriginAddress = "127.0.0.1";

// Devices sit on 127.77.0.x: loopback, so nothing leaves the machine, and apart from the
// 127.0.0.x addresses labs and tests tend to pick.
QHostAddress deviceAddress(int index)
{
    return QHostAddress(QStringLiteral("127.77.0.%1").arg(index + 1));
}

// The kernel's pick of a free port on the address; the agent takes it over a moment later.
quint16 freePortOn(const QHostAddress& address)
{
    QTcpServer probe;
    return probe.listen(address, 0) ? probe.serverPort() : 0;
}

// Lab values: a demo machine is not the desktop DO's defaults assume (4 GB RAM, 32 GB disk to
// upload, 50 MB minimum file). LAN mode with configured peers, and HTTP held back while a peer
// can serve a piece, as a site would set DODelayForegroundDownloadFromHttp.
policy::PolicyChangeSet demoPolicies()
{
    policy::PolicyChangeSet set{policy::PolicyLayer::Policy, {}};
    const QList<QPair<const char*, const char*>> values = {
        {"DODownloadMode", "1"},
        {"DOMinRAMAllowedToPeer", "1"},
        {"DOMinDiskSizeAllowedToPeer", "1"},
        {"DOMinFileSizeToCache", "1"},
        {"DODelayForegroundDownloadFromHttp", "60"},
    };
    for (const auto& [key, value] : values)
        set.changes << policy::PolicyChange{QString::fromLatin1(key), QString::fromLatin1(value)};
    return set;
}

QString describeIssues(const QList<policy::PolicyIssue>& issues)
{
    QStringList lines;
    for (const policy::PolicyIssue& issue : issues)
        lines << issue.message;
    return lines.join(QLatin1Char(' '));
}

std::optional<transfer::JobStatus> jobOf(const agent::Agent& agent, const QString& jobId)
{
    for (const transfer::JobStatus& s : agent.jobs()) {
        if (s.jobId == jobId)
            return s;
    }
    return std::nullopt;
}

} // namespace

struct SavingsDemo::Device
{
    std::unique_ptr<agent::Agent> agent;
    QString jobId;
};

struct SavingsDemo::Prepared
{
    QByteArray content;
    QString torrentPath;
    QString error;
};

namespace {

// Off the caller's thread: random bytes (nothing to compress or deduplicate), the file on disk
// and its metainfo with the origin as web seed — hashing a large file takes a while.
SavingsDemo::Prepared prepareContent(const QString& dir, const QUrl& url, qint64 size)
{
    SavingsDemo::Prepared p;
    // Filled in place, a word at a time: a second buffer would double the demo's peak memory.
    p.content = QByteArray((size + 3) / 4 * 4, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(p.content.data()),
                                          p.content.size() / 4);
    p.content.truncate(size);
    const QString source = QDir(dir).filePath(QStringLiteral("demo.bin"));
    QSaveFile file(source);
    if (!file.open(QIODevice::WriteOnly) || file.write(p.content) != size || !file.commit()) {
        p.error =
            SavingsDemo::tr("Cannot write the demo file %1: %2").arg(source, file.errorString());
        return p;
    }
    content::MetainfoWriterOptions options;
    options.webSeeds = {url};
    const content::MetainfoWriteResult metainfo = content::MetainfoWriter::create(source, options);
    if (!metainfo.ok) {
        p.error = metainfo.error;
        return p;
    }
    p.torrentPath = QDir(dir).filePath(QStringLiteral("demo.torrent"));
    QSaveFile torrent(p.torrentPath);
    if (!torrent.open(QIODevice::WriteOnly) || torrent.write(metainfo.torrent) < 0 ||
        !torrent.commit())
        p.error = SavingsDemo::tr("Cannot write %1: %2").arg(p.torrentPath, torrent.errorString());
    return p;
}

} // namespace

SavingsDemo::SavingsDemo(QObject* parent) : QObject(parent)
{
    m_poll.setInterval(kPollMs);
    connect(&m_poll, &QTimer::timeout, this, &SavingsDemo::poll);
}

SavingsDemo::~SavingsDemo()
{
    release();
}

void SavingsDemo::start(const SavingsDemoOptions& options)
{
    stop();
    const int generation = ++m_generation;
    m_options = options;
    m_options.devices = qBound(kMinDevices, options.devices, kMaxDevices);
    m_options.fileBytes = qBound(kMinFileBytes, options.fileBytes, kMaxFileBytes);
    m_options.staggerMs = qMax(0, options.staggerMs);
    m_snapshot = {};
    m_snapshot.phase = DemoPhase::Preparing;
    m_snapshot.fileBytes = m_options.fileBytes;
    for (int i = 0; i < m_options.devices; ++i) {
        DemoDevice d;
        d.name = tr("Device %1").arg(i + 1);
        const quint16 port = freePortOn(deviceAddress(i));
        if (port == 0) {
            fail(tr("Cannot listen on %1: the demo needs the loopback range 127.0.0.0/8.")
                     .arg(deviceAddress(i).toString()));
            return;
        }
        d.endpoint = transfer::PeerEndpoint{deviceAddress(i), port}.toString();
        m_snapshot.devices << d;
    }
    const QString root = m_options.workRoot.isEmpty() ? QDir::tempPath() : m_options.workRoot;
    m_dir = std::make_shared<QTemporaryDir>(root + QStringLiteral("/opendo-demo-XXXXXX"));
    if (!m_dir->isValid()) {
        fail(tr("Cannot create a folder for the demo in %1: %2").arg(root, m_dir->errorString()));
        return;
    }
    QString error;
    m_origin = std::make_unique<DemoOrigin>();
    const QUrl url = m_origin->start(QHostAddress(QString::fromLatin1(kOriginAddress)),
                                     QStringLiteral("demo.bin"), &error);
    if (url.isEmpty()) {
        fail(tr("The demo's origin cannot listen: %1").arg(error));
        return;
    }
    // The origin's copy plus one cache per device, with room for the metadata around them.
    const qint64 needed = qint64(double(m_options.devices + 1) * double(m_options.fileBytes) * 1.1);
    const QStorageInfo drive(m_dir->path());
    if (drive.isValid() && drive.bytesAvailable() < needed) {
        fail(tr("The demo needs %1 MiB free in %2; the drive has %3 MiB. Choose fewer devices or "
                "a smaller file.")
                 .arg(needed >> 20)
                 .arg(m_dir->path())
                 .arg(drive.bytesAvailable() >> 20));
        return;
    }
    publish();

    auto promise = std::make_shared<QPromise<Prepared>>();
    QFuture<Prepared> prepared = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, dir = m_dir, url, size = m_options.fileBytes] {
        promise->addResult(prepareContent(dir->path(), url, size));
        promise->finish();
    });
    onResult(this, prepared, [this, generation](const Prepared& result) {
        if (generation == m_generation)
            onPrepared(result);
    });
}

void SavingsDemo::stop()
{
    release();
    // The figures stay for the audience; the devices and the origin are gone.
    if (m_snapshot.phase == DemoPhase::Preparing || m_snapshot.phase == DemoPhase::Running ||
        m_snapshot.phase == DemoPhase::Finished) {
        m_snapshot.phase = DemoPhase::Idle;
        publish();
    }
}

void SavingsDemo::release()
{
    ++m_generation; // whatever is still on its way belongs to a demo that is over
    m_poll.stop();
    m_devices.clear(); // agents first: they hold connections to the origin
    m_origin.reset();
    m_dir.reset();
}

void SavingsDemo::fail(const QString& error)
{
    qCWarning(log::lcAgent).noquote() << "peer-savings demo:" << error;
    release();
    m_snapshot.phase = DemoPhase::Failed;
    m_snapshot.error = error;
    publish();
}

void SavingsDemo::onPrepared(const Prepared& prepared)
{
    if (!prepared.error.isEmpty()) {
        fail(prepared.error);
        return;
    }
    m_origin->setContent(prepared.content);
    m_torrentPath = prepared.torrentPath;
    for (int i = 0; i < m_options.devices; ++i)
        startDevice(i);
}

void SavingsDemo::startDevice(int index)
{
    const int generation = m_generation;
    agent::AgentOptions options;
    options.dataDir = QDir(m_dir->path()).filePath(QStringLiteral("device-%1").arg(index + 1));
    options.listen = m_snapshot.devices[index].endpoint;
    options.listenRequired = true;
    options.resumeQueuedJobs = false;
    for (int other = 0; other < m_options.devices; ++other) {
        if (other != index)
            options.staticPeers << m_snapshot.devices[other].endpoint;
    }
    auto device = std::make_unique<Device>();
    device->agent = std::make_unique<agent::Agent>(options);
    agent::Agent* agent = device->agent.get();
    m_devices.push_back(std::move(device));
    onResult(this, agent->start(), [this, generation, index, agent](const QString& error) {
        if (generation != m_generation)
            return;
        if (!error.isEmpty()) {
            fail(tr("%1 cannot start: %2").arg(m_snapshot.devices[index].name, error));
            return;
        }
        onResult(
            this, agent->applyPolicyChanges(demoPolicies()),
            [this, generation, index](const policy::PolicyApplyResult& result) {
                if (generation != m_generation)
                    return;
                if (!result.ok) {
                    fail(tr("%1 refused the demo's settings: %2")
                             .arg(m_snapshot.devices[index].name, describeIssues(result.issues)));
                    return;
                }
                // Devices are ready within milliseconds of each other, so index × stagger
                // after that is the spacing between their downloads.
                QTimer::singleShot(index * m_options.staggerMs, this, [this, generation, index] {
                    if (generation == m_generation)
                        startDownload(index);
                });
                if (!m_poll.isActive()) {
                    m_snapshot.phase = DemoPhase::Running;
                    m_clock.start();
                    m_poll.start();
                    publish();
                }
            });
    });
}

void SavingsDemo::startDownload(int index)
{
    const int generation = m_generation;
    onResult(this, m_devices[index]->agent->addDownload({m_torrentPath, QString(), true}),
             [this, generation, index](const transfer::AddDownloadResult& added) {
                 if (generation != m_generation)
                     return;
                 if (added.jobId.isEmpty()) {
                     fail(tr("%1 cannot add the download: %2")
                              .arg(m_snapshot.devices[index].name, added.error));
                     return;
                 }
                 m_devices[index]->jobId = added.jobId;
                 m_snapshot.devices[index].started = true;
             });
}

void SavingsDemo::poll()
{
    bool allDone = m_devices.size() == std::size_t(m_options.devices);
    for (std::size_t i = 0; i < m_devices.size(); ++i) {
        DemoDevice& view = m_snapshot.devices[qsizetype(i)];
        const auto job = m_devices[i]->jobId.isEmpty()
                             ? std::nullopt
                             : jobOf(*m_devices[i]->agent, m_devices[i]->jobId);
        if (!job) {
            allDone = false;
            continue;
        }
        view.state = job->state;
        view.bytesInCache = job->fileSizeInCache;
        view.bytesFromHttp = job->bytesFromHttp;
        view.bytesFromPeers = job->bytesFromPeers;
        view.bytesPerSecond = job->bytesPerSecond;
        if (job->state == transfer::JobState::Failed ||
            job->state == transfer::JobState::Cancelled) {
            fail(tr("%1: %2").arg(view.name, job->error));
            return;
        }
        allDone = allDone && transfer::hasCompleted(job->state);
    }
    m_snapshot.originBytes = m_origin ? m_origin->bytesServed() : 0;
    m_snapshot.elapsedMs = m_clock.isValid() ? m_clock.elapsed() : 0;
    if (allDone) {
        m_snapshot.phase = DemoPhase::Finished;
        m_poll.stop();
        qCInfo(log::lcAgent).noquote()
            << "peer-savings demo:" << m_options.devices << "devices received"
            << m_snapshot.deliveredBytes() << "bytes, the origin sent" << m_snapshot.originBytes
            << QStringLiteral("(%1% saved)").arg(m_snapshot.savedPercent(), 0, 'f', 1);
    }
    publish();
}

void SavingsDemo::publish()
{
    Q_EMIT snapshotChanged(m_snapshot);
}

} // namespace opendo::demo
