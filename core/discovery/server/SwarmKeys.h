#pragma once

// The keys that make LAN and Group membership enforceable: the server derives one key per
// (content, scope) from a secret only it holds, hands it to members in their announce response,
// and agents prove possession to each other without revealing it (see peer/SwarmKeyProof.h).

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

namespace opendo::discovery {

class SwarmKeys
{
public:
    // secret: at least 32 bytes; persisted by the server so keys survive a restart.
    explicit SwarmKeys(QByteArray secret);
    static QByteArray generateSecret(); // 32 random bytes from the OS

    // HMAC-SHA256(secret, infoHash || 0x00 || scope); 32 bytes.
    QByteArray keyFor(QByteArrayView infoHash, const QString& scope) const;
    const QByteArray& secret() const { return m_secret; }

private:
    QByteArray m_secret;
};

// Scope names as they appear in responses and in key derivation.
QString lanScope(const QHostAddress& publicAddress);
QString groupScope(const QString& groupId);

} // namespace opendo::discovery
