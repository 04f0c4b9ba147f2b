#pragma once

// DHCP options that DO reads from the network's DHCP server: 234 (the group id,
// DOGroupIdSource 3) and 235 (cache servers, DOCacheHostSource 1 and 2). Windows asks its DHCP
// client; on Linux the clients keep their leases in files, so the agent reads those:
// dhclient ("option unknown-235 …;" or a name the administrator declared for the code),
// NetworkManager ("new_unknown_235=…"), systemd-networkd and NetworkManager's internal client
// ("OPTION_235=" / "PRIVATE_235=" with the raw bytes in hex) and dhcpcd (the server's binary
// DHCP message).

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace opendo {

struct DhcpOptionFound
{
    QString value;     // the option's text; "" when no lease carries it
    QString leaseFile; // where it was found

    bool found() const { return !value.isEmpty(); }
};

// Where the common DHCP clients keep their leases.
QStringList defaultDhcpLeaseFolders();
// The folders an agent searches: the comma-separated DhcpLeaseFolders setting when it is set,
// else the defaults.
QStringList dhcpLeaseFolders(const QString& setting);

// The option's value in one lease file ("" when absent); the last lease in a file is current.
QString dhcpOptionFromLease(const QByteArray& leaseFile, int code);
// The first lease file (by folder order, then name) that carries the option.
DhcpOptionFound findDhcpOption(int code, const QStringList& folders);

} // namespace opendo
