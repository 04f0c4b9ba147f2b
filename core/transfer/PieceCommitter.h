#pragma once

// Verifies a content's pieces against its metainfo and stores them durably, on worker threads,
// so hashing and fsync never stall the agent's network loop. Writes are synced in batches;
// `committed` reports pieces only once their bytes are on stable storage.

#include "content/Metainfo.h"
#include "transfer/WorkerPool.h"

#include <QList>
#include <QObject>
#include <QTimer>
#include <memory>

namespace opendo::transfer {

class PieceCommitter : public QObject
{
    Q_OBJECT
public:
    // `metainfo` null: nothing to verify against (HTTP-only content).
    PieceCommitter(WorkerPool& pool, QString dataPath, qint64 fileSize,
                   std::shared_ptr<const content::Metainfo> metainfo, QObject* parent = nullptr);

    void commit(int piece, qint64 offset, QByteArray data);
    // Pieces whose bytes are still held in memory (being verified or written). Written pieces
    // waiting for their batch sync no longer hold memory and do not count.
    int inMemory() const { return m_inWorkers; }
    // Nothing written, syncing or waiting to sync: the data file may be moved.
    bool idle() const { return m_inWorkers == 0 && m_syncing == 0 && m_unsynced.isEmpty(); }
    const QString& path() const { return m_path; }
    void flush(); // sync what is written now instead of waiting for the batch to fill

Q_SIGNALS:
    void committed(const QList<int>& pieces, qint64 bytes); // verified and durable
    void verificationFailed(int piece);                     // nothing was written
    void writeFailed(const QString& message, bool diskFull);

private:
    void written(int piece, qint64 bytes);

    WorkerPool& m_pool;
    QString m_path;
    qint64 m_fileSize;
    std::shared_ptr<const content::Metainfo> m_metainfo;
    int m_inWorkers = 0;
    QList<int> m_unsynced;
    qint64 m_unsyncedBytes = 0;
    int m_syncing = 0;
    QTimer m_syncTimer;
};

} // namespace opendo::transfer
