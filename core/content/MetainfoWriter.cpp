#include "content/MetainfoWriter.h"

#include "content/Bencode.h"
#include "content/Metainfo.h"
#include "content/PieceHasher.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

namespace opendo::content {
namespace {

constexpr qint64 kMinAutoPieceLength = 256 * 1024;
constexpr qint64 kMaxAutoPieceLength = 16 * 1024 * 1024;
constexpr qint64 kTargetPieces = 2000;

MetainfoWriteResult failure(const QString& error)
{
    MetainfoWriteResult result;
    result.error = error;
    return result;
}

BencodeValue bytes(const QByteArray& value)
{
    return BencodeValue(value);
}

} // namespace

qint64 MetainfoWriter::choosePieceLength(qint64 fileSize)
{
    qint64 length = kMinAutoPieceLength;
    while (length < kMaxAutoPieceLength && fileSize > length * kTargetPieces)
        length *= 2;
    return length;
}

MetainfoWriteResult MetainfoWriter::create(const QString& filePath,
                                           const MetainfoWriterOptions& options)
{
    QFile file(filePath);
    if (!QFileInfo(filePath).isFile())
        return failure(QCoreApplication::translate("opendo::content", "%1 is not a regular file")
                           .arg(filePath));
    if (!file.open(QIODevice::ReadOnly))
        return failure(QCoreApplication::translate("opendo::content", "Cannot open %1: %2")
                           .arg(filePath, file.errorString()));
    const qint64 size = file.size();
    if (size == 0)
        return failure(
            QCoreApplication::translate(
                "opendo::content", "%1 is empty; BitTorrent clients refuse metainfo for zero bytes")
                .arg(filePath));
    if (size >= Metainfo::kMaxFileSize)
        return failure(QCoreApplication::translate("opendo::content",
                                                   "%1 is %2 bytes; files must be under 2^50")
                           .arg(filePath)
                           .arg(size));
    const QString name = options.name.isEmpty() ? QFileInfo(filePath).fileName() : options.name;
    if (const QString error = Metainfo::checkName(name); !error.isEmpty())
        return failure(QCoreApplication::translate("opendo::content", "Cannot name the content: %1")
                           .arg(error));
    const qint64 pieceLength =
        options.pieceLength > 0 ? options.pieceLength : choosePieceLength(size);
    if (const QString error = Metainfo::checkPieceLength(pieceLength); !error.isEmpty())
        return failure(error);
    if (!options.announce.isEmpty()) {
        if (const QString error = Metainfo::checkAnnounce(options.announce); !error.isEmpty())
            return failure(error);
    }
    for (const QUrl& seed : options.webSeeds) {
        if (const QString error = Metainfo::checkWebSeed(seed); !error.isEmpty())
            return failure(error);
    }

    PieceHasher hasher(size, pieceLength);
    QByteArray chunk(kReadChunk, Qt::Uninitialized);
    for (;;) {
        const qint64 got = file.read(chunk.data(), chunk.size());
        if (got < 0)
            return failure(QCoreApplication::translate("opendo::content", "Cannot read %1: %2")
                               .arg(filePath, file.errorString()));
        if (got == 0)
            break;
        hasher.addData(QByteArrayView(chunk.constData(), qsizetype(got)));
        if (hasher.bytesAdded() > size)
            break;
        if (options.progress && !options.progress(hasher.bytesAdded(), size))
            return failure(QCoreApplication::translate("opendo::content", "Cancelled"));
    }
    if (!hasher.finish())
        return failure(QCoreApplication::translate(
                           "opendo::content",
                           "%1 changed while it was being hashed (expected %2 bytes, read %3)")
                           .arg(filePath)
                           .arg(size)
                           .arg(hasher.bytesAdded()));

    const QByteArray encodedName = name.toUtf8();
    BencodeValue fileEntry = BencodeValue::dict();
    fileEntry.insert("length", BencodeValue(size));
    fileEntry.insert("pieces root", bytes(hasher.piecesRoot()));
    BencodeValue fileNode = BencodeValue::dict();
    fileNode.insert("", std::move(fileEntry));
    BencodeValue tree = BencodeValue::dict();
    tree.insert(encodedName, std::move(fileNode));

    BencodeValue info = BencodeValue::dict();
    info.insert("file tree", std::move(tree));
    info.insert("length", BencodeValue(size));
    info.insert("meta version", BencodeValue(qint64(2)));
    info.insert("name", bytes(encodedName));
    info.insert("piece length", BencodeValue(pieceLength));
    info.insert("pieces", bytes(hasher.v1Pieces()));

    BencodeValue top = BencodeValue::dict();
    if (!options.announce.isEmpty())
        top.insert("announce", bytes(options.announce.toEncoded()));
    top.insert("created by", bytes(QByteArrayLiteral("OpenDO")));
    top.insert("info", std::move(info));
    // BEP 52 omits the layer of a file that fits in one piece: its root is the piece hash.
    if (size > pieceLength) {
        BencodeValue layers = BencodeValue::dict();
        layers.insert(hasher.piecesRoot(), bytes(hasher.v2PieceLayer()));
        top.insert("piece layers", std::move(layers));
    }
    if (options.webSeeds.size() == 1) {
        top.insert("url-list", bytes(options.webSeeds.front().toEncoded()));
    } else if (!options.webSeeds.isEmpty()) {
        BencodeValue seeds = BencodeValue::list();
        for (const QUrl& seed : options.webSeeds)
            seeds.append(bytes(seed.toEncoded()));
        top.insert("url-list", std::move(seeds));
    }

    MetainfoWriteResult result;
    result.ok = true;
    result.torrent = encodeBencode(top);
    return result;
}

} // namespace opendo::content
