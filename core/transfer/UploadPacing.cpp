#include "transfer/UploadPacing.h"

#include "peer/TcpPathSample.h"

namespace opendo::transfer {

UploadPacing::UploadPacing(QObject* parent) : QObject(parent)
{
    m_tick.setInterval(kTickMs);
    m_tick.setTimerType(Qt::PreciseTimer);
    connect(&m_tick, &QTimer::timeout, this, &UploadPacing::tick);
}

bool UploadPacing::mayQueue(peer::PeerConnection* connection)
{
    const qint64 buffered = connection->bytesToWrite();
    if (buffered >= kMaxBuffered)
        return false; // the socket's bytesWritten brings us back
    auto paced = m_paced.find(connection);
    if (paced != m_paced.end() && paced->outstandingBound(*connection) < paced->window.window())
        return true;
    const auto sample = connection->pathSample();
    if (!sample)
        return true;
    if (paced == m_paced.end()) {
        paced = m_paced.insert(connection, Paced{});
        paced->lastAcked = sample->bytesAcked;
    }
    paced->noteSample(*connection, *sample);
    if (!m_tick.isActive())
        m_tick.start();
    if (paced->outstandingAtSample < paced->window.window())
        return true;
    paced->limited = true;
    return false;
}

void UploadPacing::forget(peer::PeerConnection* connection)
{
    m_paced.remove(connection);
    if (m_paced.isEmpty())
        m_tick.stop();
}

PacingState UploadPacing::stateOf(peer::PeerConnection* connection) const
{
    const auto it = m_paced.constFind(connection);
    if (it == m_paced.cend())
        return {};
    return {it->window.window(), it->window.lastQueuingDelayUs()};
}

void UploadPacing::tick()
{
    bool anyLimited = false;
    bool anyBusy = false;
    for (auto it = m_paced.begin(); it != m_paced.end(); ++it) {
        const auto sample = it.key()->pathSample();
        if (!sample)
            continue;
        const qint64 acked = sample->bytesAcked - it->lastAcked;
        it->lastAcked = sample->bytesAcked;
        it->window.update(sample->queuingDelayUs(), acked, it->limited);
        // The fresh figures tighten the bound, so the blocks sent next need no sample of their own.
        it->noteSample(*it.key(), *sample);
        anyLimited |= it->limited;
        anyBusy |= acked > 0 || sample->kernelQueued > 0;
        it->limited = false;
    }
    // Idle connections need no ticks; the next block handed out starts them again.
    if (!anyLimited && !anyBusy)
        m_tick.stop();
    if (anyLimited)
        Q_EMIT resume();
}

} // namespace opendo::transfer
