#include "transfer/SwarmMembership.h"

#include "peer/ExtensionHandshake.h"
#include "peer/PeerConnection.h"
#include "peer/SwarmKeyProof.h"

#include <QCoreApplication>

namespace opendo::transfer {

using peer::PeerConnection;

namespace {

// Every string of this file in one translation context: lupdate files an unqualified tr()
// under whatever class or namespace surrounds the call.
struct SwarmMembershipText
{
    Q_DECLARE_TR_FUNCTIONS(opendo::transfer)
};

} // namespace

bool SwarmMembership::configure(bool required, const QByteArray& key)
{
    if (required == m_required && key == m_key)
        return false;
    m_required = required;
    m_key = key;
    refresh();
    return true;
}

void SwarmMembership::add(PeerConnection* connection)
{
    State& state = m_states[connection];
    state.since.start();
}

void SwarmMembership::remove(PeerConnection* connection)
{
    m_states.remove(connection);
}

SwarmMembership::Verdict SwarmMembership::onHandshake(PeerConnection* connection)
{
    const auto it = m_states.find(connection);
    if (it == m_states.end())
        return Verdict::Refused;
    it->handshakeSeen = true;
    sendProof(connection, *it);
    judge(connection, *it);
    return verdict(connection);
}

SwarmMembership::Verdict SwarmMembership::onProof(PeerConnection* connection,
                                                  const QByteArray& proof)
{
    const auto it = m_states.find(connection);
    if (it == m_states.end())
        return Verdict::Refused;
    // One proof per connection: a second one would let a peer try keys until one fits.
    if (!it->receivedProof.isEmpty()) {
        it->refusal = SwarmMembershipText::tr("sent a second swarm-key proof");
        return Verdict::Refused;
    }
    if (it->receivedProof.isEmpty())
        it->receivedProof = proof;
    judge(connection, *it);
    return verdict(connection);
}

void SwarmMembership::refresh()
{
    for (auto it = m_states.begin(); it != m_states.end(); ++it) {
        if (it->handshakeSeen) {
            sendProof(it.key(), *it);
            judge(it.key(), *it);
        }
    }
}

void SwarmMembership::sendProof(PeerConnection* connection, State& state)
{
    if (state.proofSent || m_key.isEmpty() || !connection->isReady())
        return;
    const QByteArray& theirNonce = connection->remoteExtensions().swarmNonce;
    if (theirNonce.size() != peer::kSwarmNonceSize ||
        !connection->remoteExtensions().idOf(peer::kSwarmKeyExtensionName))
        return;
    const bool weInitiated = connection->direction() == PeerConnection::Direction::Outgoing;
    const QByteArray proof =
        peer::swarmProof(m_key, m_infoHash, weInitiated, connection->localNonce(), theirNonce);
    state.proofSent = connection->sendExtended(peer::kSwarmKeyExtensionName, proof);
}

void SwarmMembership::judge(PeerConnection* connection, State& state)
{
    // A refusal is final: a stored proof that verifies later does not undo it.
    if (state.proven || !state.refusal.isEmpty() || state.receivedProof.isEmpty() ||
        m_key.isEmpty())
        return;
    const bool weInitiated = connection->direction() == PeerConnection::Direction::Outgoing;
    if (peer::verifySwarmProof(m_key, m_infoHash, weInitiated, connection->localNonce(),
                               connection->remoteExtensions().swarmNonce, state.receivedProof))
        state.proven = true;
    else
        state.refusal = SwarmMembershipText::tr(
            "its swarm-key proof is wrong (another LAN or group, or a stale key)");
}

SwarmMembership::Verdict SwarmMembership::verdict(PeerConnection* connection) const
{
    const auto it = m_states.constFind(connection);
    if (it == m_states.cend())
        return Verdict::Refused;
    // Without a requirement (mode 3) nobody is turned away, not even for a wrong proof.
    if (!m_required)
        return Verdict::Member;
    if (!it->refusal.isEmpty())
        return Verdict::Refused;
    if (it->proven)
        return Verdict::Member;
    if (it->handshakeSeen) {
        if (!connection->extensionProtocol() ||
            !connection->remoteExtensions().idOf(peer::kSwarmKeyExtensionName) ||
            connection->remoteExtensions().swarmNonce.isEmpty())
            return Verdict::Refused;
    }
    return Verdict::Pending;
}

QList<PeerConnection*> SwarmMembership::overdue(qint64 graceMs) const
{
    QList<PeerConnection*> out;
    if (!m_required)
        return out;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it) {
        if (!it->proven && it->since.elapsed() > graceMs)
            out.append(it.key());
    }
    return out;
}

QString SwarmMembership::refusalReason(PeerConnection* connection) const
{
    const auto it = m_states.constFind(connection);
    if (it != m_states.cend() && !it->refusal.isEmpty())
        return it->refusal;
    if (it != m_states.cend() && it->handshakeSeen &&
        (!connection->extensionProtocol() ||
         !connection->remoteExtensions().idOf(peer::kSwarmKeyExtensionName)))
        return SwarmMembershipText::tr(
            "it cannot prove membership of this LAN or group swarm (no OpenDO swarm-key "
            "support; standard BitTorrent peers are accepted in download mode 3 only)");
    return SwarmMembershipText::tr(
        "it did not prove membership of this LAN or group swarm in time");
}

} // namespace opendo::transfer
