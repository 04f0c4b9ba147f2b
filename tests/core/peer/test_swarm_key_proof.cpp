// Swarm-key proofs (peer/SwarmKeyProof.h): a proof verifies only under the same key, content,
// role and challenges it was made for, so it can be neither forged without the key nor
// reflected or replayed onto another connection; and the challenge travels in the BEP 10
// handshake as "opendo_nonce", exactly kSwarmNonceSize bytes.

#include "peer/ExtensionHandshake.h"
#include "peer/SwarmKeyProof.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QSet>
#include <QTest>

using namespace opendo::peer;

namespace {

const QByteArray kKey = QByteArray(32, '\x11');
const QByteArray kOtherKey = QByteArray(32, '\x12');
const QByteArray kInfoHash = QByteArray(20, '\x5a');
const QByteArray kNonceA = QByteArray(kSwarmNonceSize, '\xa1'); // the initiator's challenge
const QByteArray kNonceB = QByteArray(kSwarmNonceSize, '\xb2'); // the responder's challenge

} // namespace

class SwarmKeyProofTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void proofIsTheDocumentedHmac();
    void bothDirectionsVerify();
    void wrongKeyFails();
    void reflectionFails();
    void swappedNoncesFail();
    void otherInfoHashFails();
    void malformedProofFails_data();
    void malformedProofFails();
    void emptyKeyFails();
    void wrongNonceSizesFail();
    void noncesAreFreshAndSized();
    void handshakeCarriesTheNonce();
    void handshakeRejectsBadNonce_data();
    void handshakeRejectsBadNonce();
};

void SwarmKeyProofTest::proofIsTheDocumentedHmac()
{
    // HMAC-SHA256(key, "opendo-swarm-proof-1" || infoHash || role || sender || receiver): the
    // wire format other implementations must reproduce.
    const QByteArray message =
        QByteArray("opendo-swarm-proof-1") + kInfoHash + 'I' + kNonceA + kNonceB;
    const QByteArray expected =
        QMessageAuthenticationCode::hash(message, kKey, QCryptographicHash::Sha256);
    const QByteArray proof = swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB);
    QCOMPARE(proof.size(), kSwarmProofSize);
    QCOMPARE(proof, expected);
    // Deterministic, and the role byte matters.
    QCOMPARE(swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB), proof);
    QVERIFY(swarmProof(kKey, kInfoHash, false, kNonceA, kNonceB) != proof);
}

void SwarmKeyProofTest::bothDirectionsVerify()
{
    // A (initiator, nonce A) and B (responder, nonce B) on one connection.
    const QByteArray fromA = swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB);
    const QByteArray fromB = swarmProof(kKey, kInfoHash, false, kNonceB, kNonceA);
    QVERIFY(fromA != fromB);
    // B checks A's proof: B did not initiate; B's nonce is ours, A's is theirs.
    QVERIFY(verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, fromA));
    // A checks B's proof.
    QVERIFY(verifySwarmProof(kKey, kInfoHash, true, kNonceA, kNonceB, fromB));
}

void SwarmKeyProofTest::wrongKeyFails()
{
    const QByteArray fromA = swarmProof(kOtherKey, kInfoHash, true, kNonceA, kNonceB);
    QCOMPARE(fromA.size(), kSwarmProofSize);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, fromA));
    // A key that differs in one bit only.
    QByteArray nearKey = kKey;
    nearKey[31] = char(nearKey[31] ^ 0x01);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA,
                              swarmProof(nearKey, kInfoHash, true, kNonceA, kNonceB)));
    // A proof with one bit flipped.
    QByteArray flipped = swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB);
    flipped[0] = char(flipped[0] ^ 0x80);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, flipped));
}

void SwarmKeyProofTest::reflectionFails()
{
    // An attacker without the key opens a connection to the victim (attacker = initiator) and
    // gets the victim's responder proof over (victim nonce, attacker nonce). Reflecting it onto
    // another connection where the victim is the responder again, with the same nonces, must
    // not work: the victim there expects an *initiator* proof from the attacker.
    const QByteArray victimNonce = kNonceB;
    const QByteArray attackerNonce = kNonceA;
    const QByteArray victimProof = swarmProof(kKey, kInfoHash, false, victimNonce, attackerNonce);
    // Sanity: the victim's proof is good where it was made (attacker side, weInitiated = true).
    QVERIFY(verifySwarmProof(kKey, kInfoHash, true, attackerNonce, victimNonce, victimProof));
    // Reflected: the victim verifies as the responder with the nonces of the other connection
    // (the attacker reuses the victim's challenge as its own).
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, victimNonce, victimNonce, victimProof));
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, attackerNonce, victimNonce, victimProof));
    // The exact reflection: same nonce pair, but the role the victim expects is 'I'.
    const QByteArray responderProof = swarmProof(kKey, kInfoHash, false, kNonceA, kNonceB);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, responderProof));
    // And an initiator proof where a responder one is expected.
    const QByteArray initiatorProof = swarmProof(kKey, kInfoHash, true, kNonceB, kNonceA);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, true, kNonceA, kNonceB, initiatorProof));
}

void SwarmKeyProofTest::swappedNoncesFail()
{
    const QByteArray fromA = swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB);
    QVERIFY(verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, fromA));
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceA, kNonceB, fromA));
    // A proof made with the nonces in the wrong order.
    const QByteArray swapped = swarmProof(kKey, kInfoHash, true, kNonceB, kNonceA);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, swapped));
    // A stale challenge (another connection's nonce) fails too.
    const QByteArray staleNonce(kSwarmNonceSize, '\xc3');
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, staleNonce, kNonceA, fromA));
}

void SwarmKeyProofTest::otherInfoHashFails()
{
    const QByteArray otherHash(20, '\x5b');
    const QByteArray fromA = swarmProof(kKey, otherHash, true, kNonceA, kNonceB);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, fromA));
    QVERIFY(verifySwarmProof(kKey, otherHash, false, kNonceB, kNonceA, fromA));
}

void SwarmKeyProofTest::malformedProofFails_data()
{
    QTest::addColumn<QByteArray>("proof");
    const QByteArray good = swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB);
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("truncated by one") << good.left(kSwarmProofSize - 1);
    QTest::addRow("half") << good.left(16);
    QTest::addRow("one byte too many") << good + '\0';
    QTest::addRow("twice") << good + good;
    QTest::addRow("zeros") << QByteArray(kSwarmProofSize, '\0');
}

void SwarmKeyProofTest::malformedProofFails()
{
    QFETCH(QByteArray, proof);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, proof));
}

void SwarmKeyProofTest::emptyKeyFails()
{
    // Without a key nothing is proven, even a proof "made" under the empty key.
    const QByteArray emptyKeyProof = swarmProof({}, kInfoHash, true, kNonceA, kNonceB);
    QVERIFY(!verifySwarmProof({}, kInfoHash, false, kNonceB, kNonceA, emptyKeyProof));
    QVERIFY(!verifySwarmProof(QByteArray(), kInfoHash, false, kNonceB, kNonceA,
                              swarmProof(kKey, kInfoHash, true, kNonceA, kNonceB)));
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, kNonceA, emptyKeyProof));
}

void SwarmKeyProofTest::wrongNonceSizesFail()
{
    // A peer that sent no challenge (or a short one) cannot be verified.
    const QByteArray shortNonce(kSwarmNonceSize - 1, '\xa1');
    const QByteArray proof = swarmProof(kKey, kInfoHash, true, shortNonce, kNonceB);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, shortNonce, proof));
    const QByteArray emptyProof = swarmProof(kKey, kInfoHash, true, {}, kNonceB);
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, kNonceB, {}, emptyProof));
    const QByteArray ourEmpty = swarmProof(kKey, kInfoHash, true, kNonceA, {});
    QVERIFY(!verifySwarmProof(kKey, kInfoHash, false, {}, kNonceA, ourEmpty));
}

void SwarmKeyProofTest::noncesAreFreshAndSized()
{
    QCOMPARE(kSwarmNonceSize, 16);
    QSet<QByteArray> seen;
    for (int i = 0; i < 64; ++i) {
        const QByteArray nonce = makeSwarmNonce();
        QCOMPARE(nonce.size(), kSwarmNonceSize);
        seen.insert(nonce);
    }
    QCOMPARE(seen.size(), 64);
    QVERIFY(!seen.contains(QByteArray(kSwarmNonceSize, '\0')));
}

void SwarmKeyProofTest::handshakeCarriesTheNonce()
{
    ExtensionHandshake h;
    h.messages[kSwarmKeyExtensionName] = 3;
    h.client = "OpenDO test";
    h.swarmNonce = makeSwarmNonce();
    const QByteArray encoded = encodeExtensionHandshake(h);
    QVERIFY(encoded.contains(QByteArray("12:opendo_nonce16:") + h.swarmNonce));
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(encoded);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.value.swarmNonce, h.swarmNonce);
    QCOMPARE(decoded.value, h);
    QCOMPARE(encodeExtensionHandshake(decoded.value), encoded);

    // Without a nonce the key is left out altogether.
    ExtensionHandshake none;
    none.messages[kSwarmKeyExtensionName] = 3;
    const QByteArray plain = encodeExtensionHandshake(none);
    QVERIFY(!plain.contains("opendo_nonce"));
    const ExtensionHandshakeResult plainDecoded = decodeExtensionHandshake(plain);
    QVERIFY(plainDecoded.ok);
    QVERIFY(plainDecoded.value.swarmNonce.isEmpty());
}

void SwarmKeyProofTest::handshakeRejectsBadNonce_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addRow("15 bytes") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_nonce15:") +
                                     QByteArray(15, 'n') + 'e';
    QTest::addRow("17 bytes") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_nonce17:") +
                                     QByteArray(17, 'n') + 'e';
    QTest::addRow("empty string") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_nonce0:e");
    QTest::addRow("integer") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_noncei7ee");
    QTest::addRow("list") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_nonceli1eee");
    QTest::addRow("dict") << QByteArray("d1:md16:opendo_swarm_keyi3ee12:opendo_noncedee");
}

void SwarmKeyProofTest::handshakeRejectsBadNonce()
{
    QFETCH(QByteArray, payload);
    const ExtensionHandshakeResult decoded = decodeExtensionHandshake(payload);
    QVERIFY(!decoded.ok);
    QVERIFY2(decoded.error.contains("\"opendo_nonce\" is not a 16-byte string"),
             qPrintable(decoded.error));
}

QTEST_GUILESS_MAIN(SwarmKeyProofTest)
#include "test_swarm_key_proof.moc"
