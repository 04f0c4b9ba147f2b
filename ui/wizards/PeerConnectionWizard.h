#pragma once

// "Test connection to a peer": an address and port, the connection.peer_test check against it,
// and its verdict with the exact failure.

#include "wizards/DiagnosticsWizard.h"

namespace opendo::ui {

class PeerEndpointPage;
class PeerTestResultPage;

class PeerConnectionWizard : public DiagnosticsWizard
{
    Q_OBJECT
public:
    PeerConnectionWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent = nullptr);

    diagnostics::DiagnosticRequest request() const override;
    PeerEndpointPage& endpointPage() { return *m_endpoint; }
    PeerTestResultPage& resultPage() { return *m_result; }

private:
    void prefillFromOfferedPeers();

    PeerEndpointPage* m_endpoint = nullptr;
    PeerTestResultPage* m_result = nullptr;
};

} // namespace opendo::ui
