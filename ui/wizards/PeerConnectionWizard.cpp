#include "wizards/PeerConnectionWizard.h"

#include "agent/Agent.h"
#include "transfer/PeerEndpoint.h"
#include "wizards/DiagnosticsPages.h"
#include "wizards/PeerEndpointPage.h"
#include "wizards/PeerTestResultPage.h"

namespace opendo::ui {

PeerConnectionWizard::PeerConnectionWizard(agent::Agent& agent, StageFix stageFix, QWidget* parent)
    : DiagnosticsWizard(agent, std::move(stageFix), parent)
{
    setWindowTitle(tr("Test connection to a peer"));
    m_endpoint = new PeerEndpointPage(this);
    m_result = new PeerTestResultPage(*this);
    addPage(m_endpoint);
    addPage(new RunChecksPage(*this));
    addPage(m_result);
    prefillFromOfferedPeers();
}

diagnostics::DiagnosticRequest PeerConnectionWizard::request() const
{
    diagnostics::DiagnosticRequest request;
    request.set = diagnostics::CheckSet::PeerConnection;
    request.checkIds = {QStringLiteral("connection.peer_test")};
    request.peerEndpoint = m_endpoint->endpoint();
    return request;
}

void PeerConnectionWizard::prefillFromOfferedPeers()
{
    const auto offered = agent().peerActivity().offered;
    for (const agent::OfferedPeer& peer : offered) {
        QString error;
        if (const auto endpoint = transfer::parsePeerEndpoint(peer.endpoint, &error)) {
            m_endpoint->setEndpoint(endpoint->address.toString(), endpoint->port);
            return;
        }
    }
}

} // namespace opendo::ui
