#pragma once

// Who in a swarm has proven membership of its LAN or Group scope (download modes 1 and 2). The
// discovery service hands members the swarm key; each connection exchanges proofs of it
// (peer/SwarmKeyProof.h). Until a peer has proven it, it gets no pieces and we take none from
// it; a peer that cannot prove it (a standard BitTorrent client, an agent of another group) is
// disconnected. In mode 3 nothing is required, but we still prove our own membership so that
// LAN-mode peers accept us.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace opendo::peer {
class PeerConnection;
}

namespace opendo::transfer {

class SwarmMembership
{
public:
    enum class Verdict
    {
        Member,  // proven, or nothing required
        Pending, // may still prove it
        Refused  // cannot or did not: disconnect (reason() says why)
    };

    explicit SwarmMembership(QByteArray infoHash = {}) : m_infoHash(std::move(infoHash)) {}

    // required: mode 1 or 2 under a discovery service; key: ours for this content's scope
    // (empty until discovery answered). Returns whether anything changed.
    bool configure(bool required, const QByteArray& key);
    bool required() const { return m_required; }
    bool hasKey() const { return !m_key.isEmpty(); }

    void add(peer::PeerConnection* connection);
    void remove(peer::PeerConnection* connection);

    // After the peer's extended handshake (or right after the wire handshake when the peer has
    // no extension protocol): sends our proof when we can, and judges what the peer offers.
    Verdict onHandshake(peer::PeerConnection* connection);
    Verdict onProof(peer::PeerConnection* connection, const QByteArray& proof);
    // Sends proofs not sent yet and re-judges stored ones, e.g. after the key arrived.
    void refresh();

    Verdict verdict(peer::PeerConnection* connection) const;
    bool isMember(peer::PeerConnection* connection) const
    {
        return verdict(connection) == Verdict::Member;
    }
    // Connections that have not proven membership within `graceMs` of joining.
    QList<peer::PeerConnection*> overdue(qint64 graceMs) const;
    QString refusalReason(peer::PeerConnection* connection) const;

private:
    struct State
    {
        QElapsedTimer since;
        bool handshakeSeen = false;
        bool proofSent = false;
        bool proven = false;
        QByteArray receivedProof;
        QString refusal;
    };
    void sendProof(peer::PeerConnection* connection, State& state);
    void judge(peer::PeerConnection* connection, State& state);

    QByteArray m_infoHash;
    bool m_required = false;
    QByteArray m_key;
    QHash<peer::PeerConnection*, State> m_states;
};

} // namespace opendo::transfer
