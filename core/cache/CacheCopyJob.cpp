#include "cache/CacheCopyJob.h"

#include "cache/ContentCopy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <utility>

namespace opendo::cache {

CacheCopyJob::CacheCopyJob(CacheCopyPlan plan, QObject* parent)
    : QObject(parent), m_plan(std::move(plan))
{}

CacheCopyJob::~CacheCopyJob()
{
    m_cancel.store(true);
    if (m_thread.joinable())
        m_thread.join();
    if (m_copiedAll && !m_kept)
        removeCopies(m_plan.items.size());
}

void CacheCopyJob::start()
{
    if (m_thread.joinable())
        return;
    m_clock.start();
    m_thread = std::thread([this] { run(); });
}

void CacheCopyJob::run()
{
    QString error;
    bool cancelled = false;
    qsizetype done = 0;
    for (const CacheCopyItem& item : std::as_const(m_plan.items)) {
        const ContentCopyResult copied =
            copyContentFile(item.source, item.destination, m_cancel, [this](qint64 bytes) {
                m_copied.fetch_add(bytes, std::memory_order_relaxed);
            });
        if (!copied.ok()) {
            error = copied.error;
            cancelled = copied.cancelled;
            break;
        }
        ++done;
    }
    m_copiedAll = done == m_plan.items.size();
    if (!m_copiedAll)
        removeCopies(done); // all or nothing: the old folder still holds everything
    // Queued to this object: if it is destroyed first, the event goes with it.
    QMetaObject::invokeMethod(
        this, [this, error, cancelled] { Q_EMIT finished(error, cancelled); },
        Qt::QueuedConnection);
}

void CacheCopyJob::removeCopies(qsizetype count) const
{
    for (qsizetype i = 0; i < count; ++i) {
        const QString& destination = m_plan.items.at(i).destination;
        QFile::remove(destination);
        QDir().rmdir(QFileInfo(destination).absolutePath()); // only if the copy left it empty
    }
}

} // namespace opendo::cache
