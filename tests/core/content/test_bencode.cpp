// The bencode codec: canonical round trips, and every kind of non-canonical or hostile input
// refused with the offset of the offending byte.

#include "content/Bencode.h"

#include <QRandomGenerator>
#include <QTest>

using namespace opendo::content;

class BencodeTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void nestingAtTheBoundIsAccepted();
    void decodedValues();
    void builderKeepsKeysSorted();
    void topLevelSpans();
    void mutatedInputIsRejectedOrCanonical();
};

void BencodeTest::roundTrip_data()
{
    QTest::addColumn<QByteArray>("encoded");

    QTest::addRow("zero") << QByteArray("i0e");
    QTest::addRow("negative") << QByteArray("i-42e");
    QTest::addRow("int64 max") << QByteArray("i9223372036854775807e");
    QTest::addRow("int64 min") << QByteArray("i-9223372036854775808e");
    QTest::addRow("empty string") << QByteArray("0:");
    QTest::addRow("string") << QByteArray("4:spam");
    QTest::addRow("binary string") << QByteArray("5:a\0b\xff\n", 7);
    QTest::addRow("empty list") << QByteArray("le");
    QTest::addRow("empty dict") << QByteArray("de");
    QTest::addRow("list") << QByteArray("l4:spami42el0:ee");
    QTest::addRow("dict") << QByteArray("d3:bar4:spam3:fooi42ee");
    QTest::addRow("empty key") << QByteArray("d0:i1e1:ai2ee");
    QTest::addRow("prefix key first") << QByteArray("d1:ai1e2:aai2ee");
    // Keys sort as unsigned bytes: 0x7f before 0x80.
    QTest::addRow("high bytes") << QByteArray("d1:\x7fi1e1:\x80i2ee");
    QTest::addRow("nested") << QByteArray("d4:infod6:lengthi5e4:name1:xe3:urll1:a1:bee");
}

void BencodeTest::roundTrip()
{
    QFETCH(QByteArray, encoded);
    const BencodeDecodeResult decoded = decodeBencode(encoded);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QVERIFY(decoded.error.isEmpty());
    QCOMPARE(encodeBencode(decoded.value), encoded);
}

void BencodeTest::malformed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qsizetype>("offset");
    QTest::addColumn<QString>("mention");

    QTest::addRow("empty input") << QByteArray() << qsizetype(0) << "end of data";
    QTest::addRow("integer leading zero") << QByteArray("i03e") << qsizetype(0) << "leading zero";
    QTest::addRow("negative leading zero") << QByteArray("i-03e") << qsizetype(0) << "leading zero";
    QTest::addRow("string leading zero") << QByteArray("03:abc") << qsizetype(0) << "leading zero";
    QTest::addRow("negative zero") << QByteArray("i-0e") << qsizetype(0) << "negative zero";
    QTest::addRow("empty integer") << QByteArray("ie") << qsizetype(0) << "empty integer";
    QTest::addRow("minus only") << QByteArray("i-e") << qsizetype(0) << "empty integer";
    QTest::addRow("plus sign") << QByteArray("i+1e") << qsizetype(1) << "0x2b";
    QTest::addRow("letter in integer") << QByteArray("i1x2e") << qsizetype(2) << "0x78";
    QTest::addRow("unterminated integer") << QByteArray("i12") << qsizetype(3) << "end of data";
    QTest::addRow("int64 max + 1")
        << QByteArray("i9223372036854775808e") << qsizetype(0) << "64 bits";
    QTest::addRow("int64 min - 1")
        << QByteArray("i-9223372036854775809e") << qsizetype(0) << "64 bits";
    QTest::addRow("huge integer") << QByteArray("l0:i123456789012345678901234567890ee")
                                  << qsizetype(3) << "64 bits";
    QTest::addRow("string past end") << QByteArray("5:abc") << qsizetype(0) << "past the end";
    QTest::addRow("huge string length")
        << QByteArray("99999999999999999999999:a") << qsizetype(0) << "past the end";
    QTest::addRow("length without colon") << QByteArray("4spam") << qsizetype(1) << "':'";
    QTest::addRow("length beyond input") << QByteArray("12") << qsizetype(0) << "past the end";
    QTest::addRow("length then end") << QByteArray("1") << qsizetype(1) << "end of data";
    QTest::addRow("trailing value") << QByteArray("i1ei2e") << qsizetype(3) << "after the end";
    QTest::addRow("trailing newline") << QByteArray("de\n") << qsizetype(2) << "after the end";
    QTest::addRow("unterminated list") << QByteArray("l4:spam") << qsizetype(7) << "list";
    QTest::addRow("unterminated dict") << QByteArray("d4:spami1e") << qsizetype(10) << "dictionary";
    QTest::addRow("dict key missing value")
        << QByteArray("d3:foo") << qsizetype(6) << "end of data";
    QTest::addRow("integer key") << QByteArray("di1ei2ee") << qsizetype(1) << "not a byte string";
    QTest::addRow("unsorted keys")
        << QByteArray("d3:foo1:a3:bar1:be") << qsizetype(9) << "out of order";
    QTest::addRow("duplicate keys")
        << QByteArray("d3:foo1:a3:foo1:be") << qsizetype(9) << "duplicate";
    QTest::addRow("unsorted nested")
        << QByteArray("d1:ad1:bi1e1:ai2eee") << qsizetype(11) << "out of order";
    QTest::addRow("unknown type byte") << QByteArray("x") << qsizetype(0) << "0x78";
    QTest::addRow("unknown byte in list") << QByteArray("li1e?e") << qsizetype(4) << "0x3f";
    QTest::addRow("negative length") << QByteArray("-1:a") << qsizetype(0) << "0x2d";
    QTest::addRow("too deep") << QByteArray(kBencodeMaxDepth + 1, 'l') +
                                     QByteArray(kBencodeMaxDepth + 1, 'e')
                              << qsizetype(kBencodeMaxDepth) << QString::number(kBencodeMaxDepth);
    QTest::addRow("too many values")
        << QByteArray("l") + QByteArray("0:").repeated(kBencodeMaxValues) + QByteArray("e")
        << qsizetype(1 + 2 * (kBencodeMaxValues - 1)) << "more than";
    QTest::addRow("too deep dicts")
        << QByteArray("d1:a").repeated(kBencodeMaxDepth) + QByteArray("de")
        << qsizetype(4 * kBencodeMaxDepth) << "nested";
}

void BencodeTest::malformed()
{
    QFETCH(QByteArray, input);
    QFETCH(qsizetype, offset);
    QFETCH(QString, mention);

    const BencodeDecodeResult decoded = decodeBencode(input);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.errorOffset, offset);
    QVERIFY2(decoded.error.contains(QStringLiteral("byte %1").arg(offset)),
             qPrintable(decoded.error));
    QVERIFY2(decoded.error.contains(mention), qPrintable(decoded.error));
    QVERIFY(decoded.topLevelSpans.empty());
}

void BencodeTest::nestingAtTheBoundIsAccepted()
{
    const QByteArray input =
        QByteArray(kBencodeMaxDepth, 'l') + "i7e" + QByteArray(kBencodeMaxDepth, 'e');
    const BencodeDecodeResult decoded = decodeBencode(input);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(encodeBencode(decoded.value), input);
}

void BencodeTest::decodedValues()
{
    const BencodeDecodeResult decoded =
        decodeBencode("d3:inti-9223372036854775808e4:listl1:xi3ee3:str3:a:be");
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    const BencodeValue& top = decoded.value;
    QVERIFY(top.isDict());
    QCOMPARE(top.toDict().size(), size_t(3));
    QVERIFY(top.find("int") && top.find("int")->isInteger());
    QCOMPARE(top.find("int")->toInteger(), std::numeric_limits<qint64>::min());
    QVERIFY(top.find("str")->isString());
    QCOMPARE(top.find("str")->toBytes(), QByteArray("a:b"));
    const BencodeValue* list = top.find("list");
    QVERIFY(list && list->isList());
    QCOMPARE(list->toList().size(), size_t(2));
    QCOMPARE(list->toList()[0].toBytes(), QByteArray("x"));
    QCOMPARE(list->toList()[1].toInteger(), qint64(3));
    QVERIFY(!top.find("missing"));
    QVERIFY(!top.find("in"));
    QVERIFY(!list->find("x")); // not a dict
}

void BencodeTest::builderKeepsKeysSorted()
{
    BencodeValue dict = BencodeValue::dict();
    dict.insert("zeta", BencodeValue(qint64(1)));
    dict.insert("alpha", BencodeValue(QByteArray("x")));
    dict.insert(QByteArray("\x80", 1), BencodeValue(qint64(3)));
    dict.insert("mid", BencodeValue::list());
    dict.insert("alpha", BencodeValue(QByteArray("replaced")));
    BencodeValue list = BencodeValue::list();
    list.append(BencodeValue(qint64(-5)));
    list.append(BencodeValue(QByteArray()));
    dict.insert("list", list);

    const QByteArray encoded = encodeBencode(dict);
    QCOMPARE(encoded, QByteArray("d5:alpha8:replaced4:listli-5e0:e3:midle4:zetai1e1:\x80i3ee"));
    const BencodeDecodeResult decoded = decodeBencode(encoded);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QVERIFY(decoded.value == dict);

    QVERIFY(dict.remove("mid"));
    QVERIFY(!dict.remove("mid"));
    QVERIFY(!(decodeBencode(encodeBencode(dict)).value == decoded.value));
}

void BencodeTest::topLevelSpans()
{
    const QByteArray input("d8:announce3:url4:infod6:lengthi5e4:name1:xe5:zzzzzi1ee");
    const BencodeDecodeResult decoded = decodeBencode(input);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    const std::optional<BencodeSpan> info = decoded.spanOf("info");
    QVERIFY(info.has_value());
    QCOMPARE(input.mid(info->offset, info->length), QByteArray("d6:lengthi5e4:name1:xe"));
    const std::optional<BencodeSpan> last = decoded.spanOf("zzzzz");
    QVERIFY(last.has_value());
    QCOMPARE(input.mid(last->offset, last->length), QByteArray("i1e"));
    QVERIFY(!decoded.spanOf("length").has_value()); // nested keys are not top level
    QVERIFY(!decoded.spanOf("missing").has_value());

    QVERIFY(decodeBencode("l4:infoe").topLevelSpans.empty());
}

void BencodeTest::mutatedInputIsRejectedOrCanonical()
{
    // Random edits of a valid document: whatever the decoder accepts must re-encode to exactly
    // the input (so hashes of raw bytes and of re-encoded values never differ), and every
    // rejection must point inside the input.
    const QByteArray base("d8:announce22:http://127.0.0.1:1/ann4:infod6:lengthi1048581e4:name7:a b."
                          "cab12:piece lengthi262144e6:pieces20:0123456789abcdefghije8:url-listl5:"
                          "http:5:https0:ee");
    QVERIFY2(decodeBencode(base).ok, qPrintable(decodeBencode(base).error));
    const char alphabet[] = "0123456789ilde:-x";
    QRandomGenerator random(20240501);
    int accepted = 0;
    for (int round = 0; round < 20000; ++round) {
        QByteArray input = base;
        for (int edits = 1 + int(random.bounded(3)); edits > 0 && !input.isEmpty(); --edits) {
            const auto at = qsizetype(random.bounded(int(input.size())));
            const char c = alphabet[random.bounded(int(sizeof alphabet - 1))];
            switch (random.bounded(4)) {
            case 0:
                input[at] = c;
                break;
            case 1:
                input.insert(at, c);
                break;
            case 2:
                input.remove(at, 1 + random.bounded(4));
                break;
            default:
                input.truncate(at);
                break;
            }
        }
        const BencodeDecodeResult decoded = decodeBencode(input);
        if (decoded.ok) {
            ++accepted;
            QCOMPARE(encodeBencode(decoded.value), input);
        } else {
            QVERIFY(decoded.errorOffset >= 0 && decoded.errorOffset <= input.size());
            QVERIFY(!decoded.error.isEmpty());
        }
    }
    QVERIFY(accepted > 0);
}

QTEST_GUILESS_MAIN(BencodeTest)
#include "test_bencode.moc"
