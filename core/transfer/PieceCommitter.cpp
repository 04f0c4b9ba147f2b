#include "transfer/PieceCommitter.h"

#include "cache/PieceFileBatch.h"

namespace opendo::transfer {

namespace {

// One fdatasync per this many bytes (or per kSyncDelayMs) keeps the disk streaming.
constexpr qint64 kSyncBatchBytes = 8 * 1024 * 1024;
constexpr int kSyncDelayMs = 100;

struct WriteOutcome
{
    enum class Kind
    {
        Written,
        BadHash,
        WriteError
    } kind = Kind::Written;
    int piece = 0;
    qint64 bytes = 0;
    cache::DiskWriteResult disk;
};

} // namespace

PieceCommitter::PieceCommitter(WorkerPool& pool, QString dataPath, qint64 fileSize,
                               std::shared_ptr<const content::Metainfo> metainfo, QObject* parent)
    : QObject(parent), m_pool(pool), m_path(std::move(dataPath)), m_fileSize(fileSize),
      m_metainfo(std::move(metainfo))
{
    m_syncTimer.setSingleShot(true);
    m_syncTimer.setInterval(kSyncDelayMs);
    connect(&m_syncTimer, &QTimer::timeout, this, &PieceCommitter::flush);
}

void PieceCommitter::commit(int piece, qint64 offset, QByteArray data)
{
    ++m_inWorkers;
    auto work = [piece, offset, data = std::move(data), path = m_path, size = m_fileSize,
                 metainfo = m_metainfo] {
        WriteOutcome outcome;
        outcome.piece = piece;
        outcome.bytes = data.size();
        // Verify before the first byte touches the disk: a bad piece is never stored.
        if (metainfo && !metainfo->verifyPiece(piece, data)) {
            outcome.kind = WriteOutcome::Kind::BadHash;
            return outcome;
        }
        outcome.disk = cache::PieceFileBatch::write(path, size, offset, data);
        if (!outcome.disk.ok())
            outcome.kind = WriteOutcome::Kind::WriteError;
        return outcome;
    };
    // Outcomes arrive on this object's thread and are dropped if it is gone.
    m_pool.run(this, std::move(work), [this](const WriteOutcome& o) {
        --m_inWorkers;
        switch (o.kind) {
        case WriteOutcome::Kind::Written:
            written(o.piece, o.bytes);
            break;
        case WriteOutcome::Kind::BadHash:
            Q_EMIT verificationFailed(o.piece);
            break;
        case WriteOutcome::Kind::WriteError:
            Q_EMIT writeFailed(o.disk.message, o.disk.error == cache::DiskError::DiskFull);
            break;
        }
    });
}

void PieceCommitter::written(int piece, qint64 bytes)
{
    m_unsynced << piece;
    m_unsyncedBytes += bytes;
    if (m_unsyncedBytes >= kSyncBatchBytes)
        flush();
    else if (!m_syncTimer.isActive())
        m_syncTimer.start();
}

void PieceCommitter::flush()
{
    m_syncTimer.stop();
    if (m_unsynced.isEmpty())
        return;
    const QList<int> batch = std::exchange(m_unsynced, {});
    const qint64 bytes = std::exchange(m_unsyncedBytes, 0);
    m_syncing += int(batch.size());
    m_pool.run(
        this, [path = m_path] { return cache::PieceFileBatch::syncData(path); },
        [this, batch, bytes](const cache::DiskWriteResult& r) {
            m_syncing -= int(batch.size());
            if (r.ok())
                Q_EMIT committed(batch, bytes);
            else
                Q_EMIT writeFailed(r.message, r.error == cache::DiskError::DiskFull);
        });
}

} // namespace opendo::transfer
