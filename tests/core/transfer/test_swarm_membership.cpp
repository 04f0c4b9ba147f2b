// SwarmMembership over real PeerConnection pairs on loopback: each side proves possession of
// the swarm key to the other with the challenges of the BEP 10 handshake; matching keys make
// both sides members, a wrong key, a missing extension or a second proof are refused, a key
// that arrives late completes the exchange then, and unproven peers become overdue.
// The wiring to the connections is the one Swarm uses.

#include "core/peer/PeerWireHarness.h"
#include "peer/SwarmKeyProof.h"
#include "transfer/SwarmMembership.h"

#include <memory>

using namespace opendo::peer;
using namespace opendo::test::peerwire;
using opendo::transfer::SwarmMembership;
using Verdict = SwarmMembership::Verdict;

namespace opendo::transfer {
// Readable QCOMPARE failures.
char* toString(SwarmMembership::Verdict verdict)
{
    switch (verdict) {
    case SwarmMembership::Verdict::Member:
        return qstrdup("Member");
    case SwarmMembership::Verdict::Pending:
        return qstrdup("Pending");
    case SwarmMembership::Verdict::Refused:
        return qstrdup("Refused");
    }
    return qstrdup("?");
}
} // namespace opendo::transfer

namespace {

const QByteArray kKey(32, '\x42');
const QByteArray kOtherKey(32, '\x43');

LocalIdentity withoutSwarmExtension(const QByteArray& prefix, const QString& client)
{
    LocalIdentity id = identity(prefix, client);
    id.extensions.clear();
    id.extensions[QByteArray("ut_other")] = 5; // still speaks BEP 10, just not our extension
    return id;
}

// One end of a connection with the membership bookkeeping its swarm would keep.
struct Side
{
    SwarmMembership membership{kInfoHash};
    QPointer<PeerConnection> connection;
    QList<Verdict> verdicts;  // every verdict the swarm would act on, in order
    QList<QByteArray> proofs; // proofs received

    void attach(PeerConnection* c)
    {
        connection = c;
        membership.add(c);
        QObject::connect(c, &PeerConnection::extensionHandshakeReceived, c,
                         [this] { verdicts << membership.onHandshake(connection); });
        QObject::connect(c, &PeerConnection::extendedMessageReceived, c,
                         [this](const QByteArray& name, const QByteArray& payload) {
                             if (name != kSwarmKeyExtensionName)
                                 return;
                             proofs << payload;
                             verdicts << membership.onProof(connection, payload);
                         });
        // Without the extension protocol no extended handshake follows: judge at ready().
        QObject::connect(c, &PeerConnection::ready, c, [this] {
            if (!connection->extensionProtocol())
                verdicts << membership.onHandshake(connection);
        });
    }
    Verdict verdict() const { return membership.verdict(connection); }
    QString reason() const { return membership.refusalReason(connection); }
};

// `a` dials `b`; both keep their own SwarmMembership, configured before connecting.
struct MembershipPair
{
    QTcpServer server;
    Side a;
    Side b;

    ~MembershipPair()
    {
        delete a.connection.data();
        delete b.connection.data();
    }

    bool open(const LocalIdentity& aId = identity("-OD0100-A", QStringLiteral("OpenDO A")),
              const LocalIdentity& bId = identity("-OD0100-B", QStringLiteral("OpenDO B")))
    {
        if (!server.listen(QHostAddress::LocalHost))
            return false;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this, bId] {
            auto* in = new PeerConnection(server.nextPendingConnection(), bId, quickSettings());
            b.attach(in);
            QObject::connect(in, &PeerConnection::handshakeReceived, in,
                             [in] { in->acceptIncoming(geometry()); });
        });
        a.attach(new PeerConnection(QHostAddress::LocalHost, server.serverPort(), {}, kInfoHash,
                                    geometry(), aId, quickSettings()));
        // Up to both extended handshakes.
        return QTest::qWaitFor(
            [&] {
                return a.connection && b.connection && a.connection->isReady() &&
                       b.connection->isReady() && !a.verdicts.isEmpty() && !b.verdicts.isEmpty();
            },
            kWait);
    }
};

} // namespace

class SwarmMembershipTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sameKeyMakesBothMembers();
    void differentKeysAreRefused();
    void peerWithoutTheExtension();
    void peerWithoutExtensionProtocol();
    void keyArrivingLater();
    void secondProofIsRefused();
    void secondProofAfterAWrongOne();
    void overdueAfterGrace();
    void unknownConnection();
};

void SwarmMembershipTest::sameKeyMakesBothMembers()
{
    MembershipPair p;
    p.a.membership.configure(true, kKey);
    p.b.membership.configure(true, kKey);
    QVERIFY(p.open());
    QTRY_COMPARE_WITH_TIMEOUT(p.a.verdict(), Verdict::Member, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(p.b.verdict(), Verdict::Member, kWait);
    QVERIFY(p.a.membership.isMember(p.a.connection));
    QVERIFY(p.b.membership.isMember(p.b.connection));
    // Exactly one proof each way, 32 bytes, and each verifies as the sender's role.
    QCOMPARE(p.a.proofs.size(), 1);
    QCOMPARE(p.b.proofs.size(), 1);
    QCOMPARE(p.b.proofs.at(0).size(), kSwarmProofSize);
    QCOMPARE(p.b.proofs.at(0), swarmProof(kKey, kInfoHash, true, p.a.connection->localNonce(),
                                          p.b.connection->localNonce()));
    QCOMPARE(p.a.proofs.at(0), swarmProof(kKey, kInfoHash, false, p.b.connection->localNonce(),
                                          p.a.connection->localNonce()));
    // The challenges went through the handshake unchanged.
    QCOMPARE(p.a.connection->remoteExtensions().swarmNonce, p.b.connection->localNonce());
    QCOMPARE(p.b.connection->remoteExtensions().swarmNonce, p.a.connection->localNonce());
    QVERIFY(p.a.connection->localNonce() != p.b.connection->localNonce());
    // Verdicts: Pending at the handshake (nothing proven yet), Member on the proof.
    QCOMPARE(p.b.verdicts, (QList<Verdict>{Verdict::Pending, Verdict::Member}));
    QCOMPARE(p.a.verdicts, (QList<Verdict>{Verdict::Pending, Verdict::Member}));
    QVERIFY(p.a.membership.overdue(0).isEmpty());
    QVERIFY(p.b.membership.overdue(0).isEmpty());
    QVERIFY(!p.a.connection->isClosed());
}

void SwarmMembershipTest::differentKeysAreRefused()
{
    MembershipPair p;
    p.a.membership.configure(true, kKey);
    p.b.membership.configure(true, kOtherKey);
    QVERIFY(p.open());
    QTRY_COMPARE_WITH_TIMEOUT(p.a.verdict(), Verdict::Refused, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(p.b.verdict(), Verdict::Refused, kWait);
    QCOMPARE(p.a.verdicts.last(), Verdict::Refused);
    QCOMPARE(p.b.verdicts.last(), Verdict::Refused);
    QVERIFY2(p.a.reason().contains("swarm-key proof is wrong"), qPrintable(p.a.reason()));
    QVERIFY2(p.b.reason().contains("swarm-key proof is wrong"), qPrintable(p.b.reason()));
    // In mode 3 (not required) the same wrong proof does not matter.
    p.b.membership.configure(false, kOtherKey);
    QCOMPARE(p.b.verdict(), Verdict::Member);
    QVERIFY(p.b.membership.overdue(0).isEmpty());
}

void SwarmMembershipTest::peerWithoutTheExtension()
{
    // Required: a BEP 10 peer without "opendo_swarm_key" (a standard client) is refused at its
    // extended handshake.
    // (a itself stays unconfigured, as a standard client would send no proof either.)
    {
        MembershipPair p;
        p.b.membership.configure(true, kKey);
        QVERIFY(p.open(withoutSwarmExtension("-XX0100-A", QStringLiteral("Other A"))));
        QCOMPARE(p.b.verdicts.first(), Verdict::Refused);
        QCOMPARE(p.b.verdict(), Verdict::Refused);
        QVERIFY2(p.b.reason().contains("no OpenDO swarm-key support"), qPrintable(p.b.reason()));
        QVERIFY(p.b.connection->remoteExtensions().swarmNonce.isEmpty());
        QVERIFY(!p.b.connection->remoteExtensions().idOf(kSwarmKeyExtensionName));
        // b never sends a proof to a peer that cannot take it.
        QVERIFY(p.a.proofs.isEmpty());
    }
    // Not required (mode 3): the same peer is a member.
    {
        MembershipPair p;
        p.b.membership.configure(false, kKey);
        QVERIFY(p.open(withoutSwarmExtension("-XX0100-A", QStringLiteral("Other A"))));
        QCOMPARE(p.b.verdicts.first(), Verdict::Member);
        QCOMPARE(p.b.verdict(), Verdict::Member);
        QVERIFY(p.b.membership.overdue(0).isEmpty());
    }
    // Not required and no key at all: also a member.
    {
        MembershipPair p;
        QVERIFY(p.open(withoutSwarmExtension("-XX0100-A", QStringLiteral("Other A"))));
        QCOMPARE(p.b.verdict(), Verdict::Member);
    }
}

void SwarmMembershipTest::peerWithoutExtensionProtocol()
{
    // A plain BEP 3 peer (no extension bit) never sends an extended handshake: judged at ready().
    Side side; // outlives the connection
    ToRaw t;
    side.membership.configure(true, kKey);
    QVERIFY(t.open());
    side.attach(t.connection);
    t.raw->sendHandshake(true, false);
    QTRY_COMPARE_WITH_TIMEOUT(side.verdicts.size(), 1, kWait);
    QCOMPARE(side.verdicts.first(), Verdict::Refused);
    QVERIFY(!t.connection->extensionProtocol());
    QVERIFY2(side.reason().contains("no OpenDO swarm-key support"), qPrintable(side.reason()));
    side.membership.configure(false, kKey);
    QCOMPARE(side.verdict(), Verdict::Member);
    side.membership.remove(t.connection);
}

void SwarmMembershipTest::keyArrivingLater()
{
    MembershipPair p;
    p.a.membership.configure(true, {});
    p.b.membership.configure(true, {});
    QVERIFY(p.open());
    // No key: nothing to prove with; both wait.
    QCOMPARE(p.a.verdicts, QList<Verdict>{Verdict::Pending});
    QCOMPARE(p.b.verdicts, QList<Verdict>{Verdict::Pending});
    QVERIFY(!p.a.membership.hasKey());

    // a's key arrives: a sends its proof now; b cannot judge it yet.
    QVERIFY(p.a.membership.configure(true, kKey));
    QVERIFY(!p.a.membership.configure(true, kKey)); // unchanged
    QTRY_COMPARE_WITH_TIMEOUT(p.b.proofs.size(), 1, kWait);
    QCOMPARE(p.b.verdicts.last(), Verdict::Pending);
    QCOMPARE(p.b.verdict(), Verdict::Pending);
    QCOMPARE(p.a.verdict(), Verdict::Pending);
    QVERIFY(p.a.proofs.isEmpty());

    // b's key arrives: b judges the stored proof and sends its own.
    QVERIFY(p.b.membership.configure(true, kKey));
    QCOMPARE(p.b.verdict(), Verdict::Member);
    QTRY_COMPARE_WITH_TIMEOUT(p.a.verdict(), Verdict::Member, kWait);
    QCOMPARE(p.a.proofs.size(), 1);
    QCOMPARE(p.b.proofs.size(), 1); // a did not send again
    QVERIFY(p.a.membership.overdue(0).isEmpty());
    QVERIFY(p.b.membership.overdue(0).isEmpty());
}

void SwarmMembershipTest::secondProofIsRefused()
{
    // b has no key yet, so a's proof is stored unjudged; a second one (trying another key)
    // must not replace it.
    MembershipPair p;
    p.a.membership.configure(true, kKey);
    p.b.membership.configure(true, {});
    QVERIFY(p.open());
    QTRY_COMPARE_WITH_TIMEOUT(p.b.proofs.size(), 1, kWait);
    QCOMPARE(p.b.verdict(), Verdict::Pending);
    const QByteArray forged = swarmProof(kOtherKey, kInfoHash, true, p.a.connection->localNonce(),
                                         p.b.connection->localNonce());
    QVERIFY(p.a.connection->sendExtended(kSwarmKeyExtensionName, forged));
    QTRY_COMPARE_WITH_TIMEOUT(p.b.proofs.size(), 2, kWait);
    QCOMPARE(p.b.verdicts.last(), Verdict::Refused);
    QCOMPARE(p.b.verdict(), Verdict::Refused);
    QCOMPARE(p.b.reason(), QString("sent a second swarm-key proof"));
    // The key arriving afterwards does not rescue it.
    p.b.membership.configure(true, kKey);
    QCOMPARE(p.b.verdict(), Verdict::Refused);
}

void SwarmMembershipTest::secondProofAfterAWrongOne()
{
    MembershipPair p;
    p.a.membership.configure(true, kOtherKey);
    p.b.membership.configure(true, kKey);
    QVERIFY(p.open());
    QTRY_COMPARE_WITH_TIMEOUT(p.b.verdict(), Verdict::Refused, kWait);
    // Even the right proof does not help once a wrong one was sent.
    const QByteArray right = swarmProof(kKey, kInfoHash, true, p.a.connection->localNonce(),
                                        p.b.connection->localNonce());
    QVERIFY(p.a.connection->sendExtended(kSwarmKeyExtensionName, right));
    QTRY_COMPARE_WITH_TIMEOUT(p.b.proofs.size(), 2, kWait);
    QCOMPARE(p.b.verdicts.last(), Verdict::Refused);
    QCOMPARE(p.b.verdict(), Verdict::Refused);
    QCOMPARE(p.b.reason(), QString("sent a second swarm-key proof"));
}

void SwarmMembershipTest::overdueAfterGrace()
{
    MembershipPair p;
    p.a.membership.configure(true, {});
    p.b.membership.configure(true, kKey);
    QVERIFY(p.open());
    // b holds the key but a cannot prove anything: a's connection at b stays Pending.
    QTRY_COMPARE_WITH_TIMEOUT(p.a.proofs.size(), 1, kWait);
    QCOMPARE(p.b.verdict(), Verdict::Pending);
    QVERIFY(p.b.membership.overdue(60'000).isEmpty()); // still within a long grace
    QTRY_COMPARE_WITH_TIMEOUT(p.b.membership.overdue(20).size(), 1, kWait);
    QCOMPARE(p.b.membership.overdue(20).first(), p.b.connection.data());
    QCOMPARE(p.b.reason(),
             QString("it did not prove membership of this LAN or group swarm in time"));
    QCOMPARE(p.a.membership.overdue(20).size(), 1); // a has b's proof but no key to judge it
    // Not required: nobody is overdue.
    p.b.membership.configure(false, kKey);
    QVERIFY(p.b.membership.overdue(0).isEmpty());
    p.b.membership.configure(true, kKey);
    QCOMPARE(p.b.membership.overdue(20).size(), 1);
    // Proven connections drop off the list.
    p.a.membership.configure(true, kKey);
    QTRY_VERIFY_WITH_TIMEOUT(p.b.membership.overdue(20).isEmpty(), kWait);
    QCOMPARE(p.a.verdict(), Verdict::Member);
    QVERIFY(p.a.membership.overdue(20).isEmpty());
    // Removed connections are forgotten.
    p.b.membership.remove(p.b.connection);
    QCOMPARE(p.b.verdict(), Verdict::Refused);
    QVERIFY(p.b.membership.overdue(0).isEmpty());
}

void SwarmMembershipTest::unknownConnection()
{
    SwarmMembership membership(kInfoHash);
    membership.configure(false, {});
    PeerConnection* stranger = nullptr;
    QCOMPARE(membership.verdict(stranger), Verdict::Refused);
    QCOMPARE(membership.onProof(stranger, QByteArray(32, 'x')), Verdict::Refused);
    QVERIFY(membership.overdue(0).isEmpty());
}

QTEST_GUILESS_MAIN(SwarmMembershipTest)
#include "test_swarm_membership.moc"
