#pragma once

// What the agent's own process costs: CPU time and resident memory, read from /proc/self on
// Linux (zeros elsewhere). CPU percent is of one core, between two calls of sample().

#include <QElapsedTimer>

namespace opendo::stats {

class ProcessUsage
{
public:
    struct Sample
    {
        double cpuPercent = 0;
        qint64 memoryBytes = 0;
    };
    Sample sample();

private:
    QElapsedTimer m_wall;
    qint64 m_lastCpuTicks = -1;
};

} // namespace opendo::stats
