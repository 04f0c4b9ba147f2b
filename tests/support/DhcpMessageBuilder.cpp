#include "support/DhcpMessageBuilder.h"

namespace opendo::test {

QByteArray dhcpOptionBytes(const QList<DhcpOptionInstance>& options, bool endMarker)
{
    QByteArray bytes;
    for (const auto& [code, value] : options) {
        bytes.append(char(code));
        bytes.append(char(value.size()));
        bytes.append(value);
    }
    if (endMarker)
        bytes.append(char(255));
    return bytes;
}

QByteArray dhcpAckMessage(const QList<DhcpOptionInstance>& options, const QByteArray& file,
                          const QByteArray& sname)
{
    QByteArray message(236, '\0');
    message[0] = 2; // BOOTREPLY
    message[1] = 1; // Ethernet
    message[2] = 6;
    message.replace(16, 4, QByteArray::fromHex("0a000005")); // yiaddr 10.0.0.5
    message.replace(44, qMin<qsizetype>(sname.size(), 64), sname.left(64));
    message.replace(108, qMin<qsizetype>(file.size(), 128), file.left(128));
    message.append(QByteArray::fromHex("63825363"));
    QList<DhcpOptionInstance> all{{53, QByteArray(1, char(5))}}; // DHCP message type: ACK
    all += options;
    message.append(dhcpOptionBytes(all));
    return message;
}

} // namespace opendo::test
