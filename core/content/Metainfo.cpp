#include "content/Metainfo.h"

#include "content/Merkle.h"
#include "content/Sha.h"

#include <QCoreApplication>
#include <QFile>

namespace opendo::content {

MetainfoParseResult Metainfo::load(const QString& path)
{
    MetainfoParseResult result;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = QCoreApplication::translate("opendo::content", "Cannot open %1: %2")
                           .arg(path, file.errorString());
        return result;
    }
    if (file.size() > kMaxMetainfoSize) {
        result.error =
            QCoreApplication::translate("opendo::content",
                                        "%1 is %2 bytes; metainfo files over %3 bytes are refused")
                .arg(path)
                .arg(file.size())
                .arg(kMaxMetainfoSize);
        return result;
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        result.error = QCoreApplication::translate("opendo::content", "Cannot read %1: %2")
                           .arg(path, file.errorString());
        return result;
    }
    result = parse(bytes);
    if (!result.ok())
        result.error = QStringLiteral("%1: %2").arg(path, result.error);
    return result;
}

QString Metainfo::checkName(const QString& name)
{
    if (name.isEmpty())
        return QCoreApplication::translate("opendo::content", "the name is empty");
    if (name.contains(QLatin1Char('/')) || name.contains(QLatin1Char('\\')))
        return QCoreApplication::translate("opendo::content",
                                           "the name \"%1\" contains a path separator")
            .arg(name.left(100));
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return QCoreApplication::translate("opendo::content",
                                           "the name \"%1\" refers to a directory, not a file")
            .arg(name);
    for (QChar c : name) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return QCoreApplication::translate("opendo::content",
                                               "the name contains control character 0x%1")
                .arg(c.unicode(), 2, 16, QLatin1Char('0'));
    }
    // File systems here store at most 255 bytes per name; a longer one could never be saved.
    if (name.toUtf8().size() > 255)
        return QCoreApplication::translate("opendo::content",
                                           "the name is %1 bytes long; at most 255 are allowed")
            .arg(name.toUtf8().size());
    return {};
}

QString Metainfo::checkPieceLength(qint64 pieceLength)
{
    if (!merkle::isPowerOfTwo(pieceLength) || pieceLength < kMinPieceLength ||
        pieceLength > kMaxPieceLength)
        return QCoreApplication::translate(
                   "opendo::content",
                   "the piece length %1 is not a power of two between %2 and %3 bytes")
            .arg(pieceLength)
            .arg(kMinPieceLength)
            .arg(kMaxPieceLength);
    return {};
}

QString Metainfo::checkWebSeed(const QUrl& url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QCoreApplication::translate("opendo::content",
                                           "the web seed \"%1\" is not an absolute URL")
            .arg(url.toString().left(200));
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return QCoreApplication::translate("opendo::content",
                                           "the web seed \"%1\" is not an http or https URL")
            .arg(url.toString().left(200));
    return {};
}

QString Metainfo::checkAnnounce(const QUrl& url)
{
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("http") && scheme != QLatin1String("https") &&
         scheme != QLatin1String("udp")))
        return QCoreApplication::translate(
                   "opendo::content", "the announce URL \"%1\" is not an http, https or udp URL")
            .arg(url.toString().left(200));
    return {};
}

qint64 Metainfo::pieceSize(int index) const
{
    if (index < 0 || index >= m_pieceCount)
        return 0;
    if (index < m_pieceCount - 1)
        return m_pieceLength;
    return m_fileSize - qint64(m_pieceCount - 1) * m_pieceLength;
}

QByteArray Metainfo::v1PieceHash(int index) const
{
    if (!hasV1() || index < 0 || index >= m_pieceCount)
        return {};
    return m_v1Pieces.mid(qsizetype(index) * 20, 20);
}

QByteArray Metainfo::v2PieceHash(int index) const
{
    if (!hasV2() || index < 0 || index >= m_pieceCount)
        return {};
    if (m_pieceCount == 1)
        return m_piecesRoot;
    return m_pieceLayer.mid(qsizetype(index) * merkle::kHashSize, merkle::kHashSize);
}

QString Metainfo::contentId() const
{
    return QString::fromLatin1((hasV1() ? m_v1InfoHash : m_v2InfoHash).toHex());
}

QUrl Metainfo::webSeedFileUrl(const QUrl& seed) const
{
    const QString path = seed.path(QUrl::FullyEncoded);
    if (!path.endsWith(QLatin1Char('/')))
        return seed;
    QUrl file = seed;
    file.setPath(path + QString::fromLatin1(QUrl::toPercentEncoding(m_name)), QUrl::TolerantMode);
    return file;
}

bool Metainfo::verifyPiece(int index, QByteArrayView data) const
{
    return hasV2() ? verifyPieceV2(index, data) : verifyPieceV1(index, data);
}

bool Metainfo::verifyPieceV1(int index, QByteArrayView data) const
{
    if (!hasV1() || index < 0 || index >= m_pieceCount || data.size() != pieceSize(index))
        return false;
    const QByteArray expected = v1PieceHash(index);
    return expected.size() == 20 && sha1(data) == expected;
}

bool Metainfo::verifyPieceV2(int index, QByteArrayView data) const
{
    if (!hasV2() || index < 0 || index >= m_pieceCount || data.size() != pieceSize(index))
        return false;
    const QByteArray expected = v2PieceHash(index);
    return expected.size() == merkle::kHashSize &&
           merkle::pieceHash(data, m_fileSize, m_pieceLength) == expected;
}

} // namespace opendo::content
