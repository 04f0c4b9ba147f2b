#include "peer/AllowedFastSet.h"

#include "content/Sha.h"
#include "peer/PlainAddress.h"

#include <QtEndian>

namespace opendo::peer {

QList<quint32> allowedFastSet(quint32 ipv4, const QByteArray& infoHash, quint32 pieceCount, int k)
{
    QList<quint32> set;
    const qsizetype wanted = qMin<qint64>(qMax(k, 0), pieceCount);
    if (wanted == 0)
        return set;
    // Only the /24 counts, so one user with several addresses of a subnet gets one set.
    QByteArray x(4, '\0');
    qToBigEndian(ipv4 & 0xFFFFFF00u, x.data());
    x.append(infoHash);
    while (set.size() < wanted) {
        x = content::sha1(x);
        if (x.size() != 20)
            return {}; // libcrypto failed: offer nothing rather than a wrong set
        for (int i = 0; i < 5 && set.size() < wanted; ++i) {
            const quint32 index = qFromBigEndian<quint32>(x.constData() + 4 * i) % pieceCount;
            if (!set.contains(index))
                set.append(index);
        }
    }
    return set;
}

QList<quint32> allowedFastSetFor(const QHostAddress& address, const QByteArray& infoHash,
                                 quint32 pieceCount, int k)
{
    const QHostAddress plain = plainAddress(address);
    if (plain.protocol() != QAbstractSocket::IPv4Protocol)
        return {};
    return allowedFastSet(plain.toIPv4Address(), infoHash, pieceCount, k);
}

} // namespace opendo::peer
