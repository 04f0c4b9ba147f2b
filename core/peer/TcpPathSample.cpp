#include "peer/TcpPathSample.h"

#ifdef __linux__
#include <linux/sockios.h>
#include <linux/tcp.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#endif

namespace opendo::peer {

std::optional<TcpPathSample> sampleTcpPath(qintptr socketDescriptor)
{
#ifdef __linux__
    if (socketDescriptor < 0)
        return std::nullopt;
    tcp_info info{};
    socklen_t length = sizeof(info);
    if (::getsockopt(int(socketDescriptor), IPPROTO_TCP, TCP_INFO, &info, &length) != 0)
        return std::nullopt;
    // Older kernels fill a shorter struct; without the minimum RTT there is no base delay.
    if (length < offsetof(tcp_info, tcpi_min_rtt) + sizeof(info.tcpi_min_rtt) ||
        info.tcpi_min_rtt == 0 || info.tcpi_min_rtt == ~0U)
        return std::nullopt;
    int queued = 0;
    if (::ioctl(int(socketDescriptor), SIOCOUTQ, &queued) != 0)
        return std::nullopt;
    TcpPathSample s;
    s.smoothedRttUs = info.tcpi_rtt;
    s.minRttUs = info.tcpi_min_rtt;
    s.bytesAcked = qint64(info.tcpi_bytes_acked);
    s.kernelQueued = queued;
    return s;
#else
    Q_UNUSED(socketDescriptor);
    return std::nullopt;
#endif
}

} // namespace opendo::peer
