#pragma once

// The group id an agent announces in download mode 2: DOGroupId when set, else derived as
// DOGroupIdSource says. Windows reads these from its directory services; on Linux each source
// maps to something real:
//   1 AD site            → the AdSite agent setting (from a join tool or the administrator)
//   2 domain SID         → the AdDomainSid agent setting
//   3 DHCP option 234    → the option in the DHCP client's lease files (DhcpLeaseFolders)
//   4 DNS suffix         → the first "search" (or "domain") entry of resolv.conf
//   5 Entra tenant id    → the EntraTenantId agent setting
//   0 (unset)            → AD site, then domain SID, then tenant id, as DO does
// When 3 or 4 finds nothing, the unset order is used, as DO documents.

#include "common/DhcpLeaseOptions.h"
#include "policy/PolicyState.h"

#include <QString>
#include <QStringList>

namespace opendo::discovery {

struct GroupIdResolution
{
    QString groupId; // "" when none could be found
    QString source;  // for users: "DOGroupId", "DNS suffix (/etc/resolv.conf)", …
    QString problem; // translated, when groupId is empty
};

struct GroupIdInputs
{
    // Configured by the administrator (agent settings AdSite, AdDomainSid, EntraTenantId).
    QString adSite;
    QString domainSid;
    QString entraTenantId;
    QStringList resolvConfPaths{QStringLiteral("/etc/resolv.conf")};
    QStringList leaseDirectories = defaultDhcpLeaseFolders();
};

GroupIdResolution resolveGroupId(const policy::PolicySnapshot& policies,
                                 const GroupIdInputs& inputs);

// Helpers, public for tests.
QString dnsSuffixFrom(const QByteArray& resolvConf);

} // namespace opendo::discovery
