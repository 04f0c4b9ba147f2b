#include "transfer/JobRecord.h"

#include "content/Sha.h"

#include <QUrl>

namespace opendo::transfer {

QString contentIdForUrl(const QUrl& url)
{
    const QByteArray digest = content::sha256(url.toString(QUrl::FullyEncoded).toUtf8());
    return QStringLiteral("url-") + QString::fromLatin1(digest.left(20).toHex());
}

} // namespace opendo::transfer
