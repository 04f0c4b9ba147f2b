// SHA-1/SHA-256 through libcrypto against published vectors, BEP 52 merkle roots against trees
// built by hand, and the streaming piece hasher against the one-shot functions.

#include "content/Merkle.h"
#include "content/PieceHasher.h"
#include "content/Sha.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using namespace opendo::content;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator generator(seed);
    QByteArray data(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(generator.bounded(256));
    return data;
}

QByteArray h(const QByteArray& left, const QByteArray& right)
{
    return QCryptographicHash::hash(left + right, QCryptographicHash::Sha256);
}

} // namespace

class HashingTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data();
    void knownVectors();
    void incrementalMatchesOneShot();
    void padHashes();
    void merkleRootsByHand();
    void rootOfLayerRejectsBadArguments();
    void pieceHasherStreaming_data();
    void pieceHasherStreaming();
    void pieceHasherNoticesWrongLength();
};

void HashingTest::knownVectors_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("sha1Hex");
    QTest::addColumn<QByteArray>("sha256Hex");

    // FIPS 180-2 / NIST example vectors.
    QTest::addRow("abc") << QByteArray("abc")
                         << QByteArray("a9993e364706816aba3e25717850c26c9cd0d89d")
                         << QByteArray(
                                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    QTest::addRow("empty")
        << QByteArray() << QByteArray("da39a3ee5e6b4b0d3255bfef95601890afd80709")
        << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::addRow("448 bits")
        << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        << QByteArray("84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    QTest::addRow("million a")
        << QByteArray(1000000, 'a') << QByteArray("34aa973cd4c4daa4f61eeb2bdbad27316534016f")
        << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

void HashingTest::knownVectors()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, sha1Hex);
    QFETCH(QByteArray, sha256Hex);

    QCOMPARE(sha1(input).toHex(), sha1Hex);
    QCOMPARE(sha256(input).toHex(), sha256Hex);
    QCOMPARE(Sha::hash(input, Sha::Algorithm::Sha256).toHex(), sha256Hex);

    // Fed one odd-sized slice at a time, the result must not change.
    Sha incremental(Sha::Algorithm::Sha256);
    for (qsizetype offset = 0; offset < input.size(); offset += 4099)
        incremental.addData(
            QByteArrayView(input).sliced(offset, std::min<qsizetype>(4099, input.size() - offset)));
    QCOMPARE(incremental.result().toHex(), sha256Hex);
    // result() starts over.
    incremental.addData(input);
    QCOMPARE(incremental.result().toHex(), sha256Hex);
}

void HashingTest::incrementalMatchesOneShot()
{
    const QByteArray data = randomBytes(100000, 1);
    Sha a(Sha::Algorithm::Sha1);
    a.addData(QByteArrayView(data).first(1));
    a.addData(QByteArrayView(data).sliced(1));
    Sha moved = std::move(a);
    QCOMPARE(moved.result(), sha1(data));
    QCOMPARE(moved.algorithm(), Sha::Algorithm::Sha1);
    QCOMPARE(Sha::digestSize(Sha::Algorithm::Sha1), qsizetype(20));
    QCOMPARE(Sha::digestSize(Sha::Algorithm::Sha256), qsizetype(32));

    Sha b(Sha::Algorithm::Sha256);
    b.addData("discarded");
    b.reset();
    b.addData(data);
    QCOMPARE(b.result(), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
}

void HashingTest::padHashes()
{
    const QByteArray zero(32, '\0');
    QCOMPARE(merkle::padHash(0), zero);
    QCOMPARE(merkle::padHash(1), h(zero, zero));
    QCOMPARE(merkle::padHash(2), h(h(zero, zero), h(zero, zero)));
    QVERIFY(merkle::padHash(-1).isEmpty());
    QVERIFY(merkle::padHash(64).isEmpty());
}

void HashingTest::merkleRootsByHand()
{
    const qsizetype block = merkle::kBlockSize;
    const QByteArray data = randomBytes(3 * block + 100, 2);
    const QByteArray zero(32, '\0');
    QByteArrayList leaves;
    for (qsizetype offset = 0; offset < data.size(); offset += block)
        leaves.append(
            QCryptographicHash::hash(data.mid(offset, block), QCryptographicHash::Sha256));
    QCOMPARE(leaves.size(), qsizetype(4));
    QCOMPARE(merkle::leafHashes(data), leaves.join());

    // Four leaves, no padding.
    const QByteArray four = h(h(leaves[0], leaves[1]), h(leaves[2], leaves[3]));
    QCOMPARE(merkle::rootOfLayer(leaves.join(), 4), four);
    // Three leaves pad with one zero leaf.
    QCOMPARE(merkle::rootOfLayer(leaves.mid(0, 3).join(), 4),
             h(h(leaves[0], leaves[1]), h(leaves[2], zero)));
    // Padding to eight leaves adds a whole zero subtree.
    QCOMPARE(merkle::rootOfLayer(leaves.join(), 8), h(four, merkle::padHash(2)));
    // One leaf is its own root.
    QCOMPARE(merkle::rootOfLayer(leaves[0], 1), leaves[0]);
    // No nodes at all: the pad hash of the whole height.
    QCOMPARE(merkle::rootOfLayer(QByteArray(), 4), merkle::padHash(2));

    // A layer one level up pads with the height-1 pad hash.
    const QByteArray p0 = h(leaves[0], leaves[1]);
    const QByteArray p1 = h(leaves[2], leaves[3]);
    const QByteArray p2 = h(leaves[0], leaves[0]);
    QCOMPARE(merkle::rootOfLayer(p0 + p1 + p2, 4, 1), h(h(p0, p1), h(p2, merkle::padHash(1))));

    // Piece-layer hashes: a 32 KiB piece in a larger file covers 2 leaves; the last piece, with
    // one short block, still pads to 2 leaves.
    const qint64 pieceLength = 2 * block;
    QCOMPARE(merkle::pieceLeafCount(data.size(), pieceLength), qint64(2));
    QCOMPARE(merkle::pieceHash(QByteArrayView(data).first(pieceLength), data.size(), pieceLength),
             p0);
    QCOMPARE(merkle::pieceHash(QByteArrayView(data).sliced(pieceLength), data.size(), pieceLength),
             p1);
    const QByteArray layer = p0 + p1;
    QCOMPARE(merkle::rootFromPieceLayer(layer, pieceLength), four);

    // A file that fits one piece pads only to its own block count: 3 leaves -> 4, not 8.
    const QByteArray small = data.left(2 * block + 1);
    QCOMPARE(merkle::pieceLeafCount(small.size(), 8 * block), qint64(4));
    QCOMPARE(
        merkle::pieceHash(small, small.size(), 8 * block),
        h(h(leaves[0], leaves[1]),
          h(QCryptographicHash::hash(data.mid(2 * block, 1), QCryptographicHash::Sha256), zero)));
    // Up to 16 KiB the root is just the SHA-256 of the data.
    QCOMPARE(merkle::pieceHash(data.left(5), 5, block),
             QCryptographicHash::hash(data.left(5), QCryptographicHash::Sha256));
}

void HashingTest::rootOfLayerRejectsBadArguments()
{
    const QByteArray two(64, 'x');
    QVERIFY(merkle::rootOfLayer(two, 1).isEmpty());                 // more nodes than width
    QVERIFY(merkle::rootOfLayer(two, 3).isEmpty());                 // not a power of two
    QVERIFY(merkle::rootOfLayer(QByteArray(33, 'x'), 2).isEmpty()); // not whole hashes
    QVERIFY(merkle::rootFromPieceLayer(two, 1000).isEmpty());
    QVERIFY(merkle::isPowerOfTwo(16384));
    QVERIFY(!merkle::isPowerOfTwo(0));
    QVERIFY(!merkle::isPowerOfTwo(3));
    QCOMPARE(merkle::nextPowerOfTwo(0), qint64(1));
    QCOMPARE(merkle::nextPowerOfTwo(5), qint64(8));
    QCOMPARE(merkle::blockCount(0), qint64(0));
    QCOMPARE(merkle::blockCount(16385), qint64(2));
}

void HashingTest::pieceHasherStreaming_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("pieceLength");
    QTest::addColumn<int>("chunk");

    QTest::addRow("several pieces, odd chunks") << qint64(300000) << qint64(65536) << 7777;
    QTest::addRow("byte at a time") << qint64(40000) << qint64(16384) << 1;
    QTest::addRow("one partial piece") << qint64(50000) << qint64(262144) << 65536;
    QTest::addRow("exact pieces") << qint64(131072) << qint64(32768) << 16384;
    QTest::addRow("tiny") << qint64(3) << qint64(16384) << 2;
    QTest::addRow("empty") << qint64(0) << qint64(16384) << 10;
}

void HashingTest::pieceHasherStreaming()
{
    QFETCH(qint64, size);
    QFETCH(qint64, pieceLength);
    QFETCH(int, chunk);

    const QByteArray data = randomBytes(size, 3);
    PieceHasher hasher(size, pieceLength);
    for (qsizetype offset = 0; offset < data.size(); offset += chunk)
        hasher.addData(
            QByteArrayView(data).sliced(offset, std::min<qsizetype>(chunk, data.size() - offset)));
    QVERIFY(hasher.finish());
    QCOMPARE(hasher.bytesAdded(), size);

    QByteArray v1;
    QByteArray layer;
    for (qint64 offset = 0; offset < size; offset += pieceLength) {
        const QByteArray piece = data.mid(offset, pieceLength);
        v1 += QCryptographicHash::hash(piece, QCryptographicHash::Sha1);
        layer += merkle::pieceHash(piece, size, pieceLength);
    }
    QCOMPARE(hasher.v1Pieces(), v1);
    QCOMPARE(hasher.v2PieceLayer(), layer);
    if (size == 0)
        QVERIFY(hasher.piecesRoot().isEmpty());
    else if (size <= pieceLength)
        QCOMPARE(hasher.piecesRoot(), layer);
    else
        QCOMPARE(hasher.piecesRoot(),
                 merkle::rootOfLayer(merkle::leafHashes(data),
                                     merkle::nextPowerOfTwo(merkle::blockCount(size))));
}

void HashingTest::pieceHasherNoticesWrongLength()
{
    PieceHasher shorter(100, 16384);
    shorter.addData(QByteArray(99, 'a'));
    QVERIFY(!shorter.finish());
    PieceHasher longer(100, 16384);
    longer.addData(QByteArray(101, 'a'));
    QVERIFY(!longer.finish());
    PieceHasher badPieceLength(100, 1000);
    badPieceLength.addData(QByteArray(100, 'a'));
    QVERIFY(!badPieceLength.finish());
}

QTEST_GUILESS_MAIN(HashingTest)
#include "test_hashing.moc"
