#pragma once

// A cache move onto another drive, where contents cannot be renamed: their data files are
// copied one after another on a thread of this job's own while the agent goes on serving peers
// from the old folder. The index changes only when every copy is durable (finishCacheCopy), so
// an agent stopped half-way still finds all its content where the index says.

#include "cache/CacheCopyProgress.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QStringList>
#include <atomic>
#include <thread>

namespace opendo::cache {

struct CacheCopyItem
{
    QString contentId;
    QString source;      // the data file in the old folder
    QString destination; // where it goes in the new one
};

struct CacheCopyPlan
{
    QString error; // the move cannot start: nothing was copied
    QString from;
    QString to;
    QList<CacheCopyItem> items;
    QStringList missing; // contents whose data file is gone: evicted when the move completes
    qint64 bytes = 0;    // to copy, holes excluded
    bool ok() const { return error.isEmpty(); }
};

class CacheCopyJob : public QObject
{
    Q_OBJECT
public:
    explicit CacheCopyJob(CacheCopyPlan plan, QObject* parent = nullptr);
    // Cancels and waits for the copying thread, which stops within one chunk. Copies nobody
    // took over (keepCopies) are removed, so the new folder never holds a move half-done.
    ~CacheCopyJob() override;

    void start();
    const CacheCopyPlan& plan() const { return m_plan; }
    qint64 bytesCopied() const { return m_copied.load(std::memory_order_relaxed); }
    CacheCopyProgress progress() const { return {m_plan.to, bytesCopied(), m_plan.bytes}; }
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    // The index now points at the copies (finishCacheCopy): they stay when the job goes.
    void keepCopies() { m_kept = true; }

Q_SIGNALS:
    // On the job's thread. On an error or a cancel the new folder holds none of the copies.
    void finished(const QString& error, bool cancelled);

private:
    void run(); // on the copying thread
    void removeCopies(qsizetype count) const;

    CacheCopyPlan m_plan;
    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_copied{0};
    bool m_copiedAll = false; // written by the copying thread, read after joining it
    bool m_kept = false;
    QElapsedTimer m_clock;
    std::thread m_thread;
};

} // namespace opendo::cache
