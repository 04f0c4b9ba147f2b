#include "transfer/DownloadJob.h"

#include "cache/PieceStore.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "transfer/OutputFile.h"
#include "transfer/PieceCommitter.h"
#include "transfer/PoolTask.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace opendo::transfer {

namespace {

// Requests in flight to the origin. Measured on loopback (2 cores, Qt 6.4): one or two streams
// of 8 MiB ranges reach 400-650 MB/s, while four parallel ones fall to ~190 MB/s.
constexpr int kMaxRanges = 2;
constexpr qint64 kSpanBytes = 8 * 1024 * 1024;     // bytes per range request
constexpr qint64 kPendingBytes = 16 * 1024 * 1024; // assembled, not yet durable
constexpr int kMaxHashFailures = 3;
constexpr qint64 kMinUrlPieceLength = 1024 * 1024;

} // namespace

struct DownloadJob::Span
{
    int first = 0;
    int last = 0;
    int current = 0; // next piece to cut from the stream
    QByteArray buffer;
};

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

DownloadJob::~DownloadJob() = default;

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
    if (m_origin.isEmpty() || !m_origin.isValid()) {
        setState(JobState::Failed, tr("The metainfo names no web seed (HTTP origin) for %1; "
                                      "without peers there is nowhere to download it from.")
                                       .arg(m_fileName));
        return;
    }
    setState(JobState::Downloading);
    m_running.start();
    HttpSourceOptions options;
    options.trafficClass =
        m_record.foreground ? TrafficClass::Foreground : TrafficClass::Background;
    m_source = new HttpRangeSource(m_context.network, m_origin, options, &m_context.limiter, this);
    connect(m_source, &HttpRangeSource::dataReceived, this, &DownloadJob::onData);
    connect(m_source, &HttpRangeSource::rangeFinished, this, &DownloadJob::onRangeFinished);
    connect(m_source, &HttpRangeSource::rangeFailed, this, &DownloadJob::onRangeFailed);
    connect(m_source, &HttpRangeSource::connectionOpened, this, [this] { ++m_httpConnections; });
    if (m_metainfo) {
        beginTransfer();
        return;
    }
    // A plain URL: the origin tells the size; the cache tracks it in fixed-size pieces.
    connect(m_source, &HttpRangeSource::probed, this, [this](qint64 size, bool) {
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
    connect(m_source, &HttpRangeSource::probeFailed, this, [this](const HttpError& error) {
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
    m_queue.clear();
    for (int i = 0; i < m_pieceCount; ++i) {
        if (cached && i < cached->present.size() && cached->present.testBit(i)) {
            m_present[i] = true;
            ++m_presentCount;
        } else {
            m_queue.push_back(i);
        }
    }
    m_context.store.touch(m_record.contentId);
    m_dataPath = m_context.store.dataPath(m_record.contentId);
    if (!m_committer) {
        m_committer =
            new PieceCommitter(m_context.workers, m_dataPath, m_fileSize, m_metainfo, this);
        connect(m_committer, &PieceCommitter::committed, this, &DownloadJob::onCommitted);
        connect(m_committer, &PieceCommitter::verificationFailed, this,
                &DownloadJob::onVerificationFailed);
        connect(m_committer, &PieceCommitter::writeFailed, this, &DownloadJob::onWriteFailed);
    }
    m_source->setExpectedSize(m_fileSize);
    Q_EMIT progressed();
    if (m_presentCount == m_pieceCount)
        finish();
    else
        pump();
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
    if (m_record.state != JobState::Downloading || m_finishing || !m_source || !m_committer)
        return;
    const int maxPending = int(qMax<qint64>(2, kPendingBytes / qMax<qint64>(1, m_pieceLength)));
    while (m_spans.size() < kMaxRanges && m_committer->inMemory() < maxPending &&
           !m_queue.empty()) {
        if (!m_source->rangesSupported() && !m_spans.isEmpty())
            break; // the server streams the whole file: one request at a time
        requestSpan();
    }
    if (m_queue.empty() && m_spans.isEmpty())
        m_committer->flush();
}

void DownloadJob::requestSpan()
{
    auto span = std::make_shared<Span>();
    span->first = m_queue.front();
    if (!m_source->rangesSupported()) {
        // Everything from the first missing piece comes in one stream; present pieces in it
        // are skipped when they arrive.
        span->last = m_pieceCount - 1;
        m_queue.clear();
    } else {
        span->last = span->first;
        m_queue.pop_front();
        while (!m_queue.empty() && m_queue.front() == span->last + 1 &&
               qint64(span->last + 2 - span->first) * m_pieceLength <= kSpanBytes) {
            ++span->last;
            m_queue.pop_front();
        }
    }
    span->current = span->first;
    const qint64 offset = qint64(span->first) * m_pieceLength;
    const qint64 end = qMin(m_fileSize, qint64(span->last + 1) * m_pieceLength);
    const quint64 tag = ++m_nextTag;
    m_spans.insert(tag, span);
    m_source->fetch(tag, offset, end - offset);
}

void DownloadJob::onData(quint64 tag, qint64, const QByteArray& chunk)
{
    const auto span = m_spans.value(tag);
    if (!span)
        return;
    m_record.bytesHttp += chunk.size();
    span->buffer.append(chunk);
    while (span->current <= span->last) {
        const int piece = span->current;
        const qint64 size = pieceSize(piece);
        if (span->buffer.size() < size)
            break;
        QByteArray data = span->buffer.left(size);
        span->buffer.remove(0, size);
        if (!isPresent(piece))
            m_committer->commit(piece, qint64(piece) * m_pieceLength, std::move(data));
        ++span->current;
    }
    Q_EMIT progressed();
}

void DownloadJob::onRangeFinished(quint64 tag)
{
    const auto span = m_spans.take(tag);
    if (span) {
        // A range that ended early leaves its remaining pieces to be asked for again.
        for (int p = span->last; p >= span->current; --p) {
            if (!isPresent(p))
                m_queue.push_front(p);
        }
    }
    pump();
}

void DownloadJob::onRangeFailed(quint64, const HttpError& error)
{
    stopTransfer();
    setState(JobState::Failed, error.message);
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
        if (!isPresent(p)) {
            m_present[p] = true;
            ++m_presentCount;
        }
    }
    Q_EMIT progressed();
    if (m_presentCount == m_pieceCount)
        finish();
    else
        pump();
}

void DownloadJob::onVerificationFailed(int piece)
{
    ++m_hashFailures;
    const int failures = ++m_hashFailuresByPiece[piece];
    if (failures >= kMaxHashFailures) {
        stopTransfer();
        const qint64 offset = qint64(piece) * m_pieceLength;
        const qint64 end = qMin(m_fileSize, offset + m_pieceLength) - 1;
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
    m_queue.push_front(piece);
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
    stopTransfer();
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
    runInPool<QString>(m_context.workers, [from = m_dataPath, to = m_record.outPath] {
        return writeOutputCopy(from, to);
    }).then(this, complete);
}

void DownloadJob::stopTransfer()
{
    if (m_source) {
        m_source->cancelAll();
        m_source->deleteLater();
        m_source = nullptr;
    }
    m_spans.clear();
    if (m_committer)
        m_committer->flush();
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
    s.totalBytesDownloaded = m_record.bytesHttp;
    s.bytesFromHttp = m_record.bytesHttp;
    s.state = m_record.state;
    s.foreground = m_record.foreground;
    s.downloadMode = m_record.downloadMode;
    s.httpConnectionCount = m_httpConnections;
    s.downloadDurationMs = m_durationMs + (m_running.isValid() ? m_running.elapsed() : 0);
    s.createdAt = m_record.createdAt;
    s.finishedAt = m_record.finishedAt;
    s.shareable = m_metainfo != nullptr;
    s.piecesTotal = m_pieceCount;
    s.piecesPresent = m_presentCount;
    s.hashFailures = m_hashFailures;
    s.error = m_record.error;
    return s;
}

} // namespace opendo::transfer
