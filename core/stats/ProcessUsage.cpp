#include "stats/ProcessUsage.h"

#include <QByteArray>
#include <QFile>
#include <QList>
#include <unistd.h>

namespace opendo::stats {

namespace {

QByteArray readProc(const char* path)
{
    QFile file(QString::fromLatin1(path));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(8192);
}

} // namespace

ProcessUsage::Sample ProcessUsage::sample()
{
    Sample s;
    // /proc/self/stat: the command name may contain spaces; fields count from after its ')'.
    const QByteArray stat = readProc("/proc/self/stat");
    const qsizetype close = stat.lastIndexOf(')');
    qint64 ticks = -1;
    if (close > 0) {
        const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
        if (fields.size() > 13)
            ticks = fields[11].toLongLong() + fields[12].toLongLong();
    }
    const long hz = sysconf(_SC_CLK_TCK);
    if (ticks >= 0 && m_lastCpuTicks >= 0 && m_wall.isValid() && hz > 0) {
        const qint64 elapsedMs = qMax<qint64>(1, m_wall.elapsed());
        s.cpuPercent =
            100.0 * double(ticks - m_lastCpuTicks) * 1000.0 / double(hz) / double(elapsedMs);
    }
    m_lastCpuTicks = ticks;
    m_wall.start();
    const QByteArray status = readProc("/proc/self/status");
    for (const QByteArray& line : status.split('\n')) {
        if (line.startsWith("VmRSS:")) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                s.memoryBytes = parts[1].toLongLong() * 1024;
        }
    }
    return s;
}

} // namespace opendo::stats
