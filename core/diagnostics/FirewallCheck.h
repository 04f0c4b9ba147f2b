#pragma once

// "Firewall lets peers in": reads the kernel's nftables ruleset (`nft -j list ruleset`) and
// decides whether a new TCP connection to the peer port would be accepted on the input hook,
// naming the rule or chain policy that decides — the Linux side of DO's "Port TCP 7680
// inbound" check, which looks for an inbound allow rule in Windows Firewall.

#include "diagnostics/Check.h"

class QProcess;

namespace opendo::diagnostics {

class FirewallCheck : public Check
{
    Q_OBJECT
public:
    FirewallCheck();
    void start(const DiagnosticInputs& inputs, Done done) override;

private:
    QProcess* m_nft = nullptr;
};

} // namespace opendo::diagnostics
