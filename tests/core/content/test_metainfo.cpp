// Metainfo written from real files and read back: every piece verifies, a flipped byte fails
// exactly its piece, and malformed or hostile metainfo is refused with an error that says why.

#include "content/Bencode.h"
#include "content/Metainfo.h"
#include "content/MetainfoWriter.h"
#include "core/content/ContentFixtures.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>
#include <functional>

using namespace opendo::content;
using opendo::test::randomContent;
using opendo::test::writeContent;

namespace {

const QUrl kSeed(QStringLiteral("http://127.0.0.1:8080/content/"));
const QUrl kAnnounce(QStringLiteral("http://127.0.0.1:8081/announce"));

BencodeValue& infoOf(BencodeValue& top)
{
    return *top.find("info");
}

BencodeValue& fileEntryOf(BencodeValue& top)
{
    BencodeValue& tree = *infoOf(top).find("file tree");
    return *tree.find(tree.toDict().front().key)->find("");
}

BencodeValue& pieceLayerOf(BencodeValue& top)
{
    BencodeValue& layers = *top.find("piece layers");
    return *layers.find(layers.toDict().front().key);
}

QByteArray str(const QByteArray& bytes)
{
    return bytes;
}

} // namespace

class MetainfoTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void createAndVerify_data();
    void createAndVerify();
    void outputIsDeterministicAndCanonical();
    void v1OnlyVerifiesWithSha1();
    void v2OnlyVerifiesWithSha256();
    void emptyFileHasNoPieces();
    void malformed_data();
    void malformed();
    void toleratedExtras();
    void loadFromDisk();
    void writerRefuses_data();
    void writerRefuses();
    void writerReportsProgressAndCancels();
    void choosesPieceLength();
    void webSeedFileUrl();

private:
    QByteArray mutated(const std::function<void(BencodeValue&)>& change) const;

    QTemporaryDir m_dir;
    QByteArray m_base;     // hybrid metainfo of a 5-piece file
    QByteArray m_baseData; // that file
};

void MetainfoTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_baseData = randomContent(4 * 262144 + 5, 99);
    const QString path = m_dir.filePath(QStringLiteral("base.bin"));
    QVERIFY(writeContent(path, m_baseData));
    MetainfoWriterOptions options;
    options.webSeeds = {kSeed};
    options.pieceLength = 262144;
    const MetainfoWriteResult written = MetainfoWriter::create(path, options);
    QVERIFY2(written.ok, qPrintable(written.error));
    m_base = written.torrent;
    QVERIFY(Metainfo::parse(m_base).ok());
    QVERIFY(writeContent(m_dir.filePath(QStringLiteral("empty.bin")), QByteArray()));
}

QByteArray MetainfoTest::mutated(const std::function<void(BencodeValue&)>& change) const
{
    BencodeValue top = decodeBencode(m_base).value;
    change(top);
    return encodeBencode(top);
}

void MetainfoTest::createAndVerify_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("pieceLength"); // 0: let the writer choose

    QTest::addRow("3 MiB + 12345, 256 KiB pieces") << qint64(3 * 1048576 + 12345) << qint64(262144);
    QTest::addRow("5 MiB + 777, automatic") << qint64(5 * 1048576 + 777) << qint64(0);
    QTest::addRow("2 MiB + 1, 16 KiB pieces") << qint64(2 * 1048576 + 1) << qint64(16384);
    QTest::addRow("4 MiB exactly, 1 MiB pieces") << qint64(4 * 1048576) << qint64(1048576);
    QTest::addRow("one piece plus one byte") << qint64(262145) << qint64(262144);
    QTest::addRow("exactly one piece") << qint64(262144) << qint64(262144);
    QTest::addRow("part of one piece") << qint64(100000) << qint64(262144);
    QTest::addRow("less than a block") << qint64(1000) << qint64(16384);
    QTest::addRow("one byte") << qint64(1) << qint64(0);
}

void MetainfoTest::createAndVerify()
{
    QFETCH(qint64, size);
    QFETCH(qint64, pieceLength);

    const QByteArray data = randomContent(size, quint32(size));
    const QString path = m_dir.filePath(QStringLiteral("update-%1.cab").arg(size));
    QVERIFY(writeContent(path, data));
    MetainfoWriterOptions options;
    options.webSeeds = {kSeed, QUrl(QStringLiteral("https://127.0.0.2/mirror/file.cab"))};
    options.announce = kAnnounce;
    options.pieceLength = pieceLength;
    const MetainfoWriteResult written = MetainfoWriter::create(path, options);
    QVERIFY2(written.ok, qPrintable(written.error));

    const MetainfoParseResult parsed = Metainfo::parse(written.torrent);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Metainfo& m = *parsed.metainfo;
    const qint64 expectedPieceLength =
        pieceLength ? pieceLength : MetainfoWriter::choosePieceLength(size);
    QCOMPARE(m.name(), QStringLiteral("update-%1.cab").arg(size));
    QCOMPARE(m.fileSize(), size);
    QCOMPARE(m.pieceLength(), expectedPieceLength);
    QCOMPARE(m.pieceCount(), int((size + expectedPieceLength - 1) / expectedPieceLength));
    QVERIFY(m.hasV1());
    QVERIFY(m.hasV2());
    QCOMPARE(m.webSeeds(), options.webSeeds);
    QCOMPARE(m.announce(), kAnnounce);
    QCOMPARE(m.piecesRoot().size(), qsizetype(32));

    // Info hashes cover the info dict exactly as written.
    const BencodeDecodeResult decoded = decodeBencode(written.torrent);
    QVERIFY(decoded.ok);
    QCOMPARE(decoded.value.find("created by")->toBytes(), QByteArray("OpenDO"));
    QCOMPARE(m.infoBytes(), encodeBencode(*decoded.value.find("info")));
    QCOMPARE(m.v1InfoHash(), QCryptographicHash::hash(m.infoBytes(), QCryptographicHash::Sha1));
    QCOMPARE(m.v2InfoHash(), QCryptographicHash::hash(m.infoBytes(), QCryptographicHash::Sha256));
    QCOMPARE(m.contentId(), QString::fromLatin1(m.v1InfoHash().toHex()));
    QCOMPARE(decoded.value.find("piece layers") != nullptr, size > expectedPieceLength);

    qint64 covered = 0;
    for (int i = 0; i < m.pieceCount(); ++i) {
        const QByteArray piece = data.mid(qsizetype(i) * expectedPieceLength, expectedPieceLength);
        QCOMPARE(m.pieceSize(i), qint64(piece.size()));
        covered += piece.size();
        QCOMPARE(m.v1PieceHash(i), QCryptographicHash::hash(piece, QCryptographicHash::Sha1));
        QCOMPARE(m.v2PieceHash(i).size(), qsizetype(32));
        QVERIFY2(m.verifyPiece(i, piece), qPrintable(QString::number(i)));
        QVERIFY(m.verifyPieceV1(i, piece));
        QVERIFY(m.verifyPieceV2(i, piece));
        QVERIFY(!m.verifyPiece(i, QByteArrayView(piece).chopped(1)));
        QVERIFY(!m.verifyPiece(i, piece + 'x'));
    }
    QCOMPARE(covered, size);
    QVERIFY(!m.verifyPiece(-1, data.left(m.pieceSize(0))));
    QVERIFY(!m.verifyPiece(m.pieceCount(), QByteArray()));
    QCOMPARE(m.pieceSize(m.pieceCount()), qint64(0));
    QVERIFY(m.v2PieceHash(m.pieceCount()).isEmpty());

    // One flipped byte fails exactly the piece that holds it, under both hash families.
    const QList<qint64> offsets{0, size / 2, size - 1};
    for (qint64 offset : offsets) {
        QByteArray corrupt = data;
        corrupt[qsizetype(offset)] = char(corrupt[qsizetype(offset)] ^ 0x01);
        const int bad = int(offset / expectedPieceLength);
        for (int i = 0; i < m.pieceCount(); ++i) {
            const QByteArray piece =
                corrupt.mid(qsizetype(i) * expectedPieceLength, expectedPieceLength);
            QCOMPARE(m.verifyPiece(i, piece), i != bad);
            QCOMPARE(m.verifyPieceV1(i, piece), i != bad);
        }
    }
}

void MetainfoTest::outputIsDeterministicAndCanonical()
{
    const QString path = m_dir.filePath(QStringLiteral("base.bin"));
    MetainfoWriterOptions options;
    options.webSeeds = {kSeed};
    options.pieceLength = 262144;
    const MetainfoWriteResult again = MetainfoWriter::create(path, options);
    QVERIFY(again.ok);
    QCOMPARE(again.torrent, m_base);
    const BencodeDecodeResult decoded = decodeBencode(m_base);
    QVERIFY(decoded.ok);
    QCOMPARE(encodeBencode(decoded.value), m_base);
    // A single web seed is written as a plain string (BEP 19 allows both forms).
    QVERIFY(decoded.value.find("url-list")->isString());
    QVERIFY(!decoded.value.find("announce"));
    QVERIFY(!decoded.value.find("creation date"));
}

void MetainfoTest::v1OnlyVerifiesWithSha1()
{
    const qint64 pieceLength = 65536;
    const QByteArray data = randomContent(700 * 1024 + 3, 7);
    QByteArray pieces;
    for (qint64 offset = 0; offset < data.size(); offset += pieceLength)
        pieces += QCryptographicHash::hash(data.mid(offset, pieceLength), QCryptographicHash::Sha1);
    BencodeValue info = BencodeValue::dict();
    info.insert("length", BencodeValue(qint64(data.size())));
    info.insert("name", BencodeValue(QByteArray("driver-pack.zip")));
    info.insert("piece length", BencodeValue(pieceLength));
    info.insert("pieces", BencodeValue(pieces));
    BencodeValue seeds = BencodeValue::list();
    seeds.append(BencodeValue(QByteArray("http://127.0.0.1:8080/a/driver-pack.zip")));
    seeds.append(BencodeValue(QByteArray("http://127.0.0.1:8080/b/")));
    BencodeValue top = BencodeValue::dict();
    top.insert("announce", BencodeValue(QByteArray("udp://127.0.0.1:6969/announce")));
    top.insert("info", info);
    top.insert("url-list", seeds);

    const MetainfoParseResult parsed = Metainfo::parse(encodeBencode(top));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Metainfo& m = *parsed.metainfo;
    QVERIFY(m.hasV1());
    QVERIFY(!m.hasV2());
    QVERIFY(m.v2InfoHash().isEmpty());
    QVERIFY(m.piecesRoot().isEmpty());
    QCOMPARE(m.pieceCount(), 11);
    QCOMPARE(m.pieceSize(10), qint64(data.size() - 10 * pieceLength));
    QCOMPARE(m.webSeeds().size(), qsizetype(2));
    QCOMPARE(m.announce().scheme(), QStringLiteral("udp"));
    QCOMPARE(m.contentId(),
             QString::fromLatin1(
                 QCryptographicHash::hash(encodeBencode(info), QCryptographicHash::Sha1).toHex()));
    for (int i = 0; i < m.pieceCount(); ++i) {
        QByteArray piece = data.mid(qsizetype(i) * pieceLength, pieceLength);
        QVERIFY(m.verifyPiece(i, piece));
        QVERIFY(!m.verifyPieceV2(i, piece));
        QVERIFY(m.v2PieceHash(i).isEmpty());
        piece[piece.size() / 2] = char(piece[piece.size() / 2] ^ 0x80);
        QVERIFY(!m.verifyPiece(i, piece));
    }
}

void MetainfoTest::v2OnlyVerifiesWithSha256()
{
    const QByteArray torrent = mutated([](BencodeValue& top) {
        infoOf(top).remove("pieces");
        infoOf(top).remove("length");
    });
    const MetainfoParseResult parsed = Metainfo::parse(torrent);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    const Metainfo& m = *parsed.metainfo;
    QVERIFY(!m.hasV1());
    QVERIFY(m.hasV2());
    QVERIFY(m.v1InfoHash().isEmpty());
    QCOMPARE(m.contentId().size(), qsizetype(64));
    QCOMPARE(m.contentId(), QString::fromLatin1(m.v2InfoHash().toHex()));
    QCOMPARE(m.fileSize(), qint64(m_baseData.size()));
    QCOMPARE(m.pieceCount(), 5);
    for (int i = 0; i < m.pieceCount(); ++i) {
        QByteArray piece = m_baseData.mid(qsizetype(i) * m.pieceLength(), m.pieceLength());
        QVERIFY(m.verifyPiece(i, piece));
        QVERIFY(!m.verifyPieceV1(i, piece));
        piece[0] = char(piece[0] ^ 0x10);
        QVERIFY(!m.verifyPiece(i, piece));
    }
}

void MetainfoTest::emptyFileHasNoPieces()
{
    // The writer refuses empty files (libtorrent rejects them), but such metainfo is valid.
    BencodeValue info = BencodeValue::dict();
    info.insert("length", BencodeValue(qint64(0)));
    info.insert("name", BencodeValue(str("empty")));
    info.insert("piece length", BencodeValue(qint64(16384)));
    info.insert("pieces", BencodeValue(QByteArray()));
    BencodeValue top = BencodeValue::dict();
    top.insert("info", info);
    const MetainfoParseResult parsed = Metainfo::parse(encodeBencode(top));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(parsed.metainfo->fileSize(), qint64(0));
    QCOMPARE(parsed.metainfo->pieceCount(), 0);
    QVERIFY(!parsed.metainfo->verifyPiece(0, QByteArray()));
}

void MetainfoTest::malformed_data()
{
    QTest::addColumn<QByteArray>("torrent");
    QTest::addColumn<QStringList>("mentions"); // what the error must name

    auto info = [this](const std::function<void(BencodeValue&)>& change) {
        return mutated([&](BencodeValue& top) { change(infoOf(top)); });
    };
    auto setInfo = [&](const char* key, BencodeValue value) {
        return info([&](BencodeValue& i) { i.insert(key, value); });
    };
    auto fileEntry = [this](const std::function<void(BencodeValue&)>& change) {
        return mutated([&](BencodeValue& top) { change(fileEntryOf(top)); });
    };
    auto setTop = [this](const char* key, BencodeValue value) {
        return mutated([&](BencodeValue& top) { top.insert(key, value); });
    };
    const qsizetype piecesSize = 5 * 20;

    // Not metainfo at all
    QTest::addRow("truncated file")
        << m_base.chopped(7) << QStringList{"bencode", "byte", "past the end"};
    QTest::addRow("cut in half") << m_base.left(m_base.size() / 2) << QStringList{"byte"};
    QTest::addRow("trailing garbage")
        << m_base + "x" << QStringList{"byte " + QString::number(m_base.size()), "after the end"};
    QTest::addRow("empty file") << QByteArray() << QStringList{"byte 0"};
    QTest::addRow("top level list") << QByteArray("le") << QStringList{"dictionary"};
    QTest::addRow("unsorted keys")
        << QByteArray("d4:info") + encodeBencode(*decodeBencode(m_base).value.find("info")) +
               "8:announce9:udp://x:1e"
        << QStringList{"out of order", "announce"};
    QTest::addRow("missing info") << mutated([](BencodeValue& top) { top.remove("info"); })
                                  << QStringList{"\"info\""};
    QTest::addRow("info not a dict")
        << setTop("info", BencodeValue(qint64(1))) << QStringList{"\"info\"", "dictionary"};

    // Piece length and pieces
    QTest::addRow("piece length not a power of two")
        << setInfo("piece length", BencodeValue(qint64(300000)))
        << QStringList{"piece length", "300000", "power of two"};
    QTest::addRow("piece length below 16 KiB")
        << setInfo("piece length", BencodeValue(qint64(8192))) << QStringList{"8192", "16384"};
    QTest::addRow("piece length zero")
        << setInfo("piece length", BencodeValue(qint64(0))) << QStringList{"piece length"};
    QTest::addRow("piece length huge") << setInfo("piece length", BencodeValue(qint64(1) << 40))
                                       << QStringList{QString::number(qint64(1) << 40)};
    QTest::addRow("piece length missing") << info([](BencodeValue& i) { i.remove("piece length"); })
                                          << QStringList{"\"piece length\""};
    QTest::addRow("pieces not whole hashes") << info([](BencodeValue& i) {
        i.insert("pieces", BencodeValue(i.find("pieces")->toBytes().chopped(1)));
    }) << QStringList{"\"pieces\"", QString::number(piecesSize - 1), "20 per piece"};
    QTest::addRow("pieces one hash short") << info([](BencodeValue& i) {
        i.insert("pieces", BencodeValue(i.find("pieces")->toBytes().chopped(20)));
    }) << QStringList{"\"pieces\"", QString::number(piecesSize - 20), QString::number(piecesSize)};
    QTest::addRow("pieces one hash extra") << info([](BencodeValue& i) {
        i.insert("pieces", BencodeValue(i.find("pieces")->toBytes() + QByteArray(20, 'x')));
    }) << QStringList{"\"pieces\"", QString::number(piecesSize + 20)};
    QTest::addRow("pieces not a string")
        << setInfo("pieces", BencodeValue::list()) << QStringList{"\"pieces\"", "byte string"};

    // Name
    QTest::addRow("name with ../") << setInfo("name", BencodeValue(str("../evil.bin")))
                                   << QStringList{"../evil.bin", "separator"};
    QTest::addRow("name is ..") << setInfo("name", BencodeValue(str("..")))
                                << QStringList{"\"..\""};
    QTest::addRow("name with backslash")
        << setInfo("name", BencodeValue(str("..\\evil.bin"))) << QStringList{"separator"};
    QTest::addRow("absolute name")
        << setInfo("name", BencodeValue(str("/etc/passwd"))) << QStringList{"separator"};
    QTest::addRow("empty name") << setInfo("name", BencodeValue(str(""))) << QStringList{"empty"};
    QTest::addRow("name not UTF-8")
        << setInfo("name", BencodeValue(str("\xff\xfe"))) << QStringList{"UTF-8"};
    QTest::addRow("name with newline")
        << setInfo("name", BencodeValue(str("a\nb"))) << QStringList{"control"};
    QTest::addRow("name missing") << info([](BencodeValue& i) { i.remove("name"); })
                                  << QStringList{"\"name\""};

    // Length
    QTest::addRow("negative length")
        << setInfo("length", BencodeValue(qint64(-1))) << QStringList{"-1", "2^50"};
    QTest::addRow("length 2^50") << info([](BencodeValue& i) {
        i.insert("length", BencodeValue(qint64(1) << 50));
    }) << QStringList{QString::number(qint64(1) << 50)};
    QTest::addRow("length not an integer")
        << setInfo("length", BencodeValue(str("5"))) << QStringList{"\"length\"", "integer"};
    QTest::addRow("v1 and v2 lengths disagree") << fileEntry([](BencodeValue& f) {
        f.insert("length", BencodeValue(f.find("length")->toInteger() + 1));
    }) << QStringList{"disagree", QString::number(4 * 262144 + 6)};
    QTest::addRow("v2 length beyond 2^50")
        << fileEntry([](BencodeValue& f) { f.insert("length", BencodeValue(qint64(1) << 52)); })
        << QStringList{"2^50"};

    // Multi-file and file tree shape
    QTest::addRow("v1 multi-file")
        << setInfo("files", BencodeValue::list()) << QStringList{"\"files\"", "single-file"};
    QTest::addRow("v2 second file") << info([](BencodeValue& i) {
        BencodeValue& tree = *i.find("file tree");
        tree.insert("zzz-second.bin", tree.toDict().front().value);
    }) << QStringList{"several files", "single-file"};
    QTest::addRow("v2 directory") << info([](BencodeValue& i) {
        BencodeValue& tree = *i.find("file tree");
        BencodeValue dir = BencodeValue::dict();
        dir.insert("inner.bin", tree.toDict().front().value);
        tree.insert(tree.toDict().front().key, dir);
    }) << QStringList{"directory"};
    QTest::addRow("empty file tree")
        << setInfo("file tree", BencodeValue::dict()) << QStringList{"file tree", "empty"};
    QTest::addRow("file tree name differs") << info([](BencodeValue& i) {
        BencodeValue& tree = *i.find("file tree");
        const BencodeValue node = tree.toDict().front().value;
        tree = BencodeValue::dict();
        tree.insert("other.bin", node);
    }) << QStringList{"\"other.bin\"", "\"base.bin\""};
    QTest::addRow("meta version 3")
        << setInfo("meta version", BencodeValue(qint64(3))) << QStringList{"\"meta version\"", "3"};
    QTest::addRow("neither v1 nor v2") << info([](BencodeValue& i) {
        i.remove("pieces");
        i.remove("meta version");
    }) << QStringList{"\"pieces\"", "\"meta version\""};

    // v2 hashes
    QTest::addRow("pieces root wrong size") << fileEntry([](BencodeValue& f) {
        f.insert("pieces root", BencodeValue(QByteArray(31, 'r')));
    }) << QStringList{"\"pieces root\"", "31", "32"};
    QTest::addRow("pieces root missing")
        << fileEntry([](BencodeValue& f) { f.remove("pieces root"); })
        << QStringList{"\"pieces root\""};
    QTest::addRow("piece layers missing")
        << mutated([](BencodeValue& top) { top.remove("piece layers"); })
        << QStringList{"\"piece layers\""};
    QTest::addRow("piece layers not a dict")
        << setTop("piece layers", BencodeValue::list()) << QStringList{"\"piece layers\""};
    QTest::addRow("piece layer for another root") << setTop("piece layers", [] {
        BencodeValue layers = BencodeValue::dict();
        layers.insert(QByteArray(32, 'o'), BencodeValue(QByteArray(5 * 32, 'h')));
        return layers;
    }()) << QStringList{"pieces root"};
    QTest::addRow("piece layer one hash short") << mutated([](BencodeValue& top) {
        BencodeValue& layer = pieceLayerOf(top);
        layer = BencodeValue(layer.toBytes().chopped(32));
    }) << QStringList{"piece layer", "128", "160", "32 per piece"};
    QTest::addRow("piece layer tampered") << mutated([](BencodeValue& top) {
        BencodeValue& layer = pieceLayerOf(top);
        QByteArray bytes = layer.toBytes();
        bytes[40] = char(bytes[40] ^ 1);
        layer = BencodeValue(bytes);
    }) << QStringList{"piece layer", "pieces root"};

    // Web seeds and announce
    QTest::addRow("url-list integer")
        << setTop("url-list", BencodeValue(qint64(1))) << QStringList{"\"url-list\""};
    QTest::addRow("url-list entry not a string") << setTop("url-list", [] {
        BencodeValue list = BencodeValue::list();
        list.append(BencodeValue::dict());
        return list;
    }()) << QStringList{"\"url-list\""};
    QTest::addRow("url-list ftp") << setTop("url-list", BencodeValue(str("ftp://127.0.0.1/x")))
                                  << QStringList{"ftp://", "http"};
    QTest::addRow("url-list relative")
        << setTop("url-list", BencodeValue(str("files/x"))) << QStringList{"files/x", "absolute"};
    QTest::addRow("announce not a URL") << setTop("announce", BencodeValue(str("not a url")))
                                        << QStringList{"announce", "not a url"};
    QTest::addRow("announce integer")
        << setTop("announce", BencodeValue(qint64(7))) << QStringList{"\"announce\""};
}

void MetainfoTest::malformed()
{
    QFETCH(QByteArray, torrent);
    QFETCH(QStringList, mentions);

    const MetainfoParseResult parsed = Metainfo::parse(torrent);
    QVERIFY(!parsed.ok());
    QVERIFY(parsed.error.startsWith(QStringLiteral("Invalid metainfo: ")));
    for (const QString& mention : mentions)
        QVERIFY2(parsed.error.contains(mention, Qt::CaseInsensitive),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(mention, parsed.error)));
}

void MetainfoTest::toleratedExtras()
{
    // Keys this parser does not know, and an empty url-list, are what other tools write.
    const QByteArray torrent = mutated([](BencodeValue& top) {
        top.insert("comment", BencodeValue(str("built elsewhere")));
        top.insert("url-list", BencodeValue(str("")));
        top.insert("announce", BencodeValue(str("")));
        infoOf(top).insert("private", BencodeValue(qint64(0)));
    });
    const MetainfoParseResult parsed = Metainfo::parse(torrent);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QVERIFY(parsed.metainfo->webSeeds().isEmpty());
    QVERIFY(parsed.metainfo->announce().isEmpty());
    QVERIFY(parsed.metainfo->verifyPiece(4, m_baseData.right(5)));
}

void MetainfoTest::loadFromDisk()
{
    const QString path = m_dir.filePath(QStringLiteral("base.torrent"));
    QVERIFY(writeContent(path, m_base));
    const MetainfoParseResult loaded = Metainfo::load(path);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error));
    QCOMPARE(loaded.metainfo->name(), QStringLiteral("base.bin"));
    QCOMPARE(loaded.metainfo->webSeeds(), QList<QUrl>{kSeed});

    const QString missing = m_dir.filePath(QStringLiteral("missing.torrent"));
    const MetainfoParseResult notThere = Metainfo::load(missing);
    QVERIFY(!notThere.ok());
    QVERIFY2(notThere.error.contains(missing), qPrintable(notThere.error));

    const QString broken = m_dir.filePath(QStringLiteral("broken.torrent"));
    QVERIFY(writeContent(broken, m_base.chopped(1)));
    const MetainfoParseResult bad = Metainfo::load(broken);
    QVERIFY(!bad.ok());
    QVERIFY2(bad.error.contains(broken) && bad.error.contains(QStringLiteral("byte")),
             qPrintable(bad.error));
}

void MetainfoTest::writerRefuses_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<qint64>("pieceLength");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("announce");
    QTest::addColumn<QString>("mention");

    QTest::addRow("missing file") << "nope.bin" << qint64(0) << ""
                                  << ""
                                  << ""
                                  << "nope.bin";
    QTest::addRow("empty file") << "empty.bin" << qint64(0) << ""
                                << ""
                                << ""
                                << "empty";
    QTest::addRow("directory") << "." << qint64(0) << ""
                               << ""
                               << ""
                               << "regular file";
    QTest::addRow("piece length 3000") << "base.bin" << qint64(3000) << ""
                                       << ""
                                       << ""
                                       << "3000";
    QTest::addRow("piece length 8 KiB") << "base.bin" << qint64(8192) << ""
                                        << ""
                                        << ""
                                        << "8192";
    QTest::addRow("name with separator") << "base.bin" << qint64(0) << "a/b"
                                         << ""
                                         << ""
                                         << "separator";
    QTest::addRow("ftp web seed") << "base.bin" << qint64(0) << ""
                                  << "ftp://127.0.0.1/x"
                                  << ""
                                  << "http";
    QTest::addRow("bad announce") << "base.bin" << qint64(0) << ""
                                  << ""
                                  << "mailto:a@b"
                                  << "announce";
}

void MetainfoTest::writerRefuses()
{
    QFETCH(QString, file);
    QFETCH(qint64, pieceLength);
    QFETCH(QString, name);
    QFETCH(QString, seed);
    QFETCH(QString, announce);
    QFETCH(QString, mention);

    MetainfoWriterOptions options;
    options.pieceLength = pieceLength;
    options.name = name;
    if (!seed.isEmpty())
        options.webSeeds = {QUrl(seed)};
    options.announce = QUrl(announce);
    const MetainfoWriteResult result = MetainfoWriter::create(m_dir.filePath(file), options);
    QVERIFY(!result.ok);
    QVERIFY(result.torrent.isEmpty());
    QVERIFY2(result.error.contains(mention), qPrintable(result.error));
}

void MetainfoTest::writerReportsProgressAndCancels()
{
    const QByteArray data = randomContent(3 * MetainfoWriter::kReadChunk + 10, 5);
    const QString path = m_dir.filePath(QStringLiteral("progress.bin"));
    QVERIFY(writeContent(path, data));

    QList<qint64> seen;
    MetainfoWriterOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        seen.append(done);
        return total == data.size();
    };
    QVERIFY(MetainfoWriter::create(path, options).ok);
    QCOMPARE(seen.size(), qsizetype(4)); // read in 1 MiB chunks, never all at once
    QCOMPARE(seen.front(), qint64(MetainfoWriter::kReadChunk));
    QCOMPARE(seen.back(), qint64(data.size()));

    options.progress = [](qint64 done, qint64) { return done < MetainfoWriter::kReadChunk; };
    const MetainfoWriteResult cancelled = MetainfoWriter::create(path, options);
    QVERIFY(!cancelled.ok);
    QVERIFY(cancelled.error.contains(QStringLiteral("Cancelled")));
}

void MetainfoTest::choosesPieceLength()
{
    const qint64 mib = 1048576;
    QCOMPARE(MetainfoWriter::choosePieceLength(0), qint64(256 * 1024));
    QCOMPARE(MetainfoWriter::choosePieceLength(100 * mib), qint64(256 * 1024));
    QCOMPARE(MetainfoWriter::choosePieceLength(1024 * mib), mib);
    QCOMPARE(MetainfoWriter::choosePieceLength(qint64(1) << 49), 16 * mib);
    for (qint64 size : {qint64(1), 600 * mib, 3000 * mib, 8 * 1024 * mib, 30 * 1024 * mib}) {
        const qint64 length = MetainfoWriter::choosePieceLength(size);
        QVERIFY(Metainfo::checkPieceLength(length).isEmpty());
        QVERIFY2((size + length - 1) / length <= 2000, qPrintable(QString::number(size)));
    }
}

void MetainfoTest::webSeedFileUrl()
{
    const Metainfo m = *Metainfo::parse(mutated([](BencodeValue& top) {
                            infoOf(top).insert("name", BencodeValue(str("a b#1.cab")));
                            BencodeValue& tree = *infoOf(top).find("file tree");
                            const BencodeValue node = tree.toDict().front().value;
                            tree = BencodeValue::dict();
                            tree.insert("a b#1.cab", node);
                        })).metainfo;
    QCOMPARE(m.webSeedFileUrl(kSeed).toString(QUrl::FullyEncoded),
             QStringLiteral("http://127.0.0.1:8080/content/a%20b%231.cab"));
    const QUrl direct(QStringLiteral("http://127.0.0.1/exact/file.cab"));
    QCOMPARE(m.webSeedFileUrl(direct), direct);
}

QTEST_GUILESS_MAIN(MetainfoTest)
#include "test_metainfo.moc"
