// Range streams cut into pieces: chunks that split pieces anywhere, a short last piece, ranges
// that end early owing pieces, and a consumer that closes the range while it is being cut.

#include "transfer/SpanAssembler.h"

#include <QTest>

using opendo::transfer::SpanAssembler;

namespace {

constexpr qint64 kPiece = 10;
constexpr qint64 kFileSize = 45; // pieces 0-3 of 10 bytes, piece 4 of 5

qint64 pieceSize(int piece)
{
    return qMin(kPiece, kFileSize - piece * kPiece);
}

QByteArray fileBytes(qint64 from, qint64 to)
{
    QByteArray bytes;
    for (qint64 i = from; i < to; ++i)
        bytes.append(char('a' + i % 26));
    return bytes;
}

struct Received
{
    QList<int> pieces;
    QList<QByteArray> data;
    SpanAssembler::PieceReady sink()
    {
        return [this](int piece, QByteArray bytes) {
            pieces.append(piece);
            data.append(std::move(bytes));
        };
    }
};

} // namespace

class SpanAssemblerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cutsPiecesAcrossAnyChunking_data();
    void cutsPiecesAcrossAnyChunking();
    void rangeEndingEarlyOwesItsRest();
    void unknownRangeIsIgnored();
    void consumerMayCloseTheRange();
    void rangesAreIndependent();
};

void SpanAssemblerTest::cutsPiecesAcrossAnyChunking_data()
{
    QTest::addColumn<int>("chunk");
    for (const int chunk : {1, 3, 7, 10, 11, 45, 100})
        QTest::addRow("chunk %d", chunk) << chunk;
}

void SpanAssemblerTest::cutsPiecesAcrossAnyChunking()
{
    QFETCH(int, chunk);
    SpanAssembler spans(pieceSize);
    Received got;
    spans.open(1, 1, 4);
    const QByteArray stream = fileBytes(kPiece, kFileSize);
    for (qint64 at = 0; at < stream.size(); at += chunk)
        QVERIFY(spans.append(1, stream.mid(at, chunk), got.sink()));
    QCOMPARE(got.pieces, (QList<int>{1, 2, 3, 4}));
    for (int i = 0; i < got.pieces.size(); ++i) {
        const int piece = got.pieces[i];
        QCOMPARE(got.data[i], fileBytes(piece * kPiece, piece * kPiece + pieceSize(piece)));
    }
    QVERIFY(spans.close(1).isEmpty());
    QVERIFY(spans.isEmpty());
}

void SpanAssemblerTest::rangeEndingEarlyOwesItsRest()
{
    SpanAssembler spans(pieceSize);
    Received got;
    spans.open(7, 0, 3);
    // One and a half pieces arrive, then the stream ends.
    QVERIFY(spans.append(7, fileBytes(0, 15), got.sink()));
    QCOMPARE(got.pieces, QList<int>{0});
    QCOMPARE(spans.openCount(), 1);
    QCOMPARE(spans.close(7), (QList<int>{1, 2, 3}));
    QCOMPARE(spans.openCount(), 0);
    QVERIFY(spans.close(7).isEmpty());
}

void SpanAssemblerTest::unknownRangeIsIgnored()
{
    SpanAssembler spans(pieceSize);
    Received got;
    QVERIFY(!spans.append(3, fileBytes(0, 20), got.sink()));
    spans.open(3, 0, 1);
    spans.clear();
    QVERIFY(!spans.append(3, fileBytes(0, 20), got.sink()));
    QVERIFY(got.pieces.isEmpty());
}

void SpanAssemblerTest::consumerMayCloseTheRange()
{
    // Storing a piece can stop the whole transfer (a full disk): the range closes under the
    // assembler's feet and the pieces after it must not be delivered.
    SpanAssembler spans(pieceSize);
    QList<int> got;
    QList<int> owed;
    spans.open(5, 0, 3);
    QVERIFY(spans.append(5, fileBytes(0, 40), [&](int piece, QByteArray) {
        got.append(piece);
        owed = spans.close(5);
    }));
    QCOMPARE(got, QList<int>{0});
    QCOMPARE(owed, (QList<int>{1, 2, 3}));
    QVERIFY(spans.isEmpty());
}

void SpanAssemblerTest::rangesAreIndependent()
{
    SpanAssembler spans(pieceSize);
    Received got;
    spans.open(1, 0, 1);
    spans.open(2, 2, 4);
    QVERIFY(spans.append(2, fileBytes(20, 35), got.sink()));
    QVERIFY(spans.append(1, fileBytes(0, 12), got.sink()));
    QVERIFY(spans.append(2, fileBytes(35, 45), got.sink()));
    QVERIFY(spans.append(1, fileBytes(12, 20), got.sink()));
    QCOMPARE(got.pieces, (QList<int>{2, 0, 3, 4, 1}));
    QCOMPARE(got.data[3], fileBytes(40, 45));
    QCOMPARE(spans.openCount(), 2); // open until the source says the range finished
}

QTEST_GUILESS_MAIN(SpanAssemblerTest)
#include "test_span_assembler.moc"
