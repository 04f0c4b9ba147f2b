#include "discovery/server/SwarmKeys.h"

#include "content/Sha.h"

#include <QRandomGenerator>
#include <openssl/rand.h>

namespace opendo::discovery {

SwarmKeys::SwarmKeys(QByteArray secret) : m_secret(std::move(secret))
{
    Q_ASSERT(m_secret.size() >= 32);
}

QByteArray SwarmKeys::generateSecret()
{
    QByteArray secret(32, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), int(secret.size())) != 1) {
        // libcrypto's generator failing is no reason to refuse to start; the OS one is as good.
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(secret.data()),
                                              secret.size() / qsizetype(sizeof(quint32)));
    }
    return secret;
}

QByteArray SwarmKeys::keyFor(QByteArrayView infoHash, const QString& scope) const
{
    // The 0x00 separator keeps (hash, scope) pairs from colliding however long either part is:
    // info hashes never contain the scope's text, and scope names contain no NUL.
    QByteArray message;
    message.reserve(infoHash.size() + 1 + scope.size() * 3);
    message.append(infoHash);
    message.append('\0');
    message.append(scope.toUtf8());

    return content::hmacSha256(m_secret, message);
}

QString lanScope(const QHostAddress& publicAddress)
{
    return QStringLiteral("lan:") + publicAddress.toString();
}

QString groupScope(const QString& groupId)
{
    return QStringLiteral("group:") + groupId;
}

} // namespace opendo::discovery
