#pragma once

// What the peer-savings demo shows: per device where its bytes came from, and what the origin
// sent for all of them together.

#include "transfer/JobStatus.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace opendo::demo {

enum class DemoPhase
{
    Idle,
    Preparing,
    Running,
    Finished,
    Failed
};

struct DemoDevice
{
    QString name;     // "Device 1"
    QString endpoint; // where its peers reach it
    bool started = false;
    transfer::JobState state = transfer::JobState::Queued;
    qint64 bytesInCache = 0;
    qint64 bytesFromHttp = 0;
    qint64 bytesFromPeers = 0;
    qint64 bytesPerSecond = 0;
};

struct SavingsDemoSnapshot
{
    DemoPhase phase = DemoPhase::Idle;
    QString error; // when Failed
    qint64 fileBytes = 0;
    qint64 originBytes = 0; // body bytes the origin sent
    qint64 elapsedMs = 0;   // since the first device started
    QList<DemoDevice> devices;

    // Bytes the devices received from any source.
    qint64 deliveredBytes() const
    {
        qint64 sum = 0;
        for (const DemoDevice& d : devices)
            sum += d.bytesFromHttp + d.bytesFromPeers;
        return sum;
    }
    // Share of the delivered bytes the origin did not have to send: 0 … 100.
    double savedPercent() const
    {
        const qint64 delivered = deliveredBytes();
        if (delivered <= 0)
            return 0;
        return qBound(0.0, 100.0 * (1.0 - double(originBytes) / double(delivered)), 100.0);
    }
};

} // namespace opendo::demo

Q_DECLARE_METATYPE(opendo::demo::SavingsDemoSnapshot)
