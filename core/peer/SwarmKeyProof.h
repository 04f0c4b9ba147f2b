#pragma once

// Proving membership of a LAN or Group swarm without revealing its key. Each side sends a
// fresh random challenge (nonce) in its BEP 10 handshake; each then sends, in the
// "opendo_swarm_key" extension message, an HMAC over both challenges under the swarm key.
// The proof also covers the content and which side opened the TCP connection, so a proof a
// victim computes on one connection can never be replayed or reflected onto another: an
// attacker that opens two connections to the same agent receives only "responder" proofs,
// while it would have to present an "initiator" one.

#include <QByteArray>
#include <QByteArrayView>

namespace opendo::peer {

inline constexpr qsizetype kSwarmProofSize = 32; // HMAC-SHA256

QByteArray makeSwarmNonce(); // kSwarmNonceSize random bytes from the OS

// HMAC-SHA256(key, "opendo-swarm-proof-1" || infoHash || role || senderNonce || receiverNonce),
// role 'I' when the sender initiated the connection, else 'R'.
QByteArray swarmProof(QByteArrayView key, QByteArrayView infoHash, bool senderInitiated,
                      QByteArrayView senderNonce, QByteArrayView receiverNonce);

// Constant-time check of a proof a peer sent us on a connection where we initiated
// (`weInitiated`) or not.
bool verifySwarmProof(QByteArrayView key, QByteArrayView infoHash, bool weInitiated,
                      QByteArrayView ourNonce, QByteArrayView theirNonce, QByteArrayView proof);

} // namespace opendo::peer
