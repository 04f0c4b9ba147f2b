#include "peer/SwarmKeyProof.h"

#include "content/Sha.h"
#include "peer/ExtensionHandshake.h"

#include <QRandomGenerator>
#include <openssl/crypto.h>

namespace opendo::peer {

namespace {

constexpr char kProofLabel[] = "opendo-swarm-proof-1";

} // namespace

QByteArray makeSwarmNonce()
{
    QByteArray nonce(kSwarmNonceSize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(nonce.data()),
                                          kSwarmNonceSize / qsizetype(sizeof(quint32)));
    return nonce;
}

QByteArray swarmProof(QByteArrayView key, QByteArrayView infoHash, bool senderInitiated,
                      QByteArrayView senderNonce, QByteArrayView receiverNonce)
{
    QByteArray message(kProofLabel);
    message.append(infoHash);
    message.append(senderInitiated ? 'I' : 'R');
    message.append(senderNonce);
    message.append(receiverNonce);
    return content::hmacSha256(key, message); // empty on failure: verification fails closed
}

bool verifySwarmProof(QByteArrayView key, QByteArrayView infoHash, bool weInitiated,
                      QByteArrayView ourNonce, QByteArrayView theirNonce, QByteArrayView proof)
{
    if (key.isEmpty() || proof.size() != kSwarmProofSize || ourNonce.size() != kSwarmNonceSize ||
        theirNonce.size() != kSwarmNonceSize)
        return false;
    const QByteArray expected = swarmProof(key, infoHash, !weInitiated, theirNonce, ourNonce);
    return expected.size() == kSwarmProofSize &&
           CRYPTO_memcmp(expected.constData(), proof.data(), size_t(kSwarmProofSize)) == 0;
}

} // namespace opendo::peer
