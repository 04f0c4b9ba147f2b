#include "transfer/DownloadJob.h"

#include "cache/PieceStore.h"
#include "common/ByteUnits.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "log/LogCategories.h"
#include "stats/ErrorJournal.h"
#include "transfer/OriginPacing.h"
#include "transfer/OriginSpans.h"
#include "transfer/OutputFile.h"
#include "transfer/PeerHub.h"
#include "transfer/PieceCommitter.h"
#include "transfer/Swarm.h"
#include "transfer/WorkerPool.h"

#include <QCoreApplication>
#include <QTimer>
#include <algorithm>

namespace opendo::transfer {

namespace {

// Assembled pieces not yet durable. 8 MiB keeps the disk busy (one fdatasync batch) and the
// agent's peak RSS near 48 MiB on a 1 GiB download; 16 MiB gained no speed and cost 8-16 MiB.
constexpr qint64 kPendingBytes = 8 * 1024 * 1024;
// Consecutive pieces one agent fetches from the origin when agents share that work.
constexpr int kHttpStripePieces = 8;
constexpr int kMaxHashFailures = 3;
constexpr qint64 kMinUrlPieceLength = 1024 * 1024;

QString withoutFinalStop(QString sentence)
{
    while (sentence.endsWith(QLatin1Char('.')))
        sentence.chop(1);
    return sentence;
}

} // namespace

DownloadJob::DownloadJob(JobContext context, JobRecord record,
                         std::shared_ptr<const content::Metainfo> metainfo,
                         QByteArray metainfoBytes, QObject* parent)
    : QObject(parent), m_context(context), m_record(std::move(record)),
      m_metainfo(std::move(metainfo)), m_metainfoBytes(std::move(metainfoBytes))
{
    if (m_metainfo) {
        m_fileSize = m_metainfo->fileSize();
        m_pieceLength = m_metainfo->pieceLength();
        m_pieceCount = m_metainfo->pieceCount();
        m_fileName = m_metainfo->name();
        m_record.contentId = m_metainfo->contentId();
        if (!m_metainfo->webSeeds().isEmpty())
            m_origin = m_metainfo->webSeedFileUrl(m_metainfo->webSeeds().front());
    } else {
        m_origin = QUrl(m_record.source);
        m_fileName = m_origin.fileName();
        m_record.contentId = contentIdForUrl(m_origin);
    }
    // A job restored from the database shows what the cache holds before it runs again.
    if (const auto cached = m_context.store.find(m_record.contentId)) {
        m_fileSize = cached->geometry.fileSize;
        m_pieceLength = cached->geometry.pieceLength;
        m_pieceCount = cached->geometry.pieceCount;
        m_present.fill(false, m_pieceCount);
        for (int i = 0; i < m_pieceCount && i < cached->present.size(); ++i) {
            m_present[i] = cached->present.testBit(i);
            m_presentCount += m_present[i] ? 1 : 0;
        }
    }
}

DownloadJob::~DownloadJob()
{
    leaveSwarm();
}

void DownloadJob::setState(JobState state, const QString& error)
{
    if (m_record.state == JobState::Downloading && state != JobState::Downloading &&
        m_running.isValid()) {
        m_durationMs += m_running.elapsed();
        m_running.invalidate();
    }
    m_record.state = state;
    m_record.error = error;
    if (isTerminal(state))
        m_record.finishedAt = QDateTime::currentDateTime();
    Q_EMIT stateChanged();
}

void DownloadJob::start()
{
    if (m_record.state == JobState::Downloading || m_finishing)
        return;
    const bool hasOrigin = !m_origin.isEmpty() && m_origin.isValid();
    const bool peersPossible = m_metainfo && m_context.peers && m_context.peers->peeringAllowed();
    if (!hasOrigin && !peersPossible) {
        const QString why = m_context.peers ? m_context.peers->peeringBlockedReason() : QString();
        setState(
            JobState::Failed,
            tr("The metainfo names no web seed (HTTP origin) for %1 and peers cannot be "
               "used%2; there is nowhere to download it from.")
                .arg(m_fileName, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
        return;
    }
    setState(JobState::Downloading);
    m_running.start();
    m_runClock.start();
    m_outage.recovered(); // a new run asks the origin afresh
    if (!hasOrigin) {
        beginTransfer(); // peers only
        return;
    }
    HttpSourceOptions options;
    options.trafficClass =
        m_record.foreground ? TrafficClass::Foreground : TrafficClass::Background;
    if (!m_metainfo)
        m_cachePlan = withoutUnverifiedServers(std::move(m_cachePlan));
    if (!m_cachePlan.skippedReason.isEmpty())
        qCInfo(log::lcTransfer).noquote()
            << m_record.contentId.left(12)
            << "skips its cache servers:" << m_cachePlan.skippedReason;
    m_source = new HttpSourceChain(m_context.network, m_origin, m_cachePlan, options,
                                   &m_context.limiter, this);
    connect(m_source, &HttpSourceChain::dataReceived, this, &DownloadJob::onData);
    connect(m_source, &HttpSourceChain::rangeFinished, this, &DownloadJob::onRangeFinished);
    connect(m_source, &HttpSourceChain::rangeFailed, this, &DownloadJob::onRangeFailed);
    connect(m_source, &HttpSourceChain::connectionOpened, this, [this](SourceClass cls) {
        ++(cls == SourceClass::CacheServer ? m_cacheConnections : m_httpConnections);
    });
    if (m_metainfo) {
        beginTransfer();
        return;
    }
    // A plain URL: the origin tells the size; the cache tracks it in fixed-size pieces.
    connect(m_source, &HttpSourceChain::probed, this, [this](qint64 size, bool) {
        m_fileSize = size;
        m_pieceLength = qMax(kMinUrlPieceLength, content::MetainfoWriter::choosePieceLength(size));
        m_pieceCount = int((size + m_pieceLength - 1) / m_pieceLength);
        if (const auto cached = m_context.store.find(m_record.contentId);
            cached && cached->geometry.fileSize != size) {
            QString ignored;
            m_context.store.evict(m_record.contentId,
                                  tr("the origin file changed size from %1 to %2 bytes")
                                      .arg(cached->geometry.fileSize)
                                      .arg(size),
                                  &ignored);
        }
        beginTransfer();
    });
    connect(m_source, &HttpSourceChain::probeFailed, this, [this](const HttpError& error) {
        stopTransfer();
        setState(JobState::Failed, error.message);
    });
    m_source->probe();
}

void DownloadJob::beginTransfer()
{
    cache::ContentGeometry geometry{m_record.contentId, m_fileName, m_fileSize, m_pieceLength,
                                    m_pieceCount};
    QString error;
    if (!m_context.store.add(geometry, m_metainfoBytes, m_origin.toString(), &error)) {
        stopTransfer();
        setState(JobState::Failed, error);
        return;
    }
    const auto cached = m_context.store.find(m_record.contentId);
    m_present.fill(false, m_pieceCount);
    m_presentCount = 0;
    m_committing.clear();
    m_picker = std::make_unique<PiecePicker>(m_pieceCount);
    for (int i = 0; i < m_pieceCount; ++i) {
        if (cached && i < cached->present.size() && cached->present.testBit(i)) {
            m_present[i] = true;
            ++m_presentCount;
            m_picker->setPresent(i);
        }
    }
    m_context.store.touch(m_record.contentId);
    m_dataPath = m_context.store.dataPath(m_record.contentId);
    if (m_committer && m_committer->path() != m_dataPath) {
        // The cache folder moved while this job was idle (DOModifyCacheDrive).
        Q_ASSERT(m_committer->idle());
        delete m_committer;
        m_committer = nullptr;
    }
    if (!m_committer) {
        m_committer =
            new PieceCommitter(m_context.workers, m_dataPath, m_fileSize, m_metainfo, this);
        connect(m_committer, &PieceCommitter::committed, this, &DownloadJob::onCommitted);
        connect(m_committer, &PieceCommitter::verificationFailed, this,
                &DownloadJob::onVerificationFailed);
        connect(m_committer, &PieceCommitter::writeFailed, this, &DownloadJob::onWriteFailed);
    }
    if (m_source)
        m_source->setExpectedSize(m_fileSize);
    if (m_context.peers)
        m_pacing =
            std::make_unique<OriginPacing>(*m_context.peers, m_context.limiter, m_record.foreground,
                                           m_pieceLength, m_record.jobId);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, &DownloadJob::schedulePump, Qt::UniqueConnection);
    Q_EMIT progressed();
    if (m_presentCount == m_pieceCount) {
        finish();
        return;
    }
    joinSwarm();
    pump();
}

void DownloadJob::joinSwarm()
{
    if (!m_metainfo || !m_context.peers || m_swarm)
        return;
    QBitArray have(m_pieceCount);
    for (int i = 0; i < m_pieceCount; ++i) {
        if (m_present[i])
            have.setBit(i);
    }
    m_swarm = m_context.peers->joinSwarm(m_metainfo, m_dataPath, have);
    if (m_swarm)
        m_swarm->attach(this);
}

void DownloadJob::leaveSwarm()
{
    if (m_swarm) {
        m_swarm->detach(this);
        m_swarm = nullptr;
    }
}

bool DownloadJob::acceptsMorePieces() const
{
    const int maxPending = int(qMax<qint64>(2, kPendingBytes / qMax<qint64>(1, m_pieceLength)));
    return m_committer && m_committer->inMemory() < maxPending;
}

std::function<bool(int)> DownloadJob::httpShare() const
{
    if (!m_swarm || !m_context.peers)
        return {};
    // Agents downloading the same content split the origin's work without talking about it:
    // all know each other's peer ids, so each takes the stripes of pieces its rank in the
    // sorted list of ids gives it, and gets the rest from the others. Stripes nobody fetches
    // (an agent left or stalls) are taken over once peers stop delivering (peersStalled).
    QList<QByteArray> ids = m_swarm->coFetcherIds();
    if (ids.isEmpty())
        return {};
    const QByteArray own = m_context.peers->identity().peerId;
    ids << own;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    const int count = int(ids.size());
    const int rank = int(ids.indexOf(own));
    return [count, rank](int piece) { return (piece / kHttpStripePieces) % count == rank; };
}

bool DownloadJob::peersStalled() const
{
    return !m_pacing || m_pacing->peersStalled();
}

bool DownloadJob::belowMinQos() const
{
    return m_pacing && m_pacing->belowMinQos();
}

void DownloadJob::pieceFromPeer(int piece, QByteArray data, int sourceKey, SourceClass cls)
{
    if (m_pacing)
        m_pacing->peerDelivered();
    if (isPresent(piece) || m_committing.contains(piece)) {
        m_bytesDiscarded += data.size(); // another source was faster
        m_picker->release(piece, sourceKey);
        return;
    }
    commitPiece(piece, std::move(data), {sourceKey, cls});
}

void DownloadJob::commitPiece(int piece, QByteArray data, PieceOrigin origin)
{
    m_committing.insert(piece, origin);
    m_picker->setReceived(piece);
    m_committer->commit(piece, qint64(piece) * m_pieceLength, std::move(data));
}

void DownloadJob::peersChanged()
{
    schedulePump();
}

void DownloadJob::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

DownloadJob::HttpGate DownloadJob::httpGate()
{
    if (const qint64 pause = m_outage.retryInMs(m_runClock.elapsed()); pause > 0) {
        if (!m_holdTimer.isActive() || m_holdTimer.remainingTime() > pause)
            m_holdTimer.start(int(pause));
        return HttpGate::Closed;
    }
    if (!m_swarm || !m_pacing)
        return HttpGate::Open;
    const OriginPacing::Decision d = m_pacing->decide(*m_swarm, m_record.bytesReceived(),
                                                      m_source && m_source->rangesSupported());
    if (d.recheckInMs > 0 && !m_holdTimer.isActive())
        m_holdTimer.start(int(d.recheckInMs));
    return d.gate;
}

int DownloadJob::effectiveDownloadMode() const
{
    // A peerable download runs in the agent's effective mode, which is 99 while the discovery
    // service is unreachable; content that is never peered stays 99 whatever the policy.
    if (!m_context.peers || m_record.downloadMode == 99)
        return m_record.downloadMode;
    const int mode = m_context.peers->downloadMode();
    return mode == 100 ? 99 : mode;
}

qint64 DownloadJob::pieceSize(int piece) const
{
    return qMin(m_pieceLength, m_fileSize - qint64(piece) * m_pieceLength);
}

bool DownloadJob::isPresent(int piece) const
{
    return piece >= 0 && piece < m_present.size() && m_present[piece];
}

void DownloadJob::pump()
{
    if (m_record.state != JobState::Downloading || m_finishing || !m_committer || !m_picker)
        return;
    const HttpGate gate = m_source ? httpGate() : HttpGate::Closed;
    if (gate != HttpGate::Closed) {
        while (m_spans.openCount() < kMaxOriginRanges && acceptsMorePieces()) {
            if (!m_source->rangesSupported() && !m_spans.isEmpty())
                break; // the server streams the whole file: one request at a time
            if (!requestSpan(gate))
                break;
        }
    }
    if (m_spans.isEmpty() && m_picker->missingUnassignedCount() == 0)
        m_committer->flush();
}

bool DownloadJob::requestSpan(HttpGate gate)
{
    if (!m_source->rangesSupported() && !m_reportedNoRanges) {
        m_reportedNoRanges = true;
        stats::reportError(m_context.errors, log::DoErrorCode::NoRangeSupport, log::lcTransfer(),
                           QStringLiteral("%1 ignores byte ranges; streaming the whole file")
                               .arg(m_origin.toString()));
    }
    OriginSituation situation;
    situation.gate = gate;
    situation.rangesSupported = m_source->rangesSupported();
    situation.inSwarm = m_swarm != nullptr;
    situation.connectedPeers = m_swarm ? m_swarm->connectionCount() : 0;
    situation.servingPeers = m_swarm ? m_swarm->servingPeerCount() : 0;
    situation.belowMinQos = belowMinQos();
    situation.peersStalled = peersStalled();
    situation.share = httpShare();
    situation.pieceLength = m_pieceLength;
    const OriginSpan next = chooseOriginSpan(*m_picker, situation);
    if (next.run.empty()) {
        // Nothing of ours to fetch now: look again when peers may have stalled.
        if (next.recheckSoon && !m_holdTimer.isActive())
            m_holdTimer.start(1000);
        return false;
    }
    const PiecePicker::Run& span = next.run;
    if (situation.rangesSupported)
        qCDebug(log::lcTransfer).noquote()
            << m_record.contentId.left(12) << "HTTP pieces" << span.first << "-" << span.last
            << (next.includesAvailable ? "(peers not serving)" : "(no serving peer has them)");
    const qint64 offset = qint64(span.first) * m_pieceLength;
    const qint64 end = qMin(m_fileSize, qint64(span.last + 1) * m_pieceLength);
    const quint64 tag = ++m_nextTag;
    m_spans.open(tag, span.first, span.last);
    m_source->fetch(tag, offset, end - offset);
    return true;
}

void DownloadJob::onData(quint64 tag, qint64, const QByteArray& chunk)
{
    const SourceClass cls = m_source ? m_source->sourceClass() : SourceClass::Http;
    const bool open = m_spans.append(tag, chunk, [this, cls](int piece, QByteArray data) {
        if (!isPresent(piece) && !m_committing.contains(piece)) {
            commitPiece(piece, std::move(data), {PiecePicker::kHttpSource, cls});
        } else {
            // Another source was faster; should its copy fail verification, the piece must be
            // free to fetch again, not held by this range.
            m_bytesDiscarded += data.size();
            m_picker->release(piece, PiecePicker::kHttpSource);
        }
    });
    if (!open)
        return;
    // Only a range asked for after the last failure shows that the origin is back; one that was
    // already running may just be slower to fail.
    if (m_outage.active() && tag > m_tagAtOriginFailure) {
        qCInfo(log::lcTransfer).noquote()
            << m_record.contentId.left(12) << "the origin answers again after"
            << m_outage.failedAttempts() << "failed attempt(s)";
        m_outage.recovered();
    }
    Q_EMIT progressed();
}

void DownloadJob::onRangeFinished(quint64 tag)
{
    // A range that ended early leaves its remaining pieces to be asked for again.
    for (const int piece : m_spans.close(tag))
        m_picker->release(piece, PiecePicker::kHttpSource);
    pump();
}

void DownloadJob::onRangeFailed(quint64 tag, const HttpError& error)
{
    // Peers that still deliver can finish what the origin cannot: its pieces go back to the
    // picker and the origin rests (see OriginOutage).
    for (const int piece : m_spans.close(tag))
        m_picker->release(piece, PiecePicker::kHttpSource);
    // Only peers that unchoked us and hold pieces we miss can carry on; a peer still being
    // dialled, or one with nothing for us, cannot.
    OriginOutage::Peers peers;
    if (m_swarm && m_pacing) {
        peers.serving = m_swarm->servingPeerCount();
        peers.sinceLastPiece = m_pacing->msSincePeerPiece();
    }
    m_tagAtOriginFailure = m_nextTag;
    const int attemptsBefore = m_outage.failedAttempts();
    if (m_outage.failed(error, m_runClock.elapsed(), peers) == OriginOutage::Verdict::GiveUp) {
        giveUpOnOrigin(error);
        return;
    }
    if (m_outage.failedAttempts() != attemptsBefore)
        qCWarning(log::lcTransfer).noquote()
            << m_record.contentId.left(12) << "origin failed:" << error.message
            << QStringLiteral("- carrying on with %1 peer(s), asking the origin again in %2 s")
                   .arg(peers.serving)
                   .arg(m_outage.retryInMs(m_runClock.elapsed()) / 1000);
    schedulePump();
}

void DownloadJob::giveUpOnOrigin(const HttpError& error)
{
    const bool peersCarriedOn = m_outage.active();
    stopTransfer();
    if (!peersCarriedOn) {
        setState(JobState::Failed, error.message);
        return;
    }
    stats::reportError(m_context.errors, log::DoErrorCode::NoProgress, log::lcTransfer(),
                       QStringLiteral("%1 stopped at %2 of %3 pieces: the origin failed %4 "
                                      "times and no peer delivers")
                           .arg(m_record.contentId.left(12))
                           .arg(m_presentCount)
                           .arg(m_pieceCount)
                           .arg(m_outage.failedAttempts() + 1));
    setState(JobState::Failed,
             tr("%1. Peers carried on without the origin but delivered nothing more; %2 of %3 "
                "pieces are in the cache. Resume the download once the origin or a peer "
                "holding the rest is back.")
                 .arg(withoutFinalStop(error.message))
                 .arg(m_presentCount)
                 .arg(m_pieceCount));
}

void DownloadJob::onCommitted(const QList<int>& pieces, qint64)
{
    QString error;
    if (!m_context.store.markPresent(m_record.contentId, pieces, &error)) {
        stopTransfer();
        // SQLite reports a full disk as SQLITE_FULL; that is a pause, like a full cache drive.
        if (error.contains(QLatin1String("disk is full"), Qt::CaseInsensitive))
            onWriteFailed(error, true);
        else
            setState(JobState::Failed, error);
        return;
    }
    for (int p : pieces) {
        const PieceOrigin origin = m_committing.take(p);
        if (isPresent(p))
            continue;
        m_present[p] = true;
        ++m_presentCount;
        m_picker->setPresent(p);
        const qint64 bytes = pieceSize(p);
        Q_EMIT bytesStored(origin.cls, bytes);
        switch (origin.cls) {
        case SourceClass::Http:
            m_record.bytesHttp += bytes;
            break;
        case SourceClass::CacheServer:
            m_record.bytesCacheServer += bytes;
            if (m_source && !m_source->cacheServer().isEmpty())
                m_cacheHostUsed = m_source->cacheServer().authority();
            break;
        case SourceClass::LanPeer:
            m_record.bytesLan += bytes;
            break;
        case SourceClass::GroupPeer:
            m_record.bytesGroup += bytes;
            break;
        case SourceClass::InternetPeer:
            m_record.bytesInternet += bytes;
            break;
        case SourceClass::LinkLocalPeer:
            m_record.bytesLinkLocal += bytes;
            break;
        }
    }
    if (m_swarm)
        m_swarm->pieceStored(pieces);
    Q_EMIT progressed();
    if (m_presentCount == m_pieceCount)
        finish();
    else
        pump();
}

void DownloadJob::onVerificationFailed(int piece)
{
    ++m_hashFailures;
    const PieceOrigin origin = m_committing.take(piece);
    m_picker->clearReceived(piece);
    m_bytesDiscarded += pieceSize(piece);
    if (origin.sourceKey != PiecePicker::kHttpSource) {
        // A peer sent it: that peer is banned and the piece goes back to the pool.
        m_picker->release(piece, origin.sourceKey);
        if (m_swarm) {
            m_swarm->pieceRejected(piece, origin.sourceKey);
            m_bannedPeers = m_swarm->bans();
        }
        schedulePump();
        return;
    }
    if (origin.cls == SourceClass::CacheServer) {
        // The origin's bytes are what the hashes describe; a cache that serves anything else is
        // not asked again for this download, and does not count against the origin.
        if (m_source)
            m_source->distrustCacheServer(tr("piece %1 failed verification").arg(piece));
        m_picker->release(piece, PiecePicker::kHttpSource);
        pump();
        return;
    }
    const int failures = ++m_hashFailuresByPiece[piece];
    if (failures >= kMaxHashFailures) {
        stopTransfer();
        const qint64 offset = qint64(piece) * m_pieceLength;
        const qint64 end = qMin(m_fileSize, offset + m_pieceLength) - 1;
        stats::reportError(m_context.errors, log::DoErrorCode::PieceHashMismatch, log::lcTransfer(),
                           QStringLiteral("%1 piece %2 from %3 failed verification %4 times")
                               .arg(m_record.contentId.left(12))
                               .arg(piece)
                               .arg(m_origin.toString())
                               .arg(failures));
        setState(JobState::Failed,
                 tr("Piece %1 (bytes %2-%3) failed %4 verification %5 times: %6 serves data "
                    "that does not match the metainfo. Nothing of it was stored.")
                     .arg(piece)
                     .arg(offset)
                     .arg(end)
                     .arg(m_metainfo && m_metainfo->hasV2() ? QStringLiteral("SHA-256")
                                                            : QStringLiteral("SHA-1"))
                     .arg(failures)
                     .arg(m_origin.toString()));
        return;
    }
    m_picker->release(piece, PiecePicker::kHttpSource);
    pump();
}

void DownloadJob::onWriteFailed(const QString& message, bool diskFull)
{
    stopTransfer();
    if (diskFull)
        setState(JobState::Paused,
                 tr("Paused: %1. Free space on the cache drive or lower the cache limits, then "
                    "resume.")
                     .arg(message));
    else
        setState(JobState::Failed, message);
}

void DownloadJob::finish()
{
    if (m_finishing)
        return;
    m_finishing = true;
    m_record.downloadMode = effectiveDownloadMode(); // what it finished in, as DO reports it
    stopTransfer();
    if (m_metainfo)
        qCInfo(log::lcTransfer).noquote()
            << m_record.contentId.left(12) << "complete:" << m_record.bytesHttp
            << "bytes from HTTP,"
            << (m_record.bytesLan + m_record.bytesGroup + m_record.bytesInternet) << "from peers,"
            << m_bytesDiscarded << "discarded";
    m_context.store.touch(m_record.contentId);
    auto complete = [this](const QString& error) {
        m_finishing = false;
        if (!error.isEmpty()) {
            setState(JobState::Failed, error);
            return;
        }
        setState(m_metainfo ? JobState::Caching : JobState::Complete);
    };
    if (m_record.outPath.isEmpty()) {
        complete({});
        return;
    }
    // Copying a large file is disk work: keep it off the agent's network thread.
    m_context.workers.run(
        this, [from = m_dataPath, to = m_record.outPath] { return writeOutputCopy(from, to); },
        complete);
}

void DownloadJob::stopTransfer()
{
    if (m_source) {
        m_source->cancelAll();
        m_source->deleteLater();
        m_source = nullptr;
    }
    m_spans.clear();
    leaveSwarm();
    if (m_committer)
        m_committer->flush();
}

bool DownloadJob::usesCacheFile() const
{
    return m_record.state == JobState::Downloading || m_finishing ||
           (m_committer && !m_committer->idle());
}

void DownloadJob::pause()
{
    if (m_record.state != JobState::Downloading && m_record.state != JobState::Queued)
        return;
    stopTransfer();
    m_finishing = false;
    setState(JobState::Paused);
}

void DownloadJob::cancel()
{
    if (isTerminal(m_record.state))
        return;
    stopTransfer();
    setState(JobState::Cancelled);
}

JobStatus DownloadJob::status() const
{
    JobStatus s;
    s.jobId = m_record.jobId;
    s.fileId = m_record.contentId;
    s.fileName = m_fileName;
    s.source = m_record.source;
    s.sourceUrl = m_origin.toString();
    s.outPath = m_record.outPath;
    s.fileSize = m_fileSize;
    qint64 inCache = 0;
    for (int i = 0; i < m_present.size(); ++i) {
        if (m_present[i])
            inCache += pieceSize(i);
    }
    s.fileSizeInCache = inCache;
    s.bytesFromHttp = m_record.bytesHttp;
    s.bytesFromCacheServer = m_record.bytesCacheServer;
    s.bytesFromLanPeers = m_record.bytesLan;
    s.bytesFromGroupPeers = m_record.bytesGroup;
    s.bytesFromInternetPeers = m_record.bytesInternet;
    s.bytesFromLinkLocalPeers = m_record.bytesLinkLocal;
    s.bytesFromPeers = m_record.bytesFromPeers();
    s.totalBytesDownloaded = m_record.bytesReceived();
    s.bytesDiscarded = m_bytesDiscarded;
    s.bannedPeers = m_bannedPeers;
    if (m_swarm) {
        s.lanConnectionCount = m_swarm->connectionCount(SourceClass::LanPeer);
        s.groupConnectionCount = m_swarm->connectionCount(SourceClass::GroupPeer);
        s.internetConnectionCount = m_swarm->connectionCount(SourceClass::InternetPeer);
        s.linkLocalConnectionCount = m_swarm->connectionCount(SourceClass::LinkLocalPeer);
    }
    s.peerConnectionCount = s.lanConnectionCount + s.groupConnectionCount +
                            s.internetConnectionCount + s.linkLocalConnectionCount;
    s.cacheServerConnectionCount = m_cacheConnections;
    s.cacheHost = m_cacheHostUsed;
    if (m_context.peers && !m_record.contentId.isEmpty())
        s.numPeers = int(m_context.peers->discoveredPeers(m_record.contentId).size());
    s.state = m_record.state;
    s.foreground = m_record.foreground;
    s.downloadMode =
        m_finishing || isTerminal(m_record.state) ? m_record.downloadMode : effectiveDownloadMode();
    s.httpConnectionCount = m_httpConnections;
    s.downloadDurationMs = m_durationMs + (m_running.isValid() ? m_running.elapsed() : 0);
    s.createdAt = m_record.createdAt;
    s.finishedAt = m_record.finishedAt;
    s.shareable = m_metainfo != nullptr;
    s.piecesTotal = m_pieceCount;
    s.piecesPresent = m_presentCount;
    s.hashFailures = m_hashFailures;
    s.error = m_record.error;
    if (m_outage.active() && m_record.state == JobState::Downloading) {
        const qint64 retryIn = m_outage.retryInMs(m_runClock.elapsed());
        s.error = retryIn > 0 ? tr("The origin failed (%1); downloading from peers, the origin "
                                   "is asked again in %2 s.")
                                    .arg(m_outage.error().message)
                                    .arg((retryIn + 999) / 1000)
                              : tr("The origin failed (%1); downloading from peers while the "
                                   "origin is asked again.")
                                    .arg(m_outage.error().message);
    }
    return s;
}

} // namespace opendo::transfer
