// Metainfo::parse: the validation of untrusted .torrent bytes, kept apart from the accessors.

#include "content/Bencode.h"
#include "content/Merkle.h"
#include "content/Metainfo.h"
#include "content/Sha.h"

#include <QCoreApplication>
#include <QStringDecoder>

namespace opendo::content {
namespace {

QString quoted(QByteArrayView key)
{
    return QLatin1Char('"') + QString::fromUtf8(key) + QLatin1Char('"');
}

bool decodeUtf8(const QByteArray& bytes, QString& out)
{
    QStringDecoder decoder(QStringConverter::Utf8);
    out = decoder.decode(bytes);
    return !decoder.hasError();
}

} // namespace

class MetainfoParser
{
public:
    explicit MetainfoParser(QByteArrayView torrent) : m_torrent(torrent) {}

    MetainfoParseResult run()
    {
        MetainfoParseResult result;
        if (parse())
            result.metainfo = std::move(m);
        else
            result.error =
                QCoreApplication::translate("opendo::content", "Invalid metainfo: %1").arg(m_error);
        return result;
    }

private:
    bool fail(const QString& what)
    {
        m_error = what;
        return false;
    }

    // Looks up a key that must be present with the given type; `where` names the dictionary.
    const BencodeValue* require(const BencodeValue& dict, QByteArrayView key,
                                BencodeValue::Type type, const QString& where)
    {
        const BencodeValue* value = dict.find(key);
        if (!value) {
            fail(QCoreApplication::translate("opendo::content", "%1 has no %2")
                     .arg(where, quoted(key)));
            return nullptr;
        }
        return checkType(value, key, type, where);
    }

    const BencodeValue* checkType(const BencodeValue* value, QByteArrayView key,
                                  BencodeValue::Type type, const QString& where)
    {
        if (value->type() == type)
            return value;
        QString expected;
        switch (type) {
        case BencodeValue::Type::Integer:
            expected = QCoreApplication::translate("opendo::content", "an integer");
            break;
        case BencodeValue::Type::String:
            expected = QCoreApplication::translate("opendo::content", "a byte string");
            break;
        case BencodeValue::Type::List:
            expected = QCoreApplication::translate("opendo::content", "a list");
            break;
        case BencodeValue::Type::Dict:
            expected = QCoreApplication::translate("opendo::content", "a dictionary");
            break;
        }
        fail(QCoreApplication::translate("opendo::content", "%1 in %2 is not %3")
                 .arg(quoted(key), where, expected));
        return nullptr;
    }

    bool checkFileSize(qint64 size, const QString& where)
    {
        if (size < 0 || size >= Metainfo::kMaxFileSize)
            return fail(
                QCoreApplication::translate(
                    "opendo::content", "the file length %1 in %2 is outside 0 to 2^50 - 1 bytes")
                    .arg(size)
                    .arg(where));
        return true;
    }

    bool parse()
    {
        if (m_torrent.size() > Metainfo::kMaxMetainfoSize)
            return fail(QCoreApplication::translate("opendo::content",
                                                    "%1 bytes is larger than the %2 bytes allowed")
                            .arg(m_torrent.size())
                            .arg(Metainfo::kMaxMetainfoSize));
        const BencodeDecodeResult decoded = decodeBencode(m_torrent);
        if (!decoded.ok)
            return fail(decoded.error);
        const BencodeValue& top = decoded.value;
        if (!top.isDict())
            return fail(QCoreApplication::translate("opendo::content",
                                                    "the top level is not a dictionary"));
        const QString topWhere = QCoreApplication::translate("opendo::content", "the metainfo");
        const BencodeValue* info = require(top, "info", BencodeValue::Type::Dict, topWhere);
        const std::optional<BencodeSpan> span = decoded.spanOf("info");
        if (!info || !span)
            return false;
        m.m_infoBytes = m_torrent.sliced(span->offset, span->length).toByteArray();

        if (!parseInfo(*info) || (m_hasV2 && !parseV2(*info, top)) || !parseWebSeeds(top) ||
            !parseAnnounce(top))
            return false;
        if (m_hasV1)
            m.m_v1InfoHash = sha1(m.m_infoBytes);
        if (m_hasV2)
            m.m_v2InfoHash = sha256(m.m_infoBytes);
        const bool hashed = (!m_hasV1 || m.m_v1InfoHash.size() == 20) &&
                            (!m_hasV2 || m.m_v2InfoHash.size() == merkle::kHashSize);
        if (!hashed)
            return fail(QCoreApplication::translate("opendo::content", "hashing failed"));
        return true;
    }

    bool parseInfo(const BencodeValue& info)
    {
        const QString where = QCoreApplication::translate("opendo::content", "the info dictionary");
        if (info.find("files"))
            return fail(QCoreApplication::translate(
                "opendo::content",
                "it describes several files (\"files\"); only single-file content is supported"));
        if (const BencodeValue* version = info.find("meta version")) {
            if (!checkType(version, "meta version", BencodeValue::Type::Integer, where))
                return false;
            if (version->toInteger() != 2)
                return fail(QCoreApplication::translate("opendo::content",
                                                        "unsupported \"meta version\" %1")
                                .arg(version->toInteger()));
            m_hasV2 = true;
        }
        m_hasV1 = info.find("pieces") != nullptr;
        if (!m_hasV1 && !m_hasV2)
            return fail(QCoreApplication::translate(
                "opendo::content", "the info dictionary has neither \"pieces\" (v1) nor "
                                   "\"meta version\" 2 (v2)"));

        const BencodeValue* name = require(info, "name", BencodeValue::Type::String, where);
        if (!name)
            return false;
        if (!decodeUtf8(name->toBytes(), m.m_name))
            return fail(QCoreApplication::translate("opendo::content", "the name is not UTF-8"));
        if (const QString error = Metainfo::checkName(m.m_name); !error.isEmpty())
            return fail(error);

        const BencodeValue* pieceLength =
            require(info, "piece length", BencodeValue::Type::Integer, where);
        if (!pieceLength)
            return false;
        m.m_pieceLength = pieceLength->toInteger();
        if (const QString error = Metainfo::checkPieceLength(m.m_pieceLength); !error.isEmpty())
            return fail(error);

        if (m_hasV1 && !parseV1(info, where))
            return false;
        return true;
    }

    bool parseV1(const BencodeValue& info, const QString& where)
    {
        const BencodeValue* length = require(info, "length", BencodeValue::Type::Integer, where);
        const BencodeValue* pieces =
            length ? require(info, "pieces", BencodeValue::Type::String, where) : nullptr;
        if (!pieces || !checkFileSize(length->toInteger(), where))
            return false;
        m.m_fileSize = length->toInteger();
        const qint64 count = (m.m_fileSize + m.m_pieceLength - 1) / m.m_pieceLength;
        if (pieces->toBytes().size() != count * 20)
            return fail(QCoreApplication::translate(
                            "opendo::content",
                            "\"pieces\" holds %1 bytes, but a %2-byte file in %3-byte pieces has "
                            "%4 pieces and needs %5 (20 per piece)")
                            .arg(pieces->toBytes().size())
                            .arg(m.m_fileSize)
                            .arg(m.m_pieceLength)
                            .arg(count)
                            .arg(count * 20));
        m.m_pieceCount = int(count); // bounded by the input size
        m.m_v1Pieces = pieces->toBytes();
        return true;
    }

    bool parseV2(const BencodeValue& info, const BencodeValue& top)
    {
        const QString infoWhere =
            QCoreApplication::translate("opendo::content", "the info dictionary");
        const BencodeValue* tree = require(info, "file tree", BencodeValue::Type::Dict, infoWhere);
        if (!tree)
            return false;
        if (tree->toDict().empty())
            return fail(QCoreApplication::translate("opendo::content", "the file tree is empty"));
        const BencodeValue::Entry& entry = tree->toDict().front();
        const BencodeValue* file = entry.value.find("");
        if (tree->toDict().size() != 1 || !entry.value.isDict() || !file ||
            entry.value.toDict().size() != 1)
            return fail(QCoreApplication::translate(
                "opendo::content",
                "the file tree holds several files or a directory; only single-file content is "
                "supported"));
        QString treeName;
        if (!decodeUtf8(entry.key, treeName) || treeName != m.m_name)
            return fail(QCoreApplication::translate(
                            "opendo::content",
                            "the file tree names the file %1 but the info dictionary names it %2")
                            .arg(quoted(entry.key), quoted(m.m_name.toUtf8())));

        const QString where = QCoreApplication::translate("opendo::content", "the file tree entry");
        if (!checkType(file, "", BencodeValue::Type::Dict, where))
            return false;
        const BencodeValue* length = require(*file, "length", BencodeValue::Type::Integer, where);
        if (!length || !checkFileSize(length->toInteger(), where))
            return false;
        if (m_hasV1 && length->toInteger() != m.m_fileSize)
            return fail(
                QCoreApplication::translate(
                    "opendo::content", "the v1 length %1 and the v2 file tree length %2 disagree")
                    .arg(m.m_fileSize)
                    .arg(length->toInteger()));
        m.m_fileSize = length->toInteger();
        const qint64 count = (m.m_fileSize + m.m_pieceLength - 1) / m.m_pieceLength;
        if (m.m_fileSize == 0)
            return true; // BEP 52: an empty file has no pieces root and no pieces

        const BencodeValue* root = require(*file, "pieces root", BencodeValue::Type::String, where);
        if (!root)
            return false;
        if (root->toBytes().size() != merkle::kHashSize)
            return fail(QCoreApplication::translate("opendo::content",
                                                    "\"pieces root\" is %1 bytes instead of 32")
                            .arg(root->toBytes().size()));
        m.m_piecesRoot = root->toBytes();
        if (count == 1) {
            m.m_pieceCount = 1;
            return true; // no piece layer: the root is the piece hash
        }

        const BencodeValue* layers =
            require(top, "piece layers", BencodeValue::Type::Dict,
                    QCoreApplication::translate("opendo::content", "the metainfo"));
        if (!layers)
            return false;
        const BencodeValue* layer = layers->find(m.m_piecesRoot);
        if (!layer || !layer->isString())
            return fail(QCoreApplication::translate(
                "opendo::content", "\"piece layers\" has no entry for the file's pieces root"));
        if (layer->toBytes().size() != count * merkle::kHashSize)
            return fail(QCoreApplication::translate(
                            "opendo::content",
                            "the piece layer holds %1 bytes, but %2 pieces need %3 (32 per piece)")
                            .arg(layer->toBytes().size())
                            .arg(count)
                            .arg(count * merkle::kHashSize));
        if (merkle::rootFromPieceLayer(layer->toBytes(), m.m_pieceLength) != m.m_piecesRoot)
            return fail(QCoreApplication::translate(
                "opendo::content", "the piece layer does not hash to the file's pieces root"));
        m.m_pieceCount = int(count); // bounded by the input size
        m.m_pieceLayer = layer->toBytes();
        return true;
    }

    bool parseWebSeeds(const BencodeValue& top)
    {
        const BencodeValue* list = top.find("url-list");
        if (!list)
            return true;
        QList<QByteArray> urls;
        if (list->isString()) {
            urls.append(list->toBytes());
        } else if (list->isList()) {
            for (const BencodeValue& item : list->toList()) {
                if (!item.isString())
                    return fail(QCoreApplication::translate(
                        "opendo::content", "\"url-list\" contains something other than a URL"));
                urls.append(item.toBytes());
            }
        } else {
            return fail(QCoreApplication::translate(
                "opendo::content", "\"url-list\" is neither a URL nor a list of URLs"));
        }
        for (const QByteArray& bytes : std::as_const(urls)) {
            if (bytes.isEmpty())
                continue; // some tools write an empty url-list to mean none
            const QUrl url = parseUrl(bytes, false);
            if (!url.isValid())
                return false;
            if (const QString error = Metainfo::checkWebSeed(url); !error.isEmpty())
                return fail(error);
            m.m_webSeeds.append(url);
        }
        return true;
    }

    // An invalid QUrl forgets its text, so the message quotes the bytes themselves.
    QUrl parseUrl(const QByteArray& bytes, bool announce)
    {
        const QUrl url(QString::fromUtf8(bytes), QUrl::StrictMode);
        const QString text = QString::fromUtf8(bytes.left(200));
        if (!url.isValid())
            fail(announce ? QCoreApplication::translate(
                                "opendo::content", "the announce URL \"%1\" is not a valid URL")
                                .arg(text)
                          : QCoreApplication::translate("opendo::content",
                                                        "the web seed \"%1\" is not a valid URL")
                                .arg(text));
        return url;
    }

    bool parseAnnounce(const BencodeValue& top)
    {
        const BencodeValue* announce = top.find("announce");
        if (!announce)
            return true;
        if (!checkType(announce, "announce", BencodeValue::Type::String,
                       QCoreApplication::translate("opendo::content", "the metainfo")))
            return false;
        if (announce->toBytes().isEmpty())
            return true;
        const QUrl url = parseUrl(announce->toBytes(), true);
        if (!url.isValid())
            return false;
        if (const QString error = Metainfo::checkAnnounce(url); !error.isEmpty())
            return fail(error);
        m.m_announce = url;
        return true;
    }

    QByteArrayView m_torrent;
    Metainfo m;
    QString m_error;
    bool m_hasV1 = false;
    bool m_hasV2 = false;
};

MetainfoParseResult Metainfo::parse(QByteArrayView torrent)
{
    return MetainfoParser(torrent).run();
}

} // namespace opendo::content
